"""WordPress authors become staff accounts in the Writers group that nobody can sign in to
until an editor sets a password (the export carries no password, and none is guessed), and
staff profiles (author pages, /author/<slug>/) that their bylines link to.

A profile's slug is the author's WordPress login by the site's slug policy, which is what
WordPress's own author address (/author/<nicename>/) nearly always is, so old author links
keep working as they are. Its name is the display name, its bio WordPress's "Biographical
Info" when the export has it. The author's e-mail stays on the account: a profile's e-mail is
public, and WordPress never showed it. A re-run updates the profile only when the author
changed in WordPress, so an editor's changes to it are kept otherwise.
"""

import hashlib
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from articles.models import Article, AuthorProfile
from workflow.roles import WRITERS

from .models import ImportedAuthor
from .slugs import site_slug, unique_slug
from .wxr import Author

BIO_MAX = 800  # AuthorProfile.bio
NAME_MAX = 150
SLUG_MAX = 150


def display_name(author):
    full = " ".join(part for part in (author.first_name, author.last_name) if part)
    return (author.display_name or full or author.login).strip()


def _fingerprint(author):
    raw = "\x1f".join([display_name(author), author.description])
    return hashlib.sha256(raw.encode()).hexdigest()


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
        known = ImportedAuthor.objects.select_related("user", "profile")
        self.imported = {record.wp_login: record for record in known}

    def import_all(self):
        for author in self.site.authors.values():
            self.get(author.login)

    # self.users: login -> (user, byline, profile), this run
    def get(self, login):
        """(user, byline, profile) for a WordPress login; (None, "", None) for a post without
        an author."""
        if not login:
            return None, "", None
        if login not in self.users:
            author = self.site.authors.get(login) or Author(login=login)
            self.users[login] = self._import(author)
        return self.users[login]

    def _import(self, author):
        tally = self.report["authors"]
        record = self.imported.get(author.login)
        if record is None:
            user, created = self._new_user(author)
            record = ImportedAuthor.objects.create(user=user, wp_login=author.login)
            self.imported[author.login] = record
            if created:
                tally.created += 1
            self._profile(record, author)
        else:
            account_changed = self._update(record.user, author)
            if self._profile(record, author) or account_changed:
                tally.updated += 1
            else:
                tally.skip("unchanged since the last import")
        return record.user, display_name(author), record.profile

    def _new_user(self, author):
        """(the account for a newly seen author, whether it was made now)."""
        email = _valid_email(author.email)
        existing = self.User.objects.filter(email__iexact=email).first() if email else None
        if existing is not None:
            # The desk already made this person an account: credit their articles to it, and
            # leave its password, groups and rights alone.
            self.report["authors"].skip(
                "an account with this e-mail already exists: articles credited to it",
                author.login,
            )
            return existing, False
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
        return user, True

    def _profile(self, record, author):
        """Creates or updates the author's staff profile; whether anything changed."""
        current = _fingerprint(author)
        profile = record.profile
        if profile is not None and record.fingerprint == current:
            return False
        name = display_name(author)[:NAME_MAX]
        if profile is None:
            profile = AuthorProfile.objects.filter(name=name).first()
            if profile is not None:
                self.report.note(f"author {author.login}",
                                 f"a staff profile named {name} exists: bylines link to it")  # fmt: skip
            else:
                profile = AuthorProfile.objects.create(
                    name=name, slug=self._free_slug(author), bio=author.description[:BIO_MAX]
                )
        else:
            profile.name = name
            if author.description:
                profile.bio = author.description[:BIO_MAX]
            profile.save(update_fields=["name", "bio"])
        record.profile, record.fingerprint = profile, current
        record.save(update_fields=["profile", "fingerprint"])
        # Articles imported before the profile existed (an earlier run) credit it too.
        Article.objects.filter(
            wordpress_origin__isnull=False, author=record.user, author_profile__isnull=True
        ).update(author_profile=profile)
        return True

    def _free_slug(self, author):
        base = site_slug(author.login, display_name(author), max_length=SLUG_MAX, prefix="author")
        if not base.isascii():
            # AuthorProfile.slug is an ASCII SlugField (the admin would refuse anything else);
            # WordPress logins are ASCII, so only a display name gets here.
            digest = hashlib.sha256(author.login.encode()).hexdigest()[:10]
            base = f"author-{digest}"
        return unique_slug(
            base,
            taken=lambda slug: AuthorProfile.objects.filter(slug=slug).exists(),
            max_length=SLUG_MAX,
        )

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
