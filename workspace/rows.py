"""Columns computed from a row before it is written (fold twins, birthday key).

Every writer of contacts, order lines and events (import, demo, the app)
passes its row dict through these so that queries can rely on them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from workspace.text import fold

CONTACT_FOLDED = (
    "first_name", "last_name", "city", "region", "phone", "channel", "payment_method", "device",
)
ORDER_LINE_FOLDED = ("sku", "category", "color", "size", "style")

# Which field of an event a behaviour condition matches, by event type.
EVENT_VALUE_FIELD = {
    "product_view": "sku",
    "cart_add": "sku",
    "cart_abandon": "sku",
    "category_view": "category",
    "search": "query",
    "email_open": "campaign",
    "email_click": "campaign",
    "promo_click": "campaign",
    "site_visit": "sku",
    "complaint": "campaign",
    "return": "sku",
}


def birth_mmdd(birth_date: date | None) -> int | None:
    """Month*100+day of a birthday (229 for 29 February).

    Segments count a 29 February birthday as 28 February in other years.
    """
    if birth_date is None:
        return None
    return birth_date.month * 100 + birth_date.day


def with_contact_extras(row: dict[str, Any]) -> dict[str, Any]:
    """Add the ``*_ci`` twins and ``birth_mmdd`` for the fields present in ``row``."""
    for name in CONTACT_FOLDED:
        if name in row:
            row[f"{name}_ci"] = fold(row[name])
    if "birth_date" in row:
        row["birth_mmdd"] = birth_mmdd(row["birth_date"])
    return row


def with_order_line_extras(row: dict[str, Any]) -> dict[str, Any]:
    """Add the ``*_ci`` twins of an order line."""
    for name in ORDER_LINE_FOLDED:
        if name in row:
            row[f"{name}_ci"] = fold(row[name])
    return row


def with_event_extras(row: dict[str, Any]) -> dict[str, Any]:
    """Add ``day`` (local date of ``at``), ``value_ci`` for the event's type, ``category_ci``."""
    row["day"] = row["at"].date()
    field = EVENT_VALUE_FIELD.get(row["type"], "sku")
    value = row.get(field)
    if row["type"] == "product_view" and value is None:
        value = row.get("category")
    row["value_ci"] = fold(value)
    row["category_ci"] = fold(row.get("category"))
    return row
