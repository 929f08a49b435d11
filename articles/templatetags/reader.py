"""Template tags for the reader site's metadata: absolute URLs, canonical links, JSON-LD."""

import json

from django import template
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.urls import NoReverseMatch, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from articles import page_parts
from articles.article_html import filed_under_html, related_list_html
from articles.dates import isoformat
from articles.fragments import article_version
from articles.masthead import feed_links_html, masthead_html, search_form_html, site_footer_html
from images.renditions import SHARE_WIDTH, rendition

register = template.Library()


@register.simple_tag(name="article_version")
def article_version_tag(article):
    """The version of what an article page's cached fragments show (articles/fragments.py)."""
    return article_version(article)


@register.simple_tag
def article_parts(place):
    """The templates other apps registered for `place` on the article page (page_parts.py)."""
    return page_parts.article_parts(place)


# As Django's json_script: inside <script>, "<", ">" and "&" are written as \u escapes, so a
# headline containing "</script>" cannot end the element early.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute(request, path: str) -> str:
    """`path` on this site, absolute: the Sites framework's domain and the request's scheme."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{request.scheme}://{get_current_site(request).domain}{path}"


@register.simple_tag(takes_context=True)
def absolute_url(context, view_or_path, *args, **kwargs):
    """`{% absolute_url "articles:home" %}`, `{% absolute_url article.get_absolute_url %}`."""
    path = str(view_or_path)
    if not path.startswith("/"):
        try:
            path = reverse(path, args=args, kwargs=kwargs)
        except NoReverseMatch:
            path = "/" + path
    return absolute(context["request"], path)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address without tracking or other parameters; list pages keep their number."""
    request = context["request"]
    # A page reachable at more than one address (an article at an old one) names its own.
    url = absolute(request, context.get("canonical_path") or request.path)
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number is None:  # a page by cursor (articles/keyset.py)
        if page_obj.cursor:
            url += "?{}={}".format(*page_obj.cursor)
        elif page_obj.newer_cursor:  # the oldest page
            url += "?page=last"
    elif page_obj is not None and page_obj.number > 1:
        url += f"?page={page_obj.number}"
    return url


@register.filter
def json_ld(data) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return mark_safe(
        '<script type="application/ld+json">'
        + payload.translate(_JSON_SCRIPT_ESCAPES)
        + "</script>"
    )


@register.simple_tag(takes_context=True)
def article_meta(context, article):
    """The article's Open Graph times, sections and tags, then its JSON-LD: written here rather
    than in a template (a loop per label and a filter per time cost the cold page about 0.6 ms);
    every value escaped as {{ }} would."""
    tags = []
    if article.published_at:
        published = conditional_escape(isoformat(article.published_at))
        tags.append(f'<meta property="article:published_time" content="{published}">')
    if article.updated_at:
        updated = conditional_escape(isoformat(article.updated_at))
        tags.append(f'<meta property="article:modified_time" content="{updated}">')
    tags.extend(
        f'<meta property="article:section" content="{conditional_escape(category.name)}">'
        for category in article.category_list
    )
    tags.extend(
        f'<meta property="article:tag" content="{conditional_escape(tag.name)}">'
        for tag in article.tag_list
    )
    tags.append(article_structured_data(context, article))
    return SafeString("\n  ".join(tags))


def article_structured_data(context, article):
    """JSON-LD NewsArticle and BreadcrumbList for an article, from what the page has fetched."""
    request = context["request"]
    url = absolute(request, article.get_absolute_url())
    site_name = settings.NEWSDESK["SITE_NAME"]
    publisher = {
        "@type": "NewsMediaOrganization",
        "name": site_name,
        "url": absolute(request, reverse("articles:home")),
    }
    news_article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.headline[:110],
        "description": article.standfirst,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": (article.last_changed_at or article.modified_at).isoformat(),
        "author": [author_data(request, article, publisher)],
        "publisher": publisher,
        "articleSection": article.section.name if article.section else None,
        "keywords": [tag.name for tag in article.tag_list],
        "inLanguage": "en",
    }
    if article.source:
        news_article["sourceOrganization"] = {"@type": "Organization", "name": article.source.name}
    if article.lead_image and (shared := rendition(article.lead_image, SHARE_WIDTH)):
        news_article["image"] = [absolute(request, shared.url)]
    crumbs = [("Home", reverse("articles:home"))]
    if article.section:
        crumbs.append((article.section.name, article.section.get_absolute_url()))
    crumbs.append((article.headline, article.get_absolute_url()))
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": absolute(request, path)}
            for n, (name, path) in enumerate(crumbs, start=1)
        ],
    }
    return json_ld(news_article) + json_ld(breadcrumbs)


def person(request, author) -> dict:
    data = {
        "@type": "Person",
        "name": author.name,
        "url": absolute(request, author.get_absolute_url()),
    }
    if author.role:
        data["jobTitle"] = author.role
    if author.photo:
        data["image"] = absolute(request, author.photo.url)
    if links := author.profile_links():
        data["sameAs"] = links
    return data


def author_data(request, article, publisher) -> dict:
    """A staff author is a Person with their page; wire copy names its source's organisation."""
    if article.author_profile:
        return person(request, article.author_profile)
    if article.byline:
        return {"@type": "Organization", "name": article.byline}
    if article.source:
        return {"@type": "Organization", "name": article.source.name}
    return publisher


@register.simple_tag(takes_context=True)
def author_structured_data(context, author):
    """JSON-LD ProfilePage for an author page, its main entity the Person."""
    request = context["request"]
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "ProfilePage",
            "url": absolute(request, author.get_absolute_url()),
            "mainEntity": {**person(request, author), "description": author.bio or None},
        }
    )


@register.simple_tag
def masthead(site_name, tagline, categories, current_slug=None):
    """The masthead of every reader page (articles/masthead.py)."""
    return masthead_html(site_name, tagline, categories, current_slug)


@register.simple_tag
def search_form(form_id, query="", label=""):
    return search_form_html(form_id, query=query, label=label)


@register.simple_tag
def filed_under(article):
    """The article's categories and tags, linked (articles/article_html.py)."""
    return filed_under_html(article.category_list, article.tag_list)


@register.simple_tag
def related_list(articles):
    return related_list_html(articles)


@register.simple_tag
def site_footer(site_name, tagline, year):
    return site_footer_html(site_name, tagline, year)


@register.simple_tag
def feed_links(title, rss_name, atom_name, slug=None):
    """The page's feed <link>s, by URL names (articles/masthead.py)."""
    return feed_links_html(title, rss_name, atom_name, slug)
