"""`witness entity …`: curators' commands over the archive's entities (issue 3).

Merges, splits and links are logged in the archive and reversible (`undo`); the documents'
JSON stays as extracted (store/curation.py).  `export-authority` replays the log over
the pristine authority file and writes a curated copy that `witness.authority.load` reads.
"""

from __future__ import annotations

import json
from pathlib import Path

from dataclasses import asdict

import click

from .errors import NotFound


from .cli_support import curator, echo_json as _echo_json, get_archive as _archive, get_store as _store


def _authority():
    from .authority import load
    return load()


_BY = click.option("--by", help="Who is curating (default: your login name); kept in the log.")
_WHY = click.option("--why", help="Why (kept in the curation log).")


def describe(op: dict) -> str:
    """One line for a log record."""
    kind = op.get("op")
    if kind == "merge":
        text = f"merge {op['drop']} into {op['keep']}"
        if op.get("added"):
            text += f" (+ {', '.join(op['added'])})"
    elif kind == "split":
        text = f"split {', '.join(repr(n) for n in op['moved'])} off {op['id']} as {op['new_id']} ({op['name']})"
    elif kind == "link":
        text = f"link {op['id']} to wikidata {op['wikidata']}" + (f" (was {op['old']})" if op.get("old") else "")
    elif kind == "undo":
        text = f"undo #{op['of']}"
    else:
        text = json.dumps(op, ensure_ascii=False)
    return text


@click.group()
def entity():
    """Curate entities: list, show, merge, split, link, undo, log, export-authority."""


@entity.command("list")
@click.option("--provisional", is_flag=True, help="Only provisional entities (names not in the authority file).")
@click.option("--type", "type_", help="person, organization, place, periodical …")
@click.option("--limit", type=click.IntRange(1, 100000), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def list_(ctx, provisional, type_, limit, as_json):
    """Entities with their mention and document counts, most mentioned first."""
    rows = [(asdict(c.entity), c.documents, c.mentions) for c in
            _store(ctx).people.entities(type=type_, provisional=True if provisional else None, limit=limit)]
    if as_json:
        _echo_json([dict(e, documents=d, mentions=m) for e, d, m in rows])
        return
    if not rows:
        click.echo("no entities" + (" (provisional)" if provisional else ""))
    for e, docs, mentions in rows:
        mark = " [provisional]" if e["provisional"] else ""
        click.echo(f"{e['id']:<32} {e['type']:<12} {mentions:>5} mentions {docs:>4} docs  {e['name']}{mark}")


def _describe_entity(store, entity_id: str) -> dict:
    canonical = store.curation.canonical(entity_id)
    ent = store.people.entity(canonical)
    row = asdict(ent) if ent else None
    entry = _authority().get(canonical)
    if row is None and entry is None:
        raise NotFound(f"no entity {entity_id!r} in the archive or the authority file",
                       hint="`witness entity list` lists them")
    if row is None:
        e = entry.to_entity()
        row = {"id": e.id, "type": e.type, "name": e.name, "aliases": e.aliases, "born": e.born,
               "died": e.died, "external": e.external, "provisional": False}
    docs = store.people.documents_mentioning(canonical)
    return {
        "id": canonical, "asked": entity_id if entity_id != canonical else None,
        "entity": row, "in_authority": entry is not None,
        "variants": [{"text": t, "count": n} for t, n in store.people.spellings(canonical)],
        "documents": [asdict(d) for d in docs],
        "operations": sorted({op.seq: op.to_json() for op in store.curation.log(canonical)
                              + (store.curation.log(entity_id) if entity_id != canonical else [])}.values(),
                             key=lambda op: op["seq"]),
    }


@entity.command()
@click.argument("entity_id")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def show(ctx, entity_id, as_json):
    """An entity: names, surface forms with counts, documents, curation operations."""
    info = _describe_entity(_store(ctx), entity_id)
    if as_json:
        _echo_json(info)
        return
    e = info["entity"]
    if info["asked"]:
        click.echo(f"({info['asked']} was merged into {info['id']})")
    life = " – ".join(x or "?" for x in (e.get("born"), e.get("died"))) if e.get("born") or e.get("died") else ""
    flags = [f for f, on in (("provisional", e["provisional"]), ("authority", info["in_authority"])) if on]
    click.echo(f"{e['id']}  {e['name']}  ({e['type']}{', ' + ', '.join(flags) if flags else ''})")
    if life:
        click.echo(f"  life: {life}")
    if e.get("aliases"):
        click.echo(f"  aliases: {'; '.join(e['aliases'])}")
    wd = (e.get("external") or {}).get("wikidata")
    if wd:
        click.echo(f"  wikidata: {wd}")
    click.echo(f"  surface forms ({len(info['variants'])}):")
    for v in info["variants"]:
        click.echo(f"    {v['count']:>5}  {v['text']}")
    click.echo(f"  documents ({len(info['documents'])}):")
    for d in info["documents"]:
        click.echo(f"    {d['id']}  {d['title'] or ''} ({d['date'] or 'n.d.'})  {d['mentions']} mentions")
    if info["operations"]:
        click.echo("  curation:")
        for op in info["operations"]:
            click.echo(f"    #{op['seq']} {op['at']} {op['who']}  {describe(op)}{'  [undone]' if op['undone'] else ''}")


@entity.command()
@click.argument("keep")
@click.argument("drop")
@_BY
@_WHY
@click.pass_context
def merge(ctx, keep, drop, by, why):
    """Merge DROP into KEEP (its mentions, claims and names become KEEP's)."""
    op = _archive(ctx).merge(keep, drop, who=curator(by), why=why).op
    click.echo(f"merged {drop} into {keep}" + (f"; new variants: {', '.join(op['added'])}" if op["added"] else ""))


@entity.command()
@click.argument("entity_id")
@click.argument("new_id")
@click.option("--name", "names", multiple=True, required=True,
              help="A surface form (as written in the documents) to move to NEW_ID; repeatable.")
@click.option("--label", help="Preferred name of the new entity (default: the first --name).")
@_BY
@_WHY
@click.pass_context
def split(ctx, entity_id, new_id, names, label, by, why):
    """Move the mentions of ENTITY_ID written as --name … to a new entity NEW_ID."""
    op = _archive(ctx).split(entity_id, new_id, list(names), label, who=curator(by), why=why).op
    click.echo(f"split {', '.join(repr(n) for n in op['moved'])} off {entity_id} as {new_id} ({op['name']})")


@entity.command()
@click.argument("entity_id")
@click.option("--wikidata", required=True, help="Wikidata item id, e.g. Q12345.")
@_BY
@_WHY
@click.pass_context
def link(ctx, entity_id, wikidata, by, why):
    """Record the Wikidata item of an entity."""
    _archive(ctx).link(entity_id, wikidata.strip(), who=curator(by), why=why)
    click.echo(f"linked {entity_id} to wikidata {wikidata.strip()}")


@entity.command()
@_BY
@_WHY
@click.pass_context
def undo(ctx, by, why):
    """Reverse the last curation operation not yet undone."""
    op = _archive(ctx).undo(who=curator(by), why=why)
    click.echo(f"undone #{op.seq}: {describe(op.op)}")


@entity.command("log")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def log_(ctx, as_json):
    """Every curation operation, oldest first (undone ones marked)."""
    ops = [op.to_json() for op in _store(ctx).curation.log()]
    if as_json:
        _echo_json(ops)
        return
    if not ops:
        click.echo("no curation operations")
    for op in ops:
        why = f"  — {op['why']}" if op.get("why") else ""
        click.echo(f"#{op['seq']} {op['at']} {op['who']}  {describe(op)}{'  [undone]' if op['undone'] else ''}{why}")


def curated_authority(store, base=None):
    """A Curator over the pristine authority file with the archive's operations replayed.

    Entities the file does not know (provisional ones, or those the archive describes
    otherwise) are first added from the row the operation recorded."""
    from .authority import AuthorityEntry
    from .authority.curation import Curator
    cur = Curator(base if base is not None else _authority())

    def ensure(row: dict | None, entity_id: str) -> None:
        if entity_id in cur.entries:
            return
        row = row or (asdict(e) if (e := store.people.entity(entity_id)) else None)
        if row is None:
            raise NotFound(f"entity {entity_id!r} is neither in the authority file nor in the archive")
        names = [a for a in row.get("aliases") or [] if a != row["name"]]
        cur.add(AuthorityEntry(
            id=row["id"], type=row["type"], name=row["name"], variants=names, born=row.get("born"),
            died=row.get("died"), wikidata=(row.get("external") or {}).get("wikidata"),
            source="provisional; added by a curator (witness entity export-authority)",
            surname=row["name"].split()[-1] if row["type"] == "person" else None))

    for logged in store.curation.log(include_undone=False):
        op = logged.op
        kind = op["op"]
        if kind == "merge":
            ensure(op.get("keep_row"), op["keep"])
            ensure(op.get("drop_row"), op["drop"])
            cur.merge(op["keep"], op["drop"])
        elif kind == "split":
            ensure(op.get("row"), op["id"])
            src = cur.entries[op["id"]]
            # Surface forms seen in the documents need not be variants in the file yet.
            src.variants.extend(n for n in op["moved"] if n not in src.variants)
            cur.split(op["id"], op["new_id"], op["moved"], op["name"])
        elif kind == "link":
            ensure(op.get("row"), op["id"])
            cur.link(op["id"], op["wikidata"])
    return cur


@entity.command("export-authority")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False))
@click.option("--from", "base_dir", type=click.Path(exists=True),
              help="Start from this authority folder instead of the packaged one.")
@click.pass_context
def export_authority(ctx, out_dir, base_dir):
    """Write persons/organizations/places YAML with the curators' changes applied."""
    from .authority import load
    cur = curated_authority(_store(ctx), load(base_dir) if base_dir else None)
    paths = cur.export_yaml(Path(out_dir))
    n_ops = len([op for op in cur.log if op["op"] != "add"])
    click.echo(f"wrote {', '.join(p.name for p in paths)} to {out_dir} "
               f"({len(cur.entries)} entries, {n_ops} curation operations applied)")
