"""Places on reader pages that the apps built on the core fill with a template of theirs.

The core's templates know the places, not the apps: the workflow app puts corrections after the
body, the comments app puts the comments after the article, readership puts "Most read" beside
articles and on the home page, breaking puts its banner at the top of every page, each
registering its template from its AppConfig.ready(). Without those apps a page simply has no
such part. The site footer's links are registered as a label and a URL name
(register_footer_link): the footer is written in Python (articles/masthead.py).
"""

AFTER_BODY = "after_body"  # inside the article's cached fragment: the same for every reader
AFTER_ARTICLE = "after_article"  # outside it: may vary per reader (e.g. pending comments)
ARTICLE_ASIDE = "article_aside"  # beside the article (below it on a phone)
HOME_ASIDE = "home_aside"  # the home page's side column, under the latest stories
PAGE_TOP = "page_top"  # every reader page, under the masthead: rendered per request

_parts: dict[str, list[str]] = {
    place: [] for place in (AFTER_BODY, AFTER_ARTICLE, ARTICLE_ASIDE, HOME_ASIDE, PAGE_TOP)
}
# (label, URL name) of the links in the site footer's first list, in the order registered.
_footer_links: list[tuple[str, str]] = []


def register_article_part(place: str, template_name: str) -> None:
    if place not in _parts:
        raise ValueError(f"No place {place!r} on the article page; there are {sorted(_parts)}")
    if template_name not in _parts[place]:
        _parts[place].append(template_name)


def article_parts(place: str) -> tuple[str, ...]:
    return tuple(_parts[place])


def register_footer_link(label: str, url_name: str) -> None:
    """A link in the site footer's first list: a page of the app's, named by a URL name that
    takes no argument."""
    if (label, url_name) not in _footer_links:
        _footer_links.append((label, url_name))


def footer_links() -> tuple[tuple[str, str], ...]:
    return tuple(_footer_links)
