"""Helpers for browser tests of the admin: signing in, the body editor, CSP violations."""

from playwright.sync_api import expect

from tests.conftest import PASSWORD

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


def signed_in(browser, live_server, username, next_path="/admin/", width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.get_by_label("Username:").fill(username)
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return page


def body_editor(page):
    """The body's editing region, once the script has made it."""
    # The editor's region, not the textarea it replaces (which is the "Body" box until then).
    region = page.get_by_role("textbox", name="Body").and_(page.locator(".body-editor__content"))
    expect(region).to_be_visible()
    return region


def set_body(page, html):
    """Replace the body through the editor (as a paste of the whole text would)."""
    body_editor(page)
    page.evaluate(
        "html => document.getElementById('id_body').bodyEditor.commands.setContent(html, "
        "{emitUpdate: true})",
        html,
    )


def body_value(page):
    """What the form will send as the body."""
    body_editor(page)
    return page.evaluate("document.getElementById('id_body').value")


def violations(page):
    return page.evaluate("window.__cspViolations")
