"""Writes the demo shop's rows in bulk: one statement per table and batch."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text

from workspace import models
from workspace.demo.people import Person


def table_of(model: type[models.Base]) -> Table:
    """The Core table of an ORM model."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


class Writer:
    """Bulk inserts with ids assigned here, so one executemany per table and batch.

    The tables are empty when the demo starts (contacts are checked, and
    orders and events cannot exist without contacts), so the ids continue
    from the current maximum and nothing else writes inside the transaction.
    RETURNING would cost a statement per row on SQLite.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.contact_t, self.order_t, self.line_t, self.event_t = (
            table_of(m) for m in (models.Contact, models.Order, models.OrderLine, models.Event))
        self.next_id = {
            t.name: int(conn.execute(select(func.coalesce(func.max(t.c.id), 0))).scalar_one()) + 1
            for t in (self.contact_t, self.order_t, self.line_t, self.event_t)
        }
        self.counts = {"contacts": 0, "orders": 0, "order_lines": 0, "events": 0}

    def _ids(self, table: Table, rows: list[dict[str, Any]]) -> None:
        first = self.next_id[table.name]
        for offset, row in enumerate(rows):
            row["id"] = first + offset
        self.next_id[table.name] = first + len(rows)

    def write(self, batch: list[tuple[dict[str, Any], Person]]) -> None:
        """Insert one batch of contacts with their orders, order lines and events."""
        contacts = [row for row, _ in batch]
        self._ids(self.contact_t, contacts)
        orders: list[dict[str, Any]] = []
        lines: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for row, person in batch:
            for order in person.orders:
                order.row["contact_id"] = row["id"]
                orders.append(order.row)
            for event in person.events:
                event["contact_id"] = row["id"]
                events.append(event)
        self._ids(self.order_t, orders)
        for order_row, order in ((o.row, o) for _, p in batch for o in p.orders):
            for line in order.lines:
                line["order_pk"] = order_row["id"]
                lines.append(line)
        self._ids(self.line_t, lines)
        self._ids(self.event_t, events)
        for table, rows, key in ((self.contact_t, contacts, "contacts"),
                                 (self.order_t, orders, "orders")):
            if rows:
                self.conn.execute(insert(table), rows)
            self.counts[key] += len(rows)
        self._executemany(self.line_t, lines)
        self.counts["order_lines"] += len(lines)
        self._executemany(self.event_t, events)
        self.counts["events"] += len(events)

    def _executemany(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert plain rows (no JSON, no defaults) straight through the driver.

        The values go through the same type bind processors SQLAlchemy would
        apply; skipping its per-row parameter bookkeeping halves the time of
        the two biggest tables.
        """
        if not rows:
            return
        keys = list(rows[0])
        dialect = self.conn.dialect
        if dialect.name == "postgresql" and dialect.driver == "psycopg":
            self._copy(table, keys, rows)
            return
        compiled = insert(table).compile(dialect=dialect, column_keys=keys)
        processors = [table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
                      for key in keys]
        converted = [
            [value if fn is None or value is None else fn(value)
             for fn, value in zip(processors, (row[key] for key in keys), strict=True)]
            for row in rows
        ]
        if compiled.positional:
            order = [keys.index(name) for name in compiled.positiontup or ()]
            params: list[Any] = [tuple(values[i] for i in order) for values in converted]
        else:
            params = [dict(zip(keys, values, strict=True)) for values in converted]
        self.conn.exec_driver_sql(str(compiled), params)

    def _copy(self, table: Table, keys: list[str], rows: list[dict[str, Any]]) -> None:
        """PostgreSQL's COPY: an executemany would cost a server round of work per row."""
        quote = self.conn.dialect.identifier_preparer.quote
        columns = ", ".join(quote(key) for key in keys)
        driver: Any = self.conn.connection.driver_connection
        with driver.cursor() as cursor, cursor.copy(
            f"COPY {quote(table.name)} ({columns}) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row([row[key] for key in keys])

    def finish(self) -> None:
        """Move PostgreSQL's id sequences past the ids written here."""
        if self.conn.dialect.name != "postgresql":
            return  # SQLite's rowid continues from the largest id by itself
        for table in (self.contact_t, self.order_t, self.line_t, self.event_t):
            self.conn.execute(
                text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :v, false)"),
                {"t": table.name, "v": self.next_id[table.name]},
            )
