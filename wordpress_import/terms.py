"""WordPress categories and tags: categories flattened (each keeps its name, slug and
description), tags with their names as written; slugs by the site's policy (slugs.py)."""

import hashlib

from taggit.models import Tag

from articles.models import Category

from .models import ImportedTerm
from .slugs import site_slug, unique_slug
from .wxr import Term

NAME_MAX = 100
SLUG_MAX = 100  # Category.slug and taggit's Tag.slug


def _fingerprint(term):
    raw = "\x1f".join([term.name, term.description, term.parent_slug])
    return hashlib.sha256(raw.encode()).hexdigest()


def _slug(term, kind):
    """WordPress's slug by the site's policy, else the name's, else `<kind>-<term ID>`."""
    fallback = f"{kind}-{term.term_id}" if term.term_id else ""
    return site_slug(term.slug, term.name, max_length=SLUG_MAX, prefix=kind, fallback=fallback)


class TermMapper:
    def __init__(self, *, site, report):
        self.site = site
        self.report = report
        self.forget()

    def forget(self):
        """After a rolled-back post: what this object remembers is read again."""
        self.records = {
            (record.taxonomy, record.wp_slug): record
            for record in ImportedTerm.objects.select_related("category", "tag")
        }
        self.resolved = {}  # (taxonomy, wp slug) -> Category or Tag

    def import_all(self):
        for (taxonomy, slug), _term in self.site.terms.items():
            self.get(taxonomy, slug)

    def get(self, taxonomy, wp_slug, name=""):
        key = (taxonomy, wp_slug)
        if key not in self.resolved:
            term = self.site.terms.get(key) or Term(taxonomy=taxonomy, slug=wp_slug, name=name)
            if not term.name:
                term.name = name or wp_slug
            make = self._category if taxonomy == "category" else self._tag
            self.resolved[key] = make(term)
        return self.resolved[key]

    def old_path(self, wp_slug):
        """A category's path in WordPress: its ancestors' slugs, then its own."""
        parts: list[str] = []
        seen, slug = set(), wp_slug
        while slug and slug not in seen:
            seen.add(slug)
            parts.insert(0, slug)
            parent = self.site.terms.get(("category", slug))
            slug = parent.parent_slug if parent else ""
        return "/".join(parts)

    def _category(self, term):
        tally = self.report["categories"]
        record = self.records.get(("category", term.slug))
        name = term.name[:NAME_MAX]
        if record and record.category:
            category = record.category
            if record.fingerprint == _fingerprint(term):
                tally.skip("unchanged since the last import")
                return category
            category.description = term.description
            if not Category.objects.filter(name=name).exclude(pk=category.pk).exists():
                category.name = name
            category.save()
            record.fingerprint = _fingerprint(term)
            record.save(update_fields=["fingerprint"])
            tally.updated += 1
            return category
        slug = _slug(term, "category")
        existing = Category.objects.filter(slug=slug).first()
        if existing is None:
            same_name = Category.objects.filter(name=name).first()
            if same_name is not None and self._made_by_another_term(same_name, term):
                # WordPress allows one name under two parents; names are unique here, so the
                # second is told apart by its parent's name.
                parent = self.site.terms.get(("category", term.parent_slug))
                name = f"{name} ({parent.name if parent else term.slug})"[:NAME_MAX]
                self.report.note(f"category {term.slug}", f"name taken: imported as {name}")
            else:
                existing = same_name
        if existing is not None:
            category = existing
            tally.skip("already on the site (kept as it is)", term.name)
        else:
            slug = unique_slug(
                slug, taken=lambda s: Category.objects.filter(slug=s).exists(), max_length=SLUG_MAX
            )
            category = Category.objects.create(name=name, slug=slug, description=term.description)
            tally.created += 1
        ImportedTerm.objects.update_or_create(
            taxonomy="category",
            wp_slug=term.slug,
            defaults={"category": category, "fingerprint": _fingerprint(term)},
        )
        return category

    def _made_by_another_term(self, category, term):
        """Whether another WordPress category of this export became `category`."""
        return (
            ImportedTerm.objects.filter(taxonomy="category", category=category)
            .exclude(wp_slug=term.slug)
            .exists()
        )

    def _tag(self, term):
        tally = self.report["tags"]
        record = self.records.get(("post_tag", term.slug))
        if record and record.tag:
            tally.skip("unchanged since the last import")
            return record.tag
        name = term.name[:NAME_MAX]
        tag = Tag.objects.filter(name=name).first()
        if tag:
            tally.skip("already on the site (kept as it is)", term.name)
        else:
            slug = unique_slug(
                _slug(term, "tag"),
                taken=lambda s: Tag.objects.filter(slug=s).exists(),
                max_length=SLUG_MAX,
            )
            tag = Tag.objects.create(name=name, slug=slug)
            tally.created += 1
        ImportedTerm.objects.update_or_create(
            taxonomy="post_tag", wp_slug=term.slug, defaults={"tag": tag, "fingerprint": ""}
        )
        return tag
