"""Words of clauses and headlines, as data: what opens, ends, glues or cuts a clause.

Natural spelling; the extractor folds every word with `timeline.text.normalise_for_matching`
at import (hamzas, «ى», «ة» and diacritics fold away).
"""

# Words that open a clause without saying anything about the event.
LEADING_WORDS: tuple[str, ...] = (
    "وفي", "في", "حين", "وتأتي", "تأتي", "ويتزامن", "يتزامن", "إلا", "أن", "غير", "بينما",
    "كما", "ثم", "نحو", "و", "وقد", "قد", "فقد", "لقد", "وكان", "كان", "وكانت", "كانت",
    "حيث", "إذ", "وذلك", "ذلك", "هذا", "وهذا", "وبعد", "بعد", "فيما", "وفيما", "أما",
    "وأما", "كذلك", "وكذلك", "أيضا", "أيضاً", "لكن", "ولكن", "يذكر", "ويذكر", "يشار",
    "ويشار", "يُذكر", "ويُذكر",
    # «ويذكر أنه تم التوصل…», «كذلك فإن اللجنة رفضت…», «وبالفعل، بدا…»
    "أنه", "أنها", "فإن", "فإنه", "فإنها", "بالفعل", "وبالفعل", "فعلا", "فعلاً",
)  # fmt: skip

# Words after a date expression that only qualify it: «الأحد الماضي».
DATE_TAIL: tuple[str, ...] = (
    "الماضي", "الماضية", "المقبل", "المقبلة", "القادم", "القادمة", "الجاري", "الجارية",
    "الموافق", "الحالي", "الحالية",
)  # fmt: skip

# Words before a date expression that only say it is a date.
DATE_GLUE: tuple[str, ...] = (
    "في", "يوم", "يومي", "منذ", "خلال", "مساء", "صباح", "ليلة", "فجر", "ظهر", "عصر", "حتى",
    "بحلول", "مطلع", "أواخر", "أوائل", "منتصف", "نهاية", "بداية", "اليوم", "أمس", "غدا",
    "غداً", "الماضي", "الماضية", "المقبل", "المقبلة", "القادم", "القادمة", "الجاري",
    "الجارية", "من", "عام", "العام", "سنة", "شهر", "الساعة", "صبيحة", "عشية", "قبل", "بعد",
    "تاريخ", "بتاريخ", "موعد", "الموافق", "الـ", "حوالي", "حوالى", "قرابة", "زهاء",
    # «طوال الأسبوع الماضي», «على مدى يومين», «على امتداد العام» (see OVER_GLUE)
    "طوال", "مدى", "امتداد", "مر",
)  # fmt: skip

# Date glue that «على» comes before («على مدى», «على امتداد», «على مر»): the «على»
# goes with it («على» alone is no glue: «بن علي» folds so).
OVER_GLUE: tuple[str, ...] = ("مدى", "امتداد", "مر")
OVER_GLUE_ON: tuple[str, ...] = ("على", "وعلى")

# Where a headline may end: the next word opens a subordinate part.
BOUNDARY_WORDS: tuple[str, ...] = (
    "الذي", "التي", "الذين", "اللذين", "اللتين", "حيث", "وذلك", "بعدما", "عندما", "بينما",
    "فيما", "وسط", "إثر", "عقب", "مما", "ما", "كما", "لكن", "ولكن", "إلا", "رغم", "بسبب",
    "بهدف", "بغية", "لأن", "وأن", "وإن", "قائلا", "قائلاً", "مشيرا", "مشيراً", "مضيفا",
    "مضيفاً", "موضحا", "موضحاً", "مؤكدا", "مؤكداً", "معتبرا", "معتبراً", "وفقا", "وفقاً",
    "بحسب", "حسب", "نقلا", "نقلاً", "وأضاف", "وقال", "وأكد",
)  # fmt: skip

# Words opening the cause of what the main clause tells: where the cause happened,
# the main happening did («لقي عشرات مصرعهم إثر استهداف سوق في جرمانا»).
CAUSE_WORDS: tuple[str, ...] = ("إثر", "عقب", "بسبب", "جراء", "جرّاء", "نتيجة")

# Anonymous sources: «قالت مصادر إن…» reports what follows «إن».
ANONYMOUS_SOURCES: tuple[str, ...] = (
    "مصادر", "مصدر", "مسؤول", "مسؤولون", "مسؤولين", "تقارير", "وكالة", "وكالات", "صحيفة",
    "شهود", "ناشطون", "ناشطين", "وسائل", "مراسل", "التلفزيون", "الإذاعة", "بيان", "مصدرا",
)  # fmt: skip

# Impersonal frames before «أن»: no one says it, what follows «أن» is the news
# («يشار إلى أن الوحدات الأمنية قبضت…», «ومن المقرر أن تجري الانتخابات…»). A «و» or
# «ف» before them goes too.
IMPERSONAL_FRAMES: tuple[str, ...] = (
    "يشار إلى", "يذكر", "من المقرر", "من المتوقع", "من المنتظر", "من المرجح", "من المأمول",
    "من المؤمل", "من المفترض", "من المعلوم",
)  # fmt: skip

# Words that go on from a verb ending the headline so far, though they end a clause
# elsewhere: what it does or why («تنفي ما تداولته…», «يستقيل بسبب الفضيحة»).
VERB_OBJECT_OPENERS: tuple[str, ...] = ("ما", "بسبب")

# Particles a headline drops before its verb: «وقد التقى».
PARTICLES_BEFORE_VERB: tuple[str, ...] = (
    "قد", "لقد", "فقد", "وقد",
)  # fmt: skip

# «أن» and «إن» after a reporting verb: what follows is what was said.
THAT_WORDS: tuple[str, ...] = (
    "أن", "إن", "بأن",
)  # fmt: skip

# «أن» with the pronoun of who acts in what was said: «أضاف الديوان أنه تم…».
THAT_WITH_PRONOUN: tuple[str, ...] = (
    "أنه", "أنها", "أنهم", "أنهما", "أننا", "إنه", "إنها", "إنهم", "إنهما", "إننا",
)  # fmt: skip

# «بحسب …،», «وفقاً لـ…»: attribution up to the next comma.
ATTRIBUTION_OPENERS: tuple[str, ...] = (
    "بحسب", "حسب", "وبحسب", "وفقا", "وفقاً", "ووفقا", "ووفقاً", "نقلا", "نقلاً", "حسبما",
    "وحسبما",
)  # fmt: skip

# Trailing words a headline never ends on, besides the function words.
DANGLING: tuple[str, ...] = (
    "و", "أو", "ثم", "بعد", "قبل", "خلال", "بين", "مع", "عبر", "ضد", "لدى",
)  # fmt: skip

# Words that make «أن» after them a conjunction of their own («بعد أن», «قبل أن»).
TIME_CONJUNCTIONS: tuple[str, ...] = (
    "بعد", "قبل", "منذ", "رغم", "حتى", "دون", "بدون", "بدل", "بمجرد",
)  # fmt: skip

# Attribution words that are no verbs: «بحسب», «وفقاً لـ».
NOT_VERB_ATTRIBUTIONS: tuple[str, ...] = (
    "بحسب", "حسب", "حسبما", "وفق", "وفقا", "طبقا",
)  # fmt: skip

# Prepositions that may stand between a verb and what it governs: «اجتمع مع», «وفي».
PREPOSITIONS: tuple[str, ...] = (
    "مع", "في", "من", "إلى", "الى", "على", "عن", "بعد", "قبل", "منذ", "خلال", "عند", "حول",
    "رغم", "إثر", "عقب", "بسبب", "لدى", "ضد", "عبر", "حتى", "وسط",
)  # fmt: skip

# Words that open clauses but are no verbs.
NOT_VERBS: tuple[str, ...] = (
    "في", "من", "على", "إلى", "عن", "مع", "بعد", "قبل", "خلال", "منذ", "حتى", "بين", "أمام",
    "وسط", "رغم", "إثر", "عقب", "لدى", "عند", "حول", "ضد", "عبر", "نحو", "كما", "أما",
    "إذا", "لكن", "بينما", "حيث", "هذا", "هذه", "ذلك", "تلك", "وفق", "وفقا", "بحسب", "حسب",
    "يذكر", "يشار", "تجدر", "يأتي", "تأتي", "ويأتي",
    # Pronouns opening a nominal clause: «وهي أول زيارة لماكرون…».
    "هو", "هي", "هم", "هما", "هن", "وهو", "وهي", "وهم", "وهما", "وهن", "فهو", "فهي", "فهم",
)  # fmt: skip

# «أن» and its forms after a reporting verb: the verb after them is the one reported.
REPORTED_THAT_WORDS: tuple[str, ...] = (
    "أن", "إن", "بأن", "أنه", "أنها", "إنه", "إنها",
)  # fmt: skip

# Words in the gap between two dates where the second date's clause begins.
CLAUSE_BREAKS: tuple[str, ...] = (
    "نحو", "بهدف", "حيث", "بينما", "لكن", "ولكن", "كما", "ثم", "فيما", "بعدما", "إذ",
    "وذلك", "على أن", "قبل أن", "بعد أن",
)  # fmt: skip

# Particles that deny the verb after them.
NEGATIONS: tuple[str, ...] = (
    "لم", "ولم", "لن", "ولن", "فلم",
)  # fmt: skip

# «قد» and its forms: a verb after «قد» has its subject before it, back to the «كان»
# that opens its clause.
PERFECT_PARTICLES: tuple[str, ...] = (
    "قد", "وقد", "لقد",
)  # fmt: skip

# «كان» and its forms that open a clause whose verb follows «قد»: «بعد أن كان مجلس
# النواب قد وافق».
AUXILIARIES: tuple[str, ...] = (
    "كان", "كانت", "وكان", "وكانت", "كانوا", "وكانوا",
)  # fmt: skip

# Relative pronouns: a headline is not cut before them.
RELATIVE_PRONOUNS: tuple[str, ...] = (
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي",
)  # fmt: skip

# Verbs whose own last letter is «ت»: «سكت», «ثبت», «بات».
NOT_FEMININE: tuple[str, ...] = (
    "سكت", "ثبت", "بات", "مات", "فات", "نبت", "صمت",
)  # fmt: skip

# Phrases that add nothing to a headline: «من جانبه», «في وقت سابق».
FILLERS: tuple[str, ...] = (
    "من جانبه", "من جانبها", "من جهته", "من جهتها", "بدوره", "بدورها", "في المقابل",
    "في وقت سابق", "في وقت لاحق", "في تصريح", "في تصريحات", "في بيان", "في حديث",
    "في تغريدة", "عبر حسابه", "عبر حسابها", "على حسابه", "على حسابها", "في حسابه",
    "في حسابها", "على موقع", "عبر موقع", "على تويتر", "عبر تويتر", "شخصيا", "شخصياً",
    "رسميا", "رسمياً", "أيضا", "أيضاً", "كذلك",
)  # fmt: skip

# Past (3rd person masculine) → present, for the verbs whose present no pattern
# handles (hollow, defective, hamzated and assimilated roots); the past is folded at import.
IRREGULAR_PRESENTS: dict[str, str] = {
    "قال": "يقول", "زار": "يزور", "فاز": "يفوز", "عاد": "يعود", "قام": "يقوم",
    "جاء": "يأتي", "شاء": "يشاء", "نشأ": "ينشأ", "رسا": "يرسو", "نجا": "ينجو",
    "بدا": "يبدو", "طفا": "يطفو", "خلا": "يخلو", "علا": "يعلو", "غزا": "يغزو",
    "باع": "يبيع", "سار": "يسير", "مات": "يموت", "صار": "يصير", "كان": "يكون",
    "نال": "ينال", "دان": "يدين", "أدان": "يدين", "أقال": "يقيل", "أشار": "يشير",
    "أضاف": "يضيف", "أفاد": "يفيد", "أعاد": "يعيد", "أقام": "يقيم", "أثار": "يثير",
    "أجاب": "يجيب", "أصاب": "يصيب", "أراد": "يريد", "أدار": "يدير", "أذاع": "يذيع",
    "استقال": "يستقيل", "استعاد": "يستعيد", "استفاد": "يستفيد", "اختار": "يختار",
    "اجتاح": "يجتاح", "احتاج": "يحتاج", "ازداد": "يزداد", "انهار": "ينهار",
    "دعا": "يدعو", "نفى": "ينفي", "رأى": "يرى", "أكد": "يؤكد", "أمر": "يأمر",
    "أخذ": "يأخذ", "أكل": "يأكل", "سأل": "يسأل", "بدأ": "يبدأ", "قرأ": "يقرأ",
    "وصل": "يصل", "وقف": "يقف", "وعد": "يعد", "وجد": "يجد", "وضع": "يضع", "ود": "يود",
    "ولد": "يولد", "وقع": "يوقع", "وافق": "يوافق", "واصل": "يواصل", "واجه": "يواجه",
    "أجرى": "يجري", "ألغى": "يلغي", "أبدى": "يبدي", "أنهى": "ينهي", "أعطى": "يعطي",
    "ألقى": "يلقي", "أرسى": "يرسي", "أدلى": "يدلي", "أبقى": "يبقي", "أمضى": "يمضي",
    "جرى": "يجري", "مضى": "يمضي", "قضى": "يقضي", "بنى": "يبني", "رمى": "يرمي",
    "بقي": "يبقى", "لقي": "يلقى", "نعى": "ينعى", "سعى": "يسعى", "شكا": "يشكو",
    "أهاب": "يهيب", "حل": "يحل", "رد": "يرد", "عد": "يعد", "مد": "يمد", "شن": "يشن", "هز": "يهز",
    # Hollow verbs of form I: «زادت التوترات» → «تزيد».
    "زاد": "يزيد", "طار": "يطير", "نام": "ينام", "دام": "يدوم", "حاز": "يحوز", "جال": "يجول",
    "ساد": "يسود", "شاع": "يشيع", "مال": "يميل", "غاب": "يغيب", "خاض": "يخوض", "صاغ": "يصوغ",
    "فاق": "يفوق", "لام": "يلوم", "صام": "يصوم", "قاد": "يقود", "عاش": "يعيش",
    "وجه": "يوجه", "ضم": "يضم", "حض": "يحض", "وصف": "يصف", "وزع": "يوزع", "ودع": "يودع",
    "بث": "يبث", "حث": "يحث", "صد": "يصد", "سن": "يسن", "فر": "يفر",
    "شد": "يشد", "مر": "يمر", "جر": "يجر", "فك": "يفك", "ظل": "يظل", "دق": "يدق",
    "خص": "يخص", "عم": "يعم", "تم": "يتم", "أعد": "يعد",
    "أحال": "يحيل", "أطاح": "يطيح", "أتاح": "يتيح",
    # Four-letter verbs that read as a future «س» + a present: «سيطرت» is no «س» + «يطرت».
    "سيطر": "يسيطر", "سيّر": "يسيّر",
    # Doubled verbs of form IV: «أقرّ» → «يقرّ» (but «أسر» → «يأسر», «أمن» → «يأمن»).
    "أقر": "يقر", "أصر": "يصر", "أتم": "يتم", "أحب": "يحب", "أضر": "يضر", "أحس": "يحس",
    "أسر": "يأسر", "أمن": "يأمن", "أذن": "يأذن", "أجل": "يؤجل", "أيد": "يؤيد",
    "أدى": "يؤدي", "أوى": "يؤوي", "أتى": "يأتي", "أبى": "يأبى",
    # Defective verbs of forms VII, VIII and X, whose feminine drops the «ى» («التقت»).
    "التقى": "يلتقي", "انتهى": "ينتهي", "اشترى": "يشتري", "ادعى": "يدعي",
    "اعتدى": "يعتدي", "اختفى": "يختفي", "اكتفى": "يكتفي", "ارتقى": "يرتقي",
    "اقتضى": "يقتضي", "انقضى": "ينقضي", "استدعى": "يستدعي", "استولى": "يستولي",
    "استثنى": "يستثني", "استقصى": "يستقصي",
    # «توفيت» → «تتوفى»; «أصيب» is a passive: «يصاب»
    "توفي": "يتوفى", "أصيب": "يصاب",
}  # fmt: skip

# Frames before «أن» that only say a happening is expected: «ومن المقرر أن يلتقي…»;
# the headline starts at what is expected.
EXPECTATION_FRAMES: tuple[str, ...] = (
    "من المقرر", "ومن المقرر", "من المتوقع", "ومن المتوقع", "من المنتظر", "ومن المنتظر",
    "من المرتقب", "ومن المرتقب", "من المفترض", "ومن المفترض", "من المزمع", "ومن المزمع",
)  # fmt: skip

# «تم» before a verbal noun makes a passive: «تم إنقاذ 40 ألف شخص» is headlined
# «إنقاذ 40 ألف شخص».
PASSIVE_AUXILIARIES: tuple[str, ...] = ("تم", "وتم", "فتم", "تمت", "وتمت", "جرى", "وجرى")

# Negations that open a clause: what follows did not happen («ولم يعرف بعد…»).
# («لا» is left out: «لا تزال المفاوضات مستمرة» says they go on.)
OPENING_NEGATIONS: tuple[str, ...] = ("لم", "ولم", "فلم", "لن", "ولن", "ليس", "وليس")

# Phrases that open a sentence and link it to the one before, none of its news: «من
# جهة أخرى، أسهم تويتر…», «وفي سياق متصل…».
LEADING_PHRASES: tuple[str, ...] = (
    "من جهة أخرى", "ومن جهة أخرى", "من جهة ثانية", "ومن جهة ثانية", "من جهته", "ومن جهته",
    "من جهتها", "ومن جهتها", "من جانبه", "ومن جانبه", "من جانبها", "ومن جانبها",
    "من ناحية أخرى", "ومن ناحية أخرى", "في المقابل", "وفي المقابل", "في غضون ذلك",
    "وفي غضون ذلك", "في الأثناء", "وفي الأثناء", "في سياق متصل", "وفي سياق متصل",
    "في سياق آخر", "وفي سياق آخر", "يأتي ذلك", "ويأتي ذلك", "تأتي هذه", "وتأتي هذه",
    "إلى ذلك", "وإلى ذلك", "بدلا من ذلك", "وبدلا من ذلك", "بدلاً من ذلك", "وبدلاً من ذلك",
    "فضلا عن ذلك", "وفضلا عن ذلك", "إلى جانب ذلك", "وإلى جانب ذلك", "في الوقت نفسه",
    "وفي الوقت نفسه",
)  # fmt: skip

# «مع»: a happening done with someone else may be anywhere, not at the state's home.
WITH_WORDS: tuple[str, ...] = ("مع", "ومع")

# Singular nouns that end like a sound masculine plural: «القانون يهدف», not «يهدفون».
SINGULARS_IN_UN: tuple[str, ...] = (
    "قانون", "القانون", "زيتون", "الزيتون", "مضمون", "المضمون", "صابون", "الصابون",
    "كانون", "ليمون", "الطاعون", "طاعون", "الماعون", "عربون", "العربون", "المسجون",
    "الكمون", "الحلزون", "التلفزيون", "تلفزيون", "البنتاغون", "بنتاغون",
)  # fmt: skip

# Broken plurals of men, whom the headline's verb agrees with in the plural («قضاة
# يؤكدون», «النواب يصوتون»), written without the article.
BROKEN_PEOPLE_PLURALS: tuple[str, ...] = (
    "قضاة", "نواب", "وزراء", "خبراء", "علماء", "طلاب", "أطباء", "شهود", "جنود", "عمال",
    "رجال", "سكان", "قادة", "زعماء", "رؤساء", "سفراء", "نشطاء", "أعضاء", "ضباط", "شيوخ",
    "أمراء", "ملوك", "محامون", "مستثمرون", "دبلوماسيون", "سياسيون", "مسؤولون",
    "مقاتلون", "ثوار", "حراس", "رهائن", "أسرى", "مهندسون", "فلاحون", "تجار", "وكلاء",
)  # fmt: skip

# Subjects that are two people or sides: the headline's verb takes the dual
# («الطرفان يعلنان»).
DUAL_SUBJECTS: tuple[str, ...] = (
    "الطرفان", "الجانبان", "البلدان", "الزعيمان", "الرئيسان", "الوزيران", "الفريقان",
    "المنتخبان", "الناديان", "الحزبان", "الرجلان", "الشقيقان", "الخصمان", "المرشحان",
    "الزوجان", "القائدان", "الوفدان", "المسؤولان", "اللاعبان",
)  # fmt: skip

# Prepositions that only introduce the date after them in a headline: «في 12 يونيو».
HEADLINE_DATE_PREPOSITIONS: tuple[str, ...] = ("في", "يوم", "خلال", "منذ", "بحلول")

# «إن» with its pronouns: after any headline verb but «يقول» they are written «أن».
THAT_FORMS: tuple[str, ...] = ("إن", "إنه", "إنها", "إنهم", "إنهما", "إننا", "إنهن")

# «يقول» and «تقول» (and their plurals), the one verb «إن» follows.
SAYS: tuple[str, ...] = ("يقول", "تقول")

# «قال» in its forms, which a headline writes «يؤكد»: headlines do not «say».
SAID: tuple[str, ...] = ("قال", "قالت")

# «ما يسمى بـ"الهيئة التسييرية"»: the words that introduce a name as so called; the
# name after them is the subject.
SO_CALLED: tuple[str, ...] = ("يسمى", "تسمى", "يعرف", "تعرف", "سمي", "سميت", "عرف", "عرفت")

# Prepositions that open a phrase set off by a comma before the verb: it says when or
# why («بعد انتهاء الاجتماع يوم الأحد، أعلن الوزير…»), and leaves the headline.
OPENING_PREPOSITIONS: tuple[str, ...] = (
    "في", "قبل", "بعد", "عقب", "إثر", "خلال", "مع", "منذ", "وسط", "رغم", "بسبب", "لدى",
    "عند", "أثناء", "بعيد", "قبيل", "بين", "حتى", "على",
)  # fmt: skip

# Phrases set off by commas between a verb and what it governs, saying with whom or
# by what means («أعلنت الشركة، بالتعاون مع مجلس الأبحاث، عن مبادرة…»): an aside
# the headline passes over to reach the object.
ASIDE_OPENERS: tuple[str, ...] = (
    "بالتعاون", "بالتنسيق", "بالشراكة", "بمشاركة", "بحضور", "برفقة", "بالاشتراك",
    "بدعم", "بتمويل", "بمساعدة", "بالتزامن", "بالإضافة", "إلى جانب", "على هامش", "عبر",
    "خلال", "وسط", "أمام", "من خلال", "بناء على", "بناءً على",
)  # fmt: skip

# Verbs whose subject is where something happens: «تشهد البلاد احتجاجات», «ويعيش
# اليمن على وقع حرب». A place right after them counts with no locative word.
WITNESS_VERBS: tuple[str, ...] = (
    "شهد", "شهدت", "يشهد", "تشهد", "عاش", "عاشت", "يعيش", "تعيش", "ويعيش", "وتعيش",
    "وتشهد", "ويشهد", "وشهدت", "وشهد",
)  # fmt: skip

# Verbs of being and becoming: a bare «اليوم» beside them means «nowadays», not the
# day of a happening («باتوا اليوم أقل اهتماما», «ما يقدمه اليوم… يفوق…»).
STATIVE_VERBS: tuple[str, ...] = (
    "بات", "باتت", "باتوا", "أصبح", "أصبحت", "أصبحوا", "صار", "صارت", "أضحى", "أضحت",
    "يبدو", "تبدو", "يعد", "تعد", "يعتبر", "تعتبر", "يفوق", "تفوق", "يمثل", "تمثل",
    "يزال", "تزال", "زال", "زالت", "يظل", "تظل", "يبقى", "تبقى",
)  # fmt: skip

# «وجاء في البيان»: what a text says, introduced by where it says it (attribution
# up to the next comma, like «بحسب»).
CAME_WORDS: tuple[str, ...] = ("جاء", "وجاء")

# Words whose own first letters are «وال», not the conjunction and the article:
# «والد الطفل», «والي الولاية».
WORDS_IN_WAL: tuple[str, ...] = (
    "والد", "والدة", "والده", "والدها", "والدته", "والدي", "والدا", "والدان", "والدين",
    "والي", "واليا", "والياً", "ولاة",
)  # fmt: skip

# Words of a counterfactual: what they frame did not happen («لو لم تنظم البطولة،
# لكانت البصمة قد طبعت عالم الكرة في 2018»).
COUNTERFACTUAL_WORDS: tuple[str, ...] = ("لو", "ولو", "لولا", "ولولا", "لكان", "لكانت")

# Words after a subject that name who leads it, part of the subject in a headline:
# «التحالف بقيادة السعودية», «مجلس إدارة النادي برئاسة الأمير».
LED_BY: tuple[str, ...] = ("بقيادة", "برئاسة", "بزعامة")

# Verbs of a decision taken with no one named: after «أنه» the act decided is the news
# («أضاف أنه تقرر فتح خط جوي»).
IMPERSONAL_DECISIONS: tuple[str, ...] = ("تقرر", "تقررت")

# States whose names are masculine («أعلن العراق» → «العراق يعلن»), by the gazetteer's
# display name; the others take a feminine verb («إيران تعلن»).
MASCULINE_STATES: tuple[str, ...] = (
    "العراق", "الأردن", "لبنان", "السودان", "المغرب", "اليمن", "جنوب السودان",
)  # fmt: skip

# Words before «اليوم» that make it the end of a span up to now, no date of a
# happening: «حتى اليوم», «لغاية اليوم» («إلى اليوم» also dates a postponement).
UNTIL_WORDS: tuple[str, ...] = ("حتى", "لغاية", "لحد")

# Past verbs that, opening a headline before a count, are passives («قتل أكثر من 1100
# شخص»), and the verbal noun a headline names them by («مقتل…»).
PASSIVE_NOUNS: dict[str, str] = {
    "قتل": "مقتل", "أصيب": "إصابة", "جرح": "جرح", "اعتقل": "اعتقال", "أعدم": "إعدام",
    "اختطف": "اختطاف", "خطف": "خطف", "أسر": "أسر", "أوقف": "إيقاف", "احتجز": "احتجاز",
    "شرد": "تشريد", "أجلي": "إجلاء", "نزح": "نزوح", "فقد": "فقدان", "توفي": "وفاة",
    "أنقذ": "إنقاذ", "اغتيل": "اغتيال", "أعلن": "الإعلان", "عثر": "العثور",
    "حكم": "الحكم",
}  # fmt: skip

# Words that open a count: «قتل أكثر من…», «اعتقل عشرات…».
COUNT_WORDS: tuple[str, ...] = (
    "أكثر", "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "عدد", "عشرات", "مئات", "آلاف",
    "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "اثنان", "شخصان",
    "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "العشرات", "المئات",
    "اثنين", "اثنتين", "اثنتان",
)  # fmt: skip

# Labels an article's headline may open with before «:» or «..», which say what kind
# of piece it is, not what happened: «رسميا.. إثيوبيا وإريتريا تعلنان…», «طقس اليوم:
# أمطار منتظرة…». A place opening a headline so («باراغواي: محتجون…») is such a label too.
HEADLINE_LABELS: tuple[str, ...] = (
    "رسميا", "رسمياً", "عاجل", "بالفيديو", "بالصور", "فيديو", "صور", "شاهد", "طقس اليوم",
    "الطقس", "طقس", "حصري", "خاص", "بالأرقام", "تقرير", "متابعة",
)  # fmt: skip


# Words of a quoted headline that say the speaker speaks of themselves («قد نتخذ…»,
# «سأواصل مهامي»): such a quotation cannot be told as «X يؤكد أن…».
FIRST_PERSON_WORDS: tuple[str, ...] = (
    "نحن", "أنا", "إننا", "إنني", "إني", "أننا", "أنني", "لسنا", "لست", "لدينا", "لدي",
    "علينا", "لنا", "لي", "سأ",
)  # fmt: skip

# Particles after which a speaker's own verb names the speaker («لن نترك», «لا أعرف»),
# when that verb starts with «ن» or «أ».
FIRST_PERSON_PARTICLES: tuple[str, ...] = ("لن", "لا", "لم", "قد", "سوف", "لقد")

# What a quotation may open with that needs «أنه», not «أن», after the verb of saying:
# «يؤكد أنه يجب…», «يؤكد أنه لن…».
SAID_WITH_PRONOUN_OPENERS: tuple[str, ...] = (
    "يجب", "ينبغي", "يتعين", "لا", "لن", "لم", "ليس", "من",
)  # fmt: skip
