"""Plain functions the Segments page runs on worker threads (no Qt here).

Each takes the engine first and opens its own connection or transaction,
so a :class:`ui.tasks.Task` can run it off the GUI thread; results are
plain data.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from segments import (
    Member,
    SegmentCount,
    SegmentError,
    compile_rule,
    count,
    delete_segment,
    load_segment_rules,
    sample_members,
    save_segment,
)
from workspace.csvsafe import safe_row
from workspace.models import Contact, Segment

SAMPLE_SIZE = 20
"""Members shown under the builder."""

CSV_COLUMNS = ("email", "first_name", "last_name", "city", "status")


@dataclass(frozen=True)
class CountResult:
    """The live count and the sample of members, computed together."""

    count: SegmentCount
    sample: list[Member]


def count_with_sample(engine: Engine, rule: Any, today: date) -> CountResult:
    """Count ``rule`` (matching, sendable) and take the first members by e-mail."""
    return CountResult(count(engine, rule, today),
                       sample_members(engine, rule, today, limit=SAMPLE_SIZE))


def save_rule(engine: Engine, name: str, rule: Any) -> str:
    """Save ``rule`` as ``name`` (replacing it); returns the cleaned name."""
    with engine.begin() as conn:
        save_segment(conn, name, rule)
    return name.strip()


def _exists(engine: Engine, name: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(Segment.id).where(Segment.name == name.strip())
                            ).first() is not None


def save_new(engine: Engine, name: str, rule: Any) -> str:
    """Save ``rule`` under a name not used yet; a taken name is a :class:`SegmentError`."""
    if _exists(engine, name):
        raise SegmentError(f"a segment named '{name.strip()}' already exists")
    return save_rule(engine, name, rule)


def rename_segment(engine: Engine, old: str, new: str) -> str:
    """Rename a saved segment in one transaction (refused while others refer to it)."""
    new = new.strip()
    with engine.begin() as conn:
        if conn.execute(select(Segment.id).where(Segment.name == new)).first():
            raise SegmentError(f"a segment named '{new}' already exists")
        rules = load_segment_rules(conn, old)
        save_segment(conn, new, rules)
        delete_segment(conn, old)
    return new


def duplicate_segment(engine: Engine, name: str, copy_word: str) -> str:
    """Save a copy of segment ``name`` as ``name (copy)``, ``name (copy 2)``…; returns it."""
    with engine.begin() as conn:
        rules = load_segment_rules(conn, name)
        taken = set(conn.execute(select(Segment.name)).scalars())
        candidate = f"{name.strip()} ({copy_word})"
        number = 2
        while candidate in taken:
            candidate = f"{name.strip()} ({copy_word} {number})"
            number += 1
        save_segment(conn, candidate, rules)
    return candidate


def remove_segment(engine: Engine, name: str) -> str:
    """Delete saved segment ``name`` (refused while others refer to it)."""
    with engine.begin() as conn:
        delete_segment(conn, name)
    return name.strip()


def export_members_csv(engine: Engine, rule: Any, today: date, path: Path) -> int:
    """Write the members of ``rule`` to a CSV (UTF-8 with BOM for Excel); returns the count."""
    table = Contact.__table__
    written = 0
    try:
        with engine.connect() as conn, path.open("w", newline="", encoding="utf-8-sig") as fh:
            query = (select(*(table.c[c] for c in CSV_COLUMNS))
                     .where(compile_rule(conn, rule, today)).order_by(table.c.email))
            writer = csv.writer(fh)
            writer.writerow(CSV_COLUMNS)
            for row in conn.execution_options(yield_per=2000).execute(query):
                writer.writerow(safe_row("" if v is None else v for v in row))
                written += 1
    except OSError as exc:
        raise SegmentError(f"cannot write {path}: {exc.strerror}") from exc
    return written
