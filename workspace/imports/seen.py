"""Keys already met in the file being imported, to reject later duplicates.

A million e-mail addresses in a Python dict take about 140 MB; in a private
in-memory SQLite table they take about a third of that, and checking a
batch of 5,000 keys is two statements. This store has nothing to do with
the workspace database, so it works the same whatever the workspace is.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from workspace.imports.writers import Prepared

_JSON_ROWS = sqlite3.sqlite_version_info >= (3, 38, 0)


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
                f"SELECT k, line FROM seen WHERE k IN ({marks})",
                [text for text, _ in keyed]))
        fresh: list[Prepared] = []
        for text, row in keyed:
            if text in earlier:
                duplicates.append((row.line, earlier[text]))
            else:
                fresh.append(row)
        pairs = [(_text(row.key), row.line) for row in fresh]
        payload = json.dumps(pairs, ensure_ascii=False, check_circular=False)
        if _JSON_ROWS and "\\u0000" not in payload:
            # One statement: the GIL stays free for a writer thread meanwhile
            # (an executemany takes it back after every row).
            self._db.execute("INSERT INTO seen SELECT value ->> 0, value ->> 1 "
                             "FROM json_each(?)", (payload,))
        else:
            self._db.executemany("INSERT INTO seen VALUES (?, ?)", pairs)
        return fresh, duplicates

    def close(self) -> None:
        """Free the memory."""
        self._db.close()
