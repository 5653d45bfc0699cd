"""Saved segments: named rule trees in the ``segments`` table, referable by name.

A segment may refer to other saved segments (``{"segment": "name"}``);
saving refuses references to missing segments and cycles, and deleting
refuses a segment others still refer to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update

from segments.errors import SegmentError
from segments.rules import (
    MAX_DEPTH,
    Rule,
    deepest_path,
    parse_rule,
    referenced_names,
    rule_depth,
    too_deep,
)
from workspace.models import Segment


@dataclass(frozen=True)
class SavedSegment:
    """A saved segment as listed: its name, rules JSON and last change."""

    name: str
    rules: Any
    updated_at: datetime | None


def _clean_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise SegmentError("a segment needs a name")
    if len(cleaned) > 200:
        raise SegmentError("a segment name must be at most 200 characters")
    return cleaned


def load_segment_rules(conn: Connection, name: str) -> Any:
    """The rules JSON of saved segment ``name``; a missing name is a :class:`SegmentError`."""
    rules = conn.execute(
        select(Segment.rules).where(Segment.name == name.strip())).scalar_one_or_none()
    if rules is None:
        raise SegmentError(f"there is no saved segment named '{name.strip()}'")
    return rules


def _references(conn: Connection) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, rules in conn.execute(select(Segment.name, Segment.rules)):
        try:
            graph[name] = referenced_names(parse_rule(rules))
        except SegmentError:
            graph[name] = set()
    return graph


def _find_cycle(graph: dict[str, set[str]], start: str) -> list[str] | None:
    path: list[str] = []
    done: set[str] = set()

    def visit(name: str) -> list[str] | None:
        if name in path:
            return [*path[path.index(name):], name]
        if name in done:
            return None
        path.append(name)
        for ref in sorted(graph.get(name, ())):
            found = visit(ref)
            if found:
                return found
        path.pop()
        done.add(name)
        return None

    return visit(start)


def save_segment(conn: Connection, name: str, rules: Any) -> None:
    """Validate ``rules`` and save them as ``name`` (replacing a segment of that name).

    Runs in the caller's transaction.

    Raises:
        SegmentError: bad rules, a reference to a missing segment, or a cycle.
    """
    name = _clean_name(name)
    parsed = parse_rule(rules)
    graph = _references(conn)
    for ref in sorted(referenced_names(parsed)):
        if ref not in graph and ref != name:
            raise SegmentError(f"the rule refers to segment '{ref}', which is not saved")
    graph[name] = referenced_names(parsed)
    cycle = _find_cycle(graph, name)
    if cycle:
        raise SegmentError("segments would refer to each other in a cycle: "
                           + " -> ".join(cycle))
    _check_depth(conn, name, parsed)
    now = datetime.now()
    if conn.execute(select(Segment.id).where(Segment.name == name)).first():
        conn.execute(update(Segment).where(Segment.name == name)
                     .values(rules=rules, updated_at=now))
    else:
        conn.execute(insert(Segment).values(name=name, rules=rules, created_at=now,
                                            updated_at=now))


def _check_depth(conn: Connection, name: str, parsed: Rule) -> None:
    """Refuse ``parsed`` when, with the saved segments it refers to inlined, it is too deep.

    So every saved segment can always be counted.
    """
    rules: dict[str, Any] = dict(conn.execute(select(Segment.name, Segment.rules)).all())
    depths: dict[str, int] = {}

    def saved_depth(ref: str) -> int:
        if ref == name:
            return rule_depth(parsed, saved_depth)
        if ref not in depths:
            depths[ref] = 0  # no cycles here (checked before); guards a broken store
            try:
                depths[ref] = rule_depth(parse_rule(rules.get(ref)), saved_depth)
            except SegmentError:
                depths[ref] = 0
        return depths[ref]

    if rule_depth(parsed, saved_depth) > MAX_DEPTH:
        raise too_deep(deepest_path(parsed, saved_depth))


def delete_segment(conn: Connection, name: str) -> None:
    """Delete saved segment ``name``; refused while other segments refer to it."""
    load_segment_rules(conn, name)
    _refuse_if_used(conn, name)
    conn.execute(delete(Segment).where(Segment.name == name.strip()))


def _refuse_if_used(conn: Connection, name: str) -> None:
    users = sorted(n for n, refs in _references(conn).items() if name.strip() in refs)
    if users:
        raise SegmentError(f"segment '{name.strip()}' is used by: {', '.join(users)}")


def list_segments(engine: Engine) -> list[SavedSegment]:
    """Every saved segment, by name."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(Segment.name, Segment.rules, Segment.updated_at).order_by(Segment.name))
        return [SavedSegment(n, r, u) for n, r, u in rows]


def segment_exists(conn: Connection, name: str) -> bool:
    """Whether a segment called ``name`` (trimmed) is saved."""
    query = select(Segment.id).where(Segment.name == name.strip())
    return conn.execute(query).first() is not None


def save_new_segment(conn: Connection, name: str, rules: Any) -> str:
    """Save ``rules`` under a name not used yet; a taken name is a :class:`SegmentError`."""
    if segment_exists(conn, name):
        raise SegmentError(f"a segment named '{name.strip()}' already exists")
    save_segment(conn, name, rules)
    return name.strip()


def rename_segment(conn: Connection, old: str, new: str) -> str:
    """Rename a saved segment (refused while others refer to it); returns the new name."""
    new = new.strip()
    if segment_exists(conn, new):
        raise SegmentError(f"a segment named '{new}' already exists")
    rules = load_segment_rules(conn, old)
    _refuse_if_used(conn, old)  # before anything is written
    save_segment(conn, new, rules)
    delete_segment(conn, old)
    return new


def duplicate_segment(conn: Connection, name: str, copy_word: str) -> str:
    """Save a copy of ``name`` as ``name (copy)``, ``name (copy 2)``…; returns the copy's name.

    ``copy_word`` is "copy" in the user's language.
    """
    rules = load_segment_rules(conn, name)
    taken = set(conn.execute(select(Segment.name)).scalars())
    candidate = f"{name.strip()} ({copy_word})"
    number = 2
    while candidate in taken:
        candidate = f"{name.strip()} ({copy_word} {number})"
        number += 1
    save_segment(conn, candidate, rules)
    return candidate
