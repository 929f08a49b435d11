"""The content's admin. The workflow app extends ArticleAdmin with roles, state transitions,
revisions and corrections (workflow/admin.py), and re-registers it."""

from django import forms
from django.contrib import admin
from django.contrib.postgres.search import SearchQuery
from django.db import connection, models
from django.db.models import Case, Value, When

from images.admin import thumbnail_html
from images.widgets import ImageChooserWidget

from .admin_filters import AuthorListFilter, CategoryListFilter, StateListFilter
from .admin_tags import ChipTagField, TagChipsWidget
from .body_editor import BodyEditorWidget
from .models import Article, AuthorProfile, Category, RelatedLink, Source
from .pagination import EditorsCountPaginator
from .search_document import SEARCH_CONFIG
from .slugs import slug_for_name
from .xml_text import EditorTextForm


class NamedWithSlugForm(EditorTextForm):
    """Category, source and author: a name with no letters ("!!!") leaves the admin's slug box
    empty; the slug policy fills it rather than asking the editor to invent one."""

    slug_prefix = "item"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = "Leave empty to make it from the name."

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        max_length = self._meta.model._meta.get_field("slug").max_length
        return slug or slug_for_name(
            self.cleaned_data.get("name", ""), max_length=max_length, prefix=self.slug_prefix
        )


class CategoryForm(NamedWithSlugForm):
    slug_prefix = "category"


class SourceForm(NamedWithSlugForm):
    slug_prefix = "source"


class AuthorProfileForm(NamedWithSlugForm):
    slug_prefix = "author"


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    form = CategoryForm
    list_display = ["name", "kind", "position", "show_on_home", "slug"]
    list_editable = ["position", "show_on_home"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_search_results(self, request, queryset, search_term):
        """Names that start with what the editor typed come first (the article form's category
        pickers ask here as the editor types), then other matches, each alphabetically."""
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term:
            starts = Case(When(name__istartswith=term, then=Value(0)), default=Value(1))
            queryset = queryset.order_by(starts, "name")
        return queryset, may_have_duplicates


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceForm
    list_display = ["name", "url"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    # Django 6.0's default, chosen now: a web address typed without a scheme means https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(AuthorProfile)
class AuthorProfileAdmin(admin.ModelAdmin):
    form = AuthorProfileForm
    list_display = ["name", "role", "position", "slug"]
    list_editable = ["position"]
    search_fields = ["name", "role", "bio"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "slug", "role", "bio", "photo", "position"]}),
        ("Links", {"fields": ["email", "website", "x_handle", "linkedin"]}),
    ]


class RelatedLinkInline(admin.TabularInline):
    model = RelatedLink
    fk_name = "from_article"
    extra = 1
    autocomplete_fields = ["to_article"]
    fields = ["position", "to_article"]


MAX_TERMS = 8


def prefix_words(text: str) -> list[str]:
    """The words of an editor's search as tsquery prefixes: letters and digits only, so no
    input can break the query's syntax."""
    words = ("".join(c for c in word if c.isalnum()) for word in text.split()[:MAX_TERMS])
    return [f"{word.lower()}:*" for word in words if word]


class ArticleAdminForm(EditorTextForm):
    # The article's edit_version when the form was opened: a save from an older form is refused
    # (the workflow app's collisions.py says what changed meanwhile).
    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    opened_state = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        # The admin builds the form from the fieldsets below; these are the fields clean() needs.
        fields = ["categories", "primary_category"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opened_version"].initial = self.instance.edit_version
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text += " Fills from the headline; empty: made from it."
            self.fields["slug"].widget.attrs["data-slug-from"] = "id_headline"

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        headline = self.data.get(self.add_prefix("headline"), "")
        return slug or slug_for_name(headline, max_length=200, prefix="article")

    def clean(self):
        cleaned = super().clean() or {}
        primary, chosen = cleaned.get("primary_category"), cleaned.get("categories")
        if primary and chosen is not None and primary not in chosen:
            self.add_error(
                "primary_category", "Choose one of the article's categories, or leave it empty."
            )
        return cleaned


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm

    list_display = [
        "thumbnail", "headline", "state", "published_at", "is_published", "author", "source",
    ]  # fmt: skip
    list_display_links = ["thumbnail", "headline"]
    # At archive size: no SELECT DISTINCT for the category, no scan for the authors.
    list_filter = [
        StateListFilter,
        CategoryListFilter,
        "source",
        AuthorListFilter,
        "comments_open",
    ]
    list_per_page = 50
    list_select_related = ["source", "author", "author_profile", "lead_image"]
    search_fields = ["headline", "standfirst", "body", "byline"]
    # At archive size: no count of the whole table beside the filtered one, and the filtered
    # count kept per content version (articles/pagination.py).
    show_full_result_count = False
    paginator = EditorsCountPaginator
    date_hierarchy = "published_at"
    # The slug fills from the headline as it is typed (js/admin-article-form.js, the site's rule
    # of articles/slugs.py); left empty, the form makes it (ArticleAdminForm.clean_slug).
    autocomplete_fields = ["source", "categories", "primary_category", "author_profile"]
    inlines = [RelatedLinkInline]
    save_on_top = True
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "opened_version",
                    "opened_state",
                    "headline",
                    "slug",
                    "standfirst",
                    "body",
                    "author_profile",
                    "byline",
                    "source",
                ]
            },
        ),
        ("Filing", {"fields": ["categories", "primary_category", "tags"]}),
        (
            "Publication",
            {"fields": ["status", "published_at", "updated_at", "comments_open", "author"]},
        ),
        ("Home page", {"fields": ["is_lead"]}),
        # Chosen from the image library, or uploaded there at once (images/widgets.py): an
        # upload survives an error elsewhere in this form.
        ("Lead image", {"fields": ["lead_image"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "lead_image":
            # Not wrapped in the admin's add/change links: the chooser uploads and edits.
            return db_field.formfield(widget=ImageChooserWidget())
        if db_field.name == "body":
            kwargs["widget"] = BodyEditorWidget
        if db_field.name == "tags":
            kwargs.update(form_class=ChipTagField, widget=TagChipsWidget)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="Image")
    def thumbnail(self, article):
        return thumbnail_html(article.lead_image, width=160) if article.lead_image_id else ""

    def get_search_results(self, request, queryset, search_term):
        """On PostgreSQL, search the stored text search vector (its GIN index) with every word
        as a prefix, so "japa defen" finds "Japan defence" as the editor types it (the related
        articles' autocomplete too) without reading every body; SQLite: Django's icontains."""
        words = prefix_words(search_term)
        if connection.vendor != "postgresql" or not words:
            return super().get_search_results(request, queryset, search_term)
        query = SearchQuery(" & ".join(words), search_type="raw", config=SEARCH_CONFIG)
        return queryset.filter(search_vector=query), False

    @admin.display(description="State", ordering="status")
    def state(self, article):
        return "Scheduled" if article.is_scheduled() else article.get_status_display()

    @admin.display(boolean=True, description="Visible to readers")
    def is_published(self, article):
        return article.is_published()
