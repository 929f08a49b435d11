from .models import Image
from .xml_text import EditorTextForm


class ImageUploadForm(EditorTextForm):
    """The chooser's "Upload new" form and the admin's: the file with what readers are told."""

    class Meta:
        model = Image
        fields = ["file", "title", "alt_text", "caption", "credit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An upload without a title is named after its file.
        self.fields["title"].required = False

    def clean(self):
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        if not cleaned.get("title") and upload:
            name = getattr(upload, "name", "") or "image"
            cleaned["title"] = name.rsplit("/", 1)[-1].rsplit(".", 1)[0][:200] or "image"
            self.instance.title = cleaned["title"]
        return cleaned
