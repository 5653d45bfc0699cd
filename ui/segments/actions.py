"""The Segments page's worker functions: core calls, each in its own transaction (no Qt).

Each takes the engine first and opens its own connection or transaction,
so a :class:`ui.tasks.Task` can run it off the GUI thread; results are
plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = [
    "SAMPLE_SIZE",
    "CountResult",
    "count_with_sample",
    "duplicate_segment",
    "export_members_csv",
    "remove_segment",
    "rename_segment",
    "save_new",
    "save_rule",
]

from sqlalchemy import Engine

from segments import (
    Member,
    SegmentCount,
    count,
    delete_segment,
    sample_members,
    save_segment,
    store,
)
from segments.export import write_members_csv as export_members_csv
from segments.store import save_new_segment

SAMPLE_SIZE = 20
"""Members shown under the builder."""



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


def save_new(engine: Engine, name: str, rule: Any) -> str:
    """Save ``rule`` under a name not used yet; a taken name is a :class:`SegmentError`."""
    with engine.begin() as conn:
        return save_new_segment(conn, name, rule)


def rename_segment(engine: Engine, old: str, new: str) -> str:
    """Rename a saved segment in one transaction (refused while others refer to it)."""
    with engine.begin() as conn:
        return store.rename_segment(conn, old, new)


def duplicate_segment(engine: Engine, name: str, copy_word: str) -> str:
    """Save a copy of segment ``name`` as ``name (copy)``, ``name (copy 2)``…; returns it."""
    with engine.begin() as conn:
        return store.duplicate_segment(conn, name, copy_word)


def remove_segment(engine: Engine, name: str) -> str:
    """Delete saved segment ``name`` (refused while others refer to it)."""
    with engine.begin() as conn:
        delete_segment(conn, name)
    return name.strip()
