"""Slugs of imported articles, categories, tags and authors, by the site's one slug policy.

WordPress's own slug is kept wherever it is already one the site would make (lowercase letters
of any alphabet, digits and hyphens: what WordPress's sanitize_title writes, so nearly always),
since it is the address readers and search engines know; anything else goes through
`articles.slugs.slug_for_name`, as the admin does. Non-ASCII slugs stay as written
(`учения-северного-флота`, `日本`: the `uslug` URL converter takes them, links carry them
percent-encoded), never transliterated. A name with no letter or digit gets the caller's
fallback (`wordpress-12`, `tag-5`), else the policy's stable `prefix-<digest>`.
"""

import re

from articles.slugs import slug_for_name

_WORDY = re.compile(r"[^\W_]")


def site_slug(*sources, max_length, prefix, fallback=""):
    """The slug for the first of `sources` (WordPress's slug, then a name) that has a letter or
    a digit: unchanged when already in the site's form, else made so by slug_for_name."""
    for source in sources:
        if source and _WORDY.search(source):
            return slug_for_name(source, max_length=max_length, prefix=prefix)
    if fallback:
        return fallback[:max_length]
    return slug_for_name(next((s for s in sources if s), ""), max_length=max_length, prefix=prefix)


def unique_slug(base, *, taken, max_length):
    """`base`, or `base-2`, `base-3`... the first that `taken(slug)` says is free."""
    slug = base[:max_length].strip("-")
    counter = 2
    while taken(slug):
        suffix = f"-{counter}"
        slug = base[: max_length - len(suffix)].strip("-") + suffix
        counter += 1
    return slug
