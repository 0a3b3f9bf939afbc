"""/healthz answers 200 only while the database, Redis and a worker all answer."""

import pytest
from django.test import override_settings

from tests.processes import RedisServer, Worker, process_env, wait_for


@pytest.mark.django_db
@override_settings(REDIS_URL="")
def test_without_redis_configured_only_the_database_is_checked(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_an_unreachable_redis_is_unhealthy(client, tmp_path):
    server = RedisServer(tmp_path)  # never started: nothing listens on its port
    with override_settings(REDIS_URL=server.url):
        response = client.get("/healthz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"] == "ok"
    assert checks["redis"] != "ok" and checks["worker"] == "redis unreachable"


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_stopped_worker_makes_the_site_unhealthy(client, tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    try:
        with override_settings(REDIS_URL=server.url):
            # Redis is up but no worker listens yet.
            response = client.get("/healthz")
            assert response.status_code == 503
            assert response.json()["checks"]["worker"] == "no worker answered a ping"

            worker = Worker(process_env(server.url), tmp_path / "worker.log")
            try:
                # "ready." is logged a moment before the worker listens for pings.
                assert wait_for(lambda: client.get("/healthz").status_code == 200, timeout=20)
                response = client.get("/healthz")
                assert response.json()["checks"] == {
                    "database": "ok",
                    "redis": "ok",
                    "worker": "ok",
                }
            finally:
                worker.stop()

            response = client.get("/healthz")
            assert response.status_code == 503
            assert response.json()["checks"]["worker"] == "no worker answered a ping"
    finally:
        server.stop()
