"""Helpers for import tests: writing files, snapshotting the workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

TABLES = {
    "contacts": "email",
    "contact_attributes": "contact_id, name",
    "orders": "order_id",
    "order_lines": "order_pk, sku, color, size",
    "events": "contact_id, type, at",
    "products": "sku",
}


def write_csv(path: Path, lines: list[str], *, encoding: str = "utf-8",
              delimiter: str = ";", newline: str = "\r\n", bom: bytes = b"") -> Path:
    """Write ``lines`` (cells separated by ``|``) as an Excel-like CSV file."""
    body = newline.join(line.replace("|", delimiter) for line in lines) + newline
    path.write_bytes(bom + body.encode(encoding))
    return path


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the data tables, in a stable order."""
    with engine.connect() as conn:
        return {
            table: [tuple(row) for row in conn.execute(
                text(f"SELECT * FROM {table} ORDER BY {order}"))]
            for table, order in TABLES.items()
        }


def scalar(engine: Engine, sql: str, **params: Any) -> Any:
    """The single value ``sql`` selects."""
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def rows(engine: Engine, stmt: Any) -> list[tuple[Any, ...]]:
    """All rows a typed ``select()`` returns (dates come back as dates on SQLite too)."""
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(stmt)]
