"""Keys already met in the file being imported, to reject later duplicates.

A million e-mail addresses in a Python dict take about 140 MB; in a private
in-memory SQLite table they take about a third of that, and checking a
batch of 5,000 keys is two statements. This store has nothing to do with
the workspace database, so it works the same whatever the workspace is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from workspace.imports.writers import Prepared


def _text(key: Any) -> str:
    return key if isinstance(key, str) else repr(key)


class SeenKeys:
    """The first line of every key seen so far; close it when done."""

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:")
        self._db.execute("CREATE TABLE seen (k TEXT PRIMARY KEY, line INTEGER) WITHOUT ROWID")

    def split(self, batch: Sequence[Prepared]) -> tuple[list[Prepared], list[tuple[int, int]]]:
        """Rows whose key is new, and ``(line, first_line)`` of the duplicates.

        ``batch`` is in file order; the new keys are remembered.
        """
        first: dict[str, int] = {}
        keyed: list[tuple[str, Prepared]] = []
        duplicates: list[tuple[int, int]] = []
        for row in batch:
            text = _text(row.key)
            line = first.setdefault(text, row.line)
            if line == row.line:
                keyed.append((text, row))
            else:
                duplicates.append((row.line, line))
        earlier: dict[str, int] = {}
        if keyed:
            marks = ",".join("?" * len(keyed))
            earlier = dict(self._db.execute(
                f"SELECT k, line FROM seen WHERE k IN ({marks})",  # noqa: S608
                [text for text, _ in keyed]))
        fresh: list[Prepared] = []
        for text, row in keyed:
            if text in earlier:
                duplicates.append((row.line, earlier[text]))
            else:
                fresh.append(row)
        self._db.executemany("INSERT INTO seen VALUES (?, ?)",
                             [(_text(row.key), row.line) for row in fresh])
        return fresh, duplicates

    def close(self) -> None:
        """Free the memory."""
        self._db.close()
