"""/api/docs works with no network: Swagger UI comes from the app's own static files."""

import re
from urllib.parse import urlsplit

import pytest

from tests.test_browser import browser, new_page  # noqa: F401  (the Chromium fixture)

pytestmark = pytest.mark.django_db


def test_the_docs_page_loads_only_local_static_files(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(url.endswith("swagger-ui-bundle.js") for url in urls), urls
    for url in urls:
        # No scheme, no host: everything comes from this server's STATIC_URL.
        assert not urlsplit(url).netloc and url.startswith("/static/"), url
    # Nothing runs inline: the settings are a JSON data block read by a static script.
    for attributes in re.findall(r"<script([^>]*)>\s*\S", html):
        assert 'type="application/json"' in attributes or "src=" in attributes


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_docs_render_the_operations_with_the_network_closed(browser, live_server):  # noqa: F811
    page = new_page(browser)
    own = urlsplit(live_server.url).netloc
    refused = []

    def only_this_server(route) -> None:
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_server)
    page.goto(f"{live_server.url}/api/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/events" in path for path in paths), paths
    assert refused == []
    page.context.close()
