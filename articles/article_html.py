"""Parts of the article page written in Python, as the cards are (articles/cards.py says why):
the "Filed under" list of its categories and tags, and the related articles. With the fragment
cache cold, their templates (a loop, a {% url %} per tag, a {% picture %} and two date filters
per related article) were rendered on every request. Every value goes through
conditional_escape(), as {{ }} does."""

from collections.abc import Iterable

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from images.picture import picture_html

from .addresses import slug_address
from .dates import isoformat, shown_day


def filed_under_html(categories, tags) -> SafeString:
    if not categories and not tags:
        return SafeString("")
    items = [
        f'<li><a class="tag-list__category" href="{conditional_escape(category.get_absolute_url())}">'
        f"{conditional_escape(category.name)}</a></li>"
        for category in categories
    ]
    items.extend(
        f'<li><a href="{conditional_escape(slug_address("articles:tag", tag.slug))}">'
        f"{conditional_escape(tag.name)}</a></li>"
        for tag in tags
    )
    return SafeString(
        '<footer class="article__tags"><h2 class="visually-hidden">Filed under</h2>'
        f'<ul class="tag-list">{"".join(items)}</ul></footer>'
    )


def related_list_html(articles: Iterable) -> SafeString:
    items = []
    for related in articles:
        if related.lead_image:
            picture = picture_html(
                related.lead_image, sizes="5.5rem", css_class="related__image", loading="lazy"
            )
            item_class = "related__item"
        else:
            picture, item_class = SafeString(""), "related__item related__item--text"
        items.append(
            f'<li class="{item_class}">{picture}'
            f'<a href="{conditional_escape(related.get_absolute_url())}">'
            f"{conditional_escape(related.headline)}</a> "
            f'<time datetime="{conditional_escape(isoformat(related.published_at))}">'
            f"{conditional_escape(shown_day(related.published_at))}</time></li>"
        )
    if not items:
        return SafeString("")
    return SafeString(
        '<aside class="related" aria-labelledby="related-heading">'
        '<h2 id="related-heading">Related Articles</h2>'
        f'<ul class="related__list">{"".join(items)}</ul></aside>'
    )
