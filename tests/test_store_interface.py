"""The store's interface (store/base.py) is the whole interface: both backends have every
member it declares, with the same parameters, and the code above the store uses nothing it
does not declare."""

from __future__ import annotations

import ast
import inspect
import typing
from pathlib import Path

from witness.store import base, open_store

SRC = Path(__file__).resolve().parent.parent / "src/witness"
FAMILIES = {"documents": base.DocumentQueries, "people": base.PeopleQueries, "findings": base.FindingQueries,
            "curation": base.CurationStore, "verdicts": base.VerdictQueries, "duplicates": base.DuplicateQueries}


def declared(protocol) -> set[str]:
    """The members a Protocol declares: its attributes and its methods."""
    names = set(typing.get_type_hints(protocol))
    names |= {n for n, v in vars(protocol).items()
              if not n.startswith("_") and (inspect.isfunction(v) or isinstance(v, staticmethod))}
    return names


def parameters(fn) -> list[tuple]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(fn).parameters.values() if p.name != "self"]


def test_the_families_are_declared_on_the_store():
    hints = typing.get_type_hints(base.Store)
    assert {name: hints[name] for name in FAMILIES} == FAMILIES


def test_every_backend_has_the_whole_interface_with_the_declared_parameters(archive_target):
    with open_store(archive_target) as store:
        for protocol, obj in [(base.Store, store)] + [(p, getattr(store, n)) for n, p in FAMILIES.items()]:
            for name in sorted(declared(protocol)):
                assert hasattr(obj, name), f"{type(obj).__name__} lacks {protocol.__name__}.{name}"
                want = inspect.getattr_static(protocol, name, None)
                if want is None:                  # an attribute
                    continue
                want = want.__func__ if isinstance(want, staticmethod) else want
                have = getattr(type(obj), name)
                assert parameters(have) == parameters(want), f"{type(obj).__name__}.{name}"


def _store_expr(node: ast.AST) -> bool:
    """`store`, `….store`, `_store(ctx)`: an expression that is the store, above the store."""
    if isinstance(node, ast.Name):
        return node.id == "store"
    if isinstance(node, ast.Attribute):
        return node.attr == "store"
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Name) and node.func.id in ("_store", "open_store")
    return False


def uses_above_the_store() -> dict[str, set[str]]:
    """{"": members used on the store, family: members used on that family} over src/witness
    outside store/."""
    used: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        if "store" in path.relative_to(SRC).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Attribute):
                continue
            if _store_expr(node.value):
                used.setdefault("", set()).add(node.attr)
            elif isinstance(node.value, ast.Attribute) and node.value.attr in FAMILIES \
                    and _store_expr(node.value.value):
                used.setdefault(node.value.attr, set()).add(node.attr)
    return used


def test_nothing_above_the_store_uses_what_the_interface_does_not_declare():
    used = uses_above_the_store()
    assert {"documents", "duplicates", "prepare", "verdicts", "people"} <= used[""]   # the scan sees them
    assert not used[""] - declared(base.Store), "used on the store but not declared in base.Store"
    for family, protocol in FAMILIES.items():
        assert not used.get(family, set()) - declared(protocol), f"store.{family}: used but not declared"


def test_no_declared_member_hands_out_row_ids():
    for protocol in [base.Store, *FAMILIES.values()]:
        assert not [n for n in declared(protocol) if "rowid" in n], protocol.__name__
