"""The commenter's record in the moderation queue counts their e-mail address in any case: the
index is on UPPER(email), what email__iexact compares on PostgreSQL.

PostgreSQL keeps statistics of an expression index only once the table is analysed; until then
it guessed thousands of rows per address, priced the queue's query past the JIT threshold and
spent 430 ms compiling it (1,000,000 comments). ANALYZE here (a second or so at that size).
"""

import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_author_unicode_slugs"),
        ("comments", "0004_queue_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="comment",
            name="comment_email_status_idx",
        ),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(
                django.db.models.functions.text.Upper("email"),
                models.F("status"),
                name="comment_email_ci_status_idx",
            ),
        ),
        migrations.RunSQL("ANALYZE articles_comment", reverse_sql=migrations.RunSQL.noop),
    ]
