"""Contacts added one by one for tests that need a handful of known people."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Engine, insert

from workspace.models import Contact
from workspace.rows import with_contact_extras


def add_contact(engine: Engine, **row: object) -> None:
    """Insert one contact; unspecified columns take plain defaults."""
    base = {
        "gender": "unknown",
        "status": "subscribed",
        "orders_count": 0,
        "total_spent": Decimal(0),
        "returns_count": 0,
        "complaints_count": 0,
    }
    with engine.begin() as conn:
        conn.execute(insert(Contact), [with_contact_extras({**base, **row})])
