"""The contacts list: search and sort in SQL, one block of rows at a time.

The app's contacts table (a lazy Qt model) and anything else that pages
through contacts call these; each opens its own connection, so they run on a
worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Engine, and_, func, or_, select

from workspace.models import Contact
from workspace.text import fold

__all__ = [
    "COLUMNS",
    "ContactQuery",
    "ContactRow",
    "NamedContact",
    "count_all_contacts",
    "count_contacts",
    "fetch_contacts",
    "named_contacts",
]


class ContactRow(NamedTuple):
    """One row of the contacts table, plain data that crosses threads."""

    id: int
    email: str
    first_name: str | None
    last_name: str | None
    city: str | None
    orders_count: int
    total_spent: Decimal
    last_order_at: datetime | None
    status: str


COLUMNS = ("email", "name", "city", "orders_count", "total_spent", "last_order_at", "status")
"""Column keys of the table, in display order."""

_SORT_EXPRESSIONS: dict[str, tuple[Any, ...]] = {
    "email": (Contact.email,),
    "name": (Contact.first_name_ci, Contact.last_name_ci),
    "city": (Contact.city_ci,),
    "orders_count": (Contact.orders_count,),
    "total_spent": (Contact.total_spent,),
    "last_order_at": (Contact.last_order_at,),
    "status": (Contact.status,),
}

_SEARCHED = (Contact.email, Contact.first_name_ci, Contact.last_name_ci, Contact.city_ci)


@dataclass(frozen=True)
class ContactQuery:
    """What the table shows: a search text and a sort order."""

    search: str = ""
    sort_key: str = "email"
    descending: bool = False


def _where(query: ContactQuery) -> ColumnElement[bool] | None:
    # Each word must occur in email, first name, last name or city, so
    # "анна москва" finds Anna from Moscow. Folded columns make Cyrillic
    # case-insensitive on SQLite too (its lower() folds ASCII only).
    words = (fold(query.search) or "").split()
    if not words:
        return None
    return and_(
        *(or_(*(col.contains(word, autoescape=True) for col in _SEARCHED)) for word in words)
    )


def _ordered(query: ContactQuery) -> list[Any]:
    if query.sort_key not in _SORT_EXPRESSIONS:
        raise ValueError(f"unknown sort column {query.sort_key!r}")
    keys = [*_SORT_EXPRESSIONS[query.sort_key], Contact.id]
    return [key.desc() if query.descending else key.asc() for key in keys]


def count_contacts(engine: Engine, query: ContactQuery) -> int:
    """How many contacts match ``query`` (opens its own connection)."""
    stmt = select(func.count()).select_from(Contact)
    where = _where(query)
    if where is not None:
        stmt = stmt.where(where)
    with engine.connect() as conn:
        return int(conn.execute(stmt).scalar_one())


def fetch_contacts(
    engine: Engine, query: ContactQuery, offset: int, limit: int
) -> list[ContactRow]:
    """Rows ``offset .. offset+limit`` of ``query``, sorted in SQL (own connection)."""
    stmt = select(
        Contact.id,
        Contact.email,
        Contact.first_name,
        Contact.last_name,
        Contact.city,
        Contact.orders_count,
        Contact.total_spent,
        Contact.last_order_at,
        Contact.status,
    )
    where = _where(query)
    if where is not None:
        stmt = stmt.where(where)
    stmt = stmt.order_by(*_ordered(query)).offset(offset).limit(limit)
    with engine.connect() as conn:
        return [ContactRow(*row) for row in conn.execute(stmt)]


def count_all_contacts(engine: Engine) -> int:
    """Number of contacts in the workspace (own connection)."""
    return count_contacts(engine, ContactQuery())


class NamedContact(NamedTuple):
    """A contact to preview an email for: email, name parts and city."""

    email: str
    first_name: str
    last_name: str | None
    city: str | None


def named_contacts(engine: Engine, limit: int) -> list[NamedContact]:
    """The first ``limit`` contacts (in import order) that have a first name (own connection)."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(Contact.email, Contact.first_name, Contact.last_name, Contact.city)
            .where(Contact.first_name.is_not(None))
            .order_by(Contact.id).limit(limit)
        ).all()
    return [NamedContact(email, first or "", last, city) for email, first, last, city in rows]
