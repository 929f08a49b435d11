"""What every reader page has around its content, written in Python like the cards
(articles/cards.py): the masthead (the site's name, the search form, the section links), the
feed links of its head, and the site footer.

With the fragment cache cold these were rendered on every request: their templates, includes
and a {% url %} per link took Django's engine about 0.8 ms for the masthead alone, as much as
the query for its categories. Their fixed addresses are reversed once (articles/addresses.py).
Every value goes through conditional_escape(), as {{ }} does.
"""

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from . import page_parts
from .addresses import fixed_address, slug_address

# The footer's second list: the core's own pages.
SITE_LINKS = (
    ("Home", "articles:home"),
    ("Our journalists", "articles:authors"),
    ("Search", "articles:search"),
    ("RSS feed", "articles:feed"),
    ("Atom feed", "articles:feed-atom"),
)


def search_form_html(form_id: str, *, query: str = "", label: str = "") -> SafeString:
    """The search box of the masthead and the page-not-found page (the search page has its own,
    with filters)."""
    label, form_id = conditional_escape(label), conditional_escape(form_id)
    return SafeString(
        f'<form class="search-form" role="search" aria-label="{label}"'
        f' action="{conditional_escape(fixed_address("articles:search"))}" method="get">'
        f'<label class="visually-hidden" for="{form_id}">{label}</label>'
        f'<input class="search-form__input" type="search" id="{form_id}" name="q"'
        f' value="{conditional_escape(query)}" maxlength="200" placeholder="Search articles"'
        ' autocomplete="off">'
        '<button class="search-form__button" type="submit">Search</button>'
        "</form>"
    )


def masthead_html(site_name, tagline, categories, current_slug=None) -> SafeString:
    """The masthead: `categories` link to their pages, the one being read marked current."""
    current = ' aria-current="page"'
    links = "".join(
        f'<li><a href="{conditional_escape(category.get_absolute_url())}"'
        f"{current if category.slug == current_slug else ''}>"
        f"{conditional_escape(category.name)}</a></li>"
        for category in categories
    )
    return SafeString(
        '<header class="masthead"><div class="masthead__inner">'
        f'<a class="masthead__brand" href="{conditional_escape(fixed_address("articles:home"))}">'
        # The space keeps the name and the tagline apart in the link's accessible name.
        f'<span class="masthead__name">{conditional_escape(site_name)}</span> '
        f'<span class="masthead__tagline">{conditional_escape(tagline)}</span></a>'
        f"{search_form_html('masthead-search', label='Search the whole site')}"
        '</div><nav class="site-nav" aria-label="Sections">'
        f'<ul class="site-nav__list">{links}</ul></nav></header>'
    )


def _links(links) -> str:
    return "".join(
        f'<li><a href="{conditional_escape(fixed_address(url_name))}">'
        f"{conditional_escape(label)}</a></li>"
        for label, url_name in links
    )


def site_footer_html(site_name, tagline, year) -> SafeString:
    """The footer: the pages the apps registered (page_parts.register_footer_link), the core's
    own, the copyright line and a way back to the top."""
    return SafeString(
        '<footer class="site-footer"><nav class="site-footer__nav" aria-label="Site">'
        f"<ul>{_links(page_parts.footer_links())}</ul><ul>{_links(SITE_LINKS)}</ul></nav>"
        f"<p>&copy; {conditional_escape(year)} {conditional_escape(site_name)}."
        f" {conditional_escape(tagline)}.</p>"
        '<p><a class="back-to-top" href="#top">Back to top <span aria-hidden="true">↑</span>'
        "</a></p></footer>"
    )


def feed_links_html(title, rss_name: str, atom_name: str, slug=None) -> SafeString:
    """The <link>s to a page's RSS and Atom feeds, named by their URL names (with the slug of
    the category, tag, source or author when they take one)."""
    if slug is None:
        rss, atom = fixed_address(rss_name), fixed_address(atom_name)
    else:
        rss, atom = slug_address(rss_name, slug), slug_address(atom_name, slug)
    title = conditional_escape(title)
    return SafeString(
        f'<link rel="alternate" type="application/rss+xml" title="{title} (RSS)"'
        f' href="{conditional_escape(rss)}">\n'
        f'  <link rel="alternate" type="application/atom+xml" title="{title} (Atom)"'
        f' href="{conditional_escape(atom)}">'
    )
