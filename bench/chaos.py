"""Chaos: real articles through 2 workers while workers die, Redis stops and PostgreSQL restarts.

Run: ``python bench/chaos.py [--articles 500] [--readers 32]``. Not part of the test
suite. Needs redis-server, PostgreSQL's initdb/pg_ctl and
../shared/data/arabic_news_sample.jsonl. Everything runs on loopback against its own
throwaway Redis and PostgreSQL cluster on spare ports, in a temporary directory
removed at the end; the machine's own Redis and PostgreSQL are never touched.

What runs: gunicorn (the site, its reader cache in the private Redis), two Celery
workers (one process each), Celery beat (the sweep), `manage.py ingest` of the first
N articles of the sample, and 32 reader threads asking for pages and API answers
the whole time. On a timetable it SIGKILLs workers mid-task, stops Redis for a
while, and restarts PostgreSQL. Then it waits for the sweep to finish the work and
prints: articles done / lost / duplicated / failed, and the readers' requests,
errors and p50/p99 latency (overall and per phase).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO.parent / "shared" / "data" / "arabic_news_sample.jsonl"
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    sys.exit(f"{name} not found (apt-get install postgresql)")


class Postgres:
    """A throwaway cluster. initdb refuses to run as root, so it runs as `postgres` then."""

    def __init__(self, workdir: Path) -> None:
        self.data = workdir / "pgdata"
        self.port = free_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.data.mkdir()
        if self.as_user:
            shutil.chown(self.data, "postgres")
        self.log = self.data / "server.log"
        self._run(pg_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "--no-sync", "-E", "UTF8", "--locale", "C.UTF-8")  # fmt: skip
        self.url = f"postgres://postgres@127.0.0.1:{self.port}"

    def _run(self, *cmd: str) -> None:
        subprocess.run([*self.as_user, *cmd], check=True, capture_output=True)

    def _ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(pg_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
                  "-o", options, *extra, action)  # fmt: skip

    def start(self) -> None:
        self._ctl("start")

    def restart(self) -> None:
        self._ctl("restart", "-m", "fast")

    def stop(self) -> None:
        self._ctl("stop", "-m", "fast")


class Redis:
    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [shutil.which("redis-server") or "redis-server", "--port", str(self.port),
             "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(0.5)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@dataclass
class Readers:
    """Reader threads: every answer's status and time, labelled with the current phase."""

    base: str
    paths: list[str]
    phase: str = "start"
    results: list[tuple[str, bool, float]] = field(default_factory=list)
    failed_paths: list[str] = field(default_factory=list)
    # Every error: seconds since the readers started, phase, path, status or exception.
    errors: list[tuple[float, str, str, str]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    started: float = field(default_factory=time.monotonic)

    def run(self, count: int) -> list[threading.Thread]:
        threads = [
            threading.Thread(target=self._loop, args=(n,), daemon=True) for n in range(count)
        ]
        for thread in threads:
            thread.start()
        return threads

    def _loop(self, seed: int) -> None:
        rng = random.Random(seed)
        while not self.stop.is_set():
            path = rng.choice(self.paths)
            started = time.perf_counter()
            what = "200"
            try:
                with urllib.request.urlopen(self.base + path, timeout=30) as response:
                    response.read()
                    ok = response.status == 200
                    what = str(response.status)
            except urllib.error.HTTPError as exc:  # 4xx, 5xx
                ok, what = False, f"{exc.code} {exc.headers.get('Retry-After') or ''}".strip()
            except Exception as exc:  # refused, reset, timed out: all count as errors
                ok, what = False, f"{type(exc).__name__}: {exc}"
            self.results.append((self.phase, ok, time.perf_counter() - started))
            if not ok:
                self.failed_paths.append(path.split("?")[0].rstrip("/0123456789") or "/")
                at = time.monotonic() - self.started
                self.errors.append((at, self.phase, path, what))


# Rows that a repeated or interleaved extraction would have written twice.
DUPLICATES = {
    "articles": "SELECT count(*) FROM (SELECT url FROM timeline_article WHERE url <> '' "
    "GROUP BY 1 HAVING count(*) > 1) d",
    "mentions": 'SELECT count(*) FROM (SELECT article_id, start, "end" FROM timeline_mention '
    "GROUP BY 1, 2, 3 HAVING count(*) > 1) d",
    "event sources": "SELECT count(*) FROM (SELECT mention_id FROM timeline_eventsource "
    "GROUP BY 1 HAVING count(*) > 1) d",
}


def percentile(values: list[float], percent: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * percent / 100))]


def sql(pg: Postgres, query: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(f"{pg.url}/chaos", connect_timeout=5) as conn:
        return conn.execute(query).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--readers", type=int, default=32)
    parser.add_argument("--timeout", type=int, default=900, help="seconds to wait for the work")
    parser.add_argument(
        "--postgres-down",
        type=float,
        default=0,
        help="seconds PostgreSQL stays stopped (default 0: a plain restart)",
    )
    parser.add_argument("--keep-logs", type=Path, help="copy the processes' logs to this folder")
    args = parser.parse_args()
    if not SAMPLE.exists() or not shutil.which("redis-server"):
        sys.exit("needs ../shared/data/arabic_news_sample.jsonl and redis-server")

    workdir = Path(tempfile.mkdtemp(prefix="bench-chaos-"))
    os.chmod(workdir, 0o755)
    processes: dict[str, subprocess.Popen] = {}
    pg = Postgres(workdir)
    redis = Redis(workdir)
    readers: Readers | None = None
    try:
        pg.start()
        subprocess.run(["psql", f"{pg.url}/postgres", "-qc", "CREATE DATABASE chaos"], check=True)
        redis.start()
        env = {
            **os.environ,
            "DATABASE_URL": f"{pg.url}/chaos",
            "REDIS_URL": redis.url,
            "SECRET_KEY": secrets.token_urlsafe(40),
            "DEBUG": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_MANIFEST": "0",
            "LOG_LEVEL": "WARNING",
            # Claims of killed workers expire quickly, so the sweep (every 30 s) resends.
            "ARTICLE_PROCESSING_TIMEOUT": "20",
            "PYTHONPATH": str(REPO),
        }
        subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=REPO, env=env, check=True)
        sample = workdir / "sample.jsonl"
        with SAMPLE.open(encoding="utf-8") as source, sample.open("w", encoding="utf-8") as out:
            for number, line in enumerate(source):
                if number >= args.articles:
                    break
                out.write(line)

        logs = workdir / "logs"
        logs.mkdir()

        def start(name: str, *cmd: str) -> None:
            log = (logs / f"{name}.log").open("a")
            processes[name] = subprocess.Popen(
                [PYTHON, *cmd], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
            )

        def start_worker(name: str) -> None:
            start(name, "-m", "celery", "-A", "newsroom", "worker", "--pool", "solo",
                  "--loglevel", "WARNING", "-n", f"{name}@%h", "--without-gossip",
                  "--without-mingle")  # fmt: skip

        def kill(name: str) -> None:
            processes[name].send_signal(signal.SIGKILL)
            processes[name].wait()

        web_port = free_port()
        start("web", "-m", "gunicorn", "newsroom.wsgi", "--bind", f"127.0.0.1:{web_port}",
              "--workers", "4", "--timeout", "60", "--access-logfile", "/dev/null")  # fmt: skip
        start_worker("worker-a")
        start_worker("worker-b")
        start("beat", "-m", "celery", "-A", "newsroom", "beat", "--loglevel", "WARNING",
              "-s", str(workdir / "beat-schedule"))  # fmt: skip
        base = f"http://127.0.0.1:{web_port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)

        paths = ["/", "/?q=" + quote("اجتماع"), "/api/events", "/api/articles", "/api/stories"]
        readers = Readers(base, paths)
        readers.run(args.readers)

        # Ingest until the command finishes (it is interrupted if the database goes;
        # a re-run skips what is stored).
        def ingest() -> None:
            while True:
                done = subprocess.run(
                    [PYTHON, "manage.py", "ingest", str(sample)],
                    cwd=REPO, env=env, capture_output=True, text=True,
                )  # fmt: skip
                if "Done:" in done.stdout:
                    return
                time.sleep(2)

        # Article pages (not in the reader cache: they need the database) as soon as
        # 40 articles are stored, so that readers ask for them when PostgreSQL restarts.
        def add_article_pages() -> None:
            while not readers.stop.is_set():
                with contextlib.suppress(Exception):  # the database may be restarting
                    ids = [row[0] for row in sql(pg, "SELECT id FROM timeline_article "
                                                     "ORDER BY id LIMIT 40")]  # fmt: skip
                    if len(ids) == 40:
                        readers.paths += [f"/articles/{n}/" for n in ids]
                        readers.paths += [f"/api/articles/{n}" for n in ids]
                        at = time.monotonic() - started
                        print(f"{at:6.1f} s  readers ask for article pages too", flush=True)
                        return
                time.sleep(0.5)

        def restart_postgres() -> None:
            if args.postgres_down <= 0:
                pg.restart()
                return
            pg.stop()
            time.sleep(args.postgres_down)
            pg.start()

        ingester = threading.Thread(target=ingest)
        started = time.monotonic()
        ingester.start()
        threading.Thread(target=add_article_pages, daemon=True).start()

        timetable = [
            (8, "kill worker-a", lambda: kill("worker-a")),
            (10, "restart worker-a", lambda: start_worker("worker-a")),
            (15, "stop Redis", redis.stop),
            (25, "start Redis", redis.start),
            (32, "restart PostgreSQL", restart_postgres),
            (40, "kill worker-b", lambda: kill("worker-b")),
            (42, "restart worker-b", lambda: start_worker("worker-b")),
            (50, "kill both workers", lambda: [kill(n) for n in ("worker-a", "worker-b")]),
            (53, "restart both", lambda: [start_worker(n) for n in ("worker-a", "worker-b")]),
        ]
        for at, label, action in timetable:
            time.sleep(max(0.0, started + at - time.monotonic()))
            readers.phase = label
            print(f"{time.monotonic() - started:6.1f} s  {label}", flush=True)
            action()
        readers.phase = "recovery"
        ingester.join()

        expected = sum(1 for _ in sample.open(encoding="utf-8"))
        deadline = time.monotonic() + args.timeout
        while time.monotonic() < deadline:
            try:
                pending = sql(pg, "SELECT count(*) FROM timeline_article "
                                  "WHERE status IN ('queued', 'processing')")[0][0]  # fmt: skip
            except Exception:  # the database may still be coming back
                pending = -1
            if pending == 0:
                break
            time.sleep(2)
        finished = time.monotonic() - started
        readers.stop.set()
        time.sleep(1)

        statuses = dict(sql(pg, "SELECT status, count(*) FROM timeline_article GROUP BY 1"))
        stored = sum(statuses.values())
        duplicates = {name: sql(pg, query)[0][0] for name, query in DUPLICATES.items()}
    finally:
        if readers is not None:
            readers.stop.set()
        for process in processes.values():
            if process.poll() is None:
                process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        redis.stop()
        with contextlib.suppress(subprocess.CalledProcessError):
            pg.stop()
        web_log = workdir / "logs" / "web.log"
        web_text = web_log.read_text(errors="replace") if web_log.exists() else ""
        if args.keep_logs and (workdir / "logs").exists():
            shutil.copytree(workdir / "logs", args.keep_logs, dirs_exist_ok=True)
            shutil.copy(pg.log, args.keep_logs / "postgresql.log")
        shutil.rmtree(workdir, ignore_errors=True)

    done = statuses.get("done", 0)
    failed = statuses.get("failed", 0)
    lost = statuses.get("queued", 0) + statuses.get("processing", 0)
    print(
        f"\n{expected} records in the sample slice, {stored} articles stored (a record the"
        f" sample holds twice is stored once); all settled after {finished:.0f} s"
    )
    detail = ", ".join(f"{name} {count}" for name, count in duplicates.items())
    print(
        f"articles: done {done}, lost {lost}, failed {failed},"
        f" duplicated {sum(duplicates.values())} ({detail})"
    )
    results = readers.results if readers else []
    errors = sum(1 for _, ok, _ in results if not ok)
    times = [seconds * 1000 for _, _, seconds in results]
    print(
        f"readers ({args.readers}): {len(results)} requests, {errors} errors, "
        f"p50 {percentile(times, 50):.0f} ms, p99 {percentile(times, 99):.0f} ms"
    )
    # What the web did about the database's restart (newsroom/middleware.py, reader_cache.py).
    print(
        f"web: {web_text.count('tried again')} reader requests tried again,"
        f" {web_text.count('stale copy')} stale copies served,"
        f" {web_text.count('answered 503')} answered 503,"
        f" {web_text.count('Traceback')} tracebacks"
    )
    phases = list(dict.fromkeys(phase for phase, _, _ in results))
    for phase in phases:
        subset = [(ok, s * 1000) for p, ok, s in results if p == phase]
        print(f"  {phase:22} {len(subset):6} requests {sum(not ok for ok, _ in subset):5} errors"
              f"  p99 {percentile([s for _, s in subset], 99):6.0f} ms")  # fmt: skip
    if readers and readers.failed_paths:
        counted = {path: readers.failed_paths.count(path) for path in set(readers.failed_paths)}
        print(f"  errors by page: {counted}")
        for at, phase, path, what in readers.errors[:100]:
            print(f"  error at {at:6.1f} s ({phase}): {path} -> {what}")
    print("targets: 0 lost, 0 duplicated, 0 failed, 0 reader errors")


if __name__ == "__main__":
    main()
