"""Writing batches of parsed rows: upsert by key with exact change counts.

Each writer looks the batch's keys up in one query, compares the columns the
file has with what is stored, and then inserts the new rows and updates the
changed ones with ``executemany`` (Core statements, no ORM objects). Looking
up first, instead of ``INSERT ... ON CONFLICT``, is what tells "updated" from
"unchanged", and it also covers keys with NULL parts (order lines without a
colour, events without a SKU) that a unique constraint treats as distinct.

Only non-empty cells update a stored row: an empty cell leaves the stored
value alone, so a partial export never wipes data (nor re-subscribes an
unsubscribed contact whose status cell is empty).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    bindparam,
    delete,
    func,
    select,
    update,
)

from workspace.imports import bulk
from workspace.imports.bulk import Submit, bulk_insert, execute_or_submit
from workspace.imports.pipeline import WritePipeline
from workspace.imports.reasons import RowError
from workspace.models import Contact, ContactAttribute, Event, Order, OrderLine, Product
from workspace.rows import with_contact_extras, with_event_extras, with_order_line_extras
from workspace.text import fold

CONTACTS: Table = Contact.__table__  # type: ignore[assignment]
ATTRIBUTES: Table = ContactAttribute.__table__  # type: ignore[assignment]
ORDERS: Table = Order.__table__  # type: ignore[assignment]
LINES: Table = OrderLine.__table__  # type: ignore[assignment]
EVENTS: Table = Event.__table__  # type: ignore[assignment]
PRODUCTS: Table = Product.__table__  # type: ignore[assignment]

# SQLite allows 32766 bound parameters per statement; stay well below.
_IN_CHUNK = 5000


@dataclass(slots=True)
class Prepared:
    """One parsed, valid-looking row: its line, key and non-empty values."""

    line: int
    key: Any
    values: dict[str, Any]
    custom: dict[str, str] | None = None


@dataclass
class Tally:
    """Counts and row errors collected over the whole file."""

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)
    max_errors: int = 100_000
    warnings: list[RowError] = field(default_factory=list)
    removed: int = 0

    def reject(self, line: int, code: str, reason: str, *, column: str = "",
               **params: Any) -> None:
        """Count a rejected row; keep its error unless there are already too many.

        ``code`` and ``params`` are described in :mod:`workspace.imports.reasons`;
        ``column`` is the file's header of the bad cell, when known.
        """
        self.rejected += 1
        if len(self.errors) < self.max_errors:
            if column:
                params = {**params, "column": column}
            self.errors.append(RowError(line, reason, code, params, column))


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start:start + _IN_CHUNK]


def _lookup(conn: Connection, columns: Sequence[Any], key_column: Any,
            keys: Iterable[Any]) -> list[Any]:
    unique = list(dict.fromkeys(k for k in keys if k is not None))
    found: list[Any] = []
    for part in _chunks(unique):
        found.extend(conn.execute(select(*columns).where(key_column.in_(part))).all())
    return found


def contact_ids(conn: Connection, emails: Iterable[str | None]) -> dict[str, int]:
    """Folded e-mail → contact id for the known ones among ``emails``."""
    rows = _lookup(conn, (CONTACTS.c.email, CONTACTS.c.id), CONTACTS.c.email, emails)
    return {email: cid for email, cid in rows}


def _update_many(conn: Connection, table: Table, pk: str, changes: list[dict[str, Any]]) -> None:
    """Run UPDATEs grouped by the set of columns they change."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for change in changes:
        columns = tuple(sorted(k for k in change if k != pk))
        groups[columns].append({f"v_{k}": v for k, v in change.items()})
    for columns, params in groups.items():
        stmt = (
            update(table)
            .where(table.c[pk] == bindparam(f"v_{pk}"))
            .values({name: bindparam(f"v_{name}") for name in columns})
        )
        conn.execute(stmt, params)


def _diff(stored: Any, values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if getattr(stored, name) != value}


def _no_hook(_writes: int, _rows: int) -> None:
    return None


class Writer:
    """Base of the per-kind writers; ``fields`` are the canonical columns in the file."""

    table: Table

    def __init__(self, conn: Connection, fields: Sequence[str], tally: Tally) -> None:
        self.conn = conn
        self.fields = list(fields)
        self.tally = tally
        # Keys are unique within the file (duplicates are rejected before
        # writing), so a table empty at the start holds nothing to compare
        # with: a first import skips the per-batch lookups.
        first_key = next(iter(self.table.primary_key.columns))
        self.was_empty = conn.execute(select(first_key).limit(1)).first() is None
        # Told (writes, rows) before a batch is written; the importer uses it
        # to decide whether deferring index upkeep pays off.
        self.before_write: Callable[[int, int], None] = _no_hook
        # Set by the importer while a writer thread owns the connection.
        self.pipeline: WritePipeline | None = None
        self._new_rows: tuple[list[dict[str, Any]], dict[str, dict[str, str]]] = ([], {})

    def reject(self, row: Prepared, code: str, reason: str, **params: Any) -> None:
        """Record a row the database says cannot be imported."""
        self.tally.reject(row.line, code, reason, **params)

    def samples(self) -> dict[str, list[dict[str, Any]]]:
        """The new rows of the batch, by table, while ``before_write`` runs."""
        return {}

    def write(self, rows: list[Prepared]) -> None:
        """Upsert one batch."""
        raise NotImplementedError

    def finish(self) -> None:
        """Called once after the last batch, inside the transaction."""
        return None


_NEWEST = select(func.max(CONTACTS.c.id))
_NEWER = select(CONTACTS.c.email, CONTACTS.c.id).where(CONTACTS.c.id > bindparam("newest"))


class ContactWriter(Writer):
    """Contacts by folded e-mail; custom columns into ``custom`` and ``contact_attributes``."""

    table = CONTACTS

    _DEFAULTS = {"gender": "unknown", "status": "subscribed"}

    def samples(self) -> dict[str, list[dict[str, Any]]]:
        """The new rows of the batch, by table, while ``before_write`` runs.

        The importer decides from them which indexes are cheap to keep.
        """
        inserts, custom = self._new_rows
        return {"contacts": inserts, "contact_attributes": [
            {"name": name, "value_ci": fold(value)}
            for values in custom.values() for name, value in values.items()]}

    def write(self, rows: list[Prepared]) -> None:
        """Upsert one batch of contacts.

        With a :attr:`pipeline`, the INSERTs of a first import run on its
        writer thread; everything else waits for it and runs here.
        """
        submit = None
        if self.pipeline is not None:
            if self.was_empty:
                submit = self.pipeline.put
            else:  # lookups, updates and deletes need the connection now
                self.pipeline.sync()
        value_fields = [f for f in self.fields if f != "email"]
        columns = [CONTACTS.c.id, CONTACTS.c.email, CONTACTS.c.custom]
        columns += [CONTACTS.c[f] for f in value_fields]
        positions = {column.name: index for index, column in enumerate(columns)}
        stored = {} if self.was_empty else {
            r.email: r for r in _lookup(self.conn, columns, CONTACTS.c.email,
                                        (row.key for row in rows))}
        inserts: list[dict[str, Any]] = []
        new_custom: dict[str, dict[str, str]] = {}
        changes: list[dict[str, Any]] = []
        attribute_changes: list[tuple[int, dict[str, str]]] = []
        # A new row starts from this template; its non-empty values overwrite it.
        template: dict[str, Any] = dict.fromkeys(value_fields)
        template.update((k, v) for k, v in self._DEFAULTS.items() if k in template)
        for row in rows:
            old = stored.get(row.key)
            if old is None:
                record = template.copy()
                record.update(row.values)  # includes the folded email
                if row.custom:  # else left out, so the column is SQL NULL, not JSON null
                    record["custom"] = row.custom
                inserts.append(with_contact_extras(record))
                if row.custom:
                    new_custom[row.key] = row.custom
                continue
            # The email is the key: never a change. Rows are indexed by
            # position, several times faster than by attribute name.
            change = {name: value for name, value in row.values.items()
                      if old[positions[name]] != value}
            if row.custom:
                merged = {**(old.custom or {}), **row.custom}
                if merged != (old.custom or {}):
                    change["custom"] = merged
                    attribute_changes.append((old.id, {
                        k: v for k, v in row.custom.items() if (old.custom or {}).get(k) != v
                    }))
            if change:
                change["id"] = old.id
                changes.append(with_contact_extras(change))
                self.tally.updated += 1
            else:
                self.tally.unchanged += 1
        self._new_rows = (inserts, new_custom)
        self.before_write(len(inserts) + len(changes), len(rows))
        self._new_rows = ([], {})
        # New rows get ids above the current largest (SQLite's rowid rule, and
        # PostgreSQL's sequence in practice), so their ids are found by a range
        # scan of the key instead of a 5,000-address IN list.
        # (Not needed when the writer thread joins them in, see _insert_new_attributes.)
        newest = self.conn.execute(_NEWEST).scalar() if new_custom and submit is None else None
        if inserts:
            with_custom = [r for r in inserts if "custom" in r]
            without = [r for r in inserts if "custom" not in r]
            for part in (with_custom, without):
                if part:
                    bulk_insert(self.conn, CONTACTS, part, submit=submit)
            self.tally.imported += len(inserts)
        if changes:
            _update_many(self.conn, CONTACTS, "id", changes)
        if attribute_changes:
            pairs = [{"cid": cid, "aname": name} for cid, values in attribute_changes
                     for name in values]
            self.conn.execute(
                delete(ATTRIBUTES).where(ATTRIBUTES.c.contact_id == bindparam("cid"),
                                         ATTRIBUTES.c.name == bindparam("aname")),
                pairs,
            )
        if new_custom and _insert_new_attributes(self.conn, attribute_changes, new_custom,
                                                 submit):
            return
        if new_custom and self.pipeline is not None:  # the ids are read below
            self.pipeline.sync()
        if new_custom:
            ids = {email: cid for email, cid in self.conn.execute(
                _NEWER, {"newest": newest if newest is not None else 0}) if email in new_custom}
            if len(ids) < len(new_custom):  # an id below the largest: look the rest up
                ids.update(contact_ids(self.conn, new_custom.keys() - ids.keys()))
            attribute_changes.extend((ids[email], values) for email, values in new_custom.items())
        bulk_insert(self.conn, ATTRIBUTES, [
            {"contact_id": cid, "name": name, "value": value, "value_ci": fold(value)}
            for cid, values in attribute_changes for name, value in values.items()
        ])


def _insert_new_attributes(conn: Connection, changes: list[tuple[int, dict[str, str]]],
                           new: dict[str, dict[str, str]], submit: Submit | None) -> bool:
    """Insert the attributes of ``changes`` and of the new contacts ``new`` (by e-mail).

    On SQLite the new contacts' ids are joined in by one ``INSERT ... SELECT``
    over a JSON array instead of being fetched row by row (which takes the
    GIL back at every row, see :func:`workspace.imports.bulk._json_insert`). Only for a writer
    thread (``submit``): without one, fetching the ids costs less. False,
    with nothing done, where that does not apply.
    """
    if submit is None or conn.dialect.name != "sqlite" or not bulk.JSON_ROWS:
        return False
    payload = json.dumps([(email, name, value, fold(value)) for email, values in new.items()
                          for name, value in values.items()],
                         ensure_ascii=False, check_circular=False)
    if "\\u0000" in payload:
        return False
    bulk_insert(conn, ATTRIBUTES, [
        {"contact_id": cid, "name": name, "value": value, "value_ci": fold(value)}
        for cid, values in changes for name, value in values.items()
    ], submit=submit)
    execute_or_submit(conn, submit,
             "INSERT INTO contact_attributes (contact_id, name, value, value_ci) "
             "SELECT c.id, j.value ->> 1, j.value ->> 2, j.value ->> 3 "
             "FROM json_each(?) AS j JOIN contacts AS c ON c.email = j.value ->> 0",
             (payload,))
    return True


class OrderWriter(Writer):
    """Orders by ``order_id``; the e-mail must belong to a known contact."""

    table = ORDERS

    def write(self, rows: list[Prepared]) -> None:
        """Upsert one batch of orders."""
        contacts = contact_ids(self.conn, (row.values.get("email") for row in rows))
        value_fields = [f for f in self.fields if f not in ("order_id", "email")]
        columns = [ORDERS.c.id, ORDERS.c.order_id, ORDERS.c.contact_id]
        columns += [ORDERS.c[f] for f in value_fields]
        stored = {} if self.was_empty else {
            r.order_id: r for r in _lookup(self.conn, columns, ORDERS.c.order_id,
                                           (row.key for row in rows))}
        inserts: list[dict[str, Any]] = []
        changes: list[dict[str, Any]] = []
        for row in rows:
            values = {k: v for k, v in row.values.items() if k not in ("order_id", "email")}
            email = row.values.get("email")
            contact_id = contacts.get(email) if email is not None else None
            if email is not None and contact_id is None:
                self.reject(row, "unknown_contact",
                            f"unknown contact {email} (import contacts first)", email=email)
                continue
            if contact_id is not None:
                values["contact_id"] = contact_id
            old = stored.get(row.key)
            if old is None:
                if contact_id is None:
                    self.reject(row, "missing_order_email", "missing email of a new order")
                    continue
                if values.get("created_at") is None:
                    self.reject(row, "missing_order_date",
                                "missing created_at (order date) of a new order")
                    continue
                record = {"order_id": row.key, "contact_id": contact_id,
                          "created_at": values["created_at"],
                          "status": values.get("status") or "paid",
                          "total": values.get("total") if values.get("total") is not None else 0,
                          "delivered_at": values.get("delivered_at")}
                inserts.append(record)
                continue
            change = _diff(old, values)
            if change:
                change["id"] = old.id
                changes.append(change)
                self.tally.updated += 1
            else:
                self.tally.unchanged += 1
        if inserts:
            bulk_insert(self.conn, ORDERS, inserts)
            self.tally.imported += len(inserts)
        if changes:
            _update_many(self.conn, ORDERS, "id", changes)


class OrderLineWriter(Writer):
    """The lines of each order in the file replace that order's stored lines, as a set.

    Two lines with the same SKU (a gift and a paid item, one line per unit)
    are both kept: lines have no key of their own. A file line that equals a
    stored line of its order in every column the file has keeps that stored
    line (counted unchanged); the others are inserted; stored lines of the
    file's orders that no file line matched are deleted at the end
    (:meth:`finish`), so re-importing a file changes nothing. Per order, an
    inserted line that takes the place of a deleted one counts as updated,
    the rest as imported; deleted lines left over are counted in
    ``Tally.removed``. The order must exist.
    """

    table = LINES

    def __init__(self, conn: Connection, fields: Sequence[str], tally: Tally) -> None:
        super().__init__(conn, fields, tally)
        self.compared = [f for f in self.fields if f != "order_id"]
        # Lines inserted by this import get ids above this one.
        self.start_max = 0 if self.was_empty else int(
            conn.execute(select(func.max(LINES.c.id))).scalar() or 0)
        self.touched: set[int] = set()
        self.kept: set[int] = set()
        self.inserted: dict[int, int] = defaultdict(int)

    def _stored(self, order_pks: Iterable[int]) -> dict[tuple[Any, ...], list[int]]:
        """Unmatched stored lines of ``order_pks``: (order, values) → ids."""
        found: dict[tuple[Any, ...], list[int]] = defaultdict(list)
        if not self.start_max:
            return found
        columns = [LINES.c.id, LINES.c.order_pk, *(LINES.c[f] for f in self.compared)]
        for part in _chunks(sorted(set(order_pks))):
            query = (select(*columns).where(LINES.c.order_pk.in_(part),
                                            LINES.c.id <= self.start_max)
                     .order_by(LINES.c.id))
            for row in self.conn.execute(query):
                if row[0] not in self.kept:
                    found[tuple(row[1:])].append(row[0])
        return found

    def write(self, rows: list[Prepared]) -> None:
        """Match one batch of lines against the stored lines of their orders."""
        orders = {r.order_id: r.id for r in _lookup(
            self.conn, (ORDERS.c.order_id, ORDERS.c.id), ORDERS.c.order_id,
            (row.values["order_id"] for row in rows))}
        stored = self._stored(orders.values())
        inserts: list[dict[str, Any]] = []
        for row in rows:
            order_pk = orders.get(row.values["order_id"])
            if order_pk is None:
                self.reject(row, "unknown_order", f"unknown order {row.values['order_id']}",
                            order_id=row.values["order_id"])
                continue
            record = {name: row.values.get(name) for name in self.compared}
            if record.get("price") is None:
                record["price"] = Decimal(0)
            if record.get("quantity") is None:
                record["quantity"] = 1
            ids = stored.get((order_pk, *(record[f] for f in self.compared)))
            if ids:
                self.kept.add(ids.pop(0))
                self.tally.unchanged += 1
            else:
                record["order_pk"] = order_pk
                inserts.append(with_order_line_extras(record))
                self.inserted[order_pk] += 1
            self.touched.add(order_pk)
        if inserts:
            for part in _group_by_keys(inserts):
                bulk_insert(self.conn, LINES, part)
            self.tally.imported += len(inserts)

    def finish(self) -> None:
        """Delete the stored lines of the file's orders that the file no longer has."""
        if not self.start_max or not self.touched:
            return
        gone: list[int] = []
        deleted: dict[int, int] = defaultdict(int)
        for part in _chunks(sorted(self.touched)):
            for line_id, order_pk in self.conn.execute(
                    select(LINES.c.id, LINES.c.order_pk).where(
                        LINES.c.order_pk.in_(part), LINES.c.id <= self.start_max)):
                if line_id not in self.kept:
                    gone.append(line_id)
                    deleted[order_pk] += 1
        for part in _chunks(gone):
            self.conn.execute(delete(LINES).where(LINES.c.id.in_(part)))
        replaced = sum(min(count, self.inserted.get(order_pk, 0))
                       for order_pk, count in deleted.items())
        self.tally.imported -= replaced
        self.tally.updated += replaced
        self.tally.removed += len(gone) - replaced


def _group_by_keys(records: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    """``records`` split into runs with the same keys (bulk_insert wants one shape)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        groups[tuple(record)].append(record)
    return groups.values()


class EventWriter(Writer):
    """Events by their natural key; an event is either new or unchanged."""

    table = EVENTS

    _FIELDS = ("sku", "category", "query", "campaign")

    def write(self, rows: list[Prepared]) -> None:
        """Insert the batch's events that are not stored yet."""
        contacts = contact_ids(self.conn, (row.values["email"] for row in rows))
        wanted = list(set(contacts.values()))
        stored: set[tuple[Any, ...]] = set()
        moments = {row.values["at"] for row in rows}
        columns = (EVENTS.c.contact_id, EVENTS.c.type, EVENTS.c.at,
                   *(EVENTS.c[f] for f in self._FIELDS))
        for part in [] if self.was_empty else _chunks(wanted):
            query = select(*columns).where(EVENTS.c.contact_id.in_(part))
            if len(moments) <= _IN_CHUNK:
                query = query.where(EVENTS.c.at.in_(list(moments)))
            stored.update(tuple(r) for r in self.conn.execute(query))
        inserts: list[dict[str, Any]] = []
        for row in rows:
            contact_id = contacts.get(row.values["email"])
            if contact_id is None:
                email = row.values["email"]
                self.reject(row, "unknown_contact",
                            f"unknown contact {email} (import contacts first)", email=email)
                continue
            record = {"contact_id": contact_id, "type": row.values["type"],
                      "at": row.values["at"]}
            record.update((f, row.values.get(f)) for f in self._FIELDS)
            key = tuple(record[c.name] for c in columns)
            if key in stored:
                self.tally.unchanged += 1
                continue
            stored.add(key)
            inserts.append(with_event_extras(record))
        if inserts:
            bulk_insert(self.conn, EVENTS, inserts)
            self.tally.imported += len(inserts)


class ProductWriter(Writer):
    """Products by SKU; a new product needs a name."""

    table = PRODUCTS

    def write(self, rows: list[Prepared]) -> None:
        """Upsert one batch of products."""
        value_fields = [f for f in self.fields if f != "sku"]
        columns = [PRODUCTS.c.sku, *(PRODUCTS.c[f] for f in value_fields)]
        stored = {} if self.was_empty else {
            r.sku: r for r in _lookup(self.conn, columns, PRODUCTS.c.sku,
                                      (row.key for row in rows))}
        inserts: list[dict[str, Any]] = []
        changes: list[dict[str, Any]] = []
        for row in rows:
            values = {k: v for k, v in row.values.items() if k != "sku"}
            old = stored.get(row.key)
            if old is None:
                if values.get("name") is None:
                    self.reject(row, "missing_product_name",
                                f"missing name of new product {row.key}", sku=row.key)
                    continue
                record = {name: values.get(name) for name in value_fields}
                record["sku"] = row.key
                if record.get("price") is None:
                    record["price"] = 0
                inserts.append(record)
                continue
            change = _diff(old, values)
            if change:
                change["sku"] = row.key
                changes.append(change)
                self.tally.updated += 1
            else:
                self.tally.unchanged += 1
        if inserts:
            bulk_insert(self.conn, PRODUCTS, inserts)
            self.tally.imported += len(inserts)
        if changes:
            _update_many(self.conn, PRODUCTS, "sku", changes)


WRITERS: dict[str, type[Writer]] = {
    "contacts": ContactWriter,
    "orders": OrderWriter,
    "order_lines": OrderLineWriter,
    "events": EventWriter,
    "products": ProductWriter,
}
