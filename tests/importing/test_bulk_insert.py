"""``bulk_insert`` stores values exactly as SQLAlchemy's own processors would."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine

from workspace.imports.bulk import _processors
from workspace.models import Base

VALUES: list[Any] = [
    None, datetime(2024, 3, 5, 14, 30), datetime(1950, 12, 31, 23, 59, 59, 999999),
    datetime(999, 1, 2, 3, 4, 5, 60), date(2024, 2, 29), date(987, 3, 5),
    {"Клубная карта": "Gold", "Сумма": "1 234,50"}, {}, "текст", 5, Decimal("12.50"),
    True, False, 0,
]


def test_fast_conversions_match_the_processors(engine: Engine) -> None:
    dialect = engine.dialect
    shortcuts = 0
    for table in Base.metadata.sorted_tables:
        for column in table.c:
            proc, fast = _processors(dialect, table, column.name)
            if fast is None:
                continue
            shortcuts += 1
            for value in VALUES:
                try:
                    expected = proc(value)
                except (TypeError, ValueError, AttributeError):
                    continue  # a value this column's type refuses anyway
                got = fast(proc, [value])
                assert got == [expected], (table.name, column.name, value)
                assert type(got[0]) is type(expected), (table.name, column.name, value)
    if dialect.name == "sqlite":
        assert shortcuts >= 4  # dates, datetimes, JSON and booleans of contacts at least
