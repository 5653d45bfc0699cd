"""Explain and compare segments.

:func:`explain` answers "why is this contact in (or not in) the segment": it
returns the rule JSON with the original keys of every node and a ``matched``
flag added to each node, recursively, all evaluated for that contact in one
SELECT. A reference node (``{"segment": ...}``) is marked as a whole.

:func:`overlap` counts every region of the Venn diagram of two or three
saved segments in one SELECT. Its result::

    {
      "segments": ["A", "B"],
      "sizes": {"A": 120, "B": 80},          # members of each segment
      "regions": [                            # every non-empty combination:
        {"in": ["A"], "count": 70},           # contacts in exactly these
        {"in": ["B"], "count": 30},           # segments and in none of the
        {"in": ["A", "B"], "count": 50}       # others
      ],
      "outside": 900,                         # in none of them
      "total": 1050                           # all contacts
    }

Regions are ordered by how many segments they combine, then by the order
the segments were given; their counts add up to ``total - outside``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from itertools import combinations
from typing import Any

from sqlalchemy import Engine, case, func, literal, select

from segments.compile import Compiler, Predicate, contacts
from segments.errors import SegmentError
from segments.query import time_limited
from segments.rules import Group, Not, Reference, Rule, parse_rule
from workspace.text import fold


def explain(engine: Engine, rule: Any, today: date, email: str) -> dict[str, Any]:
    """The rule tree of ``rule`` (JSON) with ``matched`` on every node for contact ``email``.

    Raises:
        SegmentError: a bad rule or an unknown contact.
    """
    parsed = parse_rule(rule)
    with engine.connect() as conn:
        contact_id = conn.execute(
            select(contacts.id).where(contacts.email == (fold(email) or ""))).scalar()
        if contact_id is None:
            raise SegmentError(f"there is no contact with e-mail {email.strip()}")
        compiler = Compiler(conn, today)
        predicates: list[Predicate] = []
        _collect(compiler, parsed, predicates)
        columns = [case((p, 1), else_=0).label(f"n{i}") for i, p in enumerate(predicates)]
        with time_limited(conn, "explaining this segment"):
            row = conn.execute(select(*columns).where(contacts.id == contact_id)).one()
    flags = iter(bool(v) for v in row)
    return _annotate(rule, parsed, flags)


def _collect(compiler: Compiler, rule: Rule, out: list[Predicate]) -> None:
    # Pre-order, in the same order _annotate walks the tree.
    out.append(compiler.predicate(rule))
    if isinstance(rule, Group):
        for child in rule.children:
            _collect(compiler, child, out)
    elif isinstance(rule, Not):
        _collect(compiler, rule.child, out)


def _annotate(data: dict[str, Any], rule: Rule, flags: Any) -> dict[str, Any]:
    node = dict(data)
    node["matched"] = next(flags)
    if isinstance(rule, Group):
        node[rule.kind] = [_annotate(d, c, flags)
                           for d, c in zip(data[rule.kind], rule.children, strict=True)]
    elif isinstance(rule, Not):
        node["not"] = _annotate(data["not"], rule.child, flags)
    return node


def overlap(engine: Engine, names: list[str], today: date,
            rules: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Counts of every region of two or three segments (shape in the module doc).

    A name found in ``rules`` is that rule JSON (e.g. a ready-made segment);
    any other name is a saved segment.
    """
    given = dict(rules or {})
    cleaned = [n.strip() for n in names]
    if not 2 <= len(cleaned) <= 3:
        raise SegmentError("overlap compares two or three segments")
    if len(set(cleaned)) != len(cleaned):
        raise SegmentError("overlap needs different segments")
    with engine.connect() as conn:
        compiler = Compiler(conn, today)
        bits = [compiler.predicate(parse_rule(given[n])) if n in given
                else compiler.reference(Reference(n, f"--name {n}")) for n in cleaned]
        mask = sum((case((p, 1 << i), else_=0) for i, p in enumerate(bits)), literal(0))
        with time_limited(conn, "comparing these segments"):
            rows = conn.execute(select(mask.label("mask"), func.count()).group_by("mask"))
            by_mask = {int(m): int(n) for m, n in rows}
    regions = []
    for size in range(1, len(cleaned) + 1):
        for combo in combinations(range(len(cleaned)), size):
            m = sum(1 << i for i in combo)
            regions.append({"in": [cleaned[i] for i in combo], "count": by_mask.get(m, 0)})
    sizes = {n: sum(c for m, c in by_mask.items() if m & (1 << i))
             for i, n in enumerate(cleaned)}
    return {"segments": cleaned, "sizes": sizes, "regions": regions,
            "outside": by_mask.get(0, 0), "total": sum(by_mask.values())}
