"""Load test: gunicorn (4 workers) on PostgreSQL with 100,000 events, driven by wrk.

Run: ``python bench/load.py [--events 100000] [--duration 30] [--connections 32]``
(needs Debian's wrk: ``apt-get install -y wrk``, PostgreSQL and Redis; BENCH_PG_URL names
the server, default postgres://postgres@127.0.0.1:5432, BENCH_REDIS_URL the shared cache,
default redis://127.0.0.1:6379/14, emptied first). Not part of the test suite.
Set READER_CACHE_SECONDS=0 to measure without the reader cache.

It creates a fresh database ``newsroom_load`` (``--keep``: reuses it, filled), fills
it (``fill_events --sql``), starts gunicorn on a free loopback port, then runs wrk
from its own process: the mix (timeline pages, filters, searches, event panels,
story pages, API calls, the TimelineJS export), the rare mix (searches with one or
no match, a rare place with a search on the page, the API and the export, a
two-year range: what the reader cache rarely holds), and a trivial view (same
server, same middleware, no database). It prints requests/s, p50/p99 latency and
errors for each, and each mix's ratio to the trivial view. Targets: zero errors,
ratio ≥ 0.5 with the reader cache, ≥ 0.10 without (READER_CACHE_SECONDS=0).
Traffic goes to 127.0.0.1 only, and stops after `duration`.

``--rounds N`` cuts each run into N slices taken in turn (mix, trivial, mix, …), so
that the load of a shared machine weighs on both alike.

``--live``: readers also poll their page for changes (timeline/reader/live.py), as open
pages do every 15 s: each page of the mix is followed by ``--polls-per-page`` (4: a
minute on the page) requests of its changes URL with the ETag it was rendered with,
and, with ``--write-every S``, an editor confirms or unconfirms an event every S
seconds (set_status, in a process of its own): the generation moves, every cached
page is rendered again and polls get counts as well as 304s (a developing story).
The plain mix, this live mix and the trivial view are then run in turn; both ratios
are printed, with the live mix's pages per second and answers by status.
"""

from __future__ import annotations

import argparse
import html
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
# BENCH_DB_NAME: another name, for two runs side by side on one server.
DB_NAME = os.environ.get("BENCH_DB_NAME", "newsroom_load")


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
    subprocess.run([*manage, "fill_events", str(events), "--sql"], cwd=REPO, env=env, check=True)


RARE_PLACE = "قرية نائية"  # fill_events.RARE_PLACE (this process does not set Django up)


def rare_paths(events: int) -> list[str]:
    """The rare mix: searches the news order cannot answer by walking a few rows."""

    def q(**params: str) -> str:
        return "?" + urlencode(params, quote_via=quote)

    rng = random.Random(11)
    rare = {"place": RARE_PLACE, "q": "الوزير"}  # one event in 50,000 is there
    paths = [
        "/" + q(q="54321"),  # a number inside a few others: few or no matches
        "/" + q(q="مفاوضات 54321"),
        "/" + q(place=RARE_PLACE, q="مفاوضات"),  # no match at all
        "/" + q(**rare),
        "/api/events" + q(**rare),
        "/timeline.json" + q(**rare),
        "/" + q(start="2000-01-01", end="2001-12-31"),
        "/api/events" + q(start="2000-01-01", end="2001-12-31"),
    ]
    # One event's number: a single match each.
    return paths + ["/" + q(q=str(rng.randrange(events))) for _ in range(5)]


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
        "/timeline.json",
    ]
    for event_id in rng.sample(ids, 10):
        paths += [f"/events/{event_id}/", f"/api/events/{event_id}"]
    return paths


def _lua_list(values: list[str]) -> str:
    return "{\n" + ",\n".join(f'  "{v}"' for v in values) + "\n}"


def wrk_script(
    paths: list[str],
    directory: Path,
    live: dict[str, tuple[str, str]] | None = None,
    polls: int = 0,
) -> Path:
    """A wrk Lua script that walks `paths` in turn; with `live`, each page that has a
    changes URL is followed by `polls` requests of it (If-None-Match: the page's ETag).
    It counts the answers by status and prints them at the end («status 304 1234»)."""
    live = live or {}
    urls = [live.get(p, ("", ""))[0] for p in paths]
    etags = [live.get(p, ("", ""))[1].replace('"', '\\"') for p in paths]
    directory.mkdir(parents=True, exist_ok=True)
    script = directory / "mix.lua"
    script.write_text(
        f"local paths = {_lua_list(paths)}\n"
        f"local lives = {_lua_list(urls)}\n"
        f"local etags = {_lua_list(etags)}\n"
        f"local polls = {polls}\n"
        "local i, left, k = 0, 0, 1\n"
        "local threads = {}\n"
        "setup = function(thread) table.insert(threads, thread) end\n"
        "init = function(args) statuses = {} end\n"
        "request = function()\n"
        "  if left > 0 then\n"
        "    left = left - 1\n"
        "    return wrk.format('GET', lives[k], {['If-None-Match'] = etags[k]})\n"
        "  end\n"
        "  i = i + 1\n"
        "  k = (i % #paths) + 1\n"
        "  if lives[k] ~= '' then left = polls end\n"
        "  return wrk.format('GET', paths[k])\n"
        "end\n"
        "response = function(status, headers, body)\n"
        "  statuses[status] = (statuses[status] or 0) + 1\n"
        "end\n"
        "done = function(summary, latency, requests)\n"
        "  local total = {}\n"
        "  for _, thread in ipairs(threads) do\n"
        "    for status, n in pairs(thread:get('statuses')) do\n"
        "      total[status] = (total[status] or 0) + n\n"
        "    end\n"
        "  end\n"
        "  for status, n in pairs(total) do\n"
        "    io.write(string.format('status %d %d\\n', status, n))\n"
        "  end\n"
        "end\n"
    )
    return script


def live_urls(base: str, paths: list[str]) -> dict[str, tuple[str, str]]:
    """Each page's changes URL and the ETag it was rendered with (timeline/reader/live.py)."""
    found = {}
    for path in paths:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            page = response.read().decode("utf-8", "replace")
        url = re.search(r'data-live-url="([^"]+)"', page)
        etag = re.search(r'data-live-etag="([^"]*)"', page)
        if url and etag:
            found[path] = (html.unescape(url.group(1)), html.unescape(etag.group(1)))
    return found


# An editor at work: confirms or unconfirms one of the newest events now and then.
WRITER = """
import sys, time, django
django.setup()
from timeline.actions import set_status
from timeline.models import Event
every = float(sys.argv[1])
ids = list(Event.objects.order_by("-first_day", "-id").values_list("id", flat=True)[:20])
n = 0
while True:
    time.sleep(every)
    event = Event.objects.get(pk=ids[n % len(ids)])
    done = event.status == Event.Status.CONFIRMED
    set_status([event], Event.Status.CANDIDATE if done else Event.Status.CONFIRMED)
    n += 1
    print(n, flush=True)
"""


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
        "statuses": {int(k): int(n) for k, n in re.findall(r"^status (\d+) (\d+)$", out, re.M)},
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


def combine(slices: list[dict]) -> dict:
    """The rounds of one kind as one run: requests over the whole time, the median
    p50, the worst p99, every error and status."""
    statuses: dict[int, int] = {}
    for r in slices:
        for status, n in r["statuses"].items():
            statuses[status] = statuses.get(status, 0) + n
    return {
        "rps": sum(r["requests"] for r in slices) / sum(r["requests"] / r["rps"] for r in slices),
        "requests": sum(r["requests"] for r in slices),
        "p50": statistics.median(r["p50"] for r in slices),
        "p99": max(r["p99"] for r in slices),
        "errors": sum(r["errors"] for r in slices),
        "statuses": statuses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="split each run into this many slices, taken in turn (a shared machine's load"
        " then weighs on every kind alike)",
    )
    parser.add_argument("--keep", action="store_true", help="reuse the filled database")
    parser.add_argument("--live", action="store_true", help="readers also poll for changes")
    parser.add_argument("--polls-per-page", type=int, default=4)
    parser.add_argument("--write-every", type=float, default=0.0)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install -y wrk")
    pg_url = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
    env = server_env(pg_url)

    if args.keep:
        import redis

        redis.Redis.from_url(env["REDIS_URL"]).flushdb()  # no reader page from an earlier run
    else:
        print(f"Filling {DB_NAME} with {args.events:,} events…", flush=True)
        prepare_database(pg_url, args.events, env)
    paths = sample_paths(env)
    rare = rare_paths(args.events)
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
    writer = None
    runs: dict[str, list[dict]] = {}
    try:
        wait_until_up(f"{base}/bench/trivial")
        for path in paths + rare:  # every page answers before it is timed; warms the workers
            with urllib.request.urlopen(base + path, timeout=30) as response:
                assert response.status == 200, path
        live = live_urls(base, paths) if args.live else {}
        if args.live and args.write_every > 0:
            writer = subprocess.Popen(
                [PYTHON, "-c", WRITER, str(args.write_every)],
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                text=True,
            )
        seconds = max(1, round(args.duration / args.rounds))
        with tempfile.TemporaryDirectory() as tmp:
            kinds = {"mix": (base + "/", wrk_script(paths, Path(tmp)))}
            kinds["rare mix"] = (base + "/", wrk_script(rare, Path(tmp) / "rare"))
            if args.live:
                script = wrk_script(paths, Path(tmp) / "live", live, args.polls_per_page)
                kinds["live mix"] = (base + "/", script)
            kinds["trivial"] = (f"{base}/bench/trivial", None)
            for _ in range(args.rounds):
                for name, (url, script) in kinds.items():
                    slice_ = run_wrk(url, seconds, args.connections, script)
                    runs.setdefault(name, []).append(slice_)
    finally:
        writes = 0
        if writer is not None:
            writer.terminate()
            writes = len(writer.communicate(timeout=30)[0].split())
        gunicorn.terminate()
        gunicorn.wait(timeout=30)

    results = {name: combine(slices) for name, slices in runs.items()}
    print(
        f"\n{args.events:,} events, gunicorn × {args.workers}, {args.connections} connections,"
        f" {seconds * args.rounds} s each in {args.rounds} round(s), {len(paths)} URLs in the mix"
    )
    print(f"{'':9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'requests':>9}")
    for name, r in results.items():
        print(
            f"{name:9} {r['rps']:9.1f} {r['p50']:8.2f} {r['p99']:8.2f}"
            f" {r['errors']:7d} {r['requests']:9d}"
        )
    trivial = results["trivial"]
    errors = sum(r["errors"] for r in results.values())
    if args.live:
        mix = results["live mix"]
        pages = len(paths) / (len(paths) + args.polls_per_page * len(live))
        statuses = ", ".join(f"{k}: {n}" for k, n in sorted(mix["statuses"].items()))
        print(
            f"live mix: {len(live)} of {len(paths)} URLs poll, {args.polls_per_page} polls per"
            f" page view, so pages ≈ {mix['rps'] * pages:.1f}/s of its {mix['rps']:.1f}/s;"
            f" {f'{writes} writes, one every {args.write_every:g} s' if writer else 'no writes'};"
            f" answers: {statuses}"
        )
        print(f"ratio mix/trivial: {results['mix']['rps'] / trivial['rps']:.3f}")
        print(
            f"ratio live mix/trivial: {mix['rps'] / trivial['rps']:.3f} (target ≥ 0.25);"
            f" errors: {errors} (target 0)"
        )
        return
    cached = int(os.environ.get("READER_CACHE_SECONDS", "60")) > 0
    target = f"target ≥ {0.5 if cached else 0.10} {'with' if cached else 'without'} the cache"
    for name in ("mix", "rare mix"):
        print(f"ratio {name}/trivial: {results[name]['rps'] / trivial['rps']:.3f} ({target})")
    print(f"errors: {errors} (target 0)")


if __name__ == "__main__":
    main()
