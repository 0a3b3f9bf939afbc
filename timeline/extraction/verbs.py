"""Past-tense Arabic verbs in the present tense, as headlines write them.

«التقى» → «يلتقي», «أعلنت» → «تعلن», «قُتل» → «يُقتل». Regular patterns by the
verb's form, and a table for the verbs whose present is not regular (hollow,
defective, hamzated and assimilated roots).
"""

from __future__ import annotations

from timeline.extraction.arabic import fold, fold_set
from timeline.lexicon import clauses

# Past (3rd person masculine) → present, for the verbs no pattern handles.
IRREGULAR: dict[str, str] = {
    fold(past): present for past, present in clauses.IRREGULAR_PRESENTS.items()
}


DAMMA = "\u064f"


def marked_passive(written: str) -> bool:
    """Whether a verb is written as a passive, with a damma on its first letter:
    «قُتل», «أُعلن», «اُعتقل», «وعُثر», «وُقّع», «يُعتقد»."""
    if len(written) > 2 and written[0] in "وف" and written[1] != DAMMA:
        written = written[1:]  # the conjunction: «وقُتل»; but «وُقّع» is the verb's own
    return len(written) > 2 and written[1] == DAMMA


# Verbs whose own last letter is «ت»: «سكت», «ثبت», «بات».
NOT_FEMININE = fold_set(*clauses.NOT_FEMININE)


def present_tense(verb: str, feminine: bool = False) -> str:
    """The present tense of a past-tense verb as written (clitics already removed).

    `feminine` chooses «ت» over «ي» (the subject is feminine: «إيران تستأنف»); a
    verb written with the feminine «ت» of the past («أعلنت») is feminine anyway.
    """
    stem = verb
    if len(stem) > 2 and stem[1] == DAMMA:  # a passive (clitics are already off)
        stem = stem[0] + stem[2:]
        if stem[0] in "أاإ" and len(fold(stem)) >= 4:
            stem = stem[1:]  # forms IV and VIII: «أُبلغ» → «يُبلغ», «اُعتقل» → «يُعتقل»
        return ("تُ" if feminine or (len(stem) > 3 and stem.endswith("ت")) else "يُ") + (
            stem[:-1] if len(stem) > 3 and stem.endswith("ت") else stem
        )
    folded_stem = fold(stem)
    if (
        len(folded_stem) >= 5
        and stem.endswith("تا")
        and not folded_stem.startswith("ت")
        and folded_stem[1] != "ا"  # «لافتا»: a participle of «فاعل», no verb
    ):
        # «اتفقتا» → «تتفقان»: two who act, feminine («الكوريتان»).
        return present_tense(stem[:-2], feminine=True) + "ان"
    if len(folded_stem) >= 5 and stem.endswith("وا"):
        # «خرجوا» → «يخرجون», «التقوا» → «يلتقون»: a past conjugated for a plural
        # takes the plural of the present, not the subjunctive «يخرجوا».
        singular = present_tense(stem[:-2])
        return (singular[:-1] if fold(singular).endswith(("ي", "و")) else singular) + "ون"
    if len(folded_stem) == 4 and folded_stem.startswith("ت") and folded_stem.endswith("ت"):
        return "ت" + folded_stem[:-1] + "ى"  # defective form V: «تلقت» → «تتلقى»
    if len(folded_stem) >= 3 and folded_stem.endswith("ت"):
        # Defective verbs lose their last letter before «ت»: «دعت» is «دعا», «نفت»
        # «نفى», «أجرت» «أجرى».
        for ending in ("ا", "ي"):
            known = IRREGULAR.get(folded_stem[:-1] + ending)
            if known is not None:
                return "ت" + known[1:]
    doubled = len(folded_stem) == 3 and folded_stem.endswith("ت") and folded_stem[:2] in IRREGULAR
    if doubled or (
        len(folded_stem) > 3 and folded_stem.endswith("ت") and folded_stem not in NOT_FEMININE
    ):
        # «أعلنت», and doubled verbs of three letters unvocalised: «شنت», «ردت».
        feminine, stem = True, stem[:-1]
    prefix = "ت" if feminine else "ي"
    known = IRREGULAR.get(fold(stem))
    if known is not None:
        return prefix + known[1:]
    folded = fold(stem)
    if folded.startswith("ت") and stem.endswith("ى") and len(folded) == 4:
        return prefix + stem  # defective form V keeps its «ى»: «تولى» → «يتولى»
    if folded.startswith("ي") and len(folded) >= 3:
        return prefix + folded[1:]  # already present: «يعد», «يعتبر» (no past starts so)
    if len(folded) == 6 and folded.startswith("است") and folded[4] == "ا":
        return prefix + folded[1:4] + "ي" + folded[5]  # hollow form X: «استضاف» → «يستضيف»
    if len(folded) == 4 and folded[0] == "ا" and folded[2] == "ا":
        return prefix + folded[1] + "ي" + folded[3]  # hollow form IV: «أقام» → «يقيم»
    if folded.endswith("ي") and stem.endswith("ى"):  # التقى → يلتقي, defective
        stem = stem[:-1] + "ي"
    if len(folded) >= 4 and stem[0] in "اأإ":
        # Forms IV (أعلن → يعلن), VII, VIII and X (انتقد, اتهم, اجتمع, استقبل): the
        # alef of the past goes.
        return prefix + stem[1:]
    return prefix + stem  # forms I, II, III, V, VI: قتل, حذر, هاجم, تظاهر
