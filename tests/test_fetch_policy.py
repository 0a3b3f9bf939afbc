"""One URL policy for every fetch: ambiguous URLs, internal addresses, pinning, deadlines."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import CommandError, call_command

from timeline.models import Article, Source
from timeline.pipeline import fetch as fetch_module
from timeline.pipeline.fetch import FetchError, check_url, fetch, forbidden_address
from timeline.pipeline.ingest import IngestError, ingest_url, poll_feed

SECRET = "<html><head><title>secret</title></head><body><article><p>" + "سر داخلي " * 40


class Server:
    """A loopback server whose answers a test scripts: normal, drip-fed, silent, redirects."""

    def __init__(self) -> None:
        self.hits: list[tuple[str, str]] = []  # (path, Host header)
        self.redirects: dict[str, str] = {}
        self.drip_seconds = 0.0
        self.lower_case_location = False
        self.sent_all: list[bool] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits.append((self.path, self.headers.get("Host", "")))
                if self.path in server.redirects:
                    self.send_response(302)
                    name = "location" if server.lower_case_location else "Location"
                    self.send_header(name, server.redirects[self.path])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if self.path == "/silent":
                    time.sleep(3)
                    return
                if self.path == "/hangup":
                    self.close_connection = True
                    return
                body = SECRET.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                if self.path != "/drip-no-length":
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.path.startswith("/drip"):
                    try:
                        for index in range(0, 40):
                            self.wfile.write(body[index : index + 1])
                            self.wfile.flush()
                            time.sleep(server.drip_seconds)
                        server.sent_all.append(True)
                    except OSError:
                        server.sent_all.append(False)
                    return
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_port
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def paths(self) -> list[str]:
        return [path for path, _host in self.hits]


@pytest.fixture
def server():
    server = Server()
    yield server
    server.httpd.shutdown()


def fake_dns(monkeypatch, answers: dict[str, list[str]]) -> list[str]:
    """Resolve the given names to the given addresses; return the list of lookups made."""
    lookups: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if not host.replace(".", "").isdigit():  # the client's numeric "lookup" of the IP
            lookups.append(host)
        if host in answers:
            address = answers[host].pop(0) if len(answers[host]) > 1 else answers[host][0]
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", getaddrinfo)
    return lookups


AMBIGUOUS = [
    # Checked as host 8.8.8.8 by one parser, fetched from 127.0.0.1 by another.
    "http://127.0.0.1:{port}\\@8.8.8.8/",
    "http://127.0.0.1:{port}\\\\@8.8.8.8/",
    "http://8.8.8.8\\@127.0.0.1:{port}/",
    "http://user@127.0.0.1:{port}/",
    "http://user:pw@example.com/",
    "http://example.com@127.0.0.1:{port}/",
    "http://127.0.0.1:{port}/ x",
    "http://127.0.0.1:{port}/\tx",
    "http://127.0.0.1:{port}/\x00",
    "file:///etc/passwd",
    "gopher://127.0.0.1:{port}/",
    "http:///nohost",
    "http://example.com:99999/",
    "",
]


@pytest.mark.django_db
@pytest.mark.parametrize("form", AMBIGUOUS)
def test_ambiguous_urls_are_refused_before_anything_is_fetched(server, settings, form):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = True  # even where loopback is allowed
    url = form.format(port=server.port)

    with pytest.raises(FetchError):
        fetch(url)
    with pytest.raises(IngestError):
        ingest_url(url)
    assert server.hits == []
    assert not Article.objects.exists()


INTERNAL = [
    "http://127.0.0.1:{port}/",
    "http://localhost:{port}/",
    "http://127.1:{port}/",
    "http://0x7f.1:{port}/",
    "http://2130706433:{port}/",
    "http://0.0.0.0:{port}/",
    "http://10.1.2.3/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]:{port}/",
    "http://[::ffff:127.0.0.1]:{port}/",
    "http://[::127.0.0.1]:{port}/",
    "http://[64:ff9b::7f00:1]:{port}/",
    "http://[64:ff9b:1::7f00:1]:{port}/",
    "http://[2002:7f00:1::]:{port}/",
    "http://[2001::1]/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://[ff02::1]/",
    "http://240.0.0.1/",
    "http://224.0.0.1/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("form", INTERNAL)
def test_every_form_of_an_internal_address_is_refused(server, settings, form):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False
    settings.FETCH_TIMEOUT = 2

    with pytest.raises(IngestError, match="الشبكة الداخلية"):
        ingest_url(form.format(port=server.port))
    assert server.hits == []


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700::1", "1.1.1.1"])
def test_public_addresses_are_allowed(address):
    assert not forbidden_address(address)


@pytest.mark.django_db
def test_the_connection_goes_to_the_address_checked_with_the_name_as_host(
    server, settings, monkeypatch
):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = True
    # A rebinding DNS server: the second answer would point somewhere else.
    lookups = fake_dns(monkeypatch, {"news.test": ["127.0.0.1", "10.255.255.1"]})

    page = fetch(f"http://news.test:{server.port}/article")

    assert page.status == 200 and "سر داخلي".encode() in page.body
    assert lookups == ["news.test"]  # resolved once; the client did not look it up again
    assert server.hits == [("/article", f"news.test:{server.port}")]


@pytest.mark.django_db
def test_a_name_resolving_to_an_internal_address_is_refused(server, settings, monkeypatch):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False
    fake_dns(monkeypatch, {"evil.test": ["64:ff9b::7f00:1"], "evil2.test": ["127.0.0.1"]})

    for url in (f"http://evil.test:{server.port}/", f"http://evil2.test:{server.port}/"):
        with pytest.raises(FetchError, match="الشبكة الداخلية"):
            fetch(url)
    assert server.hits == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.2:{port}/secret",
        "http://internal.test:{port}/secret",
        "http://[::ffff:127.0.0.2]:{port}/secret",
        "http://127.0.0.1:{port}\\@8.8.8.8/secret",
        "http://user@public.test:{port}/secret",
    ],
)
def test_redirects_go_through_the_same_policy(server, settings, monkeypatch, location):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False
    fake_dns(monkeypatch, {"public.test": ["127.0.0.1"], "internal.test": ["127.0.0.2"]})
    # Only the server's own address counts as public here, so the first hop is allowed.
    monkeypatch.setattr(fetch_module, "forbidden_address", lambda address: address != "127.0.0.1")
    server.redirects["/start"] = location.format(port=server.port)

    with pytest.raises(FetchError):
        fetch(f"http://public.test:{server.port}/start")
    assert server.paths == ["/start"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/drip", "/drip-no-length"])
def test_a_server_dripping_bytes_is_cut_off_at_the_deadline(server, settings, path):
    """FETCH_TIMEOUT bounds the whole fetch, not each read: a byte every 0.3 s is no escape."""
    settings.FETCH_ALLOW_PRIVATE_HOSTS = True
    settings.FETCH_TIMEOUT = 1
    server.drip_seconds = 0.3  # 40 bytes would take 12 s, each read well under the timeout

    with pytest.raises(IngestError, match="المهلة"):
        ingest_url(server.base + path)
    assert server.sent_all == []  # given up while the server was still dripping
    assert server.paths == [path]
    assert not Article.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/silent", "/hangup"])
def test_a_server_that_never_answers_is_asked_once(server, settings, path):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = True
    settings.FETCH_TIMEOUT = 1

    with pytest.raises(FetchError):
        fetch(server.base + path)
    assert server.paths == [path]  # no silent retry


@pytest.mark.django_db
def test_the_editors_url_form_refuses_the_bypass(server, client, settings):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False
    editor = User.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="add_article"))
    client.force_login(editor)

    response = client.post("/articles/new/", {"url": f"{server.base}\\@8.8.8.8/"})

    assert response.status_code == 200
    assert "رابط ملتبس" in response.content.decode()
    assert server.hits == [] and not Article.objects.exists()


@pytest.mark.django_db
def test_the_ingest_command_refuses_the_bypass(server, settings):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False
    err = StringIO()

    with pytest.raises(CommandError):
        call_command(
            "ingest", f"{server.base}\\@8.8.8.8/", server.base + "/", stdout=StringIO(), stderr=err
        )

    assert "رابط ملتبس" in err.getvalue() and "الشبكة الداخلية" in err.getvalue()
    assert server.hits == [] and not Article.objects.exists()


@pytest.mark.django_db
def test_feed_links_and_feed_urls_go_through_the_policy(server, settings, monkeypatch):
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>x</title>
<item><title>أ</title><link>http://127.0.0.1:{server.port}\\@8.8.8.8/secret</link></item>
<item><title>ب</title><link>http://127.0.0.2:{server.port}/secret</link></item>
</channel></rss>"""
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False
    monkeypatch.setattr(fetch_module, "forbidden_address", lambda address: address != "127.0.0.1")

    real_fetch = fetch_module.fetch

    def feed_page(url, headers=None):  # the feed itself, as a public site would serve it
        if url.endswith("/feed.xml"):
            return fetch_module.FetchedPage(url, 200, feed.encode(), "application/rss+xml", {})
        return real_fetch(url, headers)

    monkeypatch.setattr("timeline.pipeline.ingest.fetch", feed_page)
    source = Source.objects.create(name="x", feed_url=server.base + "/feed.xml")

    report = poll_feed(source)

    assert (report.entries, report.created, report.failed) == (2, 0, 2)
    assert server.hits == []

    # The feed's own URL is held to the same policy.
    monkeypatch.setattr("timeline.pipeline.ingest.fetch", real_fetch)
    source.feed_url = "http://127.0.0.2/feed.xml"
    with pytest.raises(IngestError, match="الشبكة الداخلية"):
        poll_feed(source)


@pytest.mark.django_db
def test_a_redirect_spelled_in_lower_case_is_followed_through_the_policy(server, settings):
    settings.FETCH_ALLOW_PRIVATE_HOSTS = True
    server.redirects["/short"] = "/article"
    server.lower_case_location = True

    page = fetch(server.base + "/short")

    assert page.url == server.base + "/article"
    assert server.paths == ["/short", "/article"]


def test_check_url_keeps_arabic_paths_and_names():
    url = "https://موقع.مصر/أخبار/مقال?id=ب"
    assert check_url(f"  {url} ") == url


@pytest.mark.django_db
def test_https_connects_to_the_checked_address_and_verifies_the_name(settings, monkeypatch):
    """Pinned under TLS too: the socket goes to the address, SNI and the certificate to the name."""
    settings.FETCH_ALLOW_PRIVATE_HOSTS = False
    fake_dns(monkeypatch, {"news.example": ["93.184.215.14"]})
    made = []

    class Refused(fetch_module.HTTPSConnection):
        def connect(self) -> None:
            made.append((self.host, self.port, self.server_hostname))
            raise ConnectionRefusedError("not on the network in tests")

    monkeypatch.setattr(fetch_module, "HTTPSConnection", Refused)

    with pytest.raises(FetchError, match="تعذّر جلب"):
        fetch("https://news.example/article")
    assert made == [("93.184.215.14", 443, "news.example")]
