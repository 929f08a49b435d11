"""POST data for the article change form, as the admin sends it (management forms included)."""

from workflow.collisions import opened_state

NO_NOTES = {
    "notes-TOTAL_FORMS": "0",
    "notes-INITIAL_FORMS": "0",
    "notes-MIN_NUM_FORMS": "0",
    "notes-MAX_NUM_FORMS": "1000",
}

NO_LINKS = {
    "related_links-TOTAL_FORMS": "0",
    "related_links-INITIAL_FORMS": "0",
    "related_links-MIN_NUM_FORMS": "0",
    "related_links-MAX_NUM_FORMS": "1000",
}


def article_form_data(article=None, **overrides):
    """The change form of `article` as submitted unchanged (or a new article), then `overrides`."""
    data: dict[str, object] = {**NO_LINKS, **NO_NOTES}
    if article is not None:
        data.update(
            opened_version=article.edit_version,
            opened_state=opened_state(article),
            headline=article.headline,
            slug=article.slug,
            standfirst=article.standfirst,
            body=article.body,
            byline=article.byline,
            categories=[c.pk for c in article.categories.all()],
            tags=", ".join(article.tags.names()),
            status=article.status,
            comments_open="on" if article.comments_open else "",
        )
        if article.published_at:
            data["published_at_0"] = article.published_at.strftime("%Y-%m-%d")
            data["published_at_1"] = article.published_at.strftime("%H:%M:%S")
        if article.source_id:
            data["source"] = article.source_id
        if article.lead_image_id:
            data["lead_image"] = article.lead_image_id
    data.update(overrides)
    return data
