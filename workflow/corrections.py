"""The public corrections page and feed: every correction and update on a published article,
newest first, each linked to its article."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.generic import ListView

from articles.feeds import strip_feed
from articles.models import Article

from .models import ArticleNote

FEED_LENGTH = 30


# The cache tag of the pages listing corrections (articles/cache_tags.py has the core's).
CORRECTIONS = "corrections"


def public_notes():
    return (
        ArticleNote.objects.filter(article__in=Article.objects.published())
        .select_related("article")
        .order_by("-created_at", "-id")
    )


class CorrectionsView(ListView):
    template_name = "workflow/corrections.html"
    context_object_name = "notes"

    def get_paginate_by(self, queryset):
        return settings.NEWSDESK["PAGE_SIZE"] * 2

    def get_queryset(self):
        return public_notes()


class CorrectionsRss(Feed):
    title = f"Corrections and updates — {settings.NEWSDESK['SITE_NAME']}"
    description = "Every correction and update to our published articles, newest first."
    language = "en"

    def link(self):
        return reverse("workflow:corrections")

    def get_feed(self, obj, request):
        # A headline can reach the database without the editor's form (an import, an update):
        # one character XML cannot carry would make this feed answer 500.
        return strip_feed(super().get_feed(obj, request))

    def items(self):
        return public_notes()[:FEED_LENGTH]

    def item_title(self, note):
        return f"{note.get_kind_display()}: {note.article.headline}"

    def item_description(self, note):
        return note.text

    def item_link(self, note):
        return f"{note.article.get_absolute_url()}#article-notes-heading"

    def item_guid(self, note):
        return f"{note.article.get_absolute_url()}#note-{note.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, note):
        return note.created_at


class CorrectionsAtom(CorrectionsRss):
    feed_type = Atom1Feed
    subtitle = CorrectionsRss.description
