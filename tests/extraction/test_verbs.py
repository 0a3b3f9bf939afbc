"""Headline verbs: the past tense of the news turned into the present of headlines."""

import pytest

from timeline.extraction.verbs import present_tense


@pytest.mark.parametrize(
    "past, feminine, present",
    [
        # Regular forms.
        ("أعلنت", False, "تعلن"),
        ("التقى", False, "يلتقي"),
        ("استقبل", False, "يستقبل"),
        # Hollow verbs of forms IV and X take «ي» where the past has «ا».
        ("استضافت", False, "تستضيف"),
        ("استقام", False, "يستقيم"),
        ("أباح", False, "يبيح"),
        ("أقامت", False, "تقيم"),
        # Forms VII and VIII keep their «ا».
        ("اعتاد", False, "يعتاد"),
        # Doubled verbs of form IV lose their «أ»; hamzated ones of form I keep it.
        ("أقرت", False, "تقر"),
        ("أسر", False, "يأسر"),
        # Doubled verbs of form I unvocalised: the «ت» after them is the feminine one.
        ("بثت", False, "تبث"),
        ("حثت", False, "تحث"),
        ("مرت", False, "تمر"),
        # The passive of forms IV and VIII loses its «أ» in the present.
        ("أُبلغ", False, "يُبلغ"),
        ("اُعتقل", False, "يُعتقل"),
        ("قُتل", False, "يُقتل"),
        # A verb whose own first letter is «و».
        ("وجهت", False, "توجه"),
        # Hollow verbs of form I take their middle letter back.
        ("زادت", False, "تزيد"),
        ("قاد", False, "يقود"),
        # Defective verbs lose their last letter before the feminine «ت».
        ("دعت", False, "تدعو"),
        ("أجرت", False, "تجري"),
        ("ألغت", False, "تلغي"),
        ("أدت", False, "تؤدي"),
        # Defective verbs of form V keep their «ى».
        ("تولى", False, "يتولى"),
        ("تلقت", False, "تتلقى"),
        # A past conjugated for a plural takes the plural of the present.
        ("خرجوا", False, "يخرجون"),
        ("التقوا", False, "يلتقون"),
        ("تظاهروا", False, "يتظاهرون"),
        # A past for two women or feminine states takes the feminine dual.
        ("اتفقتا", False, "تتفقان"),
        # A verb already in the present stays so.
        ("يعد", False, "يعد"),
        ("يعتبر", True, "تعتبر"),
    ],
)
def test_a_past_verb_becomes_the_present_a_headline_uses(past, feminine, present):
    assert present_tense(past, feminine) == present
