"""WordPress authors become staff accounts in the Writers group that nobody can sign in to
until an editor sets a password (the export carries no password, and none is guessed)."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from workflow.roles import WRITERS

from .models import ImportedAuthor
from .wxr import Author


def display_name(author):
    full = " ".join(part for part in (author.first_name, author.last_name) if part)
    return (author.display_name or full or author.login).strip()


def _valid_email(value):
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value


class AuthorMapper:
    def __init__(self, *, site, report):
        self.site = site
        self.report = report
        self.User = get_user_model()
        self.writers = Group.objects.filter(name=WRITERS).first()
        self.forget()

    def forget(self):
        """After a rolled-back post: what this object remembers is read again."""
        self.users = {}
        known = ImportedAuthor.objects.select_related("user")
        self.imported = {record.wp_login: record.user for record in known}

    def import_all(self):
        for author in self.site.authors.values():
            self.get(author.login)

    # self.users: login -> (user, byline), this run
    def get(self, login):
        """(user, byline) for a WordPress login; (None, "") for a post without an author."""
        if not login:
            return None, ""
        if login not in self.users:
            author = self.site.authors.get(login) or Author(login=login)
            self.users[login] = (self._user_for(author), display_name(author))
        return self.users[login]

    def _user_for(self, author):
        tally = self.report["authors"]
        user = self.imported.get(author.login)
        if user is not None:
            if self._update(user, author):
                tally.updated += 1
            else:
                tally.skip("unchanged since the last import")
            return user
        email = _valid_email(author.email)
        existing = self.User.objects.filter(email__iexact=email).first() if email else None
        if existing is not None:
            # The desk already made this person an account: credit their articles to it, and
            # leave its password, groups and rights alone.
            tally.skip("an account with this e-mail already exists: articles credited to it",
                       author.login)  # fmt: skip
            user = existing
        else:
            user = self.User(
                username=self._free_username(author.login),
                email=email,
                first_name=author.first_name[:150],
                last_name=author.last_name[:150],
                is_staff=True,
            )
            user.set_unusable_password()
            user.save()
            if self.writers:
                user.groups.add(self.writers)
            else:
                self.report.note(f"author {author.login}", "no Writers group: add it by hand")
            tally.created += 1
        ImportedAuthor.objects.create(user=user, wp_login=author.login)
        self.imported[author.login] = user
        return user

    def _update(self, user, author):
        changed = False
        for field, value in (("first_name", author.first_name), ("last_name", author.last_name)):
            if value and getattr(user, field) != value[:150]:
                setattr(user, field, value[:150])
                changed = True
        if changed:
            user.save(update_fields=["first_name", "last_name"])
        return changed

    def _free_username(self, login):
        base = re.sub(r"[^\w.@+-]", "-", login)[:140] or "wordpress-author"
        name, counter = base, 2
        while self.User.objects.filter(username__iexact=name).exists():
            name = f"{base}-{counter}"
            counter += 1
        return name
