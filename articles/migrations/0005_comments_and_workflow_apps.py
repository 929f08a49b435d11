"""Comments and the workflow's models move to apps of their own (comments, workflow).

Their tables stay where they are, under the same names: this migration only forgets the models
in the articles app's state; comments/0001 and workflow/0001 take them over. No row moves.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0004_reader_site'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='articlenote',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='articlenote',
                    name='by',
                ),
                migrations.RemoveField(
                    model_name='articleredirect',
                    name='article',
                ),
                migrations.DeleteModel(
                    name='BlockedTerm',
                ),
                migrations.RemoveField(
                    model_name='comment',
                    name='article',
                ),
                migrations.RemoveField(
                    model_name='comment',
                    name='moderated_by',
                ),
                migrations.RemoveField(
                    model_name='comment',
                    name='parent',
                ),
                migrations.DeleteModel(
                    name='ArticleNote',
                ),
                migrations.DeleteModel(
                    name='ArticleRedirect',
                ),
                migrations.DeleteModel(
                    name='Comment',
                ),
            ],
        ),
        # Kept by the comments app (comments/counts.py), filled by comments/0001.
        migrations.AddField(
            model_name='article',
            name='comment_count',
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name='approved comments'),
        ),
    ]
