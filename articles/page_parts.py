"""Places on reader pages that the apps built on the core fill with a template of theirs.

The core's templates know the places, not the apps: the workflow app puts corrections after the
body, the comments app puts the comments after the article, readership puts "Most read" beside
articles and on the home page, breaking puts its banner at the top of every page, each
registering its template from its AppConfig.ready(). Without those apps a page simply has no
such part.
"""

AFTER_BODY = "after_body"  # inside the article's cached fragment: the same for every reader
AFTER_ARTICLE = "after_article"  # outside it: may vary per reader (e.g. pending comments)
ARTICLE_ASIDE = "article_aside"  # beside the article (below it on a phone)
HOME_ASIDE = "home_aside"  # the home page's side column, under the latest stories
PAGE_TOP = "page_top"  # every reader page, under the masthead: rendered per request
FOOTER_LINKS = "footer_links"  # list items in the site footer's first list (a cached fragment)

_parts: dict[str, list[str]] = {
    place: []
    for place in (AFTER_BODY, AFTER_ARTICLE, ARTICLE_ASIDE, HOME_ASIDE, PAGE_TOP, FOOTER_LINKS)
}


def register_article_part(place: str, template_name: str) -> None:
    if place not in _parts:
        raise ValueError(f"No place {place!r} on the article page; there are {sorted(_parts)}")
    if template_name not in _parts[place]:
        _parts[place].append(template_name)


def article_parts(place: str) -> tuple[str, ...]:
    return tuple(_parts[place])
