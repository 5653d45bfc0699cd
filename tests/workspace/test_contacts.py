"""The contacts list in SQL: search (Cyrillic, any case), sort and blocks of rows."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import Engine

from tests.workspace.people import add_contact
from workspace.contacts import (
    ContactQuery,
    count_all_contacts,
    count_contacts,
    fetch_contacts,
    named_contacts,
)


@pytest.fixture
def people(engine: Engine) -> Engine:
    add_contact(
        engine,
        email="anna@example.ru",
        first_name="Анна",
        last_name="Иванова",
        city="Москва",
        orders_count=3,
        total_spent=Decimal("15000.50"),
    )
    add_contact(
        engine,
        email="boris@example.ru",
        first_name="Борис",
        last_name="Петров",
        city="МОСКВА",
        orders_count=1,
        total_spent=Decimal("900"),
    )
    add_contact(
        engine,
        email="vera@example.ru",
        first_name="Вера",
        last_name="Смирнова",
        city="Казань",
        orders_count=7,
        total_spent=Decimal("72000"),
    )
    add_contact(engine, email="50%_off@example.ru", first_name="Promo", city="Уфа")
    return engine


def test_search_is_case_insensitive_in_cyrillic(people: Engine) -> None:
    query = ContactQuery(search="москва")
    assert count_contacts(people, query) == 2
    emails = [row.email for row in fetch_contacts(people, query, 0, 10)]
    assert emails == ["anna@example.ru", "boris@example.ru"]


def test_search_words_must_all_match_some_field(people: Engine) -> None:
    rows = fetch_contacts(people, ContactQuery(search="  АННА  москва "), 0, 10)
    assert [row.email for row in rows] == ["anna@example.ru"]
    assert count_contacts(people, ContactQuery(search="анна казань")) == 0


def test_search_treats_like_wildcards_literally(people: Engine) -> None:
    assert count_contacts(people, ContactQuery(search="50%_")) == 1
    assert count_contacts(people, ContactQuery(search="%")) == 1


def test_sorting_in_sql(people: Engine) -> None:
    by_spent = fetch_contacts(people, ContactQuery(sort_key="total_spent", descending=True), 0, 2)
    assert [row.email for row in by_spent] == ["vera@example.ru", "anna@example.ru"]
    by_orders = fetch_contacts(people, ContactQuery(sort_key="orders_count"), 0, 10)
    assert [row.orders_count for row in by_orders] == [0, 1, 3, 7]
    page = fetch_contacts(people, ContactQuery(sort_key="email"), 1, 2)
    assert [row.email for row in page] == ["anna@example.ru", "boris@example.ru"]


def test_unknown_sort_column_is_refused(people: Engine) -> None:
    with pytest.raises(ValueError, match="unknown sort column"):
        fetch_contacts(people, ContactQuery(sort_key="password"), 0, 1)


def test_count_all_and_named_contacts(people: Engine) -> None:
    assert count_all_contacts(people) == 4
    named = named_contacts(people, limit=2)
    assert [(c.email, c.first_name) for c in named] == [
        ("anna@example.ru", "Анна"), ("boris@example.ru", "Борис")]
