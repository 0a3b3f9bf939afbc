"""Bad configuration stops the process at start with a message naming the variable."""

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO


def run_check(**env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "REDIS_URL"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_starts_with_debug_and_no_secret_key():
    result = run_check(DEBUG="1")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "0"}, "SECRET_KEY is required"),
        ({"DEBUG": "maybe"}, "DEBUG='maybe' is not a boolean"),
        ({"DEBUG": "1", "DATABASE_URL": "nonsense://x"}, "DATABASE_URL"),
        ({"DEBUG": "1", "REDIS_URL": "http://127.0.0.1:6379"}, "REDIS_URL"),
        (
            {"DEBUG": "1", "ARTICLE_MAX_CHARS": "lots"},
            "ARTICLE_MAX_CHARS='lots' is not a whole number",
        ),
    ],
)
def test_it_refuses_bad_values_with_a_clear_message(env, message):
    result = run_check(**env)
    assert result.returncode != 0
    assert message in result.stderr


def test_the_documented_production_environment_passes_check_deploy():
    env = {}
    for line in (REPO / "deploy" / "newsroom.env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _sep, value = line.partition("=")
            env[name.strip()] = value.strip()
    env["SECRET_KEY"] = "a-long-random-production-key-" + "x7Qz" * 12
    # Nothing of the test run's environment (DEBUG, DJANGO_ALLOW_ASYNC_UNSAFE…) leaks in.
    clean = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    env.pop("DATABASE_URL")  # the check needs no database connection; keep it local
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
