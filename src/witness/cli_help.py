"""The `--help` texts of every command: what it does, its arguments, and examples.

Kept apart from cli.py so the commands stay a few lines each; `install(cli)` puts these
texts on the click commands (and fills the help of options that have none).  Paragraphs
starting with "\\b" are printed as written (click does not rewrap them).
"""

from __future__ import annotations

import click

QUERY_SYNTAX = """\b
Query syntax:
  revolution trotsky          both words (AND is implied)
  "permanent revolution"      an exact phrase
  bolshevi*                   words starting with "bolshevi" (2 letters at least)
  stalin OR trotsky           either word (OR binds looser than AND)
  revolution NOT russia       without a word (also: revolution -russia)
  (stalin OR trotsky) trial   grouping with parentheses
Case and accents are ignored (Raskolnikov = raskolnikov, Rákosi = Rakosi). Common
words such as "the" or "of" are dropped outside quotes."""

# command path ("search", "export epub", "entity merge") → (help, epilog)
TEXTS: dict[str, tuple[str, str]] = {
    "": ("""Witness: ingest, check, search and publish historical documents.

Every command works on one archive: a SQLite file (default ./witness.db) or a
PostgreSQL URL, chosen with --db or the WITNESS_DB environment variable. Run
`witness COMMAND --help` for the arguments and examples of each command.""",
         """\b
Examples:
  witness ingest pages/                       read a folder into ./witness.db
  witness search '"Left Opposition"' --from 1928 --to 1933
  witness check serge-1937-08-yagoda          a page's transcription findings
  witness --db other.db stats                 another archive
  witness serve                               the reading room at http://127.0.0.1:8000/"""),

    "ingest": ("""Read files or folders into the archive.

PATHS are files or folders; folders are read recursively (MIA HTML pages,
plain-text exports and TEI files; images, scripts and index pages are skipped
with a reason). Each document is checked for transcription slips and, unless
--no-nlp, its persons, places and claims are extracted.

A file already stored with the same content (sha256) is not read again; a
changed file is stored as a new version, the old one is kept. A bar per stage
(read, NLP, write, index) shows counts, rate and time left on stderr, and a
summary per stage is printed at the end.

\b
Exit status:
  0  every file was stored, unchanged or skipped with a reason
  3  some files failed (they are listed; the others were stored)
  1  an error stopped the ingest (e.g. the archive cannot be opened)
  2  usage error (e.g. a path that does not exist)""",
               """\b
Examples:
  witness ingest archive/serge/                    a folder, recursively
  witness ingest page.htm notes.txt                single files
  witness ingest --no-nlp corpus/                  fast: records and checks only
  witness ingest --quiet corpus/ > summary.txt     no bars, summary only"""),

    "check": ("""Transcription findings of a document, and what each check rule means.

TARGET is a file on disk (read and checked now, with the same rules as an
ingest) or the id or source path of a stored document (its stored findings,
with the verdicts volunteers gave them: exactly what the reading room shows).

Without TARGET, lists the findings of the whole archive grouped by document
(use --rule to work through one rule). --explain RULE tells what a rule
finds, with an example and what to do about it; --rules lists the rules.""",
              """\b
Examples:
  witness check archive/serge/1937/08/yagoda.htm    a file on disk
  witness check serge-1937-08-yagoda --json         a stored document, as JSON
  witness check --rule doubled-word                 every page with a doubled word
  witness check --explain unbalanced-quote          what the rule means
  witness check --rules                             every rule, one line each"""),

    "search": ("""Full-text search of the archive, ranked, with highlighted snippets.

QUERY is words, phrases and operators (below); it may be left out when a filter
is given. --person takes a person's id or any spelling of their name, in any
script (Rakovsky, Rakowsky, Раковский), and finds the documents that mention
them. --from and --to are years (inclusive) of the documents' dates.

""" + QUERY_SYNTAX,
               """\b
Examples:
  witness search Yagoda
  witness search '"Moscow trials"' --from 1936 --to 1938
  witness search 'Rakovsky "Left Opposition"' --author Serge
  witness search 'trotsk* NOT Stalin' --limit 50 --json
  witness search --person Раковский                 any spelling or script
  witness search --periodical "Socialist Appeal" --from 1937"""),

    "show": ("""Show a stored document: its record, then its text (or its whole JSON).

DOC_ID is a document id (as `witness search` prints it) or its source path.
--version N shows an older version (see `witness history`).""",
             """\b
Examples:
  witness show serge-1937-08-yagoda
  witness show archive/serge/1937/08/yagoda.htm --json
  witness show serge-1937-08-yagoda --version 1"""),

    "history": ("""Every stored version of a document, oldest first (* marks the current one).

DOC_ID is a document id or its source path. Each line gives the version
number, when it was ingested, its sha256 and the path it was read from.""",
                """\b
Example:
  witness history serge-1937-08-yagoda
  witness show serge-1937-08-yagoda --version 1     then read an older version"""),

    "stats": ("""Counts of the archive: documents and versions by format, decade, author and
periodical; files skipped or failed with their reasons; transcription
findings by rule, with those volunteers marked "not an error" or "fixed"
counted apart.""",
              """\b
Examples:
  witness stats
  witness stats --json | jq .findings"""),

    "reprocess": ("""Run the NLP and claim stages again over every stored document.

No file is read: the stored text is annotated again (after an update of the
extractor or of the authority file). A document whose annotations changed is
stored as a new version; the others stay as they were. Shows a bar for NLP,
write and index, and a summary of what changed. --claims-only keeps the stored
mentions and entity links and recomputes the claims from them (after an update
of the claim rules: minutes instead of the NLP's half hour).""",
                  """\b
Examples:
  witness reprocess
  witness reprocess --claims-only
  witness reprocess --quiet"""),

    "person": ("""A person: name, spellings, life dates, documents, co-mentioned persons.

NAME_OR_ID is an entity id (trotsky-leon) or any spelling of the name in any
script (Trotsky, Trotzki, Троцкий). --timeline lists every claim about the
person in date order, with the certainty each source gives (a rumor stays a
rumor).""",
               """\b
Examples:
  witness person Rakowsky
  witness person Rakovsky --timeline
  witness person trotsky-leon --json"""),

    "contradictions": ("""Claims about a person that cannot all hold, each with its sources.

Nothing is resolved automatically: both sides are shown with their quotes.
Each contradiction has a key; a curator can record a verdict on it (see
`witness verdict`), and contradictions marked as artefacts are counted but
left out of the list.""",
                       """\b
Examples:
  witness contradictions
  witness contradictions --person Zinoviev
  witness contradictions --json > contradictions.json"""),

    "export": ("""Export documents as JSON, TEI P5, EPUB 3, CSV or JSON Lines.""",
               """\b
Examples:
  witness export json --out out/ serge-1937-08-yagoda
  witness export tei --out tei/
  witness export epub --out serge.epub --author "Victor Serge"
  witness export csv --out records.csv
  witness export claims --format jsonl --out claims.jsonl"""),

    "export json": ("""One <id>.json file per document, in the shape of spec/document-json.md.

IDS are document ids or source paths; none exports every document.""",
                    """\b
Examples:
  witness export json --out out/
  witness export json --out out/ serge-1937-08-yagoda serge-1937-10-envoy"""),

    "export tei": ("""One TEI P5 file per document (valid against tei_all).

IDS are document ids or source paths; none exports every document.""",
                   """\b
Example:
  witness export tei --out tei/ serge-1937-08-yagoda"""),

    "export epub": ("""One EPUB 3 book, a chapter per document.

A selection is required: document IDS, an author's documents (--author) or the
documents a search finds (--query, the syntax of `witness search`). --title
names the book (default: the author, the query or the single document's
title).""",
                    """\b
Examples:
  witness export epub --out serge.epub --author "Victor Serge"
  witness export epub --out trials.epub --query '"Moscow trials"'
  witness export epub --out one.epub serge-1937-08-yagoda --title "The End of Yagoda\""""),

    "export csv": ("""One row per document with its record (title, authors, dates, periodical…).

IDS are document ids or source paths; none exports every document.""",
                   """\b
Example:
  witness export csv --out records.csv"""),

    "export jsonl": ("""The document JSON, one document per line.

IDS are document ids or source paths; none exports every document.""",
                     """\b
Example:
  witness export jsonl --out archive.jsonl"""),

    "export claims": ("""One row per claim (who, what, when, where, certainty, quote) with the
citation of its document.""",
                      """\b
Examples:
  witness export claims --out claims.csv
  witness export claims --format jsonl --out claims.jsonl"""),

    "publish": ("""Write a static edition of the archive to a folder.

The edition works from any file server and straight from the disk (file://):
an index of authors, years and persons, a page per document (text, notes,
claims, findings, versions and a link to the original page), a page per person,
and a search page with snippets that needs no server.""",
                """\b
Examples:
  witness publish --out site/
  witness publish --out site/ --title "Victor Serge in the MIA"
  chromium site/index.html"""),

    "serve": ("""Serve the reading room and the JSON API.

Binds to 127.0.0.1 unless --host says otherwise. The API is documented at
/docs (served locally, no internet needed). Set WITNESS_TOKEN to let curators
and volunteers sign in to mark findings and contradictions.""",
              """\b
Examples:
  witness serve                                 http://127.0.0.1:8000/
  witness serve --port 8080
  WITNESS_TOKEN=s3cret witness serve            with curation enabled
  witness serve --host 0.0.0.0 --workers 2      on the network, two processes"""),

    "duplicates": ("""Groups of documents with the same or nearly the same text.

The same text read twice — a page and its plain-text export, a reprint in another folder —
is recognised by comparing word sequences (MinHash over 5-word shingles, confirmed by an
exact Jaccard of 0.8 or more). Lists and contradictions count such a group as one source.
Brings the comparison up to date first (an ingest and a reprocess also do).""",
                   """\b
Examples:
  witness duplicates
  witness duplicates --json | jq '.items[0].members'"""),

    "migrate": ("""Copy this archive (--db) to another backend.

Every version of every document, the curation log, the ingest outcomes, the verdicts on
findings and contradictions with their log, the old ids and paths that still resolve, and
the same-text groups are copied into an empty archive (a SQLite file or a PostgreSQL
database); the counts, a checksum over every (id, version, sha256) and one over the
curation, verdicts, aliases and same-text index are computed on both sides and printed.""",
                """\b
Examples:
  witness --db archive.db migrate --to postgresql:///witness?host=/tmp
  witness --db postgresql:///witness?host=/tmp migrate --to copy.db"""),

    "verdict": ("""Judge what the checks and the claims found: one mechanism for both.

A volunteer marks a transcription finding "not-an-error" or "fixed"; a curator
marks a contradiction "artefact" (of the extraction, with its cause) or
"real". Each verdict is kept with who gave it, when and a note, and every change
is logged. Verdicts are keyed by a fingerprint of the item (the rule or the
contradiction, the document, the quoted words), so they hold across re-ingests,
new versions where the words are unchanged, and `witness reprocess`.""",
                """\b
Examples:
  witness check serge-1937-08-yagoda                   findings, numbered, with keys
  witness verdict set serge-1937-08-yagoda#1 not-an-error --note "historical present"
  witness contradictions                               contradictions with their keys
  witness verdict set 9f311259 artefact --cause certainty --note "denies another verb"
  witness verdict list --kind contradiction
  witness verdict log"""),

    "verdict set": ("""Mark REF with VERDICT (replacing an earlier verdict on it).

REF is DOC#N — finding N of a document, as `witness check DOC` numbers them — or
the key of a finding or a contradiction (as `witness check` and `witness
contradictions` print it), or a unique start of a key (6 characters or more).
VERDICT is not-an-error or fixed for a finding, artefact or real for a
contradiction. An artefact needs --cause: date, subject, certainty, linking,
reading or other.""",
                    """\b
Examples:
  witness verdict set serge-1937-08-yagoda#3 fixed --note "corrected on the MIA page"
  witness verdict set c50ec0d8 real --by "J. Historian"
  witness verdict set bf3dcc20 artefact --cause certainty"""),

    "verdict clear": ("""Withdraw the verdict on REF: the item is open again (the log keeps both).""",
                      """\b
Example:
  witness verdict clear serge-1937-08-yagoda#3 --note 'not corrected yet'"""),

    "verdict list": ("""The verdicts in force, newest first, with who gave them and their notes.""",
                     """\b
Examples:
  witness verdict list
  witness verdict list --kind finding --json"""),

    "verdict log": ("""Every verdict given or withdrawn, oldest first; of one item when REF is given.""",
                    """\b
Examples:
  witness verdict log
  witness verdict log serge-1937-08-yagoda#1"""),

    "entity": ("""Curate entities: list, show, merge, split, link, undo, log, export-authority.

Every operation is logged with who and when, and can be undone (`entity undo`).""",
               """\b
Examples:
  witness entity list --provisional
  witness entity merge rakovsky-christian rakowsky
  witness entity undo"""),
}

OPTION_HELP = {
    "json": "Print JSON instead of text.",
    "as_json": "Print JSON instead of text.",
    "quiet": "No progress bars (the summary is still printed).",
    "limit": "At most this many results.",
    "author": "Only documents by this author (whole words; case and accents ignored).",
    "periodical": "Only documents from this periodical (whole words).",
    "query": "The documents a search finds (syntax of `witness search`).",
    "title": "Title of the book or edition.",
    "out_dir": "Folder to write into (created if missing).",
    "out_file": "File to write.",
    "host": "Address to listen on.",
    "port": "Port to listen on.",
    "workers": "Worker processes.",
    "date_from": "Only documents dated in or after this year.",
    "date_to": "Only documents dated in or before this year.",
}


class Year(click.ParamType):
    """A year as the --from/--to filters take it, with an error that says what is wanted."""
    name = "YEAR"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if text.isdigit() and len(text) <= 4:
            return int(text)
        self.fail(f"{value!r} is not a year: give one like 1936 (the documents' dates are "
                  "compared by year, inclusive)", param, ctx)


def install(cli: click.Group) -> None:
    """Put the texts above on the commands of `cli` (by their path)."""
    def walk(cmd: click.Command, path: str) -> None:
        if path in TEXTS:
            cmd.help, cmd.epilog = TEXTS[path]
            first = cmd.help.split("\n\n", 1)[0].replace("\n", " ")
            cmd.short_help = first if len(first) <= 80 else None
        for param in cmd.params:
            if isinstance(param, click.Option) and not param.help and param.name in OPTION_HELP:
                param.help = OPTION_HELP[param.name]
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                walk(sub, f"{path} {name}".strip())
    walk(cli, "")
