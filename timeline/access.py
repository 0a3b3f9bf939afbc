"""Who may see what, in small named checks the views and templates share.

Readers are anonymous; editors are staff or members of the «Editors» group; admins
are staff. Every editorial view is wrapped in `editor_required`, and every object
an editor may change is fetched through one of the checks below.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from timeline.models import Annotation, Event

EDITORS_GROUP = "Editors"

User = AbstractBaseUser | AnonymousUser


def is_editor(user: User) -> bool:
    """Staff, or a member of the «Editors» group: they also see unconfirmed events."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    # Asked several times a page (views, templates, access checks): one query per
    # request, kept on the request's own user object.
    if not hasattr(user, "_in_editors_group"):
        user._in_editors_group = user.groups.filter(name=EDITORS_GROUP).exists()
    return user._in_editors_group


def is_admin(user: User) -> bool:
    """Staff: the Django admin, and any editor's annotations."""
    return user.is_authenticated and user.is_active and user.is_staff


def can_change_annotation(user: User, annotation: Annotation) -> bool:
    """Editors change their own annotations; admins change anyone's."""
    return is_editor(user) and (annotation.author_id == user.pk or is_admin(user))


def visible_events(user: User) -> QuerySet[Event]:
    """Readers see confirmed events; editors see candidates and rejected ones too."""
    if is_editor(user):
        return Event.objects.all()
    return Event.objects.filter(status=Event.Status.CONFIRMED)


def visible_annotations(user: User) -> QuerySet[Annotation]:
    """Readers see public annotations; editors see internal ones too."""
    annotations = Annotation.objects.select_related("author")
    if is_editor(user):
        return annotations
    return annotations.filter(public=True)


def editor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous: to the login page. Signed in but not an editor: 403."""

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_editor(request.user):
            raise PermissionDenied("Editors only.")
        return view(request, *args, **kwargs)

    return checked
