"""Signed preview links: anyone holding one sees the article until the link expires.

The token is the article's id signed with SECRET_KEY and a timestamp (TimestampSigner); it cannot
be forged or pointed at another article, and it stops working NEWSDESK["PREVIEW_LINK_MAX_AGE"]
seconds after it was made.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "articles.preview-link"


def _signer():
    return signing.TimestampSigner(salt=SALT)


def preview_link(article_pk):
    """The path of a shareable preview of the article (make it absolute for sharing)."""
    return reverse("workflow:preview_shared", kwargs={"token": _signer().sign(str(article_pk))})


def article_pk_from_token(token):
    """The article id a token was made for, or None when it is forged, mangled or expired."""
    try:
        value = _signer().unsign(token, max_age=settings.NEWSDESK["PREVIEW_LINK_MAX_AGE"])
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    return int(value) if value.isdigit() else None
