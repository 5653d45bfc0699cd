"""Fast INSERTs of many rows: one DBAPI statement, values through the column types.

The writers (:mod:`workspace.imports.writers`) hand their batches here; with
a ``submit`` callable the statement runs on the write pipeline's thread
(:mod:`workspace.imports.pipeline`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import partial
from itertools import repeat
from operator import itemgetter
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import (
    Connection,
    Table,
)
from sqlalchemy.sql.schema import ScalarElementColumnDefault


def bulk_insert(conn: Connection, table: Table, rows: list[dict[str, Any]], *,
                submit: Submit | None = None) -> None:
    """INSERT ``rows`` (all with the same keys) with one DBAPI statement.

    SQLAlchemy's own executemany builds a parameter dictionary per row
    through the compiler, which costs more than SQLite's insert itself on a
    million rows. Here the statement is built once and each row becomes a
    tuple run through the column types' bind processors (dates for SQLite,
    JSON, numerics), so values are stored exactly as SQLAlchemy would.

    With ``submit`` the statement is handed to it (a writer thread, see
    :mod:`workspace.imports.pipeline`) instead of being run here, and on
    SQLite the tuples then travel as one JSON array (:func:`_json_insert`).
    Without, an ``executemany`` is cheaper.
    """
    if not rows:
        return
    dialect = conn.dialect
    names = list(rows[0])
    # Python-side scalar defaults (derived counters = 0) that Core would add.
    defaults = [c for c in table.c
                if c.name not in rows[0] and isinstance(c.default, ScalarElementColumnDefault)]
    preparer = dialect.identifier_preparer
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    all_names = names + [c.name for c in defaults]
    sql = (f"INSERT INTO {preparer.format_table(table)} "
           f"({', '.join(preparer.quote(n) for n in all_names)}) "
           f"VALUES ({', '.join([marker] * len(all_names))})")

    def processor(name: str) -> Any:
        return _processors(dialect, table, name)[0]

    # Column-wise: transpose, map each column through its processor, transpose back.
    getter = itemgetter(*names)
    columns: list[Any] = [[getter(r) for r in rows]] if len(names) == 1 else list(
        zip(*map(getter, rows), strict=True))
    for index, name in enumerate(names):
        proc, fast = _processors(dialect, table, name)
        if fast is not None:
            columns[index] = fast(proc, columns[index])
        elif proc is not None:
            columns[index] = map(proc, columns[index])
    constants = []
    for column in defaults:
        proc = processor(column.name)
        value = column.default.arg  # type: ignore[union-attr]
        constants.append(proc(value) if proc is not None else value)
    if _json_insert(conn, table, all_names, columns, constants, submit):
        return
    columns.extend(repeat(value, len(rows)) for value in constants)
    execute_or_submit(conn, submit, sql, list(zip(*columns, strict=True)))


Submit = Callable[[Callable[[], object]], None]


def execute_or_submit(conn: Connection, submit: Submit | None, sql: str, params: Any) -> None:
    """Run ``sql`` here, or hand it to ``submit`` (the write pipeline's thread)."""
    if submit is None:
        conn.exec_driver_sql(sql, params)
    else:
        submit(partial(conn.exec_driver_sql, sql, params))


# ``->>`` arrived in SQLite 3.38.
JSON_ROWS = sqlite3.sqlite_version_info >= (3, 38, 0)
_EXACT_FLOAT = float(2**53)


def _json_safe(values: list[Any]) -> bool:
    """Whether SQLite reads ``values`` back from JSON exactly as it would bind them."""
    kinds = set(map(type, values))
    if kinds <= _JSON_TEXT_KINDS:
        return True
    if not kinds <= _JSON_KINDS:
        return False
    # Integers beyond 64 bits would turn into reals; of floats only the
    # integral ones are parsed back bit for bit by any parser.
    return all(-(2**63) <= v < 2**63 if v.__class__ is int
               else v.__class__ is not float or (v.is_integer() and abs(v) < _EXACT_FLOAT)
               for v in values if v is not None and v.__class__ is not str)


_JSON_TEXT_KINDS = {str, type(None)}
_JSON_KINDS = {str, int, float, type(None)}


def _json_insert(conn: Connection, table: Table, names: list[str], columns: list[Any],
                 constants: list[Any], submit: Submit | None = None) -> bool:
    """INSERT the rows of ``columns`` as one SQLite statement over a JSON array.

    Python's sqlite3 takes the GIL back after every row of an executemany,
    which makes a writer thread (:mod:`workspace.imports.pipeline`) wait for
    the reading thread at each row. One ``INSERT ... SELECT FROM
    json_each(?)`` runs the whole batch inside SQLite without the GIL. Only
    for a writer thread (``submit``; serially the executemany costs less)
    and values JSON carries exactly (text, 64-bit integers, NULL, integral
    floats); False, with nothing done, when it does not apply.
    """
    if submit is None or conn.dialect.name != "sqlite" or not JSON_ROWS:
        return False
    materialized = [c if isinstance(c, list) else list(c) for c in columns]
    columns[:] = materialized  # the iterators are spent; the caller may still need them
    if not all(map(_json_safe, materialized)) or not _json_safe(constants):
        return False
    payload = json.dumps(list(zip(*materialized, strict=True)), ensure_ascii=False,
                         check_circular=False)
    if "\\u0000" in payload:  # SQLite's JSON strings end at a NUL
        return False
    width = len(materialized)
    preparer = conn.dialect.identifier_preparer
    picks = [f"value ->> {index}" for index in range(width)] + ["?"] * len(constants)
    execute_or_submit(conn, submit,
             f"INSERT INTO {preparer.format_table(table)} "
             f"({', '.join(preparer.quote(n) for n in names)}) "
             f"SELECT {', '.join(picks)} FROM json_each(?)",
             (*constants, payload))
    return True


def _iso_datetimes(proc: Any, values: Iterable[Any]) -> list[Any]:
    return [None if v is None else v.isoformat(" ", "microseconds") if v.__class__ is datetime
            else proc(v) for v in values]


def _iso_dates(proc: Any, values: Iterable[Any]) -> list[Any]:
    return [None if v is None else v.isoformat() if v.__class__ is date else proc(v)
            for v in values]


def _bool_ints(proc: Any, values: Iterable[Any]) -> list[Any]:
    return [None if v is None else int(v) if v.__class__ is bool else proc(v) for v in values]


def _json_texts(serialize: Any, proc: Any, values: Iterable[Any]) -> list[Any]:
    return [serialize(v) if v.__class__ is dict else proc(v) for v in values]


_PROBES: tuple[Any, ...] = (datetime(987, 3, 5, 14, 30, 0, 1234), date(987, 3, 5),
                            {"Клубная карта": "Gold", "n": [1, None]}, True)
# dialect → (table, column) → (bind processor, faster equivalent or None)
_PROCESSORS: WeakKeyDictionary[Any, dict[tuple[str, str], tuple[Any, Any]]] = (
    WeakKeyDictionary())


def _processors(dialect: Any, table: Table, name: str) -> tuple[Any, Any]:
    """The bind processor of a column, and a comprehension that gives the same values faster.

    SQLite's date and datetime processors build each string through a
    ``%`` format with a dict, the JSON processor wraps ``json.dumps`` and the
    boolean one checks every value; ``isoformat``, the serializer and ``int``
    are several times faster on a million rows. Each shortcut is used only
    after it produced exactly what the processor produces for a probe value,
    and only for values of the probe's exact class (others still go through
    the processor).
    """
    known = _PROCESSORS.setdefault(dialect, {})
    key = (table.name, name)
    if key not in known:
        proc = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        known[key] = (proc, None if proc is None else _pick_fast(dialect, proc))
    return known[key]


def _pick_fast(dialect: Any, proc: Any) -> Any:
    serialize = getattr(dialect, "_json_serializer", None) or json.dumps

    def json_texts(proc: Any, values: Iterable[Any]) -> list[Any]:
        return _json_texts(serialize, proc, values)

    shortcuts = (_iso_datetimes, _iso_dates, json_texts, _bool_ints)
    for probe, fast in zip(_PROBES, shortcuts, strict=True):
        try:
            expected = proc(probe)
        except (TypeError, ValueError, AttributeError):
            continue
        if expected is None or isinstance(expected, type(probe)):
            continue  # not a converter of this kind of value
        try:
            got = fast(proc, [probe, None])
            if got == [expected, proc(None)] and type(got[0]) is type(expected):
                return fast
        except (TypeError, ValueError, AttributeError):
            pass
    return None
