"""A workspace with plain contacts for campaign tests, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import pytest
from sqlalchemy import Engine, insert

from segments import save_segment
from workspace.models import Contact

TODAY = date(2026, 11, 22)


def add_contacts(engine: Engine, emails: Sequence[str], *, status: str = "subscribed",
                 consent: bool | None = True, city: str = "Москва") -> None:
    """Insert contacts with ``emails`` (folded), all in ``city``."""
    rows = [{"email": e.casefold(), "status": status, "consent_email": consent, "city": city,
             "city_ci": city.casefold(), "gender": "unknown", "orders_count": 0,
             "total_spent": 0, "returns_count": 0, "complaints_count": 0} for e in emails]
    with engine.begin() as conn:
        for start in range(0, len(rows), 5000):
            conn.execute(insert(Contact), rows[start:start + 5000])


@pytest.fixture
def moscow(engine: Engine) -> Callable[[int], Engine]:
    """``moscow(n)``: n sendable contacts in Moscow and a saved segment «Москва»."""

    def make(n: int, offset: int = 0) -> Engine:
        add_contacts(engine, [f"c{i:06d}@example.ru" for i in range(offset, offset + n)])
        with engine.begin() as conn:
            save_segment(conn, "Москва", {"field": "city", "op": "eq", "value": "Москва"})
        return engine

    return make
