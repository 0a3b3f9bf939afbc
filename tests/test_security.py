"""CSRF, login throttling, secure cookies and the deploy checks."""

import os
import subprocess
import sys

import pytest
from django.test import Client

from tests.conftest import REPO
from tests.factories import make_editor, make_event
from timeline.models import Event

pytestmark = pytest.mark.django_db


def test_a_post_without_the_csrf_token_is_refused():
    editor = make_editor()
    event = make_event()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    response = client.post(f"/events/{event.pk}/confirm/", headers={"HX-Request": "true"})

    assert response.status_code == 403
    event.refresh_from_db()
    assert event.status == Event.Status.CANDIDATE


def test_the_htmx_header_token_from_the_body_is_accepted():
    editor = make_editor()
    event = make_event()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    page = client.get("/review/").content.decode()
    token = page.split('"X-CSRFToken": "', 1)[1].split('"', 1)[0]

    response = client.post(
        f"/events/{event.pk}/confirm/", headers={"HX-Request": "true", "X-CSRFToken": token}
    )

    assert response.status_code == 200
    event.refresh_from_db()
    assert event.status == Event.Status.CONFIRMED


def test_login_is_locked_after_repeated_wrong_passwords(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    make_editor("editor", password="the-right-password-42")
    for _ in range(3):
        client.post("/accounts/login/", {"username": "editor", "password": "wrong"})

    response = client.post(
        "/accounts/login/", {"username": "editor", "password": "the-right-password-42"}
    )

    assert response.status_code == 429
    assert "الدخول موقوف مؤقتاً" in response.content.decode()


def test_a_right_password_signs_an_editor_in(client):
    make_editor("editor", password="the-right-password-42")
    response = client.post(
        "/accounts/login/", {"username": "editor", "password": "the-right-password-42"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/review/"


def test_a_wrong_password_is_explained_in_arabic(client):
    make_editor("editor", password="the-right-password-42")
    response = client.post("/accounts/login/", {"username": "editor", "password": "nope"})
    assert "اسم المستخدم أو كلمة المرور غير صحيحة" in response.content.decode()


def test_cookies_are_secure_when_not_debugging():
    # Settings are read once, at start-up, from the environment: a process started as
    # production is (DEBUG=0) is asked, whatever DEBUG this test run has.
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings\n"
        "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE)",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x7#p2L!q9vR@m4Tz8wK&c1Nf6Yh3Jd0Bs5Ge-Ua7Io2Px9Ql4Zr8Ew1Ty6Hu3Mk0Vn",
    "ALLOWED_HOSTS": "timeline.example.org",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "DEBUG"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_bad_security_value_stops_the_process():
    result = run_manage("check", **{**PRODUCTION, "SECURE_HSTS_SECONDS": "a year"})
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS='a year'" in result.stderr


def wrong_password(client, address: str, forwarded: str | None = None, username="editor"):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return client.post(
        "/accounts/login/",
        {"username": username, "password": "wrong"},
        REMOTE_ADDR=address,
        headers=headers,
    )


def test_behind_the_load_balancer_one_client_cannot_lock_out_the_others(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = 1
    make_editor("editor", password="the-right-password-42")
    balancer = "10.0.0.5"
    for _ in range(3):  # an attacker, who also forges an X-Forwarded-For entry
        wrong_password(client, balancer, forwarded="198.51.100.1, 203.0.113.66")

    attacker = client.post(
        "/accounts/login/",
        {"username": "editor", "password": "the-right-password-42"},
        REMOTE_ADDR=balancer,
        headers={"X-Forwarded-For": "198.51.100.1, 203.0.113.66"},
    )
    editor = client.post(
        "/accounts/login/",
        {"username": "editor", "password": "the-right-password-42"},
        REMOTE_ADDR=balancer,
        headers={"X-Forwarded-For": "203.0.113.7"},
    )

    assert attacker.status_code == 429  # locked: the address the balancer saw
    assert editor.status_code == 302  # the editor at another address signs in


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = 0
    make_editor("editor", password="the-right-password-42")
    # Changing X-Forwarded-For on every try does not escape the throttle.
    for n in range(3):
        wrong_password(client, "203.0.113.9", forwarded=f"198.51.100.{n}")
    response = wrong_password(client, "203.0.113.9", forwarded="198.51.100.99")
    assert response.status_code == 429


def test_the_lockout_is_per_username_and_tells_the_editor_what_to_do(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = 0.5  # hours
    make_editor("editor", password="the-right-password-42")
    make_editor("other", password="the-right-password-42")
    for _ in range(3):
        wrong_password(client, "203.0.113.9")

    locked = wrong_password(client, "203.0.113.9").content.decode()
    other = client.post(
        "/accounts/login/",
        {"username": "other", "password": "the-right-password-42"},
        REMOTE_ADDR="203.0.113.9",
    )

    assert other.status_code == 302  # same address, another username: not locked
    assert "انتظر 30 دقيقة ثم أعد المحاولة" in locked
    assert "axes_reset_username editor" in locked


def test_the_lockout_page_speaks_the_readers_language(client, settings):
    settings.AXES_FAILURE_LIMIT = 1
    make_editor("editor", password="the-right-password-42")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    wrong_password(client, "203.0.113.9")
    page = wrong_password(client, "203.0.113.9").content.decode()
    assert "Wait 30 minutes, then try again with the right" in page
