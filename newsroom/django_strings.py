"""Arabic for the words of Django's admin (and the apps it shows) that their own Arabic
catalogues lack: without these the Arabic admin shows «Run», «Search …», «- Select an
option -» and the delete confirmation in English.

Never imported: `makemessages` reads these calls so that the messages stay in
locale/ar (with their Arabic) and locale/en (English as it is) after each run. Each
msgid is copied exactly from the app that uses it.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO_ADMIN = [
    gettext_noop("Run"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Pagination %(name)s entries"),
    gettext_noop("Logout"),
    gettext_noop(", "),
    gettext_noop('The app "%s" could not be found.'),
    gettext_noop(
        "Are you sure you want to delete the %(object_name)s “%(escaped_object)s”? "
        "All of the following related items will be deleted:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would result in deleting "
        "related objects, but your account doesn't have permission to delete the "
        "following types of objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would require deleting "
        "the following protected related objects:"
    ),
    ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects.", "count"),
    # Django's forms (a select's empty choice).
    gettext_noop("- Select an option -"),
]

# django-simple-history's pages of an object's history.
SIMPLE_HISTORY = [
    gettext_noop("Changes"),
    gettext_noop("Deleted %(type_name)s"),
    gettext_noop("Or press the 'Change History' button to edit the history."),
]
