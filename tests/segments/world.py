"""A small shop built for the segment tests: every field has matching and empty values.

Reference date TODAY = 2025-03-15. Letters A-J name the contacts; the
comments say what each one is for. Rows go through the ``with_*_extras``
functions and ``workspace.derived.recompute`` like every real writer.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, insert, select

from workspace.derived import recompute
from workspace.models import Contact, ContactAttribute, Event, Order, OrderLine
from workspace.rows import with_contact_extras, with_event_extras, with_order_line_extras
from workspace.text import fold

TODAY = date(2025, 3, 15)
ALL = frozenset("ABCDEFGHIJ")

_BASE: dict[str, Any] = {
    "first_name": None, "last_name": None, "birth_date": None, "city": None, "region": None,
    "phone": None, "registered_at": None, "channel": None, "payment_method": None,
    "device": None, "consent_email": True, "status": "subscribed", "gender": "unknown",
}

CONTACTS: dict[str, dict[str, Any]] = {
    # Active buyer in Moscow, every profile field filled.
    "A": {"email": "anna@x.ru", "first_name": "Анна", "last_name": "Иванова",
          "gender": "female", "birth_date": date(1990, 3, 20), "city": "Москва",
          "region": "Московская обл.", "phone": "+7 999 111-22-33",
          "registered_at": datetime(2020, 1, 10, 10, 0), "channel": "Instagram",
          "payment_method": "Карта", "device": "mobile"},
    # Born 29 February; city in capitals with a trailing space; empty status and consent;
    # only a cancelled and a returned order; abandoned a cart yesterday (hot).
    "B": {"email": "boris@x.ru", "first_name": "Борис", "last_name": "Petrov",
          "gender": "male", "birth_date": date(2000, 2, 29), "city": "МОСКВА ",
          "registered_at": datetime(2024, 3, 15, 23, 59, 59), "channel": "google",
          "device": "desktop", "consent_email": None, "status": ""},
    # Unsubscribed, no consent, no city; viewed products on 3 days (warm).
    "C": {"email": "vera@x.ru", "first_name": "Вера", "gender": "female",
          "status": "unsubscribed", "consent_email": False, "device": "tablet"},
    # Bounced; birthday today; last purchase 195 days ago (inactive).
    "D": {"email": "gleb@x.ru", "first_name": "Глеб", "birth_date": date(2001, 3, 15),
          "city": "Санкт-Петербург", "status": "bounced"},
    # Complained; born 28 February; bought dresses long ago (very inactive).
    "E": {"email": "dasha@x.ru", "first_name": "Даша", "gender": "female",
          "birth_date": date(1985, 2, 28), "city": "санкт-петербург", "status": "complained"},
    # Registered today at midnight; an old view only (cold).
    "F": {"email": "egor@x.ru", "gender": "male", "birth_date": date(1999, 12, 31),
          "registered_at": datetime(2025, 3, 15, 0, 0)},
    # Birthday tomorrow; purchase 115 days ago (passive); a cart abandoned after TODAY.
    "G": {"email": "zhenya@x.ru", "birth_date": date(2004, 3, 16), "city": "Казань"},
    # Never bought; carts abandoned within 14 days and after TODAY (hot via fallback).
    "H": {"email": "hana@x.ru", "gender": "female", "city": "Москва"},
    # Never bought; only future carts, one view in the window, three after TODAY (cold).
    "I": {"email": "ivan@x.ru", "gender": "male", "city": "Казань ", "consent_email": None},
    # Never bought; cart 15 days ago; views 30, 23 and 1 day ago (warm).
    "J": {"email": "jana@x.ru", "gender": "female", "consent_email": False},
}

# order_id, contact, created_at, status, total,
# lines (sku, category, price, qty, color, size, style)
ORDERS: list[tuple[str, str, datetime, str, str, list[tuple[Any, ...]]]] = [
    ("o1", "A", datetime(2025, 3, 1, 12), "paid", "5000",
     [("D-1", "Платья", "2500", 2, "Красный", "M", "casual")]),
    ("o2", "A", datetime(2024, 12, 1, 9), "delivered", "3000",
     [("S-1", "Обувь", "3000", 1, "Чёрный", "38", "classic")]),
    ("o3", "B", datetime(2025, 3, 10, 15), "cancelled", "4000",
     [("D-2", "Платья", "4000", 1, "Синий", "S", None)]),
    ("o4", "B", datetime(2025, 1, 5, 15), "returned", "1000",
     [("B-1", "Сумки", "1000", 1, None, None, None)]),
    ("o5", "D", datetime(2024, 9, 1, 10), "paid", "2000",
     [("B-2", "Сумки", "2000", 1, "Белый", None, None)]),
    ("o6", "E", datetime(2023, 1, 1, 10), "paid", "10000",
     [("D-3", "Платья", "10000", 1, None, "L", None)]),
    ("o7", "G", datetime(2024, 11, 20, 10), "paid", "1500",
     [("A-1", "Аксессуары", "1500", 1, None, None, None)]),
]

# contact, type, at, extra fields
EVENTS: list[tuple[str, str, datetime, dict[str, Any]]] = [
    ("B", "cart_abandon", datetime(2025, 3, 14, 20), {"sku": "D-2"}),
    ("C", "product_view", datetime(2025, 3, 1, 10), {"sku": "D-1", "category": "Платья"}),
    ("C", "product_view", datetime(2025, 3, 5, 10), {"sku": "D-2", "category": "Платья"}),
    ("C", "product_view", datetime(2025, 3, 10, 10), {"sku": "S-1", "category": "Обувь"}),
    ("C", "product_view", datetime(2025, 3, 10, 18), {"sku": "D-1", "category": "Платья"}),
    ("F", "product_view", datetime(2025, 1, 1, 10), {"sku": "X-1", "category": "Сумки"}),
    ("F", "site_visit", datetime(2025, 3, 15, 23, 59), {}),
    ("A", "search", datetime(2025, 3, 12, 10), {"query": "Красное платье"}),
    ("A", "email_open", datetime(2025, 3, 13, 10), {"campaign": "Весна-2025"}),
    ("A", "email_open", datetime(2025, 3, 14, 10), {"campaign": "Весна-2025"}),
    ("A", "email_click", datetime(2025, 3, 14, 10, 5), {"campaign": "Весна-2025"}),
    ("A", "promo_click", datetime(2025, 2, 20, 10), {"campaign": "Подарок"}),
    ("A", "cart_add", datetime(2025, 3, 1, 11), {"sku": "D-1"}),
    ("E", "complaint", datetime(2025, 2, 1, 10), {"campaign": "Весна-2025"}),
    ("D", "category_view", datetime(2025, 3, 15, 0, 0), {"category": "Платья"}),
    ("G", "cart_abandon", datetime(2025, 3, 20, 10), {"sku": "A-1"}),
    ("H", "cart_abandon", datetime(2025, 3, 5, 10), {"sku": "D-1"}),
    ("H", "cart_abandon", datetime(2025, 3, 20, 10), {"sku": "D-1"}),
    ("I", "cart_abandon", datetime(2025, 3, 25, 10), {"sku": "D-1"}),
    ("I", "product_view", datetime(2025, 3, 14, 10), {"sku": "D-1"}),
    ("I", "product_view", datetime(2025, 3, 20, 10), {"sku": "D-1"}),
    ("I", "product_view", datetime(2025, 3, 21, 10), {"sku": "D-1"}),
    ("I", "product_view", datetime(2025, 3, 22, 10), {"sku": "D-1"}),
    ("J", "cart_abandon", datetime(2025, 2, 28, 10), {"sku": "D-1"}),
    ("J", "product_view", datetime(2025, 2, 13, 0, 0), {"sku": "D-1"}),
    ("J", "product_view", datetime(2025, 2, 20, 10), {"sku": "D-1"}),
    ("J", "product_view", datetime(2025, 3, 14, 10), {"sku": "D-1"}),
]

ATTRIBUTES: list[tuple[str, str, str]] = [
    ("A", "loyalty", "Gold"), ("B", "loyalty", "silver"),
    ("A", "note", "500 рублей"), ("G", "note", "50% скидка"),
    ("B", "note", "axb"), ("D", "note", "a_b"),
]

EMAIL = {k: v["email"] for k, v in CONTACTS.items()}
LETTER = {v: k for k, v in EMAIL.items()}


def build(engine: Engine) -> dict[str, int]:
    """Insert the world into ``engine`` and recompute derived data; returns ids by letter."""
    with engine.begin() as conn:
        for letter in sorted(CONTACTS):
            row = with_contact_extras({**_BASE, **CONTACTS[letter]})
            conn.execute(insert(Contact), row)
        ids = {LETTER[e]: i for i, e in conn.execute(select(Contact.id, Contact.email))}
        for order_id, who, at, status, total, lines in ORDERS:
            pk = conn.execute(insert(Order).returning(Order.id), {
                "order_id": order_id, "contact_id": ids[who], "created_at": at,
                "status": status, "total": Decimal(total)}).scalar_one()
            for sku, category, price, qty, color, size, style in lines:
                conn.execute(insert(OrderLine), with_order_line_extras({
                    "order_pk": pk, "sku": sku, "category": category, "price": Decimal(price),
                    "quantity": qty, "color": color, "size": size, "style": style}))
        conn.execute(insert(Event), [
            with_event_extras({"contact_id": ids[who], "type": type_, "at": at, "sku": None,
                               "category": None, "query": None, "campaign": None, **extra})
            for who, type_, at, extra in EVENTS])
        conn.execute(insert(ContactAttribute), [
            {"contact_id": ids[who], "name": name, "value": value, "value_ci": fold(value)}
            for who, name, value in ATTRIBUTES])
        recompute(conn)
    return ids
