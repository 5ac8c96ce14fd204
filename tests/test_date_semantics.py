"""Publication, written, heading and event dates are kept apart (issue 13, item 5)."""

from __future__ import annotations

from witness.claims import build_timeline
from witness.model import Claim, Record, Span
from witness.record import reference_date
from witness.report import format_timeline, timeline_json


def test_reference_date_is_written_then_published_never_the_heading():
    assert reference_date(Record(written="1936-05", date="1937-08-28", heading_date="1938-08")) == "1936-05"
    assert reference_date(Record(date="1937-08-28", heading_date="1938-08")) == "1937-08-28"
    assert reference_date(Record(heading_date="1938-08")) is None


def test_an_undated_claim_is_shown_undated_and_placed_by_its_document():
    arrest = Claim("trotsky-leon", "arrested", evidence=Span(0, 5))             # the text gives no date
    exile = Claim("trotsky-leon", "exiled", date="1928-01", evidence=Span(0, 5))
    tl = build_timeline([(arrest, "memoir", "My Life", "1925"), (exile, "news", "News", "1929")],
                        subject="trotsky-leon")
    lines = format_timeline("trotsky-leon", tl)
    arrest_line = next(line for line in lines if "arrested" in line)
    assert arrest_line.strip().startswith("undated (doc. 1925)")
    assert next(line for line in lines if "exiled" in line).strip().startswith("1928-01")
    js = {e["predicate"]: e for e in map(timeline_json, tl)}
    assert js["arrested"]["claim_date"] is None and js["arrested"]["placed_by"] == "document"
    assert js["exiled"]["claim_date"] == "1928-01" and js["exiled"]["placed_by"] == "claim"
