"""The comment form as HTML, built in Python, like the comment lists (comments/rendering.py).

One writer for every place the form appears: the article page (fresh, with no per-visitor
value: comments.js fetches the CSRF token and the timestamp, so the page stays cacheable) and
the form's own page (replying without JavaScript, or shown again after a refused post with the
token, every typed value and the errors in place). It was a template of its own; its tags, its
include and a template render per widget were a fifth of a short article's page with the
fragment cache cold. Django's form still decides every value, error and attribute (the bound
field's value, build_widget_attrs, the widget's get_context); only the writing is here, every
value escaped as autoescaping did. tests/comments/test_comment_form_markup.py pins the markup
in each state, test_comment_markup.py compares the widgets with Django's own templates.
"""

from django.utils.safestring import mark_safe

from articles.widget_markup import escaped, widget_html

NOTE = (
    '<p class="comment-form__note">Your email address will not be published. Required fields'
    ' are marked <span aria-hidden="true">*</span><span class="visually-hidden">as'
    " required</span>.</p>"
)
# On the article page: the token is filled in by comments.js, never cached in the page.
TOKEN_FROM_SCRIPT = '<input type="hidden" name="csrfmiddlewaretoken" value="">'
REQUIRED = '<span class="required" aria-hidden="true">*</span>'
SUBMIT = '<p><button type="submit" class="comment-form__submit">Post comment</button></p>'
# Fields written in a place of their own rather than in the list of visible fields.
PLACED_APART = ("website", "notify_on_approval")


def comment_form(
    form, *, action, token_url, csrf_token=None, heading_level=3, reply_to=None, closed=False
):
    """The whole `<form>`, from the form handed out (bound after a refused post) and:

    `action`, `token_url`: the addresses to post to and to fetch a token from;
    `csrf_token`: None on the article page (comments.js fills it in), else the request's token;
    `reply_to`: the comment replied to, named above the fields; `closed`: no submit button.
    """
    heading = "h2" if heading_level == 2 else "h3"
    hidden = "" if reply_to else " hidden"
    replying_to = escaped(reply_to.name) if reply_to else ""
    return mark_safe(  # noqa: S308 - every value escaped here or in _widget
        "\n"
        f'<form class="comment-form" id="comment-form" method="post" action="{escaped(action)}#comment-form"\n'
        f'      data-comment-form data-token-url="{escaped(token_url)}" novalidate>\n'
        f'  <{heading} class="comment-form__title">Leave a Reply</{heading}>\n'
        f"  {NOTE}\n"
        f"  {_csrf_input(csrf_token)}\n"
        f"  {_form_errors(form)}\n"
        f'  <p class="comment-form__replying" data-replying{hidden}>\n'
        f"    Replying to <strong data-replying-name>{replying_to}</strong>.\n"
        '    <button type="button" class="comment-form__cancel" data-cancel-reply>Cancel reply</button>\n'
        "  </p>\n"
        f"  {_widget(form['parent'])}{_widget(form['timestamp'])}\n"
        f"  {''.join(_field(bound) for bound in form.visible_fields() if bound.name not in PLACED_APART)}\n"
        f"{_notify_check(form['notify_on_approval'])}"
        f"{_honeypot(form['website'])}"
        f"  {'' if closed else SUBMIT}\n"
        "</form>\n"
    )


def _csrf_input(token):
    # As {% csrf_token %} writes it: nothing without a token.
    if token is None:
        return TOKEN_FROM_SCRIPT
    if not token or token == "NOTPROVIDED":
        return ""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{escaped(token)}">'


def _form_errors(form):
    # The hidden fields' errors (and the honeypot's), which have no place of their own.
    errors = [*form["timestamp"].errors, *form["parent"].errors, *form["website"].errors]
    if not errors:
        return ""
    paragraphs = "".join(f"<p>{escaped(error)}</p>" for error in errors)
    return (
        f'\n    <div class="comment-form__errors" role="alert">\n      {paragraphs}\n    </div>\n  '
    )


def _field(bound):
    errors = bound.errors
    auto_id = escaped(bound.auto_id)
    help_text = ""
    if bound.help_text:
        help_text = (
            f'<p class="comment-form__help" id="{auto_id}_helptext">{escaped(bound.help_text)}</p>'
        )
    error_list = ""
    if errors:
        paragraphs = "".join(f"<p>{escaped(error)}</p>" for error in errors)
        error_list = f'<div class="comment-form__error" id="{auto_id}_error">{paragraphs}</div>'
    return (
        f'\n    <div class="comment-form__field{" comment-form__field--error" if errors else ""}">\n'
        f'      <label for="{escaped(bound.id_for_label)}">{escaped(bound.label)} {REQUIRED}</label>\n'
        f"      {help_text}\n"
        f"      {error_list}\n"
        f"      {_widget(bound)}\n"
        "    </div>\n  "
    )


def _notify_check(bound):
    return (
        '  <div class="comment-form__field comment-form__field--check">\n'
        f'    {_widget(bound)} <label for="{escaped(bound.id_for_label)}">{escaped(bound.label)}</label>\n'
        f'    <p class="comment-form__help" id="{escaped(bound.auto_id)}_helptext">'
        f"{escaped(bound.help_text)}</p>\n"
        "  </div>\n"
    )


def _honeypot(bound):
    # Hidden from people by CSS, filled in by robots that fill in everything.
    return (
        '  <div class="comment-form__trap" aria-hidden="true">\n'
        f'    <label for="{escaped(bound.id_for_label)}">{escaped(bound.label)}</label>\n'
        f"    {_widget(bound)}\n"
        "  </div>\n"
    )


def _widget(bound):
    """str(bound): BoundField.as_widget()'s attributes and the widget's context, as Django
    works them out, written without a renderer (articles/widget_markup.py)."""
    widget = bound.field.widget
    attrs = bound.build_widget_attrs({}, widget)
    if bound.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bound.auto_id)
    context = widget.get_context(bound.html_name, bound.value(), attrs)["widget"]
    html = widget_html(widget.template_name, context)
    return str(bound) if html is None else html
