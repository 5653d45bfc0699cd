"""Deferring secondary-index upkeep during a big import into SQLite.

SQLite updates every secondary index of ``contacts`` (ten of them) for each
inserted row; on a million new contacts that is most of the import's time.
Building an index once from the finished table is a single sort and far
cheaper, so a big import drops the target tables' secondary indexes inside
its transaction and creates them again before committing. SQLite's DDL is
transactional: a cancelled or failed import rolls the drop back with the
data, and the workspace keeps every index.

Which indexes: those the models declare (``Base.metadata``), so an index a
later migration adds to the models is covered without touching this module.
Only indexes over a column the file fills are dropped: one over columns
that every new row gets the same value in (the derived counters, a default
status when the file has no status column) grows at its end in id order,
which costs less than rebuilding it with a scan of the whole table.
How to recreate them: the workspace's own ``CREATE INDEX`` statement from
``sqlite_master``, so each index comes back exactly as it was stored. Unique
constraints (the upsert keys) are never dropped: the import itself needs
them. PostgreSQL is left alone. When a writer thread does the inserts, an
index over columns the new rows give few distinct values is kept too
(:meth:`IndexDeferral.keep_cheap`): its upkeep overlaps with reading the file.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, text

from workspace.models import Base

log = logging.getLogger(__name__)

# Rebuilding costs about one sort of the whole table per index, so the drop
# pays off only when the import writes many rows relative to what is stored.
MIN_ROWS = 20_000
"""Fewer estimated writes than this keep the indexes."""

MIN_SHARE = 0.3
"""Estimated writes must also be at least this share of the rows already stored."""

CHEAP_KEYS = 500
"""An index whose columns take at most this many distinct values in a sample
of the new rows is kept when a writer thread maintains it (:meth:`IndexDeferral.keep_cheap`)."""


def model_indexes(table_name: str, written: Collection[str] | None = None) -> list[str]:
    """Names of the secondary indexes the models declare on ``table_name``.

    With ``written``, only those with at least one of these columns.
    """
    table: Table = Base.metadata.tables[table_name]
    return sorted(
        str(index.name) for index in table.indexes
        if index.name and (written is None or any(c.name in written for c in index.columns))
    )


def _begin(conn: Connection) -> None:
    """Make sure SQLite has really begun the transaction.

    Python's sqlite3 module (3.11) opens a transaction lazily before the first
    INSERT/UPDATE/DELETE only; a DROP INDEX run before that would be
    committed on the spot, and a rollback would not bring the index back.
    """
    dbapi = conn.connection.dbapi_connection
    if dbapi is not None and not getattr(dbapi, "in_transaction", True):
        conn.exec_driver_sql("BEGIN")


class IndexDeferral:
    """Drops the secondary indexes of ``tables`` once and restores them.

    Call :meth:`consider` before writing each batch (cheap after the first
    decision) and :meth:`restore` before the transaction commits. Nothing
    happens on a database other than SQLite.
    """

    def __init__(self, conn: Connection, tables: Mapping[str, Collection[str] | None],
                 estimated_rows: int) -> None:
        """``tables`` maps each table to the columns the import fills (None: all)."""
        self.conn = conn
        self.tables = dict(tables)
        self.estimated_rows = estimated_rows
        self.enabled = conn.dialect.name == "sqlite" and bool(tables)
        self.decided = not self.enabled
        self.dropped: list[tuple[str, str]] = []  # (name, CREATE INDEX statement)
        self.kept: set[str] = set()

    def keep_cheap(self, samples: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
        """Keep the indexes that new rows like ``samples`` (table → rows) extend at few places.

        A new row's entry goes after the entries with the same values in
        the indexed columns (its id is the largest), so with few distinct
        values SQLite appends to a few hot pages; on a writer thread that
        upkeep overlaps with reading the file, unlike a rebuild at the end.
        An index with many distinct values (names, birth dates) would touch
        a random page per row and is still dropped.
        """
        for table, rows in samples.items():
            if not rows:
                continue
            model: Table = Base.metadata.tables[table]
            for index in model.indexes:
                names = [c.name for c in index.columns if c.name != "id"]
                distinct = {tuple(row.get(n) for n in names) for row in rows}
                if len(distinct) <= CHEAP_KEYS:
                    self.kept.add(str(index.name))

    def consider(self, writes: int, rows: int) -> None:
        """Decide, at the first batch that writes, whether dropping pays off.

        ``writes`` of the batch's ``rows`` are inserts or updates; the share
        is extrapolated to the whole file. A batch without writes (a
        re-import of unchanged rows) decides nothing: rebuilding indexes
        for nothing would only cost time.
        """
        if self.decided or writes == 0 or rows == 0:
            return
        self.decided = True
        expected = self.estimated_rows * writes // rows
        first = next(iter(self.tables))
        stored = self.conn.execute(text(f"SELECT COUNT(*) FROM {first}")).scalar_one()
        if expected >= MIN_ROWS and expected >= MIN_SHARE * stored:
            self.drop()
        else:
            log.debug("keeping indexes: about %d writes into %d rows", expected, stored)

    def drop(self) -> None:
        """Drop the declared secondary indexes that exist in the workspace."""
        _begin(self.conn)
        for table, written in self.tables.items():
            wanted = [name for name in model_indexes(table, written) if name not in self.kept]
            if not wanted:
                continue
            marks = ", ".join(f":n{i}" for i in range(len(wanted)))
            found = self.conn.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                     f"AND tbl_name = :t AND sql IS NOT NULL AND name IN ({marks}) "
                     "ORDER BY name"),
                {"t": table, **{f"n{i}": name for i, name in enumerate(wanted)}},
            ).all()
            for name, sql in found:
                self.conn.exec_driver_sql(f'DROP INDEX "{name}"')
                self.dropped.append((name, sql))
        log.info("import: dropped %d indexes for the duration of the import, kept %s",
                 len(self.dropped), sorted(self.kept))

    def restore(self) -> None:
        """Create the dropped indexes again (in the same transaction)."""
        start = time.perf_counter()
        for _name, sql in self.dropped:
            self.conn.exec_driver_sql(sql)
        if self.dropped:
            log.info("import: rebuilt %d indexes in %.1f s", len(self.dropped),
                     time.perf_counter() - start)
        self.dropped.clear()
