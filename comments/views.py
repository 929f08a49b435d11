"""Posting comments. The article page itself stays in articles.views; see docs/comments.md."""

from functools import wraps

from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import Resolver404, resolve
from django.views import csrf
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from articles.models import Article
from safeguards.outage import is_database_outage

from .forms import CONTROL_IN_LINE, CommentForm, as_id, sign_timestamp, timestamp_still_valid
from .models import Comment
from .notifications import comment_from_token
from .notifications import unsubscribe as stop_emails_to
from .pending import remember_pending
from .policy import CommentPolicy, client_ip
from .services import post_comment
from .used_once import CLAIMED, claim, claimed_by, record, release

POST_VIEW_NAME = "comments:post"


def _kept(data):
    """What the reader typed, for a form shown again (all of it: nothing typed is lost),
    with the timestamp renewed if it went stale."""
    kept = {key: data.get(key, "") for key in ["name", "email", "body"]}
    kept["notify_on_approval"] = bool(data.get("notify_on_approval"))
    kept["parent"] = as_id(data.get("parent"))
    timestamp = data.get("timestamp", "")
    usable = timestamp_still_valid(timestamp) and claimed_by(timestamp) is None
    kept["timestamp"] = timestamp if usable else sign_timestamp()
    return kept


def _renew_timestamp(form):
    """After a refusal the reader may simply post again: give a stale form a fresh timestamp."""
    if form.has_error("timestamp") and not form.has_error("timestamp", "too_fast"):
        form.data = form.data.copy()
        form.data["timestamp"] = sign_timestamp()
    if form.has_error("website"):
        form.data = form.data.copy()
        form.data["website"] = ""


def _form_page(request, *, article, form, status, reason=""):
    reply_to = None
    if parent_id := as_id(form["parent"].value()):
        reply_to = Comment.objects.approved().filter(pk=parent_id, article=article).first()
    return render(
        request,
        "comments/form_page.html",
        {
            "article": article,
            "form": form,
            "reason": reason,
            "reply_to": reply_to,
            "closed": not CommentPolicy().comments_open(article),
        },
        status=status,
    )


def keep_text_through_outage(view):
    """A comment posted while the database is down or read-only comes back on a form with its
    text and a "try again shortly" message (a 503 with Retry-After), rendered without the
    database; posting it again once the database is back stores it."""

    @wraps(view)
    def wrapper(request, slug):
        try:
            return view(request, slug)
        except DatabaseError as error:
            if request.method != "POST" or not is_database_outage(error):
                raise
            release(request.POST.get("timestamp", ""))
            seconds = settings.NEWSDESK["OUTAGE_RETRY_AFTER_SECONDS"]
            # _kept() reads only the request and the cache, never the database.
            form = CommentForm(initial=_kept(request.POST), article=None)
            html = loader.render_to_string(
                "comments/outage.html",
                {
                    "form": form,
                    "action": request.path,
                    "csrf_token": get_token(request),
                    "retry_after": seconds,
                },
            )
            response = HttpResponse(html, status=503)
            response["Retry-After"] = str(seconds)
            response["Cache-Control"] = "no-store"
            return response

    return wrapper


def _posted(request, article, comment):
    """303 to the comment (or the article while a twin submission is still storing it)."""
    anchor = f"#comment-{comment.pk}" if comment else "#comments"
    response = HttpResponseRedirect(f"{article.get_absolute_url()}{anchor}")
    response.status_code = 303  # See Other: the reload after posting is a GET
    if comment is not None:
        remember_pending(response, request, article=article, comment=comment)
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@keep_text_through_outage
def post(request, slug):
    """GET: the form on its own page (replying without JavaScript). POST: take a comment."""
    article = get_object_or_404(Article.objects.published(), slug=slug)
    policy = CommentPolicy()
    if request.method == "GET":
        initial = {"timestamp": sign_timestamp(), "parent": as_id(request.GET.get("reply_to"))}
        form = CommentForm(initial=initial, article=article)
        return _form_page(request, article=article, form=form, status=200)

    if not policy.comments_open(article):
        form = CommentForm(initial=_kept(request.POST), article=article)
        return _form_page(request, article=article, form=form, status=403, reason="closed")

    ip_address = client_ip(request, policy=policy)
    if not policy.register_post(ip_address):
        form = CommentForm(initial=_kept(request.POST), article=article)
        response = _form_page(request, article=article, form=form, status=429, reason="flood")
        response["Retry-After"] = str(policy.flood_window_seconds)
        return response

    form = CommentForm(request.POST, article=article, policy=policy)
    if not form.is_valid():
        _renew_timestamp(form)
        return _form_page(request, article=article, form=form, status=400, reason="invalid")

    timestamp = form.cleaned_data["timestamp"]
    if not claim(timestamp, policy=policy):
        earlier = claimed_by(timestamp)
        if earlier == CLAIMED:  # the twin submission is storing it right now
            return _posted(request, article, None)
        twin = Comment.objects.filter(
            pk=as_id(earlier), article=article, body=form.cleaned_data["body"]
        ).first()
        if twin is not None:  # the same form sent again: one comment, shown again
            return _posted(request, article, twin)
        form = CommentForm(initial=_kept(request.POST), article=article)
        return _form_page(request, article=article, form=form, status=400, reason="used")

    try:
        comment = post_comment(
            article=article,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            body=form.cleaned_data["body"],
            parent=form.cleaned_data["parent"],
            ip_address=ip_address,
            # Headers are untrusted too: no control characters (PostgreSQL refuses NUL) or floods.
            user_agent=CONTROL_IN_LINE.sub("", request.META.get("HTTP_USER_AGENT", ""))[:300],
            notify_on_approval=form.cleaned_data["notify_on_approval"],
        )
    except BaseException:
        release(timestamp)
        raise
    record(timestamp, comment, policy=policy)
    return _posted(request, article, comment)


@never_cache
@require_safe
def token(request):
    """A CSRF token and a form timestamp for comments.js: never cached, never shared; rate
    limited per address, since each answer is a fresh one-use timestamp."""
    policy = CommentPolicy()
    if not policy.register_token_request(client_ip(request, policy=policy)):
        response = JsonResponse({"error": "Too many requests; try again shortly."}, status=429)
        response["Retry-After"] = str(policy.flood_window_seconds)
        return response
    return JsonResponse({"csrfToken": get_token(request), "timestamp": sign_timestamp()})


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a comment post keeps its text and asks to confirm; others: Django's."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    if match is None or match.view_name != POST_VIEW_NAME or request.method != "POST":
        return csrf.csrf_failure(request, reason=reason)
    article = Article.objects.published().filter(slug=match.kwargs.get("slug")).first()
    if article is None:
        return csrf.csrf_failure(request, reason=reason)
    form = CommentForm(initial=_kept(request.POST), article=article)
    response = _form_page(request, article=article, form=form, status=403, reason="confirm")
    response["Cache-Control"] = "max-age=0, no-cache, no-store, must-revalidate, private"
    return response


@csrf_exempt  # RFC 8058: mail programs post the one-click unsubscribe without a token; the
# signed link itself is the authority, and all it can do is stop e-mails to its own address.
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET: one button (link checkers that open every link must not unsubscribe anyone).
    POST: done, from that button or from the mail program's own."""
    comment = comment_from_token(token)
    if comment is None:
        raise Http404("This link is not valid.")
    done = request.method == "POST"
    if done:
        stop_emails_to(comment)
    return render(request, "comments/unsubscribe.html", {"done": done, "token": token})
