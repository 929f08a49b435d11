"""The article card: headline, label, standfirst or search snippet, date, byline, comment count
and picture, as every list of articles shows it (home page, category, tag, source and author
pages, search results).

Written in Python, not as a template include, because of what it cost: Django's template engine
took about 0.5 ms a card (the include, its nested label include and the {% picture %} tag), with
25 cards on the home page and 12 on each list page, every time the fragment cache is cold. This
function writes the same markup (whitespace between elements aside) in about half the time; most
of what is left is the picture. Every value shown goes through conditional_escape(),
as {{ }} in a template does: text is escaped, what is already safe (a search snippet with its
<mark>s, a picture) passes unchanged. Built with f-strings rather than format_html(), whose
per-call formatting took a third of the time (as images/picture.py found for srcsets).
"""

from collections.abc import Iterable

from django.utils import formats
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from images.picture import picture_html

from .dates import isoformat, shown_day

# The picture's `sizes` per variant: the slot's width in each layout (static/css/site.css), so a
# phone takes a small copy. The lead picture is at the top of the page: no lazy loading.
PICTURE_SIZES = {
    "lead": "(min-width: 75rem) 46rem, (min-width: 60rem) 62vw, calc(100vw - 2rem)",
    "compact": "6.5rem",
    "secondary": "(max-width: 40rem) 5.5rem, 23rem",
    "section": "(max-width: 40rem) 5.5rem, 23rem",
}
DEFAULT_PICTURE_SIZES = "(min-width: 60rem) 23rem, calc(100vw - 2rem)"
# A "headline" card (the home page's Latest column) has no picture and no standfirst.
HEADLINE = "headline"


def category_label_html(category) -> SafeString:
    """The label naming an article's section, linked to its page (cards and article pages)."""
    if not category:
        return SafeString("")
    return SafeString(
        f'<p class="category-label"><a href="{conditional_escape(category.get_absolute_url())}">'
        f"{conditional_escape(category.name)}</a></p>"
    )


def card_picture_html(article, variant: str) -> SafeString:
    if not article.lead_image or variant == HEADLINE:
        return SafeString("")
    top_of_page = variant == "lead"
    return picture_html(
        article.lead_image,
        sizes=PICTURE_SIZES.get(variant, DEFAULT_PICTURE_SIZES),
        loading="eager" if top_of_page else "lazy",
        fetchpriority="high" if top_of_page else "",
        css_class="card__image",
    )


def card_meta_html(article, url: str) -> SafeString:
    """Date, then the author's or else the source's name, then the comment count if any."""
    published_at = article.published_at
    meta = (
        f'<p class="card__meta"><time datetime="{conditional_escape(isoformat(published_at))}">'
        f"{conditional_escape(shown_day(published_at))}</time>"
    )
    if credit := article.author_profile or article.source:
        meta += (
            f' · <a href="{conditional_escape(credit.get_absolute_url())}">'
            f"{conditional_escape(credit.name)}</a>"
        )
    if count := article.comment_count:
        meta += (
            f' · <a class="card__comments" href="{conditional_escape(url)}#comments">'
            f"{conditional_escape(formats.localize(count))} comment{'' if count == 1 else 's'}</a>"
        )
    return SafeString(meta + "</p>")


def card_html(article, *, variant: str = "", heading_level: int = 2, snippet=None) -> SafeString:
    """One article's card. `variant` is the layout ("lead", "secondary", "section", "compact",
    "headline", or "" for a list page's card); `snippet`, when given, replaces the standfirst
    (search results: a SafeString with its matches in <mark>, or plain text, escaped here)."""
    variant = variant or ""
    url = article.get_absolute_url()
    heading = "h3" if heading_level == 3 else "h2"
    if snippet:
        text = f'<p class="card__standfirst card__snippet">{conditional_escape(snippet)}</p>'
    elif variant != HEADLINE:
        text = f'<p class="card__standfirst">{conditional_escape(article.standfirst)}</p>'
    else:
        text = ""
    lines = [
        f'<article class="card{conditional_escape(" card--" + variant) if variant else ""}">',
        card_picture_html(article, variant),
        '<div class="card__text">',
        category_label_html(article.section),
        f'<{heading} class="card__headline"><a href="{conditional_escape(url)}">'
        f"{conditional_escape(article.headline)}</a></{heading}>",
        text,
        card_meta_html(article, url),
        "</div>\n</article>\n",
    ]
    # Safe: each line is literal markup, escaped values, or safe HTML (picture, label, meta).
    return SafeString("\n".join(line for line in lines if line))


def cards_html(articles: Iterable, **options) -> SafeString:
    """The cards of a list of articles, each as card_html(article, **options)."""
    # As {% for %}, nothing (None, "") means no cards.
    return SafeString("".join([card_html(article, **options) for article in articles or ()]))
