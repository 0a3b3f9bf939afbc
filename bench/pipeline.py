"""Benchmark: the article pipeline through real Redis and a real Celery worker.

Ingests the real articles of ../shared/data/arabic_news_sample.jsonl twice on a fresh
database, timing each from the first ingest to the last article done:

1. baseline: one process, no Celery (tasks run in-process as each article is saved);
2. pipeline: `manage.py ingest` sending to a private Redis, a worker with 2 processes.

Prints articles per second for each and the ratio pipeline / baseline wall time
(target ≤ 1.0), and checks that every stored article reached `done`.

    .venv/bin/python bench/pipeline.py [--limit N] [--database-url URL]

With `--against REF` (a commit, e.g. the last release) it instead times the
in-process ingest and extraction of the same articles by this tree and by REF
(checked out into a temporary git worktree, each on its own fresh SQLite file),
one after the other in the same run, and prints the per-article cost ratio
(target <= 1.5 for a new extractor version).

Without --database-url a temporary SQLite file is used. Not run by the test suite.
"""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO.parent / "shared" / "data" / "arabic_news_sample.jsonl"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True
    )
    if result.returncode not in (0, 1):
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result


def count_articles() -> dict[str, int]:
    from django.db.models import Count

    from timeline.models import Article

    # Autocommit: every poll is its own transaction and sees what workers committed.
    return dict(Article.objects.values_list("status").annotate(n=Count("id")))


def wait_until_done(stored: int, timeout: float) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        counts = count_articles()
        if counts.get("done", 0) + counts.get("failed", 0) >= stored:
            return time.monotonic()
        time.sleep(0.1)
    sys.exit(f"timed out; statuses: {count_articles()}")


def run(env: dict[str, str], sample: Path) -> tuple[float, int]:
    manage(env, "flush", "--noinput")
    started = time.monotonic()
    result = manage(env, "ingest", str(sample))
    stored = int(result.stdout.rsplit("Done: ", 1)[1].split(" stored")[0])
    finished = wait_until_done(stored, timeout=3600)
    counts = count_articles()
    if counts.get("done") != stored:
        sys.exit(f"not every article reached done: {counts} of {stored}")
    return finished - started, stored


def in_process_seconds(tree: Path, sample: Path, workdir: Path) -> float:
    """Wall time of `manage.py ingest` with tasks run in-process, on a fresh database."""
    database = workdir / f"{tree.name}.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "bench-only",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": "",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=tree, env=env, check=True, capture_output=True,
    )  # fmt: skip
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "manage.py", "ingest", str(sample)],
        cwd=tree, env=env, check=True, capture_output=True,
    )  # fmt: skip
    return time.monotonic() - started


def compare_with(ref: str, sample: Path, workdir: Path) -> None:
    other = workdir / "ref"
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(other), ref],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip
    try:
        reference = in_process_seconds(other, sample, workdir)
        current = in_process_seconds(REPO, sample, workdir)
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(other)], cwd=REPO, capture_output=True
        )
    print(f"in-process ingest + extraction of {sample.name}, fresh SQLite each:")
    print(f"  {ref}: {reference:7.1f} s")
    print(f"  this tree: {current:7.1f} s")
    print(f"ratio this tree / {ref}: {current / reference:.2f}  (target <= 1.5)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--database-url", default="", help="default: a temporary SQLite file")
    parser.add_argument("--against", default="", metavar="REF", help="compare with a commit")
    args = parser.parse_args()
    redis_server = shutil.which("redis-server")
    if not SAMPLE.exists() or redis_server is None:
        sys.exit("needs ../shared/data/arabic_news_sample.jsonl and redis-server")

    workdir = Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    sample = SAMPLE
    if args.limit:
        sample = workdir / "sample.jsonl"
        with SAMPLE.open(encoding="utf-8") as source, sample.open("w", encoding="utf-8") as out:
            for number, line in enumerate(source):
                if number >= args.limit:
                    break
                out.write(line)
    if args.against:
        compare_with(args.against, sample, workdir)
        shutil.rmtree(workdir, ignore_errors=True)
        return
    database_url = args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    port = free_port()
    base_env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-only",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
    }
    manage({**base_env, "REDIS_URL": ""}, "migrate", "--noinput")
    # This process only reads the statuses, through the same database.
    os.environ.update({**base_env, "REDIS_URL": "", "DJANGO_SETTINGS_MODULE": "newsroom.settings"})
    sys.path.insert(0, str(REPO))
    import django

    django.setup()

    baseline, stored = run({**base_env, "REDIS_URL": ""}, sample)

    redis = subprocess.Popen(
        [
            redis_server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    pipeline_env = {**base_env, "REDIS_URL": f"redis://127.0.0.1:{port}/0"}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "newsroom", "worker", "--pool", "prefork",
         "--concurrency", "2", "--loglevel", "WARNING", "--without-gossip", "--without-mingle"],
        cwd=REPO,
        env=pipeline_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        time.sleep(3)  # the worker connects
        pipelined, stored_again = run(pipeline_env, sample)
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
        redis.terminate()
        redis.wait(timeout=10)
    shutil.rmtree(workdir, ignore_errors=True)

    engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    print(f"articles stored and processed: {stored} (baseline), {stored_again} (pipeline), "
          f"every one done; database {engine}")  # fmt: skip
    for label, seconds, count in (
        ("baseline, one process, no Celery", baseline, stored),
        ("pipeline, Redis + 2 worker procs", pipelined, stored_again),
    ):
        print(f"{label}: {seconds:7.1f} s  {count / seconds:6.1f} articles/s")
    print(f"ratio pipeline / baseline wall time: {pipelined / baseline:.2f}  (target <= 1.0)")


if __name__ == "__main__":
    main()
