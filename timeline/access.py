"""Who may see what, in Django's own vocabulary: permissions.

Readers are anonymous; editors hold the permission `timeline.review_event` (the
«Editors» group holds it, and superusers hold every permission); admins hold
`timeline.change_annotation` beyond their own. Every editorial view is wrapped in
`editor_required`, and every object an editor may change is fetched through one of
the checks below.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from timeline.models import REVIEW_PERMISSION, Annotation

EDITORS_GROUP = "Editors"
# Changing anyone's annotation: what the Django admin's annotation pages ask too.
ANY_ANNOTATION_PERMISSION = "timeline.change_annotation"

User = AbstractBaseUser | AnonymousUser


def is_editor(user: User) -> bool:
    """Holds `timeline.review_event`: sees unconfirmed events, reviews, annotates.

    Django's backend asks the database once per request and keeps the answer on the
    request's user object (inactive users hold no permission).
    """
    return user.has_perm(REVIEW_PERMISSION)


def is_admin(user: User) -> bool:
    """Changes any editor's annotations."""
    return user.has_perm(ANY_ANNOTATION_PERMISSION)


def can_change_annotation(user: User, annotation: Annotation) -> bool:
    """Editors change their own annotations; admins change anyone's."""
    return is_editor(user) and (annotation.author_id == user.pk or is_admin(user))


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
