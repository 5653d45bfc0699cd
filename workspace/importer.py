"""Importing contacts, orders, order lines, events and products (data.md).

Public API: :func:`sniff` (what the import dialog previews),
:func:`import_file` (the import itself), shared by the GUI and ``konvert
import``, and :func:`reason_text` (a rejection in English or Russian).
Decisions a marketer should know about:

* **Files.** CSV in UTF-8 (with or without BOM), Windows-1251 or UTF-16 as
  Excel saves "Unicode text", separated by ``,`` ``;`` or tab (a first line
  ``sep=;`` written for Excel names it and is skipped); or an XLSX
  workbook (its first sheet). Line 1 is the header; a row's line number is
  the physical line it starts on, so errors point at what the user sees in
  a text editor or in Excel.
* **Columns.** English and Russian names are recognised (``Почта``,
  ``Дата рождения``...); ``mapping`` overrides them per column with a
  canonical name, ``custom.NAME`` or ``-`` (skip). Unknown contact columns
  become custom attributes; unknown columns of other files are ignored.
* **Empty cells leave stored values alone**, so a partial export updates
  only what it has; a new contact with no status is ``subscribed``.
* **Orders and events of an unknown e-mail are rejected** ("unknown
  contact"), not silently turned into new contacts: a typo in an address
  must not create a subscriber the marketer never imported. Import contacts
  first. Order lines of an unknown order are rejected likewise.
* **Dates** ``2024-03-05``, ``2024-03-05 14:30``, ``05.03.2024``,
  ``05.03.2024 14:30``, and ``5/3/2024``. Slash dates are read in the order the
  file itself shows: the first 10,000 rows are sniffed per column (streaming
  cannot look further ahead); if a value like ``25/3/2024`` occurs it is day
  first, ``3/25/2024`` month first, both kinds means the file is
  inconsistent and slash dates in that column are rejected; with no telling
  value they are day first, as in Russian files. Datetimes are local time of
  the workspace; a time-zone offset is converted to this computer's zone.
* **Validation** rejects a row with its line and a reason (invalid e-mail,
  unparseable or impossible date, negative amount, unknown contact or order,
  missing key, duplicate key of an earlier line in the same file); the rest
  is imported. ``strict=True`` rejects the whole file at the first bad row.
  Each :class:`RowError` has a stable ``code`` (``invalid_email``...) and an
  English ``reason``; ``reason_text(error, "ru")`` says it in Russian.
* **One transaction per file**: rows are written in batches of 5,000 within
  it, so an error, a cancel or a strict rejection leaves the workspace as it
  was. Derived aggregates are recomputed in the same transaction. A big
  contacts import into SQLite drops the secondary indexes inside that
  transaction and rebuilds them at the end, which is far cheaper than
  updating ten indexes row by row (``workspace.imports.indexes``).
  A contacts import into SQLite also runs its INSERTs (one statement per
  batch) on a writer thread while the next rows are read and checked
  (``workspace.imports.pipeline``); it is still the same one transaction.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table
from sqlalchemy.exc import DBAPIError

from workspace import derived
from workspace.db import plain_database_error, write_transaction
from workspace.errors import ImportFileError
from workspace.imports.columns import (
    CANONICAL_COLUMNS,
    KINDS,
    Target,
    auto_target,
    check_kind,
    resolve_targets,
)
from workspace.imports.indexes import IndexDeferral
from workspace.imports.limits import ImportLimits, load_limits
from workspace.imports.pipeline import WritePipeline
from workspace.imports.reading import XLSX, RowSource, open_rows
from workspace.imports.reasons import RowError, reason_text
from workspace.imports.seen import SeenKeys
from workspace.imports.values import (
    CONTACT_STATUSES,
    DEVICES,
    EVENT_TYPES,
    ORDER_STATUSES,
    BadValueError,
    Parser,
    count_parser,
    date_parser,
    datetime_parser,
    enum_parser,
    memoized,
    money_parser,
    parse_consent,
    parse_email,
    parse_gender,
    phone_parser,
    slash_order,
    text_of,
    text_parser,
)
from workspace.imports.writers import (
    CONTACTS,
    EVENTS,
    LINES,
    ORDERS,
    PRODUCTS,
    WRITERS,
    Prepared,
    Tally,
)
from workspace.rows import with_contact_extras

__all__ = [
    "CANONICAL_COLUMNS",
    "KINDS",
    "FileSniff",
    "ImportCancelledError",
    "ImportInterruptedError",
    "ImportResult",
    "RowError",
    "import_file",
    "reason_text",
    "sniff",
]

log = logging.getLogger(__name__)

BATCH_ROWS = 5000
OVERLAP = True
"""Run the INSERTs of a contacts import into SQLite on a second thread (:func:`_overlaps`)."""
IMPORT_CACHE_KB = 64_000
"""SQLite page cache of the connection during an overlapped import."""
DATE_SNIFF_ROWS = 10_000
SAMPLE_ROWS = 20

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class FileSniff:
    """What an import file looks like, for the import dialog's preview.

    ``encoding`` is the codec name (``xlsx`` for a workbook), ``delimiter``
    None for a workbook. ``mapping`` gives each header the canonical column
    it was recognised as, or None: for contacts None means it becomes a
    custom attribute, for other kinds that it is ignored.
    """

    encoding: str
    delimiter: str | None
    headers: list[str]
    sample_rows: list[list[str]]
    mapping: dict[str, str | None]


@dataclass(frozen=True)
class ImportResult:
    """Counts of one import; ``errors`` (rejected rows) and ``warnings`` are sorted by line.

    A warning is a bad value in an optional column: the row was imported
    without it. ``refused`` is True when ``strict`` refused the whole file
    (nothing written; the first problem is the only error or warning).
    ``removed`` counts stored order lines an order's new set of lines no
    longer has (order-line files only).
    """

    kind: str
    imported: int
    updated: int
    unchanged: int
    rejected: int
    errors: list[RowError]
    warnings: list[RowError] = field(default_factory=list)
    refused: bool = False
    removed: int = 0


class ImportCancelledError(ImportFileError):
    """The user cancelled the import; nothing was written."""

    exit_code = 1


class ImportInterruptedError(ImportFileError):
    """Ctrl+C (or the like) stopped the import; nothing was written."""

    exit_code = 130


class _StrictRejectError(Exception):
    """Raised inside the transaction to roll a strict import back."""


_TABLES: dict[str, Table] = {
    "contacts": CONTACTS, "orders": ORDERS, "order_lines": LINES, "events": EVENTS,
    "products": PRODUCTS,
}
_DATE_FIELDS = {"birth_date"}
_DATETIME_FIELDS = {"registered_at", "created_at", "delivered_at", "at"}
_KEYS: dict[str, tuple[str, ...]] = {
    "contacts": ("email",),
    "orders": ("order_id",),
    "order_lines": ("order_id", "sku", "color", "size"),
    "events": ("email", "type", "at", "sku", "category", "query", "campaign"),
    "products": ("sku",),
}
# Contact columns whose bad value only warns: the contact is imported without
# it (data.md). The e-mail is the key; the status decides who may be mailed,
# so a bad one still rejects the row rather than subscribe someone by guess.
_STRICT_CONTACT_FIELDS = frozenset({"email", "status"})
MAX_WARNINGS = 100_000
"""Warnings kept per import (like rejected rows, see ``Tally.max_errors``)."""
CUSTOM_VALUE_LENGTH = 2000
"""Longest value of a custom attribute, in characters; a longer one is a warning."""
_REQUIRED_VALUES: dict[str, tuple[str, ...]] = {
    "contacts": ("email",),
    "orders": ("order_id",),
    "order_lines": ("order_id",),
    "events": ("email", "type", "at"),
    "products": ("sku",),
}


def _parser(kind: str, field: str, order: str | None) -> Parser:
    parse = _plain_parser(kind, field, order)
    if field in _DATETIME_FIELDS or field in _UNIQUE_FIELDS:
        return parse
    return memoized(parse)


# Columns whose values are mostly distinct: a cache would only cost memory.
_UNIQUE_FIELDS = {"email", "order_id", "sku", "phone", "total", "price", "old_price",
                  "query", "url", "image_url", "name", "first_name", "last_name"}


def _plain_parser(kind: str, field: str, order: str | None) -> Parser:
    if field == "email":
        return parse_email
    if field in _DATE_FIELDS:
        return date_parser(field, order)
    if field in _DATETIME_FIELDS:
        return datetime_parser(field, order)
    if field == "gender":
        return parse_gender
    if field == "phone":
        return phone_parser(CONTACTS.c.phone.type.length)  # type: ignore[attr-defined]
    if field == "consent_email":
        return parse_consent
    if field == "status":
        return enum_parser("status", CONTACT_STATUSES if kind == "contacts" else ORDER_STATUSES)
    if field == "type":
        return enum_parser("event type", EVENT_TYPES)
    if field == "device":
        return enum_parser("device", DEVICES, strict=False)
    if field in ("total", "price", "old_price"):
        return money_parser(field)
    if field == "quantity":
        return count_parser(field, positive=True)
    if field == "stock":
        return count_parser(field)
    table = _TABLES[kind] if field in _TABLES[kind].c else ORDERS  # order_lines.order_id
    length = getattr(table.c[field].type, "length", None)
    return text_parser(field, length)


def _display(raw: Any) -> str:
    text = text_of(raw)
    return "" if text is None else text


def sniff(path: str | Path, kind: str, *, encoding: str | None = None,
          delimiter: str | None = None) -> FileSniff:
    """Detect encoding, delimiter and column mapping; read the first rows.

    Raises :class:`ImportFileError` for an unreadable file or unknown kind.
    """
    check_kind(kind)
    with open_rows(path, encoding=encoding, delimiter=delimiter, whole_file=False) as source:
        sample = [[_display(cell) for cell in cells]
                  for _line, cells in islice(source.rows, SAMPLE_ROWS)]
        mapping = {header: auto_target(kind, header) if header else None
                   for header in source.headers}
        return FileSniff(source.encoding, source.delimiter, list(source.headers), sample,
                         mapping)


def _line_of(error: RowError) -> int:
    return error.line


class _RowReader:
    """Turns raw cells into :class:`Prepared` rows or a rejection reason.

    Bad values of optional contact columns do not reject the row: they are
    left out and collected in ``warnings`` (line, column, code, reason).
    """

    def __init__(self, kind: str, targets: list[Target],
                 sample: list[tuple[int, list[Any]]], headers: list[str]) -> None:
        self.kind = kind
        self.headers = headers
        self.columns: list[tuple[int, str, Parser]] = []
        self.custom: list[tuple[int, str]] = []
        self.optional: set[int] = set()
        for index, target in enumerate(targets):
            if target.custom is not None:
                self.custom.append((index, target.custom))
            if target.field is None:
                continue
            order = None
            if target.field in _DATE_FIELDS | _DATETIME_FIELDS:
                order = slash_order(cells[index] for _, cells in sample if index < len(cells))
            self.columns.append((index, target.field, _parser(kind, target.field, order)))
            if kind == "contacts" and target.field not in _STRICT_CONTACT_FIELDS:
                self.optional.add(index)
        self.fields = [field for _, field, _ in self.columns]
        self.key_fields = _KEYS[kind]
        self.required = [f for f in _REQUIRED_VALUES[kind] if f in self.fields]
        self.warnings: list[RowError] = []

    def header(self, index: int) -> str:
        """The file's name of column ``index``."""
        return self.headers[index] if index < len(self.headers) else f"#{index + 1}"

    def _nul_column(self, cells: list[Any]) -> int | None:
        try:
            if "\x00" not in "".join(cells):
                return None
        except TypeError:  # a workbook row: numbers, dates, None
            pass
        for index, cell in enumerate(cells):
            if isinstance(cell, str) and "\x00" in cell:
                return index
        return None

    def read(self, line: int, cells: list[Any]) -> Prepared | BadValueError:
        width = len(cells)
        nul = self._nul_column(cells)
        if nul is not None:
            column = self.header(nul)
            error = BadValueError(
                "nul_character",
                f"the cell in column {column!r} contains a NUL character "
                "(the file may be damaged)", column=column)
            error.column = column
            return error
        values: dict[str, Any] = {}
        warnings: list[RowError] | None = None
        for index, field_name, parse in self.columns:
            if index >= width:
                continue
            try:
                value = parse(cells[index])
            except BadValueError as exc:
                if index not in self.optional:
                    exc.column = self.header(index)
                    return exc
                if warnings is None:
                    warnings = []
                warnings.append(RowError(line, str(exc), exc.code, exc.params,
                                         self.header(index)))
                continue
            if value is not None:
                values[field_name] = value
        for field_name in self.required:
            if field_name not in values:
                return BadValueError("missing_value", f"missing {field_name}", field=field_name)
        custom: dict[str, str] | None = None
        if self.custom:
            custom = {}
            for index, name in self.custom:
                if index < width:
                    cell = cells[index]
                    # text_of inlined for CSV cells: a million rows call it per column.
                    if cell.__class__ is str:
                        text: str | None = cell.strip() or None
                    else:
                        text = text_of(cell)
                    if text is not None:
                        if len(text) > CUSTOM_VALUE_LENGTH:
                            if warnings is None:
                                warnings = []
                            warnings.append(RowError(
                                line, f"{name} is too long (more than {CUSTOM_VALUE_LENGTH} "
                                "characters)", "too_long",
                                {"field": name, "limit": CUSTOM_VALUE_LENGTH},
                                self.header(index)))
                            continue
                        custom[name] = text
        if len(self.key_fields) == 1:
            key: Any = values[self.key_fields[0]]
        else:
            key = tuple(values.get(f) for f in self.key_fields)
        if warnings is not None and len(self.warnings) < MAX_WARNINGS:
            self.warnings.extend(warnings)
        return Prepared(line, key, values, custom)


def _deferred_indexes(kind: str, reader: _RowReader) -> dict[str, set[str] | None]:
    """Tables whose indexes a big import rebuilds at the end, with the columns it fills.

    Only contacts so far: the other kinds' writers look rows up through
    secondary indexes while they write.
    """
    if kind != "contacts":
        return {}
    # The columns the file fills, with the twins computed from them.
    written = set(with_contact_extras(dict.fromkeys(reader.fields)))
    tables: dict[str, set[str] | None] = {"contacts": written}
    if reader.custom:
        tables["contact_attributes"] = None
    return tables


def _stop_if(cancelled: Cancelled | None) -> Callable[[], None] | None:
    """A check that ends the wait for another import when the user cancels."""
    if cancelled is None:
        return None

    def check() -> None:
        if cancelled():
            raise ImportCancelledError("import cancelled; nothing was changed")
    return check


def _estimate_rows(source: RowSource, sampled: int) -> int:
    """Rows in the file, extrapolated from the bytes the first ``sampled`` rows took."""
    if sampled < DATE_SNIFF_ROWS:
        return sampled  # the sample is the whole file
    if source.encoding == XLSX:
        return max(source.total - 1, sampled)
    return max(source.total * sampled // max(source.done(), 1), sampled)


def _describe_key(kind: str) -> str:
    return {"contacts": "email", "orders": "order_id", "products": "sku",
            "order_lines": "order, sku, color and size",
            "events": "event"}[kind]


def import_file(
    engine: Engine,
    kind: str,
    path: str | Path,
    *,
    mapping: Mapping[str, str | None] | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    waiting: Callable[[], None] | None = None,
    limits: ImportLimits | None = None,
) -> ImportResult:
    """Import one file of ``kind`` into the workspace, in one transaction.

    Args:
        engine: The workspace.
        kind: One of :data:`KINDS`.
        path: A CSV or XLSX file.
        mapping: Header → canonical column, ``custom.NAME``, ``-`` to skip,
            or None for "as recognised"; headers not listed are recognised.
        encoding: Codec of a CSV file; detected when None.
        delimiter: ``,`` ``;`` or tab; detected when None.
        strict: Refuse the whole file (nothing written) at the first rejected
            row or warning; the result then has ``refused`` set and only
            that problem (``rejected == 1`` for a rejected row).
        progress: Called with ``(done, total)`` after each batch: bytes of a
            CSV file, rows of a workbook.
        cancelled: Polled between batches; when it returns True the import
            is rolled back and :class:`ImportCancelledError` raised.
        waiting: Called once when another import holds the workspace (SQLite)
            and this one waits for it (see :func:`workspace.db.write_transaction`).
        limits: Bounds of the file; the workspace's setting when None
            (:mod:`workspace.imports.limits`).

    Raises:
        ImportFileError: The file cannot be read, the kind is unknown, a
            required column is missing, the mapping is wrong or the file is
            beyond the import limits (:mod:`workspace.imports.limits`).
        ImportInterruptedError: Ctrl+C; nothing was written.
        WorkspaceError: The workspace cannot be written (read-only, busy).
    """
    check_kind(kind)
    if limits is None:
        try:
            with engine.connect() as conn:
                limits = load_limits(conn)
        except (DBAPIError, sqlite3.Error) as exc:
            raise plain_database_error(exc, engine.url) from exc
    limits.validate()
    try:
        return _import(engine, kind, Path(path), mapping, encoding, delimiter, strict,
                       progress, cancelled, waiting, limits)
    except KeyboardInterrupt:
        raise ImportInterruptedError("interrupted; nothing was imported") from None
    except (DBAPIError, sqlite3.Error) as exc:
        plain = plain_database_error(exc, engine.url)
        if not plain.code:
            raise  # not a problem of the user's making: a bug to see in full
        raise plain from exc


def _import(engine: Engine, kind: str, path: Path, mapping: Mapping[str, str | None] | None,
            encoding: str | None, delimiter: str | None, strict: bool,
            progress: Progress | None, cancelled: Cancelled | None,
            waiting: Callable[[], None] | None, limits: ImportLimits) -> ImportResult:
    with open_rows(path, encoding=encoding, delimiter=delimiter, limits=limits) as source:
        targets = resolve_targets(kind, source.headers, mapping)
        sample = list(islice(source.rows, DATE_SNIFF_ROWS))
        reader = _RowReader(kind, targets, sample, source.headers)
        estimated = _estimate_rows(source, len(sample))
        tally = Tally()
        tally.warnings = reader.warnings
        try:
            with write_transaction(engine, waiting=waiting, check=_stop_if(cancelled)) as conn, \
                    _page_cache(conn, kind):
                writer = WRITERS[kind](conn, reader.fields, tally)
                deferral = IndexDeferral(conn, _deferred_indexes(kind, reader), estimated)
                writer.before_write = deferral.consider
                rows = chain(sample, source.rows)
                if _overlaps(conn, kind):
                    with WritePipeline() as pipeline:
                        writer.pipeline = pipeline

                        def consider(writes: int, batch_rows: int) -> None:
                            if not deferral.decided:  # it queries and drops indexes
                                pipeline.sync()
                                # The writer thread keeps cheap indexes up to date.
                                deferral.keep_cheap(writer.samples())
                            deferral.consider(writes, batch_rows)

                        writer.before_write = consider
                        _run(source, rows, reader, writer.write, tally, strict, progress,
                             cancelled)
                    writer.pipeline = None
                else:
                    _run(source, rows, reader, writer.write, tally, strict, progress,
                         cancelled)
                writer.finish()
                if kind != "products":
                    derived.recompute(conn)
                deferral.restore()
        except _StrictRejectError:
            first_error = min(tally.errors, key=_line_of, default=None)
            first_warning = min(tally.warnings, key=_line_of, default=None)
            if first_error is not None and (first_warning is None
                                            or first_error.line <= first_warning.line):
                log.info("strict import of %s refused at line %d", path, first_error.line)
                return ImportResult(kind, 0, 0, 0, 1, [first_error], [], refused=True)
            assert first_warning is not None
            log.info("strict import of %s refused at line %d", path, first_warning.line)
            return ImportResult(kind, 0, 0, 0, 0, [], [first_warning], refused=True)
    errors = sorted(tally.errors, key=_line_of)
    log.info("imported %s from %s: %d new, %d updated, %d unchanged, %d rejected, "
             "%d warnings", kind, path, tally.imported, tally.updated, tally.unchanged,
             tally.rejected, len(tally.warnings))
    return ImportResult(kind, tally.imported, tally.updated, tally.unchanged, tally.rejected,
                        errors, sorted(tally.warnings, key=_line_of), removed=tally.removed)


@contextmanager
def _page_cache(conn: Connection, kind: str) -> Iterator[None]:
    """Limit SQLite's page cache to :data:`IMPORT_CACHE_KB` during an overlapped import.

    The writer thread's allocations land in their own malloc arena, which
    adds to the peak; a smaller cache keeps a million-row import under its
    memory budget (the pages just written stay in the OS file cache).
    """
    if not _overlaps(conn, kind):
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or 0)}")


def _overlaps(conn: Connection, kind: str) -> bool:
    """Whether inserts run on a writer thread (:mod:`workspace.imports.pipeline`).

    Only contacts into SQLite: its module releases the GIL while a statement
    runs, and the contact writer inserts a batch with one statement.
    """
    return OVERLAP and kind == "contacts" and conn.dialect.name == "sqlite"


def _run(
    source: RowSource,
    rows: Iterator[tuple[int, list[Any]]],
    reader: _RowReader,
    write: Callable[[list[Prepared]], None],
    tally: Tally,
    strict: bool,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> None:
    """Read, validate and write every row, counting into ``tally``."""
    # The lines of an order are a set: the same SKU twice is two lines, not a duplicate.
    seen = SeenKeys() if reader.kind != "order_lines" else None
    batch: list[Prepared] = []
    key_name = _describe_key(reader.kind)
    errors = tally.errors
    warnings = tally.warnings

    def flush() -> None:
        if batch:
            fresh = batch
            if seen is not None:
                fresh, duplicates = seen.split(batch)
                for line, first in duplicates:
                    tally.reject(line, "duplicate_key", f"duplicate {key_name} of line {first}",
                                 key=key_name, first_line=first)
            write(fresh)
            batch.clear()
        if strict and (errors or warnings):
            raise _StrictRejectError
        if cancelled is not None and cancelled():
            raise ImportCancelledError("import cancelled; nothing was changed")
        if progress is not None:
            progress(source.done(), source.total)

    try:
        for line, cells in rows:
            result = reader.read(line, cells)
            if isinstance(result, Prepared):
                batch.append(result)
                if len(batch) >= BATCH_ROWS or (strict and warnings):
                    flush()
                continue
            params = {k: v for k, v in result.params.items() if k != "column"}
            tally.reject(line, result.code, str(result), column=result.column, **params)
            if strict:
                flush()
        flush()
    finally:
        if seen is not None:
            seen.close()
    if progress is not None:
        progress(source.total, source.total)
