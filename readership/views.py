from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .counting import record_read


# No CSRF token: the beacon carries no cookie and changes nothing of the reader's; the worst a
# forged request can do is add one anonymous read, as a script-running bot could anyway.
@csrf_exempt
@require_POST
@never_cache
def read_beacon(request, article_id):
    record_read(article_id)
    return HttpResponse(status=204)
