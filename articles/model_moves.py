"""Moving a model to another app without moving its table: the content types follow.

Permissions, the groups holding them (Writers, Editors, Moderators), admin log entries and
django-reversion's versions all point at a model's ContentType row. Relabelling that row, rather
than letting Django make a new one, keeps every one of them attached to the moved model.
"""


def relabel_content_types(*, models, from_app, to_app):
    """A pair of RunPython functions (forward, backward) relabelling `models`' content types."""

    def relabel(apps, source, target):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in models:
            # A type already made under the new label (post_migrate of an earlier partial run)
            # holds no data yet: the old one, with its permissions, wins.
            if ContentType.objects.filter(app_label=source, model=model).exists():
                ContentType.objects.filter(app_label=target, model=model).delete()
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)

    def forward(apps, schema_editor):
        relabel(apps, from_app, to_app)

    def backward(apps, schema_editor):
        relabel(apps, to_app, from_app)

    return forward, backward
