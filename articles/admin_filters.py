from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef

from .models import Article, Category


class StateListFilter(admin.SimpleListFilter):
    """Draft, in review, scheduled (published, time to come) or live: what an editor asks."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            ("review", "In review"),
            ("scheduled", "Scheduled"),
            ("live", "Published (live)"),
        ]

    def queryset(self, request, queryset):
        status = queryset.model.Status
        match self.value():
            case "draft":
                return queryset.filter(status=status.DRAFT)
            case "review":
                return queryset.filter(status=status.IN_REVIEW)
            case "scheduled":
                return queryset.scheduled()
            case "live":
                return queryset.published()
        return queryset


class CategoryListFilter(admin.SimpleListFilter):
    """Django's filter on a many-to-many field makes the list SELECT DISTINCT, which sorts every
    matching row before showing a page; a subquery on the link table gives no duplicates."""

    title = "category"
    parameter_name = "category"

    def lookups(self, request, model_admin):
        return list(Category.objects.values_list("pk", "name"))

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            links = Article.categories.through.objects.filter(category_id=int(value))
            return queryset.filter(pk__in=links.values("article_id"))
        return queryset


class AuthorListFilter(admin.SimpleListFilter):
    """The accounts that have written articles: one index probe per staff account ("has she an
    article?"), where Django's RelatedOnlyFieldListFilter reads the author of every article."""

    title = "author"
    parameter_name = "author"

    def lookups(self, request, model_admin):
        wrote = Article.objects.filter(author=OuterRef("pk"))
        accounts = get_user_model().objects.filter(Exists(wrote)).order_by("username")
        return [(account.pk, str(account)) for account in accounts.filter(is_staff=True)]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(author_id=int(value))
        return queryset
