"""The kinds of event (EVENT_GUIDELINES.md), with their labels.

The Arabic words that signal each kind are data in `timeline/lexicon/event_kinds.py`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    MEETING = "meeting", _("لقاء")
    TALKS = "talks", _("مفاوضات")
    VISIT = "visit", _("زيارة")
    STATEMENT = "statement", _("تصريح")
    DECISION = "decision", _("قرار")
    AGREEMENT = "agreement", _("اتفاق")
    DEADLINE = "deadline", _("مهلة")
    ATTACK = "attack", _("هجوم")
    LEGAL = "legal", _("قضاء")
    ELECTION = "election", _("انتخابات")
    PROTEST = "protest", _("احتجاج")
    DISASTER = "disaster", _("كارثة")
    SPORTS = "sports", _("رياضة")
    ECONOMY = "economy", _("اقتصاد")
    OTHER = "other", _("أخرى")
