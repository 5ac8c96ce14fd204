"""Documents for the export tests: one built by hand with every feature, and corpus pages
enriched with seeded mentions, overlapping findings and claims (the NLP stages are other
workers'; these spans are deliberately nastier than real ones: they cross each other and
paragraph breaks)."""

from __future__ import annotations

import random
import re
from pathlib import Path

from witness.model import (Claim, Document, Entity, Finding, Mention, Note, Record, Source,
                           Span, CERTAINTIES, PREDICATES)


def hand_document() -> Document:
    text = ("The arrest of Yagoda is the sensation of the last few days.[1] It even casts the the "
            "shade over the arrest of Christian Rakowsky.\n\n"
            "A Government communiqué, signed by Kalinin, announced it.\n"
            "<script>alert(1)</script><img src=x onerror=alert(2)> & \x0c done.\n\n"
            "Rumors say Leon Sosnovsky has been shot.")

    def sp(s):
        i = text.index(s)
        return i, i + len(s)

    mentions = [Mention(*sp(s), s, ty, ent) for s, ty, ent in [
        ("Yagoda", "person", "yagoda-genrikh"), ("Christian Rakowsky", "person", "rakovsky-christian"),
        ("Kalinin", "person", "kalinin-mikhail"), ("Leon Sosnovsky", "person", "sosnovsky-lev"),
        ("Government", "organization", None)]]
    findings = [
        Finding("doubled-word", "warning", *sp("the the"), "“the the”: word repeated", "the"),
        Finding("unbalanced-quote", "info", sp("communiqué")[0], sp("Kalinin")[1], "crosses a mention"),
        # crosses the mention "Christian Rakowsky": choice wins, the mention goes to the standOff
        Finding("agreement", "warning", *sp("of Christian"), "crossing suggestion", "of Kristian"),
    ]
    notes = [Note("1", *sp("[1]"), "See Pravda, 12 March.\n\nA second paragraph <b>of</b> the note."),
             Note("2", 0, 0, "A note never called.", called=False)]
    entities = [
        Entity("yagoda-genrikh", "person", "Genrikh Yagoda", ["Henry Yagoda"], "1891-11-07",
               "1938-03-15", {"wikidata": "Q191671"}),
        Entity("rakovsky-christian", "person", "Christian Rakovsky", ["Rakowsky", "Раковский"],
               "1873-08-13", "1941-09-11"),
        Entity("sosnovsky-lev", "person", "Lev Sosnovsky", [], "1886", None, {"wikidata": None}, True),
        Entity("kalinin-mikhail", "person", "Mikhail Kalinin"),
        Entity("moscow", "place", "Moscow"),
    ]
    claims = [
        Claim("rakovsky-christian", "arrested", None, "1937", None, "confirmed", None,
              Span(*sp("It even casts the the shade over the arrest of Christian Rakowsky."))),
        Claim("sosnovsky-lev", "executed", None, None, "moscow", "rumored", "Rumors",
              Span(*sp("Rumors say Leon Sosnovsky has been shot."))),
        Claim("yagoda-genrikh", "charged", "Malfeasance in office", None, None, "reported",
              "Government communiqué signed by Kalinin",
              Span(sp("A Government")[0], sp("Rumors")[1])),   # spans a paragraph break
    ]
    record = Record(authors=["Victor Serge"], title="The End of Henry Yagoda",
                    subtitle="Stalin Imprisons the Head of the G.P.U.", date="1937-08-28",
                    date_text="28 August 1937", heading_date="1938-08",
                    heading_date_text="(August 1938)", periodical="Socialist Appeal", volume="1",
                    issue="3", pages="9", transcribed_by=["Einde O’Callaghan"],
                    marked_up_by=["Einde O’Callaghan"], rights="Public Domain",
                    last_updated="2018-07-27", source_text="From Socialist Appeal, Vol. 1 No. 3",
                    empty_fields=["proofread_by"])
    return Document("serge-1937-08-yagoda",
                    Source("archive/serge/1937/08/yagoda.htm", "mia-html", "ab" * 32, "iso-8859-1"),
                    record, text, notes, findings, mentions, entities, claims)


def enrich(doc: Document, seed: int = 0) -> Document:
    """Add seeded mentions, entities, findings (some crossing, some suggested) and claims."""
    rnd = random.Random(seed)
    words = list(re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", doc.text))[:80]
    types = ["person", "person", "organization", "place", "date", "work", "event", "periodical"]
    ents: dict[str, Entity] = {}
    for m in words:
        if rnd.random() < 0.6:
            t = rnd.choice(types)
            eid = None
            if t != "date" and rnd.random() < 0.8:
                eid = re.sub(r"[^a-z0-9]+", "-", m.group().lower())
                if rnd.random() < 0.1:
                    eid = "1" + eid          # not an XML name: must still round-trip
                ents.setdefault(eid, Entity(eid, t, m.group(), [m.group().upper()],
                                            "1870-01-0" + str(rnd.randint(1, 9)) if t != "date" else None,
                                            rnd.choice([None, "1938", "1937-02-30"])))
            doc.mentions.append(Mention(m.start(), m.end(), m.group(), t, eid))
    n = len(doc.text)
    for k in range(min(25, n // 40)):
        s = rnd.randrange(0, max(1, n - 30))
        e = min(n, s + rnd.randint(0, 25))
        sugg = rnd.choice([None, doc.text[s:e].upper(), ""])
        doc.findings.append(Finding(rnd.choice(["doubled-word", "mojibake", "agreement"]),
                                    rnd.choice(["error", "warning", "info"]), s, e,
                                    f"finding {k} <b>&</b>", sugg))
    ids = list(ents)
    for k in range(min(8, len(ids))):
        s = rnd.randrange(0, max(1, n))
        e = min(n, s + rnd.randint(0, 400))
        doc.claims.append(Claim(rnd.choice(ids), rnd.choice(PREDICATES),
                                rnd.choice([None, rnd.choice(ids), "ten years <hard labour>"]),
                                rnd.choice([None, "1937", "1937-03", "1937-03-28", "last July"]),
                                rnd.choice([None, rnd.choice(ids)]), rnd.choice(CERTAINTIES),
                                rnd.choice([None, "Pravda"]), Span(s, e)))
    doc.entities = list(ents.values())
    return doc


def corpus_sample(corpus_root: Path, n: int = 24, seed: int = 6) -> list[Document]:
    """n real documents read from the corpus (seeded choice, always including the seed page)."""
    from witness.ingest import read_path
    from witness.ingest.base import Read

    files = sorted(p for p in corpus_root.rglob("*") if p.suffix in (".htm", ".html"))
    rnd = random.Random(seed)
    picks = [corpus_root / "archive/serge/1937/08/yagoda.htm"] + rnd.sample(files, n * 2)
    docs = []
    for p in picks:
        out = read_path(p, corpus_root)
        if isinstance(out, Read):
            docs.append(out.document)
        if len(docs) == n:
            break
    return docs
