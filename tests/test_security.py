"""CSRF, login throttling, secure cookies and the deploy checks."""

import os
import subprocess
import sys

import pytest
from django.test import Client

from tests.conftest import REPO
from tests.editorial import make_editor, make_event
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


def test_cookies_are_secure_when_not_debugging(settings):
    # The test run is DEBUG=0, as production is.
    assert not settings.DEBUG
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE


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
