import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from comments.models import Comment


class Command(BaseCommand):
    help = (
        "Export (JSON, to standard output) every comment posted with an email address; "
        "with --delete, delete them after exporting."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--delete", action="store_true", help="Delete them too.")

    def handle(self, *args, email, delete, **options):
        email = email.strip()
        if "@" not in email:
            raise CommandError("Give an email address.")
        comments = Comment.objects.filter(email__iexact=email).select_related("article")
        exported = [
            {
                "id": comment.pk,
                "article": comment.article.headline,
                "article_url": comment.article.get_absolute_url(),
                "in_reply_to": comment.parent_id,
                "name": comment.name,
                "email": comment.email,
                "comment": comment.body,
                "status": comment.status,
                "posted_at": comment.created_at.isoformat(),
                "ip_address": comment.ip_address,
                "user_agent": comment.user_agent,
            }
            for comment in comments
        ]
        self.stdout.write(json.dumps({"email": email, "comments": exported}, indent=2))
        if delete:
            with transaction.atomic():
                deleted, _ = Comment.objects.filter(pk__in=[c["id"] for c in exported]).delete()
            self.stderr.write(f"Deleted {deleted} comment(s) of {email}.")
