"""The moderation queue's row buttons: Approve, Reject, Spam and Reply on one comment.

Each is a plain POST (the queue works without JavaScript: the answer is a redirect back to the
queue with a message); admin-moderation.js sends the same POST asking for JSON and updates the
row in place. Approving a spam suspect needs a confirmation either way.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .forms import as_id
from .models import Comment
from .services import moderate_comments, reply_as_staff

DECISIONS = {
    Comment.Status.APPROVED: "approved",
    Comment.Status.REJECTED: "rejected",
    Comment.Status.SPAM: "marked as spam",
}


def _queue_url(request):
    """Back where the moderator was (the filtered queue), never to another site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:comments_comment_changelist")


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _comment_or_404(object_id):
    pk = as_id(object_id)
    if pk is None:
        raise Http404("No such comment.")
    return get_object_or_404(Comment.objects.select_related("article", "parent"), pk=pk)


def _done(request, comment, message):
    """The row's new state for the script, or back to the queue with a message."""
    if _wants_json(request):
        return JsonResponse(
            {
                "status": comment.status,
                "status_label": comment.get_status_display(),
                "status_decision": comment.status,
                "message": message,
            }
        )
    messages.success(request, message)
    return redirect(_queue_url(request))


def decide_view(model_admin):
    def view(request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not model_admin.has_change_permission(request):
            raise PermissionDenied
        comment = _comment_or_404(object_id)
        decision = request.POST.get("decision", "")
        if decision not in DECISIONS:
            message = "Choose Approve, Reject or Spam."
            if _wants_json(request):
                return JsonResponse({"message": message}, status=400)
            messages.error(request, message)
            return redirect(_queue_url(request))
        if (
            decision == Comment.Status.APPROVED
            and comment.is_spam_suspect
            and comment.status != decision
            and request.POST.get("confirm") != "1"
        ):
            if _wants_json(request):
                return JsonResponse(
                    {"message": "This comment is a spam suspect: confirm to approve it."},
                    status=409,
                )
            context = {
                **model_admin.admin_site.each_context(request),
                "opts": Comment._meta,
                "title": "Approve a spam suspect?",
                "comments": [comment],
                "form_url": request.path,
                "next": _queue_url(request),
            }
            return TemplateResponse(
                request, "admin/comments/comment/confirm_single_approval.html", context
            )
        changed = moderate_comments(
            comments=Comment.objects.filter(pk=comment.pk), status=decision, moderator=request.user
        )
        comment.refresh_from_db(fields=["status"])
        if changed:
            message = f"Comment by {comment.name} {DECISIONS[decision]}."
        else:
            message = (
                f"Comment by {comment.name} was already {comment.get_status_display().lower()}."
            )
        return _done(request, comment, message)

    return view


def reply_view(model_admin):
    def view(request, object_id):
        if not model_admin.has_change_permission(request):
            raise PermissionDenied
        comment = _comment_or_404(object_id)
        error = ""
        text = ""
        if request.method == "POST":
            text = request.POST.get("body", "")
            was_pending = comment.status == Comment.Status.PENDING
            try:
                reply_as_staff(comment=comment, by=request.user, body=text)
            except ValidationError as refused:
                error = " ".join(refused.messages)
                if _wants_json(request):
                    return JsonResponse({"message": error}, status=400)
            else:
                message = f"Replied to {comment.name}" + (
                    " and approved their comment." if was_pending else "."
                )
                comment.refresh_from_db(fields=["status"])
                return _done(request, comment, message)
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": Comment._meta,
            "title": f"Reply to {comment.name}",
            "comment": comment,
            "text": text,
            "error": error,
            "next": _queue_url(request),
        }
        return TemplateResponse(request, "admin/comments/comment/reply.html", context)

    return view
