"""Documents as readers see them: the stored JSON with curators' decisions applied.

The store keeps each version as extracted; merges, splits and links live in their own
tables (store/curation.py).  Every page, export and API answer reads documents here, so a
curation shows on all of them at once, and an undo takes it back everywhere.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Iterator

from ..errors import NotFound
from ..model import Document
from ..store.curation_rules import curate
from ..store.documents import public_json, to_document


class DocumentViews:
    def __init__(self, store) -> None:
        self.store = store

    def resolve(self, id_or_path: str) -> str:
        doc_id = self.store.resolve(id_or_path)
        if doc_id is None:
            raise NotFound(f"no stored document {id_or_path!r}",
                           hint="`witness search` or `witness history ID` lists what is")
        return doc_id

    def _curated(self, data: dict, same: dict | None = None) -> dict:
        data = curate(self.store.curation.rules(), data)
        # Which other documents share the text is archive state (witness.duplicates), never
        # part of a stored version.
        same = self.store.duplicates.same_text_as() if same is None else same
        return {**data, "same_text_as": same.get(data.get("id"), [])}

    def document_json(self, id_or_path: str, version: int | None = None) -> dict:
        doc_id = self.resolve(id_or_path)
        return public_json(self._curated(self.store.documents.stored_json(doc_id, version)))

    def document(self, id_or_path: str, version: int | None = None) -> Document:
        doc_id = self.resolve(id_or_path)
        doc = to_document(self._curated(self.store.documents.stored_json(doc_id, version)))
        doc.extra["versions"] = [asdict(v) for v in self.store.history(doc_id)]
        return doc

    def documents(self, ids=None) -> Iterator[Document]:
        if ids:
            for i in ids:
                yield self.document(i)
            return
        rules = self.store.curation.rules()
        same = self.store.duplicates.same_text_as()
        for data in self.store.documents.iter_json():
            doc = to_document({**curate(rules, data), "same_text_as": same.get(data.get("id"), [])})
            doc.extra["versions"] = [asdict(v) for v in self.store.history(doc.id)]
            yield doc
