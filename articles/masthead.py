"""The masthead every reader page opens with (the site's name, the search form, the section
links) and the small search form, written in Python like the cards (articles/cards.py).

With the fragment cache cold the masthead was rendered on every request: its template, the
search form's include and a loop of links took Django's engine about 0.8 ms, as much as the
query for the categories. Every value goes through conditional_escape(), as {{ }} does.
"""

from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString


def search_form_html(form_id: str, *, query: str = "", label: str = "") -> SafeString:
    """The search box of the masthead and the page-not-found page (the search page has its own,
    with filters)."""
    label, form_id = conditional_escape(label), conditional_escape(form_id)
    return SafeString(
        f'<form class="search-form" role="search" aria-label="{label}"'
        f' action="{conditional_escape(reverse("articles:search"))}" method="get">'
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
        f'<a class="masthead__brand" href="{conditional_escape(reverse("articles:home"))}">'
        # The space keeps the name and the tagline apart in the link's accessible name.
        f'<span class="masthead__name">{conditional_escape(site_name)}</span> '
        f'<span class="masthead__tagline">{conditional_escape(tagline)}</span></a>'
        f"{search_form_html('masthead-search', label='Search the whole site')}"
        '</div><nav class="site-nav" aria-label="Sections">'
        f'<ul class="site-nav__list">{links}</ul></nav></header>'
    )
