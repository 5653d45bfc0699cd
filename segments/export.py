"""Members of a segment as a CSV file: the one format the app and the command line write."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from segments.compile import compile_rule
from segments.errors import SegmentError
from workspace.csvsafe import safe_row
from workspace.models import Contact

__all__ = ["MEMBER_CSV_COLUMNS", "write_members_csv"]

MEMBER_CSV_COLUMNS = ("email", "first_name", "last_name", "city", "status")
"""Columns of a members CSV, in order (``status`` is the subscription status)."""


def write_members_csv(engine: Engine, rule: Any, today: date, path: Path) -> int:
    """Write the members of ``rule``, by email, to ``path``; returns how many.

    UTF-8 with a byte order mark, comma-separated, so that Excel opens the
    Cyrillic names right; rows stream from the database (any size).
    """
    table = Contact.__table__
    written = 0
    try:
        with engine.connect() as conn, path.open("w", newline="", encoding="utf-8-sig") as fh:
            query = (
                select(*(table.c[c] for c in MEMBER_CSV_COLUMNS))
                .where(compile_rule(conn, rule, today))
                .order_by(table.c.email)
            )
            writer = csv.writer(fh)
            writer.writerow(MEMBER_CSV_COLUMNS)
            for row in conn.execution_options(yield_per=2000).execute(query):
                # Neutralised as OWASP recommends: a name like =HYPERLINK(...) stays text.
                writer.writerow(safe_row(["" if v is None else v for v in row]))
                written += 1
    except OSError as exc:
        raise SegmentError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return written
