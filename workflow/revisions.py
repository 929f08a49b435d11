"""What django-reversion keeps: each save in the admin stores a revision of the article with its
related links and tags (categories are stored with the article itself).

Corrections are deliberately not followed: restoring an old revision must never delete a
correction readers have seen.
"""

import reversion
from django.db.models import Model

from articles.models import Article, RelatedLink, TaggedArticle

# Kept by the site, not written by editors: never compared, never restored.
DERIVED_FIELDS: dict[type[Model], tuple[str, ...]] = {Article: ("search_vector", "comment_count")}


def register():
    """Called from WorkflowConfig.ready(). The admin's VersionAdmin may have registered these
    models already (with its own guess at what to follow, from the inlines): ours replaces it."""
    registrations: list[tuple[type[Model], tuple[str, ...]]] = [
        (RelatedLink, ()),
        (TaggedArticle, ()),
        (Article, ("related_links", "taggedarticle_set")),
    ]
    for model, follow in registrations:
        if reversion.is_registered(model):
            reversion.unregister(model)
        reversion.register(model, follow=follow, exclude=DERIVED_FIELDS.get(model, ()))
