"""What every template needs to know about the user's role."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from timeline.access import is_editor


def roles(request: HttpRequest) -> dict:
    # Lazy: pages that never ask (and anonymous readers) cost no query.
    return {"is_editor": SimpleLazyObject(lambda: is_editor(request.user))}
