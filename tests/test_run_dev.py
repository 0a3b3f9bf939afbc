"""`make run` serves where HOST and PORT say, and tells the newcomer where things are."""

import contextlib
import os
import signal
import socket
import subprocess
import urllib.request

import pytest

from tests.conftest import REPO
from tests.processes import free_port, wait_for


def run_env(tmp_path, port: int, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        # No Redis and no seed: no worker to start, nothing to extract; only the server.
        "REDIS_URL": "",
        "SEED": str(tmp_path / "no-seed.txt"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DEBUG": "1",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("ALLOWED_HOSTS", None)
    env.update(extra)
    return env


def stop(process: subprocess.Popen) -> None:
    """Stop make, run-dev, runserver and its reloader child: the group started here."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):  # whatever outlived the group's leader
        os.killpg(process.pid, signal.SIGKILL)


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def test_make_run_serves_on_the_port_asked_for_and_prints_the_addresses(tmp_path):
    port = free_port()
    log = tmp_path / "run.log"
    with log.open("w") as output:
        # -o: use the virtualenv as it is, never reinstall from inside a test.
        process = subprocess.Popen(
            ["make", "--no-print-directory", "-o", ".venv/.installed-run", "run"],
            cwd=REPO,
            env=run_env(tmp_path, port),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        assert wait_for(lambda: "Create users:" in log.read_text(), timeout=90), log.read_text()
        site = f"http://127.0.0.1:{port}"
        assert answers(site + "/healthz")
        assert answers(site + "/")
        printed = log.read_text()
        for line in (
            f"Site:          {site}/",
            f"Review queue:  {site}/review/",
            f"Admin:         {site}/admin/",
            f"API docs:      {site}/api/docs",
            "manage.py createuser NAME --role editor",
        ):
            assert line in printed
        assert "REDIS_URL is empty: extraction runs in-process" in printed
    finally:
        stop(process)
    assert not answers(f"http://127.0.0.1:{port}/healthz"), "the server outlived make run"


def test_a_taken_port_is_refused_with_a_way_out(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [str(REPO / "bin" / "run-dev")],
            cwd=REPO,
            env=run_env(tmp_path, port),
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 1
    assert f"Cannot serve on 127.0.0.1:{port}" in result.stderr
    assert f"PORT={port + 1} make run" in result.stderr
    assert not (tmp_path / "db.sqlite3").exists(), "nothing is done before the port is known free"


@pytest.mark.parametrize("url", ["redis://127.0.0.1:1/7", "redis://:secret@127.0.0.1:1/7"])
def test_the_redis_database_in_use_is_named_without_its_password(tmp_path, url):
    with socket.socket() as taken:  # stop right after the Redis line: the port is taken
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        env = run_env(tmp_path, taken.getsockname()[1], REDIS_URL=url)
        result = subprocess.run(
            [str(REPO / "bin" / "run-dev")], cwd=REPO, env=env, capture_output=True, text=True,
            timeout=30,
        )  # fmt: skip
    assert result.returncode == 1
    assert "Redis: redis://127.0.0.1:1/7 (database 7)." in result.stdout
    assert "secret" not in result.stdout + result.stderr
