"""Staff sign-in: lockout after repeated failures, unlock, and two-factor enrolment and sign-in."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
LOGIN = reverse("admin:login")


def sign_in(client, username="editor", password=PASSWORD, code="", address="10.0.0.1"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "otp_token": code, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def two_factor_required(settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True


# --- Lockout -----------------------------------------------------------------------------------


def test_account_is_locked_after_five_failures_even_with_the_right_password(client, editor):
    for _ in range(4):
        assert sign_in(client, password="wrong").status_code == 200
    locked = sign_in(client, password="wrong")
    assert locked.status_code == 429
    assert "Sign-in locked for now" in locked.content.decode()
    # The right password no longer helps, from this address or another one.
    assert sign_in(client).status_code == 429
    assert sign_in(client, address="10.9.9.9").status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_address_guessing_many_accounts_is_locked(client, editor):
    for n in range(5):
        sign_in(client, username=f"someone{n}", password="wrong", address="10.6.6.6")
    assert sign_in(client, address="10.6.6.6").status_code == 429
    assert sign_in(client, address="10.7.7.7").status_code == 302  # the account itself is fine


def test_a_success_before_the_limit_starts_the_count_again(client, editor):
    for _ in range(4):
        sign_in(client, password="wrong")
    assert sign_in(client).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, password="wrong")
    assert sign_in(client).status_code == 302


def test_an_administrator_unlocks_the_account(client, editor):
    for _ in range(5):
        sign_in(client, password="wrong")
    assert sign_in(client).status_code == 429
    call_command("axes_reset_username", "editor", verbosity=0)
    call_command("axes_reset_ip", "10.0.0.1", verbosity=0)
    assert sign_in(client).status_code == 302


def test_lockout_ends_after_the_cool_off(client, editor, settings):
    from datetime import timedelta

    for _ in range(5):
        sign_in(client, password="wrong")
    assert sign_in(client).status_code == 429
    settings.AXES_COOLOFF_TIME = timedelta(seconds=0)
    assert sign_in(client).status_code == 302


# --- Two-factor --------------------------------------------------------------------------------


def test_an_editor_without_a_device_is_sent_to_enrol_and_cannot_use_the_admin(
    client, editor, two_factor_required
):
    response = sign_in(client)
    assert response.status_code == 302
    page = client.get("/admin/", follow=True)
    assert page.redirect_chain[-1][0] == reverse("admin:two_factor_enrol")
    assert "Scan this code" in page.content.decode()
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 302


def test_enrolment_confirms_the_app_and_shows_recovery_codes_once(
    client, editor, two_factor_required
):
    sign_in(client)
    enrol = reverse("admin:two_factor_enrol")
    page = client.get(enrol).content.decode()
    assert 'src="data:image/svg+xml' in page
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert device.config_url.split("secret=")[1].split("&")[0] in page

    wrong = client.post(enrol, {"otp_token": "000000" if current_code(device) != "000000" else "1"})
    assert "did not match" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows retries after a wrong code; the user waits a second

    done = client.post(enrol, {"otp_token": current_code(device)})
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200  # this session is verified now
    assert client.get(enrol).status_code == 302  # and the codes are not shown again


@pytest.fixture
def enrolled(client, editor, two_factor_required):
    sign_in(client)
    enrol = reverse("admin:two_factor_enrol")
    client.get(enrol)
    device = TOTPDevice.objects.get(user=editor)
    page = client.post(enrol, {"otp_token": current_code(device)}).content.decode()
    client.logout()
    device.refresh_from_db()
    device.last_t = -1  # the enrolment code may be reused by the sign-in in the same 30 s
    device.save()
    return device, re.findall(r"<li><code>(\w+)</code></li>", page)


def test_sign_in_with_password_and_app_code(client, enrolled):
    device, _ = enrolled
    assert sign_in(client).status_code == 200  # no code: refused
    assert sign_in(client, code=current_code(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(client, enrolled):
    _, codes = enrolled
    assert sign_in(client, code=codes[0]).status_code == 302
    client.logout()
    assert sign_in(client, code=codes[0]).status_code == 200


def test_wrong_codes_count_towards_the_lockout(client, enrolled):
    for _ in range(5):
        sign_in(client, code="12345678")  # never a 6-digit TOTP code
    assert sign_in(client, code=current_code(enrolled[0])).status_code == 429


def test_a_password_only_session_of_an_enrolled_editor_reaches_no_admin_page(
    client, editor, enrolled
):
    client.force_login(editor)  # e.g. a session from before two-factor was set up
    assert client.get("/admin/").status_code == 302


def test_writers_are_not_asked_for_a_second_factor(client, writer, two_factor_required):
    assert sign_in(client, username="wendy").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_password_only_session_sees_no_draft_preview(client, editor, two_factor_required):
    from articles.models import Article
    from tests.factories import make_article

    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    preview = reverse("workflow:preview", args=[draft.pk])
    sign_in(client)  # the password was right; no second factor yet
    assert client.get(preview).status_code in (302, 403, 404)
    assert draft.headline not in client.get(preview, follow=True).content.decode()


def test_a_verified_editor_sees_the_draft_preview(client, enrolled):
    from articles.models import Article
    from tests.factories import make_article

    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    sign_in(client, code=current_code(enrolled[0]))
    response = client.get(reverse("workflow:preview", args=[draft.pk]))
    assert response.status_code == 200 and draft.headline in response.content.decode()
