"""The lexicon's word lists keep the shape the extractor folds them into.

Every list is matched after `normalise_for_matching`, so the checks fold too: two
spellings that fold alike must not name two different things, or the extractor would
pick one of them at random.
"""

import re
from datetime import date
from itertools import pairwise

import pytest

from timeline.lexicon import actors, event_kinds, places, stopwords
from timeline.text import normalise_for_matching

# Arabic letters (a shadda or damma allowed: «عمّان»), spaces and the digits of «فرانس 24».
ARABIC_NAME = re.compile(r"[\u0621-\u0652\u0670 0-9]+")


def folded(text: str) -> str:
    return normalise_for_matching(text)


def place_spellings() -> dict[str, str]:
    """Every folded spelling of PLACES → the display name it belongs to."""
    owners: dict[str, str] = {}
    for name, (_type, _country, variants) in places.PLACES.items():
        for spelling in (name, *variants):
            owners.setdefault(folded(spelling), name)
    return owners


def test_each_spelling_of_a_place_names_one_place_only():
    owners: dict[str, set[str]] = {}
    for name, (_type, _country, variants) in places.PLACES.items():
        spellings = [folded(s) for s in (name, *variants)]
        assert len(spellings) == len(set(spellings)), f"{name}: a variant folds like another"
        for spelling in spellings:
            owners.setdefault(spelling, set()).add(name)
    clashes = {s: names for s, names in owners.items() if len(names) > 1}
    assert clashes == {}


def test_places_are_typed_and_cities_belong_to_a_listed_country():
    countries = {n for n, (t, _c, _v) in places.PLACES.items() if t == "country"}
    for name, (place_type, country, variants) in places.PLACES.items():
        assert place_type in {"country", "city", "region"}, name
        if place_type == "city":
            assert country in countries, f"{name}: unknown country {country!r}"
        else:
            assert country == "", name
        for spelling in (name, *variants):
            assert ARABIC_NAME.fullmatch(spelling), f"{name}: odd spelling {spelling!r}"
            assert spelling == spelling.strip() and "  " not in spelling, spelling


def test_the_whole_world_is_there():
    countries = [n for n, (t, _c, _v) in places.PLACES.items() if t == "country"]
    assert len(countries) >= 193
    assert len(places.PLACES) >= 400
    arab_league = [
        "مصر", "السعودية", "الإمارات", "قطر", "الكويت", "البحرين", "سلطنة عُمان", "اليمن",
        "العراق", "سوريا", "لبنان", "الأردن", "فلسطين", "ليبيا", "تونس", "الجزائر",
        "المغرب", "موريتانيا", "السودان", "الصومال", "جيبوتي", "جزر القمر",
    ]  # fmt: skip
    for country in arab_league:
        assert places.PLACES[country][0] == "country", country


def test_every_country_has_its_capital_as_a_city_of_that_country():
    countries = {n for n, (t, _c, _v) in places.PLACES.items() if t == "country"}
    assert set(places.CAPITALS) == countries
    for country, capital in places.CAPITALS.items():
        if capital == country:  # a city-state: Singapore, Monaco, the Vatican
            continue
        assert places.PLACES[capital][:2] == ("city", country), capital


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("الولايات المتحدة الأميركية", "الولايات المتحدة"),
        ("أميركا", "الولايات المتحدة"),
        ("المملكة العربية السعودية", "السعودية"),
        ("الإمارات العربية المتحدة", "الإمارات"),
        ("المملكة المتحدة", "بريطانيا"),
        ("استانبول", "إسطنبول"),
        ("اسطنبول", "إسطنبول"),
        ("واشنطن", "واشنطن"),
        ("تونس", "تونس"),
        ("تونس العاصمة", "تونس العاصمة"),
        ("شبه جزيرة القرم", "القرم"),
        ("صوماليلاند", "أرض الصومال"),
    ],
)
def test_usual_spellings_find_their_place(written, place):
    assert place_spellings()[folded(written)] == place


def test_a_country_is_a_country_and_its_capital_a_city():
    assert places.PLACES["تونس"][0] == "country"
    assert places.PLACES["تونس العاصمة"] == ("city", "تونس", ())
    assert places.PLACES["واشنطن"][:2] == ("city", "الولايات المتحدة")


def test_clubs_channels_and_companies_are_not_places():
    spellings = place_spellings()
    assert [n for n in places.NOT_PLACES if folded(n) in spellings] == []
    for name in ("ريال مدريد", "نادي ليفربول", "صحيفة الشرق الأوسط", "الجزيرة", "مصر للطيران"):
        assert name in places.NOT_PLACES
    assert "الجزيرة" not in spellings
    assert len({folded(n) for n in places.NOT_PLACES}) == len(places.NOT_PLACES)


def test_words_that_are_also_common_words_are_not_bare_places():
    spellings = place_spellings()
    # the news, the eye, the short term, the rifle, always, tribal, Bashar (al-Assad),
    # night, financial (m. and f.), daily (ديلي ميل), how (Kyiv is «كييف»)
    common = ("الخبر", "العين", "القصير", "البندقية", "دوما", "قبلي", "بشار", "ليل", "مالي")
    for word in (*common, "مالية", "ديلي", "كيف"):
        assert folded(word) not in spellings, word


def test_nationality_adjectives_name_listed_countries_and_are_not_places():
    spellings = place_spellings()
    for adjective, country in places.NATIONALITY_ADJECTIVES.items():
        assert places.PLACES[country][0] == "country", adjective
        assert folded(adjective) not in spellings, adjective
        assert adjective.startswith("ال"), adjective
    assert places.NATIONALITY_ADJECTIVES["الروسي"] == "روسيا"
    assert places.NATIONALITY_ADJECTIVES["الأميركي"] == "الولايات المتحدة"
    assert places.NATIONALITY_ADJECTIVES["التونسي"] == "تونس"
    # «المالي» is «financial» far more often than «Malian»
    assert "المالي" not in places.NATIONALITY_ADJECTIVES


def without_article(word: str) -> str:
    """The extractor strips «ال» before matching, so «التعاقد» and «تعاقد» are one word."""
    word = folded(word)
    return word[2:] if word.startswith("ال") else word


def test_the_fifteen_kinds_of_the_guidelines_in_their_order():
    assert event_kinds.KINDS == (
        "meeting", "talks", "visit", "statement", "decision", "agreement", "deadline",
        "attack", "legal", "election", "protest", "disaster", "sports", "economy", "other",
    )  # fmt: skip
    assert tuple(event_kinds.KIND_LABELS) == event_kinds.KINDS
    assert event_kinds.KIND_LABELS["legal"] == "قضاء"
    assert len(set(event_kinds.KIND_LABELS.values())) == 15


def test_every_kind_but_other_has_a_rich_list_of_verbs_and_nouns():
    kinds = [k for k in event_kinds.KINDS if k != "other"]
    assert list(event_kinds.KIND_VERBS) == kinds
    assert list(event_kinds.KIND_NOUNS) == kinds
    for kind in kinds:
        triggers = event_kinds.KIND_TRIGGERS[kind]
        assert triggers == event_kinds.KIND_VERBS[kind] + event_kinds.KIND_NOUNS[kind]
        assert event_kinds.KIND_VERBS[kind] and event_kinds.KIND_NOUNS[kind], kind
        assert 25 <= len(triggers) <= 160, (kind, len(triggers))  # conjugated forms count
        for trigger in triggers:
            assert ARABIC_NAME.fullmatch(trigger), trigger
        verbs = event_kinds.KIND_VERBS[kind]
        assert all(" " not in verb for verb in verbs), kind


def test_a_trigger_signals_one_kind_only():
    kinds_of: dict[str, set[str]] = {}
    for kind, triggers in event_kinds.KIND_TRIGGERS.items():
        assert len({folded(t) for t in triggers}) == len(triggers), f"{kind}: repeated trigger"
        for trigger in triggers:
            kinds_of.setdefault(without_article(trigger), set()).add(kind)
    assert {t: k for t, k in kinds_of.items() if len(k) > 1} == {}


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("التقى", "meeting"),
        ("يلتقي", "meeting"),
        ("مفاوضات", "talks"),
        ("زار", "visit"),
        ("أعلن", "statement"),
        ("استقال", "decision"),
        ("مذكرة تفاهم", "agreement"),
        ("أمهل", "deadline"),
        ("غارة", "attack"),
        ("اعتقال", "legal"),
        ("استفتاء", "election"),
        ("إضراب", "protest"),
        ("زلزال", "disaster"),
        ("تعادل", "sports"),
        ("البورصة", "economy"),
    ],
)
def test_usual_words_signal_their_kind(word, kind):
    assert folded(word) in {folded(t) for t in event_kinds.KIND_TRIGGERS[kind]}


def test_words_that_mostly_mean_something_else_are_no_trigger():
    every = {without_article(t) for ts in event_kinds.KIND_TRIGGERS.values() for t in ts}
    # happened, eye/appointed, dawn, in order to, the judiciary/eliminating, like, voice
    for word in ("وقع", "عين", "فجر", "بهدف", "القضاء", "مثل", "صوت", "نهائي"):
        assert without_article(word) not in every, word


def test_statement_verbs_are_reporting_verbs_and_reporting_verbs_are_unique():
    assert set(event_kinds.STATEMENT_VERBS) <= set(event_kinds.REPORTING_VERBS)
    reporting = [folded(v) for v in event_kinds.REPORTING_VERBS]
    assert len(reporting) == len(set(reporting))
    assert {"قال", "بحسب", "وفق"} <= set(event_kinds.REPORTING_VERBS)
    assert "قال" not in event_kinds.STATEMENT_VERBS


def actor_spellings() -> dict[str, str]:
    owners: dict[str, str] = {}
    for name, (_type, aliases) in actors.ACTORS.items():
        for spelling in (name, *aliases):
            owners.setdefault(folded(spelling), name)
    return owners


def test_each_spelling_of_an_actor_names_one_actor_only():
    owners: dict[str, set[str]] = {}
    for name, (actor_type, aliases) in actors.ACTORS.items():
        assert actor_type in {"person", "organisation"}, name
        spellings = [folded(s) for s in (name, *aliases)]
        assert len(spellings) == len(set(spellings)), f"{name}: an alias folds like another"
        for spelling in spellings:
            assert ARABIC_NAME.fullmatch(spelling), f"{name}: odd spelling {spelling!r}"
            owners.setdefault(spelling, set()).add(name)
    assert {s: n for s, n in owners.items() if len(n) > 1} == {}


def test_an_actor_is_never_spelt_like_a_place():
    places_folded = set(place_spellings())
    assert [s for s in actor_spellings() if s in places_folded] == []


def test_the_well_known_actors_of_the_brief_are_there():
    assert len(actors.ACTORS) >= 300
    spellings = actor_spellings()
    expected = {
        "بوتين": "فلاديمير بوتين",
        "داعش": "تنظيم الدولة الإسلامية",
        "أنصار الله": "الحوثيون",
        "جماعة الحوثي": "الحوثيون",
        "الناتو": "حلف شمال الأطلسي",
        "حركة حماس": "حماس",
        "السبسي": "الباجي قائد السبسي",
        "اتحاد الشغل": "الاتحاد العام التونسي للشغل",
        "النهضة": "حركة النهضة",
    }
    for alias, name in expected.items():
        assert spellings[folded(alias)] == name, alias
    for name in ("راشد الغنوشي", "نداء تونس", "يوسف الشاهد", "الحبيب الصيد", "منصف المرزوقي"):
        assert name in actors.ACTORS
    # common words and common names are no aliases
    for word in ("سعيد", "جمعة", "الشاهد", "الصيد", "عون", "سلام", "مبارك", "رئيسي"):
        assert folded(word) not in spellings, word


def test_a_title_names_one_listed_actor_at_a_time():
    periods: dict[str, list[tuple[date, date]]] = {}
    for title, name, valid_from, valid_to in actors.TITLE_ACTORS:
        assert name in actors.ACTORS, name
        start = date.fromisoformat(valid_from)
        end = date.fromisoformat(valid_to) if valid_to else date.max
        assert start < end, (title, name)
        periods.setdefault(folded(title), []).append((start, end))
    for title, spans in periods.items():
        spans.sort()
        for (_s1, end1), (start2, _e2) in pairwise(spans):
            assert end1 <= start2, f"{title}: two holders at once"


def holder(title: str, on: str) -> str | None:
    day = date.fromisoformat(on)
    for written, name, valid_from, valid_to in actors.TITLE_ACTORS:
        end = date.fromisoformat(valid_to) if valid_to else date.max
        if written == title and date.fromisoformat(valid_from) <= day < end:
            return name
    return None


def test_title_references_resolve_by_date():
    assert holder("الرئيس الأمريكي", "2018-06-12") == "دونالد ترامب"
    assert holder("الرئيس الأميركي", "2022-03-01") == "جو بايدن"
    assert holder("الرئيس الأمريكي", "2025-01-20") == "دونالد ترامب"
    assert holder("الرئيس الروسي", "2014-03-18") == "فلاديمير بوتين"
    assert holder("الرئيس التونسي", "2016-05-01") == "الباجي قائد السبسي"
    assert holder("رئيس الحكومة التونسية", "2015-02-06") == "الحبيب الصيد"
    assert holder("رئيس الحكومة التونسية", "2014-12-31") == "مهدي جمعة"


def test_titles_and_organisation_heads_are_unique_words():
    for words in (actors.PERSON_TITLES, actors.ORGANISATION_HEADS):
        assert len({folded(w) for w in words}) == len(words)
        assert all(ARABIC_NAME.fullmatch(w) for w in words)
    for title in ("الرئيس", "وزير الخارجية", "ولي العهد", "المتحدث باسم", "الأمين العام"):
        assert title in actors.PERSON_TITLES
    for head in ("وزارة", "حركة", "حزب", "الاتحاد", "مفوضية"):
        assert head in actors.ORGANISATION_HEADS


def test_function_words_are_unique_and_name_nothing():
    words = [folded(w) for w in stopwords.FUNCTION_WORDS]
    assert len(words) == len(set(words))
    assert len(words) >= 150
    assert all(ARABIC_NAME.fullmatch(w) for w in stopwords.FUNCTION_WORDS)
    names = set(place_spellings()) | set(actor_spellings())
    assert [w for w in words if w in names] == []
    assert {"في", "الذي", "هذه", "لكن", "إلى"} <= set(stopwords.FUNCTION_WORDS)


def test_cities_named_like_clubs_are_cities_of_the_gazetteer():
    from timeline.lexicon.actors import CLUB_CITIES
    from timeline.lexicon.places import PLACES

    assert [name for name in CLUB_CITIES if name not in PLACES] == []
