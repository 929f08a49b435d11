"""No Content-Security-Policy violation on reader pages or the admin's article form."""

import pytest

from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db(transaction=True)

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


def violations_on(page, url):
    messages = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__cspViolations") + messages


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    yield context.new_page()
    context.close()


def test_reader_pages_run_under_the_policy(page, live_server):
    category = make_category(name="Naval", slug="naval")
    article = make_article(categories=[category], tags=["Défense"])
    for path in ["/", article.get_absolute_url(), "/category/naval/", "/search/?q=naval"]:
        assert violations_on(page, f"{live_server.url}{path}") == [], path


def test_admin_article_form_runs_under_the_policy(page, live_server, django_user_model):
    django_user_model.objects.create_superuser("editor", "e@example.org", "correct horse battery")
    article = make_article()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username:").fill("editor")
    page.get_by_label("Password:").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    for path in [
        "/admin/",
        f"/admin/articles/article/{article.pk}/change/",
        "/admin/articles/article/add/",
    ]:
        assert violations_on(page, f"{live_server.url}{path}") == [], path
