"""The chooser's two JSON endpoints, under the image admin (images/admin.py wires them):

    GET  /admin/images/image/chooser/?q=<text>&page=<n>   staff who may view images
    POST /admin/images/image/chooser/upload/               staff who may add images (multipart)

Both answer image objects as `image_json()` builds them; static/images/chooser.js is the dialog.
"""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.views.decorators.http import require_GET, require_POST

from .forms import ImageUploadForm
from .models import Image
from .renditions import rendition
from .services import add_image

PAGE_SIZE = 24
THUMBNAIL_WIDTH = 320
EDITOR_WIDTH = 800


def image_json(image: Image) -> dict:
    thumbnail = rendition(image, THUMBNAIL_WIDTH)
    editor = rendition(image, EDITOR_WIDTH)
    return {
        "id": image.pk,
        "title": image.title,
        "alt_text": image.alt_text,
        "caption": image.caption,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
        "thumbnail_url": thumbnail.url if thumbnail else "",
        "editor_url": editor.url if editor else "",
    }


def _page_number(request) -> int:
    try:
        return max(1, min(int(request.GET.get("page", 1)), 10_000))
    except ValueError:
        return 1


def choose(model_admin):
    @require_GET
    def view(request):
        if not model_admin.has_view_permission(request):
            raise PermissionDenied
        images = Image.objects.all()
        if query := request.GET.get("q", "").strip()[:200]:
            images = images.search(query)
        page = _page_number(request)
        start = (page - 1) * PAGE_SIZE
        # One more than a page says whether there is a next one, without counting them all.
        found = list(images[start : start + PAGE_SIZE + 1])
        return JsonResponse(
            {
                "results": [image_json(image) for image in found[:PAGE_SIZE]],
                "has_next": len(found) > PAGE_SIZE,
                "page": page,
            }
        )

    return view


def upload(model_admin):
    @require_POST
    def view(request):
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        form = ImageUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            errors = {
                field: [error["message"] for error in errors]
                for field, errors in form.errors.get_json_data().items()
            }
            return JsonResponse({"errors": errors}, status=400)
        image = add_image(by=request.user, **form.cleaned_data)
        return JsonResponse(image_json(image), status=201)

    return view
