"""Property tests: any input gives well-formed mentions and never raises."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.temporal import extract

DATE_WORDS = [
    "يوم", "الأحد", "المقبل", "الماضي", "عام", "2015", "31", "شباط", "30/02/2025", "20-7-2025",
    "آب/أغسطس", "تموز (يوليو)", "رمضان", "1446", "هـ", "الموافق", "الساعة", "العاشرة", "مساءً",
    "منذ", "ثلاثة", "أيام", "قبل", "بعد", "غد", "أمس", "الأول", "نهاية", "مطلع", "نحو", "كل",
    "أسبوع", "الثالث", "والعشرين", "من", "إلى", "و", "بـ", "ل", "١٢", "۲۰۲۴", "ـ", "ِ", "،", ".",
    "/", "(", ")", ":", "19:00", "الربع", "القرن", "الثمانينيات", "صيف", "عيد الفطر", "يومياً",
    "مؤخراً", "الأشهر", "الماضية", "\n", " ", "99999999999999999999", "٫", "0", "00",
]  # fmt: skip
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
references = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def assert_well_formed(text: str, reference: date | None) -> None:
    mentions = extract(text, reference)
    previous_end = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= previous_end, "mentions overlap or are out of order"
        previous_end = mention.end
        assert mention.type in {"DATE", "TIME", "DURATION", "SET"}
        assert mention.mod in {None, "START", "MID", "END", "APPROX"}
        if mention.first_day is not None:
            assert mention.last_day is not None and mention.first_day <= mention.last_day
        if mention.value is None:
            assert mention.first_day is None and not mention.anchored


@FAST
@given(st.text(), references)
def test_arbitrary_unicode_gives_well_formed_mentions(text: str, reference: date | None) -> None:
    assert_well_formed(text, reference)


@FAST
@given(
    st.lists(st.sampled_from(DATE_WORDS), max_size=40),
    st.lists(st.sampled_from(" ـ"), max_size=40),
    references,
)
def test_repeated_date_words_in_any_order_give_well_formed_mentions(
    words: list[str], glue: list[str], reference: date | None
) -> None:
    text = "".join(w + (glue[i] if i < len(glue) else " ") for i, w in enumerate(words))
    assert_well_formed(text, reference)


@FAST
@given(st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹/-.:٫ ", max_size=200), references)
def test_long_digit_runs_and_separators_give_well_formed_mentions(
    text: str, reference: date | None
) -> None:
    assert_well_formed(text, reference)


@FAST
@given(st.lists(st.sampled_from(["abc", "2025", "تموز", "Москва", "東京", "😀", "يوليو", "\u200f"]),
                max_size=30), references)  # fmt: skip
def test_mixed_scripts_give_well_formed_mentions(words: list[str], reference: date | None) -> None:
    assert_well_formed(" ".join(words), reference)


@FAST
@given(st.integers(1, 31), st.integers(1, 12), st.integers(1900, 2100))
def test_numeric_dates_are_emitted_only_when_the_day_exists(
    day: int, month: int, year: int
) -> None:
    text = f"في {day:02d}/{month:02d}/{year}"
    mentions = extract(text, date(2025, 1, 1))
    try:
        expected = [date(year, month, day).isoformat()]
    except ValueError:
        expected = []
    assert [m.value for m in mentions] == expected


@FAST
@given(st.integers(29, 31), st.sampled_from(["شباط", "فبراير", "فيفري"]), st.integers(2001, 2100))
def test_impossible_named_dates_are_not_emitted_as_days(day: int, month: str, year: int) -> None:
    for mention in extract(f"في {day} {month} {year}", date(2025, 1, 1)):
        if mention.value and len(mention.value) == 10:
            assert date.fromisoformat(mention.value).day == day  # only real days
