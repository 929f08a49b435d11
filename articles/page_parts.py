"""Places on the article page that the apps built on the core fill with a template of theirs.

The core's article template knows the places, not the apps: the workflow app puts corrections
after the body, the comments app puts the comments after the article, each registering its
template from its AppConfig.ready(). Without those apps the page simply has no such part.
"""

AFTER_BODY = "after_body"  # inside the article's cached fragment: the same for every reader
AFTER_ARTICLE = "after_article"  # outside it: may vary per reader (e.g. pending comments)

_parts: dict[str, list[str]] = {AFTER_BODY: [], AFTER_ARTICLE: []}


def register_article_part(place: str, template_name: str) -> None:
    if place not in _parts:
        raise ValueError(f"No place {place!r} on the article page; there are {sorted(_parts)}")
    if template_name not in _parts[place]:
        _parts[place].append(template_name)


def article_parts(place: str) -> tuple[str, ...]:
    return tuple(_parts[place])
