"""Load test: gunicorn (4 workers) on PostgreSQL with 100,000 events, driven by wrk.

Run: ``python bench/load.py [--events 100000] [--duration 30] [--connections 32]``
(needs Debian's wrk: ``apt-get install -y wrk``, PostgreSQL and Redis; BENCH_PG_URL names
the server, default postgres://postgres@127.0.0.1:5432, BENCH_REDIS_URL the shared cache,
default redis://127.0.0.1:6379/14, emptied first). Not part of the test suite.
Set READER_CACHE_SECONDS=0 to measure without the reader cache.

It creates a fresh database ``newsroom_load``, fills it (``fill_events``), starts
gunicorn on a free loopback port, then runs wrk twice from its own process: the mix
(timeline pages, filters, searches, event panels, story pages, API calls), and a
trivial view (same server, same middleware, no database). It prints requests/s,
p50/p99 latency and errors for each, and the ratio mix/trivial. Targets: zero
errors, ratio ≥ 0.25. Traffic goes to 127.0.0.1 only, and stops after `duration`.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DB_NAME = "newsroom_load"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(pg_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"{pg_url}/{DB_NAME}",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        # The cache every web host shares, as in production (nothing is enqueued).
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
        "STATIC_MANIFEST": "0",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(REPO),
    }


def prepare_database(pg_url: str, events: int, env: dict[str, str]) -> None:
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()  # no reader page from an earlier run
    admin = f"{pg_url}/postgres"
    for sql in (f"DROP DATABASE IF EXISTS {DB_NAME}", f"CREATE DATABASE {DB_NAME}"):
        subprocess.run(["psql", admin, "-qc", sql], check=True)
    manage = [PYTHON, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=REPO, env=env, check=True)
    subprocess.run([*manage, "fill_events", str(events)], cwd=REPO, env=env, check=True)


def sample_paths(env: dict[str, str]) -> list[str]:
    """The mix: a spread of the pages readers and tools ask for."""
    code = (
        "import django; django.setup();"
        "from timeline.models import Event;"
        "ids = Event.objects.order_by('?').values_list('id', flat=True)[:40];"
        "print(' '.join(map(str, ids)))"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], cwd=REPO, env=env, check=True, capture_output=True, text=True
    )
    ids = out.stdout.split()
    rng = random.Random(7)

    def q(**params: str) -> str:
        return "?" + urlencode(params, quote_via=quote)

    paths = [
        "/",
        "/" + q(kind="meeting"),
        "/" + q(q="انتخابات"),
        "/" + q(q="اجتماع", kind="meeting"),
        "/" + q(place="مدينة 3"),
        "/" + q(start="2000-01-01", end="2001-12-31"),
        "/" + q(zoom="months", at="1990-05-01"),
        "/" + q(after="2010-01-01.0"),
        "/stories/bench/",
        "/api/events",
        "/api/events" + q(kind="meeting", q="مفاوضات"),
        "/api/articles" + q(limit="20"),
        "/api/stories",
    ]
    for event_id in rng.sample(ids, 10):
        paths += [f"/events/{event_id}/", f"/api/events/{event_id}"]
    return paths


def wrk_script(paths: list[str], directory: Path) -> Path:
    """A wrk Lua script that walks `paths` in turn."""
    quoted = ",\n".join(f'  "{p}"' for p in paths)
    script = directory / "mix.lua"
    script.write_text(
        f"local paths = {{\n{quoted}\n}}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = i + 1\n"
        "  return wrk.format('GET', paths[(i % #paths) + 1])\n"
        "end\n"
    )
    return script


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run_wrk(url: str, duration: int, connections: int, script: Path | None) -> dict:
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if script:
        cmd += ["-s", str(script)]
    out = subprocess.run([*cmd, url], check=True, capture_output=True, text=True).stdout

    def latency(percent: str) -> float:
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * UNITS[unit]

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    if found := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(found.group(1))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": errors,
    }


def wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer at {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install -y wrk")
    pg_url = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
    env = server_env(pg_url)

    print(f"Filling {DB_NAME} with {args.events:,} events…", flush=True)
    prepare_database(pg_url, args.events, env)
    paths = sample_paths(env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "newsroom.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--access-logfile",
            "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
        ],
        cwd=REPO,
        env=env,
    )
    try:
        wait_until_up(f"{base}/bench/trivial")
        for path in paths:  # every page answers before it is timed, and warms the workers
            with urllib.request.urlopen(base + path, timeout=30) as response:
                assert response.status == 200, path
        with tempfile.TemporaryDirectory() as tmp:
            script = wrk_script(paths, Path(tmp))
            mix = run_wrk(base + "/", args.duration, args.connections, script)
        trivial = run_wrk(f"{base}/bench/trivial", args.duration, args.connections, None)
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)

    print(
        f"\n{args.events:,} events, gunicorn × {args.workers}, {args.connections} connections,"
        f" {args.duration} s each, {len(paths)} URLs in the mix"
    )
    print(f"{'':8} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'requests':>9}")
    for name, r in (("mix", mix), ("trivial", trivial)):
        print(
            f"{name:8} {r['rps']:9.1f} {r['p50']:8.2f} {r['p99']:8.2f}"
            f" {r['errors']:7d} {r['requests']:9d}"
        )
    ratio = mix["rps"] / trivial["rps"]
    print(
        f"ratio mix/trivial: {ratio:.3f} (target ≥ 0.25);"
        f" errors: {mix['errors'] + trivial['errors']} (target 0)"
    )


if __name__ == "__main__":
    main()
