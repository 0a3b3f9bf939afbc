from dataclasses import dataclass
from datetime import date

from timeline.extraction.arabic import words
from timeline.extraction.events import (
    build_candidates,
    clean_title,
    granularity_of,
    sentence_spans,
    without_dateline,
)
from timeline.extraction.kinds import kind_of
from timeline.extraction.places import places_of
from timeline.pipeline.matching import same_event


@dataclass
class FakeMention:
    start: int
    end: int
    type: str
    value: str | None
    mod: str | None
    first_day: date | None
    last_day: date | None


def mention_of(text: str, phrase: str, value: str, first: date, last: date, mod=None, type="DATE"):
    start = text.index(phrase)
    return FakeMention(start, start + len(phrase), type, value, mod, first, last)


def test_granularity_follows_the_timex_value():
    assert granularity_of("2025-07-20") == "day"
    assert granularity_of("2025-07-20TEV") == "day"
    assert granularity_of("2025-08") == "month"
    assert granularity_of("2025-W30") == "week"
    assert granularity_of("2015") == "year"
    assert granularity_of("197") == "decade"
    assert granularity_of("P3D") is None
    assert granularity_of("PAST_REF") is None


def test_sentences_do_not_split_decimal_numbers():
    text = "ارتفع التضخم إلى 25.8 في المئة. ثم تراجع؟ نعم\nسطر"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "ارتفع التضخم إلى 25.8 في المئة.",
        "ثم تراجع؟",
        "نعم",
        "سطر",
    ]


def test_a_last_resort_title_is_at_most_12_words_with_no_ellipsis():
    title = clean_title("كلمة " * 60)
    assert len(title.split()) == 12 and "…" not in title


def test_a_dateline_is_not_part_of_the_story():
    text = "دبي، الإمارات العربية المتحدة (CNN)-- التقى الوزيران يوم الأحد."
    assert text[without_dateline(text, (0, len(text))) :].startswith("التقى")
    plain = "التقى الوزيران، بعد انقطاع، يوم الأحد."
    assert without_dateline(plain, (0, len(plain))) == 0


def test_each_dated_clause_gets_its_kind_title_and_highlight():
    text = (
        "وكانت الدول الثلاث قد أمهلت إيران حتى نهاية آب/أغسطس لتنفيذ خطوات "
        "نحو الامتثال لبنود الاتفاق النووي لعام 2015، محذرة من مجلس الأمن."
    )
    mentions = [
        mention_of(text, "نهاية آب/أغسطس", "2025-08", date(2025, 8, 1), date(2025, 8, 31), "END"),
        mention_of(text, "عام 2015", "2015", date(2015, 1, 1), date(2015, 12, 31)),
        mention_of(text, "خطوات", "P1D", None, None, type="DURATION"),
    ]

    deadline, agreement = build_candidates(text, mentions)

    assert (deadline.kind, deadline.granularity, deadline.mod) == ("deadline", "month", "END")
    assert deadline.title.startswith("الدول الثلاث تمهل إيران")
    assert "آب" not in deadline.title and "قد" not in deadline.title.split()
    assert (agreement.kind, agreement.granularity) == ("agreement", "year")
    assert "الاتفاق النووي" in agreement.title and "2015" not in agreement.title
    assert deadline.excerpt == agreement.excerpt == text
    assert text[agreement.highlight_start : agreement.highlight_end] == "عام 2015"


def test_durations_and_unresolved_dates_make_no_event():
    text = "استمرت المفاوضات ثلاثة أيام. وسيلتقيان يوم الأحد."
    mentions = [
        mention_of(text, "ثلاثة أيام", "P3D", None, None, type="DURATION"),
        mention_of(text, "يوم الأحد", None, None, None),
    ]
    assert build_candidates(text, mentions) == []


def candidate_for(text: str, phrase: str, day: date):
    (candidate,) = build_candidates(text, [mention_of(text, phrase, day.isoformat(), day, day)])
    return candidate


def test_places_are_found_in_any_spelling_and_with_clitics():
    assert places_of(words("التقى الوزيران بموسكو ثم توجها إلى إسطنبول")) == ["موسكو", "إسطنبول"]
    assert places_of(words("واجتمعا في اسطنبول")) == ["إسطنبول"]
    assert places_of(words("كيف حالك في واشنطنية")) == []


def test_two_reports_of_one_meeting_are_the_same_event():
    day = date(2025, 3, 13)
    first = candidate_for(
        "التقى وزير الخارجية الأمريكي نظيره الروسي في جنيف يوم الخميس لبحث الحرب في أوكرانيا.",
        "يوم الخميس",
        day,
    )
    second = candidate_for(
        "عقد وزيرا الخارجية الأمريكي والروسي محادثات في جنيف أمس تناولت الحرب في أوكرانيا.",
        "أمس",
        day,
    )
    assert same_event(second, {"جنيف"}, first, {"جنيف"})


def test_different_events_on_the_same_day_stay_apart():
    day = date(2025, 3, 13)
    geneva = candidate_for(
        "التقى وزير الخارجية الأمريكي نظيره الروسي في جنيف يوم الخميس لبحث الحرب في أوكرانيا.",
        "يوم الخميس",
        day,
    )
    cairo = candidate_for(
        "اجتمع رئيس الوزراء المصري مع وفد صندوق النقد في القاهرة أمس لبحث القرض.", "أمس", day
    )
    next_day = candidate_for(
        "التقى وزير الخارجية الأمريكي نظيره الروسي في جنيف يوم الجمعة لبحث الحرب في أوكرانيا.",
        "يوم الجمعة",
        date(2025, 3, 14),
    )
    assert not same_event(cairo, {"القاهرة"}, geneva, {"جنيف"})
    assert not same_event(next_day, {"جنيف"}, geneva, {"جنيف"})


def test_two_people_speaking_of_one_story_the_same_day_are_two_events():
    day = date(2025, 7, 20)
    demand = candidate_for(
        "طالب رجل الأعمال، نجيب ساويرس، الاتحاد المصري لكرة القدم يوم الأحد بالاستقالة.",
        "يوم الأحد",
        day,
    )
    reply = candidate_for(
        "رد الاتحاد المصري لكرة القدم أمس على الانتقادات التي وجهت إليه.", "أمس", day
    )
    assert demand.kind == reply.kind == "statement"
    assert not same_event(reply, set(), demand, set())


def test_same_kind_in_the_same_place_on_the_same_day_is_one_event():
    day = date(2025, 7, 20)
    first = candidate_for("التقى لاريجاني بوتين في موسكو يوم الأحد.", "يوم الأحد", day)
    second = candidate_for("لقاء سري جمع المستشار الإيراني والرئيس الروسي بموسكو أمس.", "أمس", day)
    assert first.kind == second.kind == "meeting"
    assert same_event(second, {"موسكو"}, first, {"موسكو"})


def test_dates_with_no_break_between_them_date_one_happening():
    text = "شهدت البلاد اضطرابات بين عامي 1956 و1958."
    mentions = [
        mention_of(text, "عامي 1956", "1956", date(1956, 1, 1), date(1956, 12, 31)),
        mention_of(text, "1958", "1958", date(1958, 1, 1), date(1958, 12, 31)),
    ]
    first, second = build_candidates(text, mentions)
    assert first.group == second.group
    assert first.title == second.title


def test_a_list_of_dated_items_gives_one_happening_each():
    text = "وتجري انتخابات في تركيا في حزيران، وفي المكسيك في تموز، وفي البرازيل في تشرين الأول."
    mentions = [
        mention_of(text, "حزيران", "2018-06", date(2018, 6, 1), date(2018, 6, 30)),
        mention_of(text, "تموز", "2018-07", date(2018, 7, 1), date(2018, 7, 31)),
        mention_of(text, "تشرين الأول", "2018-10", date(2018, 10, 1), date(2018, 10, 31)),
    ]
    candidates = build_candidates(text, mentions)
    assert len({c.group for c in candidates}) == 3
    assert [c.places for c in candidates][1:] == [("المكسيك",), ("البرازيل",)]


def test_short_triggers_match_whole_words_only():
    assert kind_of(words("أكدت وزارة الداخلية اليوم توقيف المشتبه بهم"), 3) == "statement"
    assert kind_of(words("زار الرئيس المدينة اليوم"), 3) == "visit"
    assert kind_of(words("وزارة الصحة اليوم"), 2) == "other"


def test_a_sentence_ending_in_a_year_ends_there():
    text = "اعتقل منصور في آذار 2017. وأثار اعتقاله احتجاجاً."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "اعتقل منصور في آذار 2017.",
        "وأثار اعتقاله احتجاجاً.",
    ]
