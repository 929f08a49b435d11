"""The admin's widget for a foreign key to an image (an article's lead image): a thumbnail of
the chosen image and Choose, Upload and Clear buttons that open the library's chooser. An upload
enters the library at once, so a form error on the article loses nothing."""

from django import forms
from django.urls import reverse

from .models import Image
from .renditions import rendition


class ImageChooserWidget(forms.Widget):
    template_name = "images/widgets/image_chooser.html"

    class Media:
        css = {"all": ["images/chooser.css"]}
        js = ["images/chooser.js", "images/image-field.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        image = None
        if value not in (None, ""):
            image = Image.objects.filter(pk=value).first()
        thumbnail = rendition(image, 320) if image and image.file else None
        context["widget"].update(
            image=image,
            thumbnail=thumbnail,
            chooser_url=reverse("admin:images_image_chooser"),
            upload_url=reverse("admin:images_image_chooser_upload"),
        )
        return context

    def value_from_datadict(self, data, files, name):
        return data.get(name) or None
