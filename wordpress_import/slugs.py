"""Slugs as the rest of the site makes them: ASCII letters, digits and hyphens.

The admin's slug field (Django's URLify) transliterates accents and the Cyrillic and Greek
alphabets as an editor types a headline; the same is done here for imported names, so
"Défense" gives "defense" and "Учения флота" gives "ucheniya-flota". Scripts without a Latin
spelling here (Japanese, Arabic...) get the caller's fallback (e.g. "tag-12"), and the name itself
stays as written wherever readers see it.
"""

import unicodedata

from django.utils.text import slugify

CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґў",
        "a b v g d e yo zh z i j k l m n o p r s t u f h c ch sh sh - y - e yu ya ye i yi g u".split(),
        strict=True,
    )
)
GREEK = dict(
    zip(
        "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς",
        "a b g d e z h 8 i k l m n 3 o p r s t y f x ps w a e h i o y w i y i y s".split(),
        strict=True,
    )
)
TRANSLITERATION = {**CYRILLIC, **GREEK}
TRANSLITERATION["ъ"] = TRANSLITERATION["ь"] = ""


def transliterate(text):
    out = []
    for char in unicodedata.normalize("NFKC", text):
        lower = char.lower()
        if lower in TRANSLITERATION:
            out.append(TRANSLITERATION[lower])
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)


def ascii_slug(text, *, max_length=100):
    slug = slugify(transliterate(text or ""))[:max_length].strip("-")
    return slug


def unique_slug(base, *, taken, max_length):
    """`base`, or `base-2`, `base-3`... the first that `taken(slug)` says is free."""
    slug = base[:max_length].strip("-")
    counter = 2
    while taken(slug):
        suffix = f"-{counter}"
        slug = base[: max_length - len(suffix)].strip("-") + suffix
        counter += 1
    return slug
