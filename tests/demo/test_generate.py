"""The demo shop generator: content, determinism, lifecycle coverage, refusal."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine, func, insert, select, text

from tests.demo.lifecycle import lifecycle_counts
from workspace import models
from workspace.db import open_workspace
from workspace.demo import (
    DEFAULT_CONTACTS,
    DemoCancelledError,
    ensure_demo,
    generate_demo,
    workspace_has_data,
)
from workspace.errors import WorkspaceError

TODAY = date(2026, 3, 10)
STATUSES = ("active", "passive", "inactive", "very_inactive", "hot", "warm", "cold")


def _dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every generated row, with surrogate ids replaced by natural keys."""
    queries = {
        "contacts": """SELECT email, first_name, last_name, gender, birth_date, city, region,
                       phone, registered_at, channel, payment_method, device, consent_email,
                       status, orders_count, total_spent, last_order_at FROM contacts""",
        "orders": """SELECT o.order_id, c.email, o.created_at, o.status, o.total, o.delivered_at
                     FROM orders o JOIN contacts c ON c.id = o.contact_id""",
        "order_lines": """SELECT o.order_id, l.sku, l.category, l.price, l.quantity, l.color,
                          l.size, l.style FROM order_lines l JOIN orders o ON o.id = l.order_pk""",
        "events": """SELECT c.email, e.type, e.at, e.day, e.sku, e.category, e.query, e.campaign
                     FROM events e JOIN contacts c ON c.id = e.contact_id""",
        "products": "SELECT * FROM products",
    }
    with engine.connect() as conn:
        return {
            name: sorted((tuple(_plain(v) for v in row) for row in conn.execute(text(sql))),
                         key=repr)
            for name, sql in queries.items()
        }


def _plain(value: Any) -> Any:
    """Raw values compare alike across back ends (SQLite gives text and ints)."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value)).normalize()
    return value


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            table: int(conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one())
            for table in ("contacts", "orders", "order_lines", "events", "products")
        }


def test_counts_match_the_tables(engine: Engine) -> None:
    done: list[tuple[int, int]] = []
    counts = generate_demo(engine, contacts=400, today=TODAY,
                           progress=lambda d, t: done.append((d, t)))
    assert list(counts) == ["contacts", "orders", "order_lines", "events", "products"]
    assert counts == _counts(engine)
    assert counts["contacts"] == 400
    assert 150 <= counts["products"] <= 300
    assert counts["orders"] > 100 and counts["events"] > 4000
    assert done[-1] == (400, 400)


def test_same_seed_same_data_on_any_back_end(engine: Engine, tmp_path: Any) -> None:
    generate_demo(engine, contacts=300, seed=7, today=TODAY)
    again = open_workspace(str(tmp_path / "again.sqlite"))
    other = open_workspace(str(tmp_path / "other.sqlite"))
    try:
        generate_demo(again, contacts=300, seed=7, today=TODAY)
        generate_demo(other, contacts=300, seed=8, today=TODAY)
        first, second, third = _dump(engine), _dump(again), _dump(other)
    finally:
        again.dispose()
        other.dispose()
    for table in first:
        assert first[table] == second[table], table
    assert first["contacts"] != third["contacts"]
    assert first["events"] != third["events"]


def test_other_today_moves_the_dates(tmp_path: Any) -> None:
    a = open_workspace(str(tmp_path / "a.sqlite"))
    b = open_workspace(str(tmp_path / "b.sqlite"))
    try:
        generate_demo(a, contacts=50, today=TODAY)
        generate_demo(b, contacts=50, today=TODAY + timedelta(days=100))
        with a.connect() as ca, b.connect() as cb:
            latest_a = ca.execute(select(func.max(models.Event.day))).scalar_one()
            latest_b = cb.execute(select(func.max(models.Event.day))).scalar_one()
    finally:
        a.dispose()
        b.dispose()
    assert latest_a < TODAY <= latest_b < TODAY + timedelta(days=100)


def test_every_lifecycle_status_has_people(engine: Engine) -> None:
    generate_demo(engine, contacts=600, today=TODAY)
    with engine.connect() as conn:
        counts = lifecycle_counts(conn, TODAY)
    assert sum(counts.values()) == 600
    for status in STATUSES:
        assert counts.get(status, 0) >= 3, (status, counts)


@pytest.mark.slow
def test_default_size_populates_every_status_sensibly(sqlite_engine: Engine) -> None:
    counts = generate_demo(sqlite_engine, today=TODAY)
    assert counts["contacts"] == DEFAULT_CONTACTS
    with sqlite_engine.connect() as conn:
        statuses = lifecycle_counts(conn, TODAY)
        repeat, buyers = conn.execute(text(
            "SELECT SUM(CASE WHEN n >= 2 THEN 1 ELSE 0 END), COUNT(*) FROM "
            "(SELECT contact_id, COUNT(*) AS n FROM orders "
            " WHERE status IN ('paid', 'delivered') GROUP BY contact_id) p")).one()
        abandoned = conn.execute(text(
            "SELECT COUNT(*) FROM (SELECT DISTINCT contact_id, at FROM events "
            "WHERE type = 'cart_abandon') a")).scalar_one()
    for status in STATUSES:
        assert statuses[status] >= DEFAULT_CONTACTS * 0.03, (status, statuses)
    # product.md: repeat purchase in clothing 20-30%; up to 70% of carts abandoned.
    assert 0.2 <= repeat / buyers <= 0.35
    assert 0.5 <= abandoned / (abandoned + counts["orders"]) <= 0.72


def test_aggregates_count_purchases_only(engine: Engine) -> None:
    generate_demo(engine, contacts=800, today=TODAY)
    with engine.connect() as conn:
        statuses: dict[str, int] = dict(conn.execute(text(
            "SELECT status, COUNT(*) FROM orders GROUP BY status")).all())
        mismatched = conn.execute(text("""
            SELECT c.email FROM contacts c
            LEFT JOIN (SELECT contact_id, COUNT(*) AS n, SUM(total) AS s, MAX(created_at) AS l
                       FROM orders WHERE status IN ('paid', 'delivered')
                       GROUP BY contact_id) p ON p.contact_id = c.id
            WHERE c.orders_count <> COALESCE(p.n, 0) OR c.total_spent <> COALESCE(p.s, 0)
               OR (c.last_order_at IS NULL) <> (p.l IS NULL) OR c.last_order_at <> p.l
        """)).all()
        # Contacts whose non-purchase orders must not have been counted.
        with_other = conn.execute(text("""
            SELECT COUNT(DISTINCT contact_id) FROM orders
            WHERE status IN ('cancelled', 'returned', 'pending')""")).scalar_one()
        bad_totals = conn.execute(text("""
            SELECT o.order_id FROM orders o JOIN order_lines l ON l.order_pk = o.id
            GROUP BY o.id, o.order_id, o.total HAVING o.total <> SUM(l.price * l.quantity)
        """)).all()
        returns = conn.execute(text(
            "SELECT SUM(returns_count) FROM contacts")).scalar_one()
        silent_complainers = conn.execute(text(
            "SELECT COUNT(*) FROM contacts WHERE status = 'complained' "
            "AND complaints_count = 0")).scalar_one()
        complainers = conn.execute(text(
            "SELECT COUNT(*) FROM contacts WHERE complaints_count > 0")).scalar_one()
    assert mismatched == []
    assert bad_totals == []
    assert with_other > 10
    assert set(statuses) == {"paid", "delivered", "cancelled", "returned", "pending"}
    assert statuses["paid"] + statuses["delivered"] > 0.8 * sum(statuses.values())
    assert returns == statuses["returned"]
    assert silent_complainers == 0 and complainers > 0


def test_preview_edge_cases_exist(engine: Engine) -> None:
    generate_demo(engine, contacts=300, today=TODAY)
    with engine.connect() as conn:
        contacts = conn.execute(select(models.Contact)).mappings().all()
        big_carts = conn.execute(text("""
            SELECT contact_id, at, COUNT(*) FROM events WHERE type = 'cart_abandon'
            GROUP BY contact_id, at HAVING COUNT(*) >= 10""")).all()
    births = [c["birth_date"] for c in contacts if c["birth_date"] is not None]
    assert big_carts
    assert any(b.month == 2 and b.day == 29 for b in births)
    soon = {(TODAY + timedelta(days=k)).strftime("%m%d") for k in range(8)}
    assert sum(b.strftime("%m%d") in soon for b in births) >= 2
    assert any(c["first_name"] is None and c["last_name"] is None and c["city"] is None
               and c["birth_date"] is None for c in contacts)
    assert any(len(f"{c['first_name']} {c['last_name']}") >= 30 for c in contacts
               if c["first_name"] and c["last_name"])
    assert sum(c["first_name"] is None for c in contacts) >= 5
    assert sum(c["city"] is None for c in contacts) >= 5
    assert {c["status"] for c in contacts} >= {"subscribed", "unsubscribed"}
    assert {c["gender"] for c in contacts} == {"female", "male", "unknown"}
    genders = Counter(c["gender"] for c in contacts)
    assert genders["female"] > genders["male"]  # a clothing shop's audience
    for c in contacts:
        assert c["email"] == c["email"].strip().lower()
        assert c["email"].endswith(".example")  # can never reach a real mailbox
        assert c["phone"] is None or c["phone"].startswith("+7 9")
        if c["first_name"]:  # folded twins are written, Cyrillic included
            assert c["first_name_ci"] == c["first_name"].casefold()


def test_names_match_gender(engine: Engine) -> None:
    generate_demo(engine, contacts=300, today=TODAY)
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT gender, last_name FROM contacts WHERE last_name LIKE '%ов' "
            "OR last_name LIKE '%ова' OR last_name LIKE '%ев' OR last_name LIKE '%ева'")).all()
    assert rows
    for gender, last in rows:
        if gender == "female":
            assert last.endswith("а"), last
        elif gender == "male":
            assert not last.endswith("а"), last


def test_dates_are_in_the_past_and_after_registration(engine: Engine) -> None:
    generate_demo(engine, contacts=300, today=TODAY)
    midnight = datetime.combine(TODAY, time())
    with engine.connect() as conn:
        latest_event = conn.execute(select(func.max(models.Event.at))).scalar_one()
        latest_order = conn.execute(select(func.max(models.Order.created_at))).scalar_one()
        latest_delivery = conn.execute(select(func.max(models.Order.delivered_at))).scalar_one()
        early = conn.execute(text("""
            SELECT COUNT(*) FROM contacts c WHERE c.registered_at > (
                SELECT MIN(e.at) FROM events e WHERE e.contact_id = c.id)""")).scalar_one()
        bad_days = conn.execute(text(
            "SELECT COUNT(*) FROM events WHERE value_ci IS NULL AND type IN "
            "('product_view', 'cart_add', 'cart_abandon', 'search', 'category_view')"
        )).scalar_one()
    assert latest_event is not None and latest_order is not None
    assert latest_delivery is not None
    assert max(latest_event, latest_order, latest_delivery) < midnight
    assert early == 0
    assert bad_days == 0


def test_refuses_a_workspace_with_contacts(engine: Engine) -> None:
    generate_demo(engine, contacts=20, today=TODAY)
    before = _counts(engine)
    with pytest.raises(WorkspaceError, match="already has contacts"):
        generate_demo(engine, contacts=20, today=TODAY)
    assert _counts(engine) == before
    assert ensure_demo(engine, TODAY) is False


def test_refuses_a_workspace_with_products(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(models.Product), [{"sku": "MY-1", "name": "Своя футболка",
                                                "price": Decimal("990")}])
        assert workspace_has_data(conn)
    with pytest.raises(WorkspaceError, match="already has products"):
        generate_demo(engine, contacts=20, today=TODAY)
    assert ensure_demo(engine, TODAY) is False
    assert _counts(engine)["contacts"] == 0


def test_ensure_demo_fills_an_empty_workspace(sqlite_engine: Engine) -> None:
    assert ensure_demo(sqlite_engine, TODAY, contacts=120) is True
    assert _counts(sqlite_engine)["contacts"] == 120
    assert ensure_demo(sqlite_engine, TODAY) is False


def test_cancel_leaves_the_workspace_unchanged(engine: Engine,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("workspace.demo.generate.BATCH_CONTACTS", 50)
    polls: list[int] = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) > 2  # after two batches were written

    with pytest.raises(DemoCancelledError):
        generate_demo(engine, contacts=200, today=TODAY, cancelled=cancelled)
    assert _counts(engine) == dict.fromkeys(
        ("contacts", "orders", "order_lines", "events", "products"), 0)


def test_batches_do_not_change_the_data(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = open_workspace(str(tmp_path / "whole.sqlite"))
    pieces = open_workspace(str(tmp_path / "pieces.sqlite"))
    try:
        generate_demo(whole, contacts=120, today=TODAY)
        monkeypatch.setattr("workspace.demo.generate.BATCH_CONTACTS", 17)
        generate_demo(pieces, contacts=120, today=TODAY)
        assert _dump(whole) == _dump(pieces)
    finally:
        whole.dispose()
        pieces.dispose()


def test_new_rows_after_the_demo_get_fresh_ids(engine: Engine) -> None:
    generate_demo(engine, contacts=30, today=TODAY)
    with engine.begin() as conn:
        top = conn.execute(select(func.max(models.Contact.id))).scalar_one()
        new_id = conn.execute(insert(models.Contact).values(
            email="new@shop.example", gender="unknown", status="subscribed",
            orders_count=0, total_spent=0, returns_count=0, complaints_count=0,
        ).returning(models.Contact.id)).scalar_one()
    assert new_id > top


def test_rejects_no_contacts(sqlite_engine: Engine) -> None:
    with pytest.raises(WorkspaceError, match="at least one contact"):
        generate_demo(sqlite_engine, contacts=0, today=TODAY)
