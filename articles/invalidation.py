"""What each change of content outdates, as tags of articles/cache_tags.py.

An article that readers can see (or could see until this change) outdates its own page and
every list it is on: home, its categories, tags, source and author, feeds, sitemaps, search.
An article leaving the site outdates every article page too, since any of them may link to it
among its related articles; a new article reaches other articles' related lists when their
pages expire (NEWSDESK["PAGE_CACHE_SECONDS"]). Drafts and scheduled articles outdate only their
own preview fragments. Renaming a category outdates everything showing the navigation; renaming
a source or a tag, which cards show everywhere, outdates the whole site (rare).

A library image edited (its words or its file) outdates the pages showing it: see image_changed.

Apps built on the core call `article_shown_changed()` for what they add to article pages
(comments, corrections); they need no other import.
"""

from django.contrib.sites.models import Site
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from taggit.models import Tag

from images.models import Image

from . import cache_tags
from .models import Article, AuthorProfile, Category, RelatedLink, Source, TaggedArticle
from .schedule import next_publication_changed


def article_shown_changed(article_ids) -> None:
    """Something shown on these articles' pages alone changed (a comment, a correction)."""
    cache_tags.bump(*(cache_tags.article(pk) for pk in article_ids))


def editors_lists_changed(**_signal_kwargs) -> None:
    """An article or a comment was written: the admin's kept counts must not lag behind."""
    cache_tags.bump(cache_tags.EDITORS_LISTS)


# Pages that may list any article: its labels changing changes them.
LISTED_EVERYWHERE = [
    cache_tags.HOME,
    cache_tags.FEEDS,
    cache_tags.SITEMAPS,
    cache_tags.SEARCH,
]


def lists_of(article) -> list[str]:
    """The tags of every page listing `article` as it is in the database now."""
    tags = list(LISTED_EVERYWHERE)
    tags += [cache_tags.category(pk) for pk in article.categories.values_list("pk", flat=True)]
    tags += [
        cache_tags.tag(pk)
        for pk in TaggedArticle.objects.filter(content_object=article).values_list(
            "tag_id", flat=True
        )
    ]
    if article.source_id:
        tags.append(cache_tags.source(article.source_id))
    if article.author_profile_id:
        tags.append(cache_tags.author(article.author_profile_id))
    return tags


def pages_linking_to(article_pk) -> list[str]:
    """Article pages whose editor chose this one among their related articles."""
    return [
        cache_tags.article(pk)
        for pk in RelatedLink.objects.filter(to_article_id=article_pk).values_list(
            "from_article_id", flat=True
        )
    ]


def remember_visibility(sender, instance, **kwargs):
    previous = (
        Article.objects.filter(pk=instance.pk)
        .values("status", "published_at", "source_id", "author_profile_id")
        .first()
        if instance.pk
        else None
    )
    if previous is None:
        instance._was_visible, instance._previous_lists = False, []
        return
    instance._was_visible = Article(
        status=previous["status"], published_at=previous["published_at"]
    ).is_published()
    # Moved to another source or author: the old one's page lists it no more.
    instance._previous_lists = [
        cache_tags.source(previous["source_id"]) if previous["source_id"] else "",
        cache_tags.author(previous["author_profile_id"]) if previous["author_profile_id"] else "",
    ]


def article_saved(sender, instance, **kwargs):
    next_publication_changed()
    was_visible = getattr(instance, "_was_visible", False)
    visible = instance.is_published()
    tags = [cache_tags.article(instance.pk)]
    if was_visible or visible:
        tags += lists_of(instance) + pages_linking_to(instance.pk)
        tags += [tag for tag in getattr(instance, "_previous_lists", []) if tag]
    if was_visible and not visible:
        tags.append(cache_tags.ARTICLE_PAGES)
    cache_tags.bump(*tags)


def article_leaving(sender, instance, **kwargs):
    # Before the delete: afterwards its category and tag rows are gone.
    next_publication_changed()
    tags = [cache_tags.article(instance.pk)]
    if instance.is_published():
        tags += lists_of(instance) + pages_linking_to(instance.pk) + [cache_tags.ARTICLE_PAGES]
    cache_tags.bump(*tags)


def categories_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """An article put in or taken out of categories (from either side of the relation)."""
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    if reverse:  # category.articles.add(...)
        articles, categories = list(pk_set or ()), [instance.pk]
        if action == "pre_clear":
            articles = list(instance.articles.values_list("pk", flat=True))
    else:
        articles, categories = [instance.pk], list(pk_set or ())
        if action == "pre_clear":
            categories = list(instance.categories.values_list("pk", flat=True))
    tags = [cache_tags.article(pk) for pk in articles]
    if Article.objects.published().filter(pk__in=articles).exists():
        tags += [cache_tags.category(pk) for pk in categories] + LISTED_EVERYWHERE
    cache_tags.bump(*tags)


def tagging_changed(sender, instance, **kwargs):
    """A tag put on or taken off an article (taggit saves and deletes TaggedArticle rows)."""
    tags = [cache_tags.article(instance.content_object_id)]
    if Article.objects.published().filter(pk=instance.content_object_id).exists():
        tags += [cache_tags.tag(instance.tag_id), *LISTED_EVERYWHERE]
    cache_tags.bump(*tags)


def category_changed(sender, instance, **kwargs):
    cache_tags.bump(
        cache_tags.category(instance.pk),
        cache_tags.NAVIGATION,
        cache_tags.HOME,
        cache_tags.FEEDS,
        cache_tags.SITEMAPS,
    )


def label_changed(sender, instance, created=False, **kwargs):
    """A source or a tag renamed or deleted: cards everywhere show its name. A new one is on
    no page yet."""
    if not created:
        cache_tags.bump(cache_tags.SITE)


def author_changed(sender, instance, created=False, **kwargs):
    """A staff author's profile: the authors' page, theirs, and bylines on every card (rare)."""
    cache_tags.bump(cache_tags.AUTHORS, cache_tags.author(instance.pk))
    if not created:
        cache_tags.bump(cache_tags.SITE)


def related_link_changed(sender, instance, **kwargs):
    cache_tags.bump(cache_tags.article(instance.from_article_id))


# An image leading more articles than this outdates the whole site rather than each list.
MANY_ARTICLES = 50


def image_changed(sender, instance, created=False, **kwargs):
    """A library image's words or file changed (or it left the library). A new one is on no
    page yet. Its articles as lead image: their pages and every list showing their cards. In a
    body figure or a related article's card: any article page (finding the bodies that use it
    would read every body; editing a published photo's words is rare, so every article page
    rebuilding its fragments once is the cheaper side)."""
    if created:
        return
    tags = [cache_tags.ARTICLE_PAGES]
    leading = Article.objects.filter(lead_image=instance.pk)
    if leading[MANY_ARTICLES:].exists():
        tags.append(cache_tags.SITE)
    else:
        for article in leading.only("pk", "status", "published_at", "source", "author_profile"):
            tags.append(cache_tags.article(article.pk))
            if article.is_published():
                tags += lists_of(article)
    cache_tags.bump(*tags)


def site_changed(sender, instance, **kwargs):
    # Its domain is in every absolute URL: canonical links, Open Graph, feeds, sitemaps.
    cache_tags.bump(cache_tags.SITE)


def connect():
    def on_change(receiver, model, name):
        post_save.connect(receiver, sender=model, dispatch_uid=f"newsdesk-{name}-save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"newsdesk-{name}-delete")

    pre_save.connect(remember_visibility, sender=Article, dispatch_uid="newsdesk-article-before")
    post_save.connect(article_saved, sender=Article, dispatch_uid="newsdesk-article-save")
    on_change(editors_lists_changed, Article, "article-editors-lists")
    pre_delete.connect(article_leaving, sender=Article, dispatch_uid="newsdesk-article-delete")
    m2m_changed.connect(
        categories_changed,
        sender=Article.categories.through,
        dispatch_uid="newsdesk-article-categories",
    )
    on_change(tagging_changed, TaggedArticle, "tagging")
    on_change(category_changed, Category, "category")
    on_change(label_changed, Source, "source")
    on_change(label_changed, Tag, "tag")
    on_change(author_changed, AuthorProfile, "author-profile")
    on_change(related_link_changed, RelatedLink, "related-link")
    on_change(site_changed, Site, "site")
    on_change(image_changed, Image, "library-image")
