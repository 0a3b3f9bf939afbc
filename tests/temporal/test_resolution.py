"""Behaviour of the tagger on the rules of GUIDELINES.md, one rule per test."""

from datetime import date

import pytest

from timeline.temporal import Mention, extract, normalise_arabic

SUNDAY = date(2025, 7, 20)
TUESDAY = date(2024, 3, 12)


def only(text: str, reference: date | None) -> Mention:
    mentions = extract(text, reference)
    assert len(mentions) == 1, mentions
    return mentions[0]


def values(text: str, reference: date | None) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.value, m.mod) for m in extract(text, reference)]


def test_bare_weekday_in_past_tense_is_latest_on_or_before_reference() -> None:
    assert only("التقى الوزير نظيره الأحد في القاهرة.", TUESDAY).value == "2024-03-10"
    assert only("التقى الوزير نظيره الثلاثاء.", TUESDAY).value == "2024-03-12"


@pytest.mark.parametrize("marker", ["سيزور", "من المقرر أن يزور", "من المتوقع أن يزور",
                                    "يعتزم أن يزور", "سوف يزور"])  # fmt: skip
def test_bare_weekday_with_future_marker_is_next_on_or_after_reference(marker: str) -> None:
    assert only(f"{marker} الوزير القاهرة يوم الخميس.", TUESDAY).value == "2024-03-14"


def test_next_and_previous_weekday_are_strictly_after_and_before() -> None:
    assert only("الثلاثاء المقبل", TUESDAY).value == "2024-03-19"
    assert only("الثلاثاء الماضي", TUESDAY).value == "2024-03-05"


def test_relative_days_count_from_reference() -> None:
    assert [v for _, v, _ in values("اليوم وأمس وأمس الأول وغداً وبعد غد", SUNDAY)] == [
        "2025-07-20", "2025-07-19", "2025-07-18", "2025-07-21", "2025-07-22",
    ]  # fmt: skip


def test_day_of_tomorrow_with_its_weekday_is_tomorrow() -> None:
    mention = only("وتتكاثف السحب يوم غد الاثنين بالمناطق الغربية.", SUNDAY)
    assert (mention.text, mention.value) == ("يوم غد الاثنين", "2025-07-21")
    assert only("يصل الوزير يوم غد إلى عمّان.", SUNDAY).value == "2025-07-21"


def test_month_without_year_takes_the_nearest_year() -> None:
    assert only("حتى نهاية آب", SUNDAY).value == "2025-08"
    assert only("في 28 كانون الأول", date(2025, 1, 5)).value == "2024-12-28"


def test_distant_month_without_year_follows_the_clause_tense() -> None:
    october = date(2025, 10, 5)
    assert only("وكان الاتفاق قد وقع في مارس", october).value == "2025-03"
    assert only("من المتوقع أن يوقع الاتفاق في مارس", october).value == "2026-03"


def test_next_month_marker_is_first_such_month_after_reference_month() -> None:
    assert only("كانون الثاني/يناير المقبل", date(2018, 12, 7)).value == "2019-01"
    assert only("نيسان/أبريل الماضي", date(2019, 12, 15)).value == "2019-04"


def test_named_relative_periods_resolve_to_iso_week_month_year() -> None:
    assert values("الأسبوع الماضي والشهر المقبل والعام الجاري", SUNDAY) == [
        ("الأسبوع الماضي", "2025-W28", None),
        ("الشهر المقبل", "2025-08", None),
        ("العام الجاري", "2025", None),
    ]


def test_ago_and_in_offsets_keep_the_preposition_and_unit_precision() -> None:
    assert values("منذ ثلاثة أيام وقبل أسبوعين وبعد شهرين ومنذ عشر سنوات", SUNDAY) == [
        ("منذ ثلاثة أيام", "2025-07-17", None),
        ("قبل أسبوعين", "2025-W27", None),
        ("بعد شهرين", "2025-09", None),
        ("منذ عشر سنوات", "2015", None),
    ]


def test_offset_relative_to_an_event_is_a_plain_duration() -> None:
    assert values("قبل ثلاثة أيام من الانتخابات", SUNDAY) == [("ثلاثة أيام", "P3D", None)]


def test_hijri_day_converts_by_umm_al_qura_and_twin_is_separate() -> None:
    mentions = extract("في 22 محرم 1443 هـ الموافق 30 أغسطس 2021", SUNDAY)
    assert [(m.text, m.value) for m in mentions] == [
        ("22 محرم 1443 هـ", "2021-08-30"),
        ("30 أغسطس 2021", "2021-08-30"),
    ]
    assert not mentions[0].anchored


def test_hijri_month_and_year_without_day() -> None:
    mention = only("خلال شهر رمضان 1446", SUNDAY)
    assert mention.value == "H1446-09"
    assert (mention.first_day, mention.last_day) == (date(2025, 3, 1), date(2025, 3, 29))


def test_holiday_is_the_gregorian_day_in_the_nearest_hijri_year() -> None:
    assert only("بمناسبة عيد الفطر", date(2025, 3, 20)).value == "2025-03-30"
    assert only("بمناسبة عيد الأضحى", date(2025, 12, 1)).value == "2026-05-27"


def test_every_month_naming_scheme_names_the_same_month() -> None:
    for name in ("تموز", "يوليو", "يوليه", "جويلية", "يوليوز"):
        assert only(f"في 14 {name} 2024", SUNDAY).value == "2024-07-14", name


def test_doubled_month_forms_are_one_expression() -> None:
    assert values("في 18 تموز (يوليو) وفي سبتمبر (أيلول) 2024 وآب/أغسطس", SUNDAY) == [
        ("18 تموز (يوليو)", "2025-07-18", None),
        ("سبتمبر (أيلول) 2024", "2024-09", None),
        ("آب/أغسطس", "2025-08", None),
    ]


def test_eastern_arabic_and_persian_digits_are_digits() -> None:
    assert only("في ١٢ أيار/مايو", date(2018, 4, 30)).value == "2018-05-12"
    assert only("في ۹ يونيو ۲۰۲۴", SUNDAY).value == "2024-06-09"


def test_number_words_compound_ordinals_and_duals_are_numbers() -> None:
    assert values("الثالث والعشرين من الشهر الجاري لمدة خمسة وعشرين يوماً ثم أسبوعين", SUNDAY) == [
        ("الثالث والعشرين من الشهر الجاري", "2025-07-23", None),
        ("خمسة وعشرين يوماً", "P25D", None),
        ("أسبوعين", "P2W", None),
    ]


def test_attached_clitics_and_free_prepositions_are_left_out() -> None:
    assert values("وفي 20 يوليو ولعام 2015 وبـ2016", SUNDAY) == [
        ("20 يوليو", "2025-07-20", None),
        ("عام 2015", "2015", None),
        ("2016", "2016", None),
    ]


def test_range_of_two_dates_is_two_expressions() -> None:
    assert values("من 5 إلى 7 أيار 2024 وبين عامي 2015 و2018", SUNDAY) == [
        ("5", "2024-05-05", None),
        ("7 أيار 2024", "2024-05-07", None),
        ("عامي 2015", "2015", None),
        ("2018", "2018", None),
    ]


def test_modifiers_set_mod_and_keep_the_whole_period_bounds() -> None:
    mention = only("مطلع الشهر الجاري", SUNDAY)
    assert (mention.value, mention.mod) == ("2025-07", "START")
    assert (mention.first_day, mention.last_day) == (date(2025, 7, 1), date(2025, 7, 31))
    assert only("نحو عشر سنوات", SUNDAY).mod == "APPROX"
    century = only("منتصف القرن الماضي", SUNDAY)
    assert (century.value, century.mod) == ("19", "MID")


def test_clock_time_takes_the_day_it_is_said_with() -> None:
    assert values("يلتقي الفريقان يوم السبت المقبل الساعة الثامنة مساءً", SUNDAY) == [
        ("يوم السبت المقبل", "2025-07-26", None),
        ("الساعة الثامنة مساءً", "2025-07-26T20:00", None),
    ]
    assert only("عند الساعة 19:00", SUNDAY).value == "2025-07-20T19:00"


def test_part_of_day_with_its_day_is_a_time() -> None:
    assert values("مساء أمس وصباح الأحد والليلة", date(2023, 6, 17)) == [
        ("مساء أمس", "2023-06-16TEV", None),
        ("صباح الأحد", "2023-06-11TMO", None),
        ("الليلة", "2023-06-17TNI", None),
    ]


def test_durations_sets_and_vague_references() -> None:
    assert values("الأشهر الماضية و48 ساعة وكل أسبوع وسنوياً ومؤخراً وحالياً وقريباً", SUNDAY) == [
        ("الأشهر الماضية", "PXM", None),
        ("48 ساعة", "PT48H", None),
        ("كل أسبوع", "P1W", None),
        ("سنوياً", "P1Y", None),
        ("مؤخراً", "PAST_REF", None),
        ("حالياً", "PRESENT_REF", None),
        ("قريباً", "FUTURE_REF", None),
    ]


def test_seasons_quarters_decades_centuries() -> None:
    assert values("صيف 2026 والربع الثاني من عام 2019 والثمانينيات والقرن التاسع عشر", SUNDAY) == [
        ("صيف 2026", "2026-SU", None),
        ("الربع الثاني من عام 2019", "2019-Q2", None),
        ("الثمانينيات", "198", None),
        ("القرن التاسع عشر", "18", None),
    ]


def test_numbers_that_are_not_times_are_not_tagged() -> None:
    assert (
        extract("فاز الهلال 3-1 في الجولة الرابعة ورصيده 30 نقطة بنسبة 25.8 في المئة", SUNDAY) == []
    )
    assert extract("ناقشت الندوة تداعيات حرب الأيام الستة", SUNDAY) == []


def test_impossible_numeric_dates_are_not_emitted() -> None:
    assert extract("في 30/02/2025", SUNDAY) == []
    assert all(m.value != "2025-02-31" for m in extract("في 31 شباط 2025", SUNDAY))


def test_without_reference_relative_values_are_none_and_absolute_are_resolved() -> None:
    relative = only("التقى الوزير نظيره أمس", None)
    assert (relative.value, relative.first_day, relative.anchored) == (None, None, False)
    absolute = only("في 20 تموز 2025", None)
    assert (absolute.value, absolute.first_day, absolute.anchored) == (
        "2025-07-20",
        date(2025, 7, 20),
        False,
    )


def test_diacritics_and_tatweel_stay_inside_the_span() -> None:
    text = "وصلت الشحنة أمسِ، وتصل الثانية الأسبوعَ المقبلَ يوم الأحـد"
    mentions = extract(text, date(2021, 2, 17))
    assert [m.text for m in mentions] == ["أمسِ", "الأسبوعَ المقبلَ", "يوم الأحـد"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_normalise_arabic_folds_spelling_variants() -> None:
    assert normalise_arabic("أمسِ إلى آخِر الأُسبوع ى ة ١٢") == "امس الي اخر الاسبوع ي ه 12"


def test_day_noun_before_a_date_stays_in_the_span_and_anchors_the_clock() -> None:
    assert values("من الساعة 11.00 يوم 23 فيفري 2017", SUNDAY) == [
        ("الساعة 11.00", "2017-02-23T11:00", None),
        ("يوم 23 فيفري 2017", "2017-02-23", None),
    ]


def test_whole_day_phrases_are_not_today() -> None:
    assert extract("تحسنت الأوضاع على مدار اليوم", SUNDAY) == []


def test_scheduled_event_verb_in_present_tense_points_to_the_next_weekday() -> None:
    assert only("يزور الرئيس فرنسا الخميس", SUNDAY).value == "2025-07-24"
    assert only("وصل الرئيس إلى فرنسا الخميس", SUNDAY).value == "2025-07-17"


def test_hijri_month_with_next_and_previous_markers() -> None:
    assert values("رمضان المقبل وشهر رمضان الماضي", SUNDAY) == [
        ("رمضان المقبل", "H1447-09", None),
        ("شهر رمضان الماضي", "H1446-09", None),
    ]


def test_bare_year_after_a_preposition_is_a_year_but_counts_are_not() -> None:
    assert values("ارتفعت الأرباح في 2021، وتراجعت منذ 2015 وفي 2016", SUNDAY) == [
        ("2021", "2021", None),
        ("2015", "2015", None),
        ("2016", "2016", None),
    ]
    assert extract("بلغ عدد السكان 1985 نسمة وارتفع المؤشر إلى 2020 نقطة", SUNDAY) == []


def test_lone_accusative_unit_is_one_unit() -> None:
    assert only("بعد تأجيلها أسبوعاً بسبب الجائحة", SUNDAY).value == "P1W"
    assert extract("سيعود يوماً ما", SUNDAY) == []


def test_yuqarib_and_yunahiz_make_a_duration_approximate() -> None:
    (mention,) = extract("لعب هناك قبل ذلك بما يقارب 32 عاماً", SUNDAY)
    assert (mention.text, mention.value, mention.mod) == ("يقارب 32 عاماً", "P32Y", "APPROX")
    (mention,) = extract("استمرت الحرب ما يناهز ثلاث سنوات", SUNDAY)
    assert (mention.value, mention.mod) == ("P3Y", "APPROX")


def test_ghurra_names_the_first_day_of_a_month() -> None:
    assert values("استقبل الرئيس يوم غرّة فيفري 2017 وزير الدفاع", SUNDAY)[-1] == (
        "غرّة فيفري 2017",
        "2017-02-01",
        None,
    )
    assert only("ويصل الوفد غرة أغسطس المقبل", SUNDAY).value == "2025-08-01"
    assert extract("قالت غرة إن الوفد وصل", SUNDAY) == []
