"""Text search over events and articles, the same contract on every database.

The contract: the query is folded by `normalise_for_matching` (diacritics, tatweel,
أ/إ/آ/ا, ى/ي, ة/ه), split into words (at most MAX_WORDS), and a row matches when
every word matches a word of its folded title. «اجتماع» finds «الاجتماع».

- PostgreSQL: full-text search with the `arabic` configuration on the folded
  `search_text` column, through a GIN index on the same expression (migration
  0005). The Arabic stemmer also lets «اجتماعات» find «اجتماع»; Arabic stop words
  («في», «من») are ignored, so a query made only of them matches nothing.
- SQLite (one machine): every folded word must occur in `search_text` (LIKE).
"""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Model, QuerySet

from timeline.text import normalise_for_matching

MAX_WORDS = 8
# The text search configuration PostgreSQL ships for Arabic (Snowball stemmer).
CONFIG = "arabic"


def query_words(query: str) -> list[str]:
    """The folded words of a search query, at most MAX_WORDS of them."""
    return normalise_for_matching(query or "").split()[:MAX_WORDS]


def search_vector() -> SearchVector:
    """The indexed expression: the GIN index is built on exactly this."""
    return SearchVector("search_text", config=CONFIG)


def uses_full_text(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def search[M: Model](queryset: QuerySet[M], query: str) -> QuerySet[M]:
    """Rows of `queryset` (events or articles) whose title matches every query word.

    An empty query leaves the queryset as it is.
    """
    words = query_words(query)
    if not words:
        return queryset
    if uses_full_text(queryset):
        # alias(), not annotate(): the vector stays out of the SELECT list.
        return queryset.alias(_search=search_vector()).filter(
            _search=SearchQuery(" ".join(words), config=CONFIG, search_type="plain")
        )
    for word in words:
        queryset = queryset.filter(search_text__contains=word)
    return queryset
