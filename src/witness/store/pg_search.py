"""PostgreSQL's own text index (a tsvector column with a GIN index), the fallback of the
tantivy side index; unlike FTS5 it is always current (a generated column)."""

from __future__ import annotations

from .. import search as qlang
from ..errors import BadQuery
from .search_service import SearchService


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def to_tsquery(node) -> str:
    """The parsed query in to_tsquery syntax; every word quoted, so nothing typed is an operator."""
    if isinstance(node, qlang.Term):
        words = [_lexeme(w) for w in node.words]
        if node.prefix:
            words[-1] += ":*"
        return "(" + " <-> ".join(words) + ")"
    if isinstance(node, qlang.Or):
        return "(" + " | ".join(to_tsquery(i) for i in node.items) + ")"
    if not node.items:
        raise BadQuery("the query only excludes words")
    out = " & ".join(to_tsquery(i) for i in node.items)
    for ex in node.excluded:
        out += " & !" + to_tsquery(ex)
    return "(" + out + ")"


class TsvectorSearch(SearchService):
    name = "tsvector"

    def _rank_fallback(self, parsed: qlang.Query) -> list[tuple[float, int]]:
        q = to_tsquery(parsed.tree)
        with self.db.lock:
            rows = self.db.all("WITH q AS (SELECT to_tsquery('simple', witness_fold(?)) AS q)"
                               " SELECT rowid, ts_rank(tsv, q.q, 1) FROM doc_text, q WHERE tsv @@ q.q", (q,))
        return [(-float(score), rowid) for rowid, score in rows]
