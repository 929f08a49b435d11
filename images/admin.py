"""The image library in the admin: a list with thumbnails, search and filters, a change form
with a preview, and the chooser's endpoints (images/chooser.py) under the image admin's URLs."""

from django.contrib import admin
from django.db.models import F
from django.urls import path
from django.utils.html import format_html

from . import chooser
from .forms import ImageUploadForm
from .models import Image
from .renditions import make_renditions, rendition
from .services import replace_renditions


class OrientationFilter(admin.SimpleListFilter):
    title = "shape"
    parameter_name = "shape"

    def lookups(self, request, model_admin):
        return [("landscape", "Landscape"), ("portrait", "Portrait"), ("square", "Square")]

    def queryset(self, request, queryset):
        match self.value():
            case "landscape":
                return queryset.filter(width__gt=F("height"))
            case "portrait":
                return queryset.filter(width__lt=F("height"))
            case "square":
                return queryset.filter(width=F("height"))
        return queryset


def thumbnail_html(image: Image | None, width: int = 160):
    if image is None or not image.file:
        return ""
    thumbnail = rendition(image, width)
    if thumbnail is None:
        return ""
    return format_html(
        '<img class="image-thumbnail" src="{}" width="{}" height="{}" alt="{}" loading="lazy">',
        thumbnail.url,
        thumbnail.width,
        thumbnail.height,
        image.alt_text,
    )


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageUploadForm
    list_display = ["thumbnail", "title", "alt_text", "credit", "dimensions", "uploaded_at"]
    list_display_links = ["thumbnail", "title"]
    list_filter = [
        OrientationFilter,
        "uploaded_at",
        ("uploaded_by", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "alt_text", "caption", "credit"]
    search_help_text = "Words of the title, alt text, caption or credit."
    date_hierarchy = "uploaded_at"
    show_full_result_count = False
    readonly_fields = ["preview", "dimensions", "uploaded_by", "uploaded_at"]
    fieldsets = [
        (None, {"fields": ["preview", "file", "title", "alt_text", "caption", "credit"]}),
        ("Focal point", {"fields": ["focal_x", "focal_y"], "classes": ["collapse"]}),
        ("About the file", {"fields": ["dimensions", "uploaded_by", "uploaded_at"]}),
    ]

    class Media:
        css = {"all": ["images/chooser.css"]}

    def get_search_results(self, request, queryset, search_term):
        """Every word in any of the texts, through the trigram index (images/querysets.py)."""
        if not search_term.strip():
            return queryset, False
        return queryset.search(search_term), False

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # adding: nothing to preview or tell about yet
            return [(None, {"fields": ["file", "title", "alt_text", "caption", "credit"]}),
                    ("Focal point", {"fields": ["focal_x", "focal_y"], "classes": ["collapse"]})]  # fmt: skip
        return self.fieldsets

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        # Made with the upload, as the chooser's are: the first reader waits for nothing.
        if not change:
            make_renditions(obj)
        elif "file" in form.changed_data:
            replace_renditions(obj)

    @admin.display(description="Image")
    def thumbnail(self, image):
        return thumbnail_html(image)

    @admin.display(description="Preview")
    def preview(self, image):
        return thumbnail_html(image, width=800)

    @admin.display(description="Size", ordering="width")
    def dimensions(self, image):
        return f"{image.width} × {image.height}"

    def get_urls(self):
        own = [
            path(
                "chooser/",
                self.admin_site.admin_view(chooser.choose(self)),
                name="images_image_chooser",
            ),
            path(
                "chooser/upload/",
                self.admin_site.admin_view(chooser.upload(self)),
                name="images_image_chooser_upload",
            ),
        ]
        return own + super().get_urls()
