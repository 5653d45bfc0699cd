"""A small shop for export tests: named contacts, a segment and two campaigns."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, insert

from campaigns import CampaignDraft, create_campaign
from segments import save_segment
from workspace.models import Contact

TODAY = date(2026, 11, 22)
FIRST = ("Анна", "Мария", "", "Олег", "Ирина", "Пётр")


def add_named_contacts(engine: Engine, count: int) -> list[str]:
    """``count`` sendable contacts in Moscow, some without a first name, with phones."""
    rows: list[dict[str, Any]] = []
    for i in range(count):
        first = FIRST[i % len(FIRST)]
        rows.append({
            "email": f"c{i:04d}@example.ru", "status": "subscribed", "consent_email": True,
            "city": "Москва", "city_ci": "москва", "gender": "unknown",
            "first_name": first or None, "first_name_ci": first.casefold() or None,
            "last_name": "Иванова" if i % 2 else None,
            "phone": f"8 (912) 000-{i:02d}-{i:02d}" if i % 3 == 0 else None,
            "birth_date": date(1990, 1 + i % 12, 1 + i % 28),
            "orders_count": 0, "total_spent": 0, "returns_count": 0, "complaints_count": 0})
    with engine.begin() as conn:
        conn.execute(insert(Contact), rows)
        save_segment(conn, "Москва", {"field": "city", "op": "eq", "value": "Москва"})
    return [r["email"] for r in rows]


@pytest.fixture
def shop(sqlite_engine: Engine) -> Engine:
    """40 contacts; campaign «Приветствие» (welcome_1, 2 variants), «Корзина» (cart)."""
    add_named_contacts(sqlite_engine, 40)
    create_campaign(sqlite_engine, CampaignDraft(
        "Приветствие", "welcome_1", "Москва",
        ["{{ first_name | default('Друг') }}, добро пожаловать", "−15% на первый заказ"],
        ["Промокод внутри", ""], shares=(25, 25, 50)), TODAY)
    create_campaign(sqlite_engine, CampaignDraft(
        "Корзина", "abandoned_cart_1", "Москва", ["Корзина ждёт", "Вы кое-что забыли"],
        shares=(25, 25, 50)), TODAY)
    return sqlite_engine
