"""Event kinds and the Arabic trigger words that signal them, kept as data.

Triggers are matched on normalised Arabic (see `timeline.text.normalise_for_matching`):
no diacritics, alef variants folded to ا, ى to ي, ة to ه. A trigger matches a word that
starts with it after an optional و/ف/ب/ل/ال prefix, so «التقى» also covers «والتقى».
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    MEETING = "meeting", _("لقاء")
    TALKS = "talks", _("مفاوضات")
    VISIT = "visit", _("زيارة")
    DEADLINE = "deadline", _("مهلة")
    AGREEMENT = "agreement", _("اتفاق")
    ATTACK = "attack", _("هجوم")
    ELECTION = "election", _("انتخابات")
    STATEMENT = "statement", _("تصريح")
    OTHER = "other", _("أخرى")


# Word stems, already normalised. Order does not matter: the trigger nearest the
# date expression wins, because a sentence often names several happenings.
KIND_TRIGGERS: dict[str, tuple[str, ...]] = {
    EventKind.MEETING: ("التقي", "يلتقي", "تلتقي", "لقاء", "اجتماع", "اجتمع", "يجتمع", "قمه"),
    EventKind.TALKS: ("مفاوضات", "محادثات", "مباحثات", "تفاوض", "حوار"),
    EventKind.VISIT: ("زياره", "زار", "يزور", "تزور", "وصل", "يصل"),
    EventKind.DEADLINE: ("امهل", "مهله", "موعد نهائي", "انذار"),
    EventKind.AGREEMENT: ("اتفاق", "اتفاقيه", "معاهده", "وقع", "توقيع"),
    EventKind.ATTACK: ("هجوم", "هجمات", "قصف", "غاره", "غارات", "انفجار", "استهدف"),
    EventKind.ELECTION: ("انتخابات", "اقتراع", "تصويت", "استفتاء"),
    EventKind.STATEMENT: ("اعلن", "صرح", "قال", "اكد", "بيان", "تصريح"),
}
