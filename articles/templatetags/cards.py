"""{% card article variant="section" heading_level=3 %}, {% cards articles %} and
{% category_label category %}: the markup is written in Python (articles/cards.py says why)."""

from django import template

from ..cards import card_html, cards_html, category_label_html

register = template.Library()


@register.simple_tag
def card(article, variant="", heading_level=2, snippet=None):
    return card_html(article, variant=variant, heading_level=heading_level, snippet=snippet)


@register.simple_tag
def cards(articles, variant="", heading_level=2):
    """The cards of a whole list: one tag call rather than one per article."""
    return cards_html(articles, variant=variant, heading_level=heading_level)


@register.simple_tag
def category_label(category):
    return category_label_html(category)
