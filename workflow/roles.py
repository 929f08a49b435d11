"""The desk's roles: what Writers and Editors may do. The rules that narrow these permissions
per article (a writer edits only their own drafts) are in policy.py."""

from articles.roles import ensure_groups

WRITERS = "Writers"
EDITORS = "Editors"

ROLES = {
    WRITERS: [
        "articles.add_article",
        "articles.change_article",  # narrowed to their own drafts by policy.can_edit
        "articles.delete_article",  # narrowed to their own drafts by policy.can_delete
        "articles.view_article",
        "articles.add_relatedlink",
        "articles.change_relatedlink",
        "articles.delete_relatedlink",
        "articles.view_relatedlink",
        "workflow.view_articlenote",
        "articles.view_category",
        "articles.view_source",
        "articles.view_authorprofile",
        "taggit.view_tag",
        # The image library: lead images and figures, uploaded and described by the writer.
        "images.add_image",
        "images.change_image",
        "images.view_image",
    ],
    EDITORS: [
        "articles.add_article",
        "articles.change_article",
        "articles.delete_article",
        "articles.view_article",
        "articles.publish_article",
        "articles.edit_any_article",
        "articles.add_relatedlink",
        "articles.change_relatedlink",
        "articles.delete_relatedlink",
        "articles.view_relatedlink",
        "workflow.add_articlenote",
        "workflow.change_articlenote",
        "workflow.delete_articlenote",
        "workflow.view_articlenote",
        "workflow.view_articleredirect",
        "workflow.delete_articleredirect",
        "articles.add_category",
        "articles.change_category",
        "articles.view_category",
        "articles.add_source",
        "articles.change_source",
        "articles.view_source",
        "articles.add_authorprofile",
        "articles.change_authorprofile",
        "articles.view_authorprofile",
        "taggit.add_tag",
        "taggit.change_tag",
        "taggit.delete_tag",
        "taggit.view_tag",
        "images.add_image",
        "images.change_image",
        "images.delete_image",
        "images.view_image",
    ],
}


def sync_roles(**_signal_kwargs):
    ensure_groups(ROLES)
