"""A tantivy side index that answers ranked text queries faster than FTS5 or tsvector (see
docs/performance.md), without ever being the source of truth.

The database (SQLite or PostgreSQL) stays authoritative: every put appends the document's
row to `search_log` in the same transaction, in commit order (db.py).  The side index records, in a small state file written after each of its
commits, which archive it belongs to and the last log entry it has applied.  A search
that finds it behind takes in a few entries itself when the index's writer is free;
otherwise it answers from the index as it is, saying so, while the index catches up in the
background (search_service.py).  A crash at any moment therefore costs speed, never results:
uncommitted index work is simply re-applied (deleting and re-adding a rowid is idempotent),
and an index from another archive, a missing or damaged one, is rebuilt from SQLite.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import tantivy

from .. import search as qlang

STATE = "witness-state.json"
HEAP = 128_000_000
# Catching up after a whole-corpus ingest is the only work left by then: both cores index.
THREADS = max(1, min(2, os.cpu_count() or 1))
BULK = 1000                 # log entries behind from which a catch-up uses THREADS threads
_CHUNK = 200
_pool: tuple[int, ThreadPoolExecutor] | None = None
_pool_lock = threading.Lock()


def _new_lock_in_child() -> None:
    global _pool_lock
    _pool_lock = threading.Lock()      # a lock held by a parent's thread at fork is never released


os.register_at_fork(after_in_child=_new_lock_in_child)


def _facet_pool() -> ThreadPoolExecutor:
    """This process's facet threads (a forked child must not inherit its parent's: the
    threads are not there).  Locked: two request threads arriving first would each make one."""
    global _pool
    with _pool_lock:
        if _pool is None or _pool[0] != os.getpid():
            _pool = (os.getpid(), ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="witness-facets"))
        return _pool[1]


_FIELDS = (("title", 10.0), ("authors", 4.0), ("body", 1.0))     # same weights as the FTS5 bm25


def _analyzer():
    # Lower-case and fold Latin accents like FTS5's unicode61 remove_diacritics; Cyrillic kept.
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(60)).filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold()).build())


def _schema():
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("rowid", stored=True, indexed=True, fast=True)
    for name, _ in _FIELDS:
        sb.add_text_field(name, tokenizer_name="fold")
    sb.add_text_field("author_f", tokenizer_name="raw", fast=True)
    sb.add_text_field("periodical_f", tokenizer_name="raw", fast=True)
    sb.add_text_field("entity", tokenizer_name="raw")
    sb.add_integer_field("year", indexed=True, fast=True)
    sb.add_integer_field("decade", indexed=True, fast=True)
    sb.add_integer_field("has_findings", indexed=True, fast=True)
    return sb.build()


class TantivyIndex:
    def __init__(self, directory: Path, archive_id: str):
        self.dir = Path(directory)
        self.archive_id = archive_id
        self.schema = _schema()
        self.analyzer = _analyzer()
        self.index = None
        self._loaded: int | None = None      # log position of the index state last reloaded
        self._open()

    def _open(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        try:
            self.index = tantivy.Index(self.schema, path=str(self.dir), reuse=True)
        except ValueError:
            # Damaged or of an older schema: it is only a cache of SQLite, start again.
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir.mkdir(parents=True)
            self.index = tantivy.Index(self.schema, path=str(self.dir), reuse=False)
        self.index.register_tokenizer("fold", self.analyzer)

    # ---- consistency -------------------------------------------------------------------

    def applied(self) -> int | None:
        """Log position this index reflects, or None when it is not this archive's index."""
        try:
            state = json.loads((self.dir / STATE).read_text())
        except (OSError, ValueError):
            return None
        return state.get("applied") if state.get("archive") == self.archive_id else None

    def behind(self, db) -> int | None:
        """Log entries this index has not applied (0: current), or None when it holds no
        state of this archive.  Reloads when another process committed to it."""
        applied = self.applied()
        if applied is None:
            return None
        head = db.log_head()
        if applied > head:
            return None
        if applied != self._loaded:
            # Another process committed to the index: see its commit before searching, and
            # check that it holds what its state says (a lost file shows here).
            self.index.reload()
            self._verify()
            self._loaded = applied
        return head - applied

    def _verify(self) -> None:
        try:
            want = json.loads((self.dir / STATE).read_text()).get("docs")
        except (OSError, ValueError):
            return
        have = self.index.searcher().num_docs
        # Fewer is damage; more is another process's commit whose state is not written yet.
        if want is not None and have < want:
            raise ValueError(f"the index holds {have} documents, its state says {want}")

    def is_current(self, db) -> bool:
        return self.behind(db) == 0

    def reset(self) -> bool:
        """Throw the index away and start an empty one (it is rebuilt by the next sync).
        False when another process holds its writer."""
        try:
            writer = self.index.writer(15_000_000, 1)
        except ValueError:
            return False
        del writer
        self.index = None
        import gc
        gc.collect()            # the writer's lock file goes with the object
        shutil.rmtree(self.dir, ignore_errors=True)
        self._loaded = None
        self._open()
        return True

    def try_sync(self, db) -> bool:
        return self.sync(db)

    def sync(self, db) -> bool:
        """Catch up with the database.  False when another process holds the index writer
        (that process will catch up itself); never waits."""
        if self.is_current(db):
            return True
        # Many documents to index (after an ingest): nothing else is left to do by then, so
        # every core indexes (whole corpus: 16.8 → 15.0 s).  A few: one thread, one segment.
        threads = THREADS if db.log_head() - (self.applied() or 0) > BULK else 1
        try:
            writer = self.index.writer(HEAP, threads)
        except ValueError:
            return False
        # Holding the writer, read the state again (another process may just have caught up),
        # then the head and the rows in one snapshot.
        with db.snapshot():
            head = db.log_head()
            applied = self.applied()
            if applied == head:
                del writer
                self.index.reload()
                self._loaded = head
                return True
            rebuild = applied is None or applied > head
            try:
                if rebuild:
                    writer.delete_all_documents()
                    rowids = [r[0] for r in db.all("SELECT rowid FROM documents ORDER BY rowid")]
                else:
                    rowids = [r[0] for r in db.all(
                        "SELECT DISTINCT doc_rowid FROM search_log WHERE seq > ? AND seq <= ? ORDER BY 1",
                        (applied, head))]
                for i in range(0, len(rowids), _CHUNK):
                    self._apply(db, writer, rowids[i:i + _CHUNK], delete_first=not rebuild)
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                writer.rollback()
                raise
        self.index.reload()
        tmp = self.dir / (STATE + ".tmp")
        tmp.write_text(json.dumps({"archive": self.archive_id, "applied": head,
                                   "docs": self.index.searcher().num_docs}))
        os.replace(tmp, self.dir / STATE)
        self._loaded = head
        return True

    def _apply(self, db, writer, rowids: list[int], delete_first: bool) -> None:
        marks = ",".join("?" * len(rowids))
        rows = db.all(
            "SELECT d.rowid, t.title, t.authors, t.body, d.authors, d.periodical, d.year, d.n_findings"
            f" FROM documents d JOIN doc_text t ON t.rowid = d.rowid WHERE d.rowid IN ({marks})", rowids)
        entities: dict[int, list[str]] = {}
        for rowid, entity in db.all(
                f"SELECT DISTINCT doc_rowid, entity_id FROM mentions WHERE doc_rowid IN ({marks})"
                " AND entity_id IS NOT NULL", rowids):
            entities.setdefault(rowid, []).append(entity)
        if delete_first:
            for rowid in rowids:
                writer.delete_documents_by_term("rowid", rowid)
        for rowid, title, authors_text, body, authors, periodical, year, n_findings in rows:
            fields = {"rowid": rowid, "title": title, "authors": authors_text, "body": body,
                      "has_findings": int(n_findings > 0)}
            names = json.loads(authors)
            if names:
                fields["author_f"] = names
            if periodical:
                fields["periodical_f"] = periodical
            if year is not None:
                fields["year"], fields["decade"] = year, year // 10 * 10
            if rowid in entities:
                fields["entity"] = entities[rowid]
            writer.add_document(tantivy.Document(**fields))

    # ---- search ------------------------------------------------------------------------

    def _term(self, term: qlang.Term):
        q, s = tantivy.Query, self.schema
        tokens = self.analyzer.analyze(" ".join(term.words))
        if not tokens:
            return q.empty_query()
        per_field = []
        for name, boost in _FIELDS:
            if term.prefix and len(tokens) == 1:
                one = q.regex_query(s, name, re.escape(tokens[0]) + ".*")
            elif term.prefix:
                one = q.phrase_prefix_query(s, name, tokens)
            elif len(tokens) > 1:
                one = q.phrase_query(s, name, tokens)
            else:
                one = q.term_query(s, name, tokens[0])
            per_field.append((tantivy.Occur.Should, q.boost_query(one, boost)))
        return q.boolean_query(per_field)

    def _tree(self, node):
        Occur, q = tantivy.Occur, tantivy.Query
        if isinstance(node, qlang.Term):
            return self._term(node)
        if isinstance(node, qlang.Or):
            return q.boolean_query([(Occur.Should, self._tree(i)) for i in node.items])
        return q.boolean_query([(Occur.Must, self._tree(i)) for i in node.items] +
                               [(Occur.MustNot, self._tree(i)) for i in node.excluded])

    def search(self, parsed: qlang.Query, *, authors: list[str] | None, periodicals: list[str] | None,
               date_from: int | None, date_to: int | None, has_findings: bool | None, person: str | None,
               limit: int, offset: int, facet_size: int, exclude: list[int] = ()):
        """(total, [(score, rowid)] for the page, facets).  `authors`/`periodicals`: the exact
        names a filter matched (None = no filter)."""
        Occur, q, s = tantivy.Occur, tantivy.Query, self.schema
        must = [(Occur.Must, self._tree(parsed.tree))]
        for field, names in (("author_f", authors), ("periodical_f", periodicals)):
            if names is not None:
                if not names:
                    return 0, [], {"author": [], "decade": [], "periodical": [], "has_findings": []}
                must.append((Occur.Must, q.term_set_query(s, field, names)))
        if date_from is not None or date_to is not None:
            must.append((Occur.Must, q.range_query(s, "year", tantivy.FieldType.Integer,
                                                   date_from if date_from is not None else -10**6,
                                                   date_to if date_to is not None else 10**6)))
        if has_findings is not None:
            must.append((Occur.Must, q.term_query(s, "has_findings", int(has_findings))))
        if person:
            must.append((Occur.Must, q.term_query(s, "entity", person)))
        if exclude:     # duplicates of a text listed through another document
            must.append((Occur.MustNot, q.term_set_query(s, "rowid", list(exclude))))
        query = q.boolean_query(must)
        searcher = self.index.searcher()
        # The facets are a second pass over every match; tantivy releases the GIL, so it runs
        # beside the ranking pass (a common phrase matches half of a 100k archive).
        facets_done = _facet_pool().submit(searcher.aggregate, query, {
            "author": {"terms": {"field": "author_f", "size": 200}},
            "periodical": {"terms": {"field": "periodical_f", "size": 200}},
            "decade": {"terms": {"field": "decade", "size": 100}},
            "has_findings": {"terms": {"field": "has_findings", "size": 2}}})
        result = searcher.search(query, max(limit, 1), count=True, offset=offset)
        page = [(score, searcher.doc(address)["rowid"][0]) for score, address in result.hits][:limit]
        aggs = facets_done.result()

        def buckets(name):
            return [(b["key"], b["doc_count"]) for b in aggs.get(name, {}).get("buckets", [])]

        def top(items):
            return sorted(items, key=lambda kv: (-kv[1], kv[0]))[:facet_size]

        facets = {"author": top(buckets("author")),
                  "decade": sorted((f"{int(k)}s", n) for k, n in buckets("decade")),
                  "periodical": top(buckets("periodical")),
                  "has_findings": top((str(int(k)), n) for k, n in buckets("has_findings"))}
        return result.count, page, facets
