"""How faithfully Witness reads other people's TEI (issue 14): one row per file.

    python bench/tei_fidelity.py DIR [DIR…] [--no-nlp] [--markdown]

Every *.xml under the folders is ingested as `witness ingest` would (reader chain, checks,
then — unless --no-nlp — the NLP and claim stages), exported back to TEI and read again.
A file's project is the first folder under the one given (tei-bench/eltec/x.xml → eltec).

Columns:
- status: read, or declined with the reader's reason (every well-formed file must be one);
- text: characters of Witness's text over characters of the file's reading text, both without
  whitespace.  The reading text is computed here independently of the reader: the text of
  <text> without notes, the edition's indexes (listPerson, listPlace, listOrg, listEvent,
  listBibl in <back>…), the edited side of a choice (corr, reg, expan) and an apparatus's
  readings other than the lemma (or, with none, the first reading).  Floor: 0.95–1.05;
- notes: notes Witness keeps / top-level notes in the file's text;
- refs: mentions that still carry the entity the file links (@ref on persName, placeName,
  orgName, rs, name) after the whole default ingest / such elements in the reading text.
  Floor: ≥ 95 % over all files;
- record: which record fields the header filled (t title, a authors, d date, w written,
  p publisher, j periodical, l language, r rights, c addressees, s source);
- valid: the export validates against shared/schemas/tei_all.rng;
- trip: export → read gives the same text, record, notes, mentions, entities, variants,
  findings and claims, and a second export the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lxml import etree  # noqa: E402

from witness.checks import refresh_findings  # noqa: E402
from witness.export.tei import to_tei  # noqa: E402
from witness.ingest import read_path  # noqa: E402
from witness.ingest.base import RawInput, Read  # noqa: E402
from witness.ingest.tei import read as read_tei  # noqa: E402

SCHEMA = Path(os.environ.get("WITNESS_SHARED", ROOT.parent / "shared")) / "schemas" / "tei_all.rng"

_SKIP = {"teiHeader", "standOff", "facsimile", "note", "fw", "listPerson", "listPlace", "listOrg",
         "listEvent", "listRelation", "listNym", "listWit", "witDetail", "gap", "space"}
_EDITED = {"corr", "reg", "expan"}
_MENTION = {"persName", "placeName", "orgName", "rs", "name"}
FIELDS = [("t", "title"), ("a", "authors"), ("d", "date"), ("w", "written"), ("p", "publisher"),
          ("j", "periodical"), ("l", "language"), ("r", "rights"), ("c", "addressees"), ("s", "source_text")]


def _ln(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def reading_text(data: bytes) -> tuple[int, int, int]:
    """(non-space characters of the reading text, top-level notes, @ref mention elements)."""
    parser = etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False, recover=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return 0, 0, 0
    if root is None:
        return 0, 0, 0
    chars = notes = refs = 0
    texts = [t for t in root.iter() if _ln(t) == "text" and not any(_ln(a) == "text" for a in t.iterancestors())]

    def walk(el, in_back: bool) -> None:
        nonlocal chars, notes, refs
        name = _ln(el)
        if name == "note":
            notes += 1
            return
        if name in _SKIP or (in_back and name == "listBibl"):
            return
        if name in _MENTION and el.get("ref"):
            refs += 1
        in_back = in_back or name == "back"
        kids = [c for c in el if isinstance(c.tag, str)]
        if name == "choice" and any(_ln(c) in ("sic", "orig", "abbr") for c in kids):
            kids = [c for c in kids if _ln(c) not in _EDITED]
        if name == "app":
            lem = [c for c in kids if _ln(c) == "lem"]
            rdg = [c for c in kids if _ln(c) == "rdg"]
            kids = lem[:1] or rdg[:1]
        chars += len("".join((el.text or "").split()))
        for c in el:
            if isinstance(c.tag, str):
                if c in kids:
                    walk(c, in_back)
            chars += len("".join((c.tail or "").split()))

    for t in texts:
        for c in t:
            if isinstance(c.tag, str):
                walk(c, False)
            chars += len("".join((c.tail or "").split()))
    return chars, notes, refs


def _raw(data: bytes) -> RawInput:
    return RawInput(Path("roundtrip.xml"), "roundtrip.xml", data, hashlib.sha256(data).hexdigest())


def measure(path: Path, root: Path, schema, nlp: bool) -> dict:
    data = path.read_bytes()
    rel = path.relative_to(root)
    row = {"file": rel.as_posix(), "project": rel.parts[0] if len(rel.parts) > 1 else "-"}
    outcome = read_path(path, root)
    if not isinstance(outcome, Read):
        reasons = getattr(outcome, "reasons", None) or {"": getattr(outcome, "reason", "?")}
        row["status"] = "declined: " + reasons.get("tei", next(iter(reasons.values())))
        return row
    doc = outcome.document
    doc.findings = refresh_findings(doc)
    ref_chars, ref_notes, ref_refs = reading_text(data)
    if nlp:
        from witness.annotate import annotate_many
        doc = next(annotate_many([doc], n_process=1))
    kept = sum(1 for m in doc.mentions if m.origin == "tei" and m.entity)
    mine = len("".join(doc.text.split()))
    row.update(status="read", chars=mine, ref_chars=ref_chars,
               ratio=(mine / ref_chars) if ref_chars else None,
               notes=len(doc.notes), ref_notes=ref_notes, refs_kept=kept, refs=ref_refs,
               record="".join(k for k, f in FIELDS if getattr(doc.record, f)))
    out = to_tei(doc)
    row["valid"] = bool(schema.validate(etree.fromstring(out))) if schema is not None else None
    back = read_tei(_raw(out))
    same = all(getattr(back, f) == getattr(doc, f) for f in
               ("text", "record", "notes", "mentions", "entities", "variants", "findings", "claims"))
    back.id, back.source = doc.id, doc.source
    row["trip"] = same and to_tei(back) == out
    return row


def table(rows: list[dict]) -> list[str]:
    out = ["| project | file | status | text | notes | refs kept | record | valid | trip |",
           "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if r["status"] != "read":
            out.append(f"| {r['project']} | {r['file'].split('/')[-1]} | {r['status']} | | | | | | |")
            continue
        ratio = f"{r['ratio']:.3f}" if r["ratio"] is not None else "–"
        refs = f"{r['refs_kept']}/{r['refs']}" if r["refs"] else "–"
        out.append(f"| {r['project']} | {r['file'].split('/')[-1]} | read | {ratio} | "
                   f"{r['notes']}/{r['ref_notes']} | {refs} | {r['record']} | "
                   f"{'yes' if r['valid'] else 'NO'} | {'yes' if r['trip'] else 'NO'} |")
    read = [r for r in rows if r["status"] == "read"]
    refs = sum(r["refs"] for r in read)
    kept = sum(r["refs_kept"] for r in read)
    ratios = [r["ratio"] for r in read if r["ratio"] is not None]
    out += ["", f"{len(rows)} files from {len({r['project'] for r in rows})} projects: {len(read)} read, "
                f"{len(rows) - len(read)} declined with a reason; text ratio "
                f"{min(ratios):.3f}–{max(ratios):.3f}; @ref links kept {kept}/{refs}"
                f" ({kept / refs:.1%}); valid {sum(1 for r in read if r['valid'])}/{len(read)}; "
                f"round trip {sum(1 for r in read if r['trip'])}/{len(read)}."]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--no-nlp", action="store_true", help="skip the NLP and claim stages")
    args = ap.parse_args(argv)
    schema = etree.RelaxNG(etree.parse(str(SCHEMA))) if SCHEMA.exists() else None
    rows = []
    start = time.perf_counter()
    for folder in args.folders:
        files = sorted(folder.rglob("*.xml"))
        for k, f in enumerate(files, 1):
            rows.append(measure(f, folder, schema, nlp=not args.no_nlp))
            print(f"  {k}/{len(files)} {f.name} ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    print("\n".join(table(rows)))
    bad = [r for r in rows if r["status"] == "read" and r["ratio"] is not None and not 0.95 <= r["ratio"] <= 1.05]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
