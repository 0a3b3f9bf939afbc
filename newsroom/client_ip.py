"""The address of the client a request came from, behind a known number of proxies.

Behind a load balancer REMOTE_ADDR is the balancer's address, the same for
everyone; the client's is in X-Forwarded-For, to which each proxy appends the
address it received the request from. Only the entries appended by our own
proxies can be trusted (a client may send any X-Forwarded-For it likes), so with
TRUSTED_PROXY_COUNT = n the client is the n-th entry from the right. With 0 (the
default: no proxy) the header is ignored.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address as our trusted proxies saw it, else REMOTE_ADDR."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        # Fewer entries than proxies: the request did not come through all of them.
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
