"""What the command line says to people: rule explanations, --help with examples, progress
by stage with plurals and units, and the selections commands refuse."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from witness.checks import RULES, run_checks
from witness.checks.explain import EXPLANATIONS, explain_text
from witness.cli import cli
from witness.model import Document, Record, Source
from witness.pipeline import IngestSummary, ingest
from witness.progress import Stages, plural, rate, size, summary_lines

ENGLISH = ("This is the body of a document that is written in English, and it was read from "
           "a page of the archive by the reader for the purpose of these tests. ")


def test_every_rule_is_explained_and_every_text_example_is_found_by_its_rule():
    assert set(EXPLANATIONS) == set(RULES)
    for e in EXPLANATIONS.values():
        assert e.what and e.fix and e.not_an_error and e.example
        if e.example_is_text:
            doc = Document("t", Source("t.txt", "text", "0"), Record(), ENGLISH + "\n\n" + e.example)
            assert run_checks(doc, rules=[e.rule]), f"{e.rule}: its example is not found"


def test_check_explain_and_rules():
    runner = CliRunner()
    out = runner.invoke(cli, ["check", "--explain", "broken-hyphenation"]).output
    assert out.startswith("broken-hyphenation (warning)") and "Example: The revo- lution" in out
    assert "What to do:" in out and "Not an error when:" in out
    listed = runner.invoke(cli, ["check", "--rules"]).output
    assert all(rule in listed for rule in RULES)
    bad = runner.invoke(cli, ["check", "--explain", "no-such-rule"])
    assert bad.exit_code == 1 and "the rules are: agreement" in bad.output


def commands(group: click.Group, path=()):
    for name, cmd in group.commands.items():
        yield (*path, name), cmd
        if isinstance(cmd, click.Group):
            yield from commands(cmd, (*path, name))


def test_every_command_explains_itself_with_an_example():
    runner = CliRunner()
    for path, cmd in commands(cli):
        if isinstance(cmd, click.Group) and path[0] in ("entity",) and len(path) > 1:
            continue
        out = runner.invoke(cli, [*path, "--help"]).output
        if path[0] == "entity" and len(path) > 1:
            assert len(out.split("\n\n")) >= 2, path            # curators' subcommands: a description
            continue
        assert "Example" in out, f"witness {' '.join(path)} --help has no example"
    search = runner.invoke(cli, ["search", "--help"]).output
    for syntax in ('"permanent revolution"', "bolshevi*", "stalin OR trotsky", "NOT", "(stalin OR trotsky)"):
        assert syntax in search
    bad = runner.invoke(cli, ["search", "x", "--from", "notayear"])
    assert bad.exit_code == 2 and "'notayear' is not a year: give one like 1936" in bad.output


def test_export_epub_needs_a_selection(tmp_path):
    out = CliRunner().invoke(cli, ["--db", str(tmp_path / "e.db"), "export", "epub", "--out", str(tmp_path / "b.epub")])
    assert out.exit_code == 2 and "give document IDS, --author or --query" in out.output
    assert not (tmp_path / "b.epub").exists()


def test_units_and_plurals():
    assert plural(1, "file") == "1 file" and plural(2, "file") == "2 files" and plural(1200, "match", "matches") \
        == "1,200 matches"
    assert size(812) == "812 B" and size(3_400_000) == "3.4 MB" and size(68_500) == "68.5 kB"
    assert rate(3.4, 69.7, "MB") == "0.049 MB/s"              # never "0.0 MB/s"
    assert rate(104, 69.7, "files") == "1.5 files/s" and rate(5000, 2, "files") == "2,500 files/s"


def test_ingest_reports_every_stage(tmp_path):
    from witness.store import open_store
    pages = tmp_path / "pages"
    pages.mkdir()
    for k in range(3):
        (pages / f"p{k}.txt").write_text(f"Title {k}\n\n" + ENGLISH * 3 + f" It was was number {k}.",
                                         encoding="utf-8")
    (pages / "empty.txt").write_text("", encoding="utf-8")
    seen = []

    class Recording(Stages):
        def changed(self, stage):
            seen.append((stage.name, stage.done, stage.total))

    with open_store(tmp_path / "s.db") as store:
        stages = Recording()
        summary = ingest(store, [pages], nlp=False, workers=1, progress=stages)
        again = ingest(store, [pages], nlp=False, workers=1, progress=False)
    names = [s.name for s in summary.stages]
    assert names == ["read", "write", "index", "duplicates"]
    by = {s.name: s for s in summary.stages}
    assert by["read"].done == 4 and by["write"].done == 3 and by["index"].done == 3
    assert ("read", 4, 4) in seen and ("write", 3, 3) in seen
    lines = summary_lines(summary)
    assert lines[0].startswith("4 files (") and "3 new, 0 updated (a new version), 0 unchanged, 0 skipped, 1 failed" in lines[0]
    assert any(line.startswith("  read   4 files in ") and "3 documents read" in line and "1 failed" in line
               for line in lines)
    assert any(line.startswith("  write  3 documents in ") for line in lines)
    assert any(line.startswith("  FAILED empty.txt") or "FAILED" in line and "empty.txt" in line for line in lines)
    again_lines = summary_lines(again)
    assert "3 unchanged since the last ingest (same sha256, not read again)" in again_lines[1]
    assert any("nothing new to index" in line for line in again_lines)


def test_reprocess_summary_says_what_was_redone():
    s = IngestSummary(files=103, updated=5, unchanged=98, kind="reprocess", seconds=86.0)
    stages = Stages()
    for name, n in (("NLP", 103), ("write", 103), ("index", 5)):
        st = stages.stage(name, n)
        st.advance(n)
        st.finish()
    s.stages = stages.stages
    lines = summary_lines(s)
    assert lines[0] == "Re-annotated 103 documents in 1 min 26 s: 5 changed (stored as a new version), 98 unchanged."
    assert "5 with new annotations, 98 as they were" in lines[2]
    assert "5 documents added to the search index" in lines[3]


@pytest.mark.parametrize("rule", sorted(EXPLANATIONS))
def test_explain_text_names_the_severity(rule):
    assert explain_text(rule).startswith(f"{rule} ({RULES[rule].severity}): ")
