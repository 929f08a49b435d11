"""Who may do what with an article: the one place the roles' rules are written down.

Writers (group "Writers"): create articles, edit their own while they are drafts, submit them for
review. Editors (group "Editors"): everything, through the `publish_article` and `edit_any_article`
permissions. The admin asks these functions what to show; the services ask them again before
writing, so a forged request meets the same rules as the form.
"""

PUBLISH = "articles.publish_article"
EDIT_ANY = "articles.edit_any_article"


def can_publish(user):
    """Publish, schedule, unpublish, and use the bulk actions."""
    return user.has_perm(PUBLISH)


def can_edit_any(user):
    return user.has_perm(EDIT_ANY)


def can_edit(user, article):
    if not user.has_perm("articles.change_article"):
        return False
    if can_edit_any(user):
        return True
    return article.author_id == user.pk and article.status == article.Status.DRAFT


def can_delete(user, article):
    """Editors delete any article; a writer only their own draft (a mistake, an abandoned idea)."""
    if not user.has_perm("articles.delete_article"):
        return False
    if can_edit_any(user):
        return True
    return article.author_id == user.pk and article.status == article.Status.DRAFT


def can_submit(user, article):
    return article.status == article.Status.DRAFT and can_edit(user, article)


def can_preview(user):
    return user.is_active and user.is_staff and user.has_perm("articles.view_article")


def can_see_history(user):
    """History, comparison and restore of revisions: editors."""
    return can_edit_any(user)


def can_restore(user):
    """Restoring brings back an older text (never a state: see WorkflowAdminMixin.revision_view)."""
    return can_edit_any(user)
