"""Generated contacts for UI tests and screenshots (Core inserts through the row extras)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, insert

from workspace.models import Contact
from workspace.rows import with_contact_extras

FIRST = (
    "Анна",
    "Мария",
    "Елена",
    "Ольга",
    "Дарья",
    "Иван",
    "Алексей",
    "Дмитрий",
    "Сергей",
    "Наталья",
    "Ксения",
    "Павел",
    "Юлия",
    "Артём",
    "Софья",
    "Ekaterina",
    "John",
)
LAST = (
    "Иванова",
    "Смирнова",
    "Кузнецова",
    "Попова",
    "Васильева",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новикова",
    "Фёдорова",
    "Морозова",
    "Волков",
    "Лебедева",
    "Smith",
)
CITIES = (
    "Москва",
    "Санкт-Петербург",
    "Новосибирск",
    "Екатеринбург",
    "Казань",
    "Нижний Новгород",
    "Самара",
    "Краснодар",
    "Ростов-на-Дону",
    "Уфа",
    None,
)
STATUSES = ("subscribed",) * 8 + ("unsubscribed", "bounced")


def contact_rows(count: int, seed: int = 1, start: int = 0) -> list[dict[str, Any]]:
    """``count`` contact rows with Russian names and cities."""
    rnd = random.Random(seed)
    base = datetime(2025, 6, 1)
    rows = []
    for i in range(start, start + count):
        orders = rnd.choice((0, 0, 1, 1, 2, 3, 5, 8))
        rows.append(
            with_contact_extras(
                {
                    "email": f"client{i:07d}@example.ru",
                    "first_name": rnd.choice(FIRST),
                    "last_name": rnd.choice(LAST),
                    "city": rnd.choice(CITIES),
                    "status": rnd.choice(STATUSES),
                    "gender": "unknown",
                    "orders_count": orders,
                    "total_spent": Decimal(orders * rnd.randint(900, 9000)),
                    "last_order_at": base - timedelta(days=rnd.randint(0, 700)) if orders else None,
                    "returns_count": 0,
                    "complaints_count": 0,
                }
            )
        )
    return rows


def insert_contacts(engine: Engine, count: int, seed: int = 1, batch: int = 20000) -> None:
    """Insert ``count`` generated contacts in batches."""
    with engine.begin() as conn:
        for start in range(0, count, batch):
            conn.execute(insert(Contact), contact_rows(min(batch, count - start), seed, start))
