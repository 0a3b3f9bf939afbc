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


# Trigger words, already normalised. A trigger of four letters or more is a stem
# (it matches «اجتماعات» too); a shorter one must be the whole word after its
# prefix, because «زار» (visited) is also the start of «وزارة» (ministry). The
# trigger nearest the date expression wins: a sentence often names several happenings.
KIND_TRIGGERS: dict[str, tuple[str, ...]] = {
    EventKind.MEETING: (
        "التقي", "التقت", "يلتقي", "تلتقي", "لقاء", "اجتماع", "اجتمع", "يجتمع", "تجتمع",
        "قمه", "جلسه", "مؤتمر", "منتدي", "ندوه", "ملتقي", "استقبل", "استقبلت", "يستقبل",
    ),
    EventKind.TALKS: ("مفاوضات", "محادثات", "مباحثات", "تفاوض", "يتفاوض", "حوار", "مشاورات"),
    EventKind.VISIT: (
        "زياره", "زيارات", "زار", "زارت", "يزور", "تزور", "وصل", "وصلت", "يصل", "تصل",
        "جوله", "توجه",
    ),
    EventKind.DEADLINE: ("امهل", "مهله", "موعدا نهائيا", "الموعد النهائي", "انذارا نهائيا"),
    EventKind.AGREEMENT: (
        "اتفاق", "اتفاقيه", "معاهده", "توقيع", "وقعت", "وقع اتفاق", "مذكره تفاهم", "صفقه",
    ),
    EventKind.ATTACK: (
        "هجوم", "هجمات", "قصف", "غاره", "غارات", "انفجار", "تفجير", "استهدف", "اغتيال",
        "مقتل", "قتل", "قتلي", "اشتباكات", "ضربه", "هاجم", "هاجمت", "يهاجم", "اعتداء",
    ),
    EventKind.ELECTION: (
        "انتخابات", "انتخاب", "اقتراع", "تصويت", "استفتاء", "الرئاسيه", "ناخب",
    ),
    EventKind.STATEMENT: (
        "اعلن", "اعلنت", "صرح", "صرحت", "قال", "قالت", "اكد", "اكدت", "بيان", "تصريح",
        "تصريحات", "اتهم", "اتهمت", "نفي", "نفت", "دعا", "دعت", "كشف", "كشفت", "اوضح",
        "اوضحت", "اشار", "اشارت", "افاد", "افادت", "ذكر", "ذكرت", "اضاف", "اضافت", "شدد",
        "شددت", "حذر", "حذرت", "بلاغ", "اعتبر", "اعتبرت",
    ),
}  # fmt: skip
