from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Engine, delete, insert, select

from workspace.derived import recompute
from workspace.models import Contact, Event, Order, OrderLine
from workspace.rows import with_contact_extras, with_event_extras


def _contact(conn, email: str) -> int:  # type: ignore[no-untyped-def]
    row = with_contact_extras({"email": email, "first_name": "Анна", "city": "Москва"})
    return int(conn.execute(insert(Contact).values(**row).returning(Contact.id)).scalar_one())


def _order(conn, contact_id: int, oid: str, status: str, total: str, when: datetime,  # type: ignore[no-untyped-def]
           qty: int = 1) -> None:
    pk = conn.execute(insert(Order).values(order_id=oid, contact_id=contact_id, status=status,
                                           total=Decimal(total), created_at=when)
                      .returning(Order.id)).scalar_one()
    conn.execute(insert(OrderLine).values(order_pk=pk, sku=f"SKU-{oid}", price=Decimal(total),
                                          quantity=qty))


def test_only_purchases_count_and_stale_values_reset(engine: Engine) -> None:
    with engine.begin() as conn:
        anna = _contact(conn, "anna@example.ru")
        boris = _contact(conn, "boris@example.ru")
        never = _contact(conn, "never@example.ru")
        _order(conn, anna, "1", "paid", "1000.00", datetime(2024, 1, 10), qty=2)
        _order(conn, anna, "2", "delivered", "3000.00", datetime(2024, 3, 5), qty=4)
        _order(conn, anna, "3", "cancelled", "9999.00", datetime(2024, 4, 1))
        _order(conn, anna, "4", "returned", "500.00", datetime(2024, 4, 2))
        _order(conn, boris, "5", "pending", "700.00", datetime(2024, 5, 1))
        conn.execute(insert(Event).values(**with_event_extras(
            {"contact_id": never, "type": "complaint", "at": datetime(2024, 2, 1, 10, 0)})))
        recompute(conn)

    with engine.connect() as conn:
        rows = {r.email: r for r in conn.execute(select(Contact)).all()}
    a = rows["anna@example.ru"]
    assert a.orders_count == 2
    assert a.total_spent == Decimal("4000.00")
    assert a.avg_order_value == Decimal("2000.00")
    assert float(a.items_per_order) == 3.0
    assert a.first_order_at == datetime(2024, 1, 10)
    assert a.last_order_at == datetime(2024, 3, 5)
    assert a.returns_count == 1
    assert a.rfm_r is not None and a.rfm_group is not None
    b = rows["boris@example.ru"]
    assert (b.orders_count, b.total_spent, b.avg_order_value, b.last_order_at) == (
        0, Decimal(0), None, None)
    assert b.rfm_r is None
    assert rows["never@example.ru"].complaints_count == 1

    # Anna's purchases are deleted: her aggregates must go back to "never bought".
    with engine.begin() as conn:
        conn.execute(delete(OrderLine))
        conn.execute(delete(Order))
        recompute(conn)
    with engine.connect() as conn:
        a2 = conn.execute(select(Contact).where(Contact.email == "anna@example.ru")).one()
    assert (a2.orders_count, a2.returns_count, a2.last_order_at, a2.rfm_r, a2.rfm_group) == (
        0, 0, None, None, None)


def test_rfm_quintiles_keep_ties_and_span_one_to_five(engine: Engine) -> None:
    with engine.begin() as conn:
        for i in range(10):
            cid = _contact(conn, f"c{i}@example.ru")
            for k in range(i + 1):
                _order(conn, cid, f"{i}-{k}", "paid", str(100 * (i + 1)),
                       datetime(2024, 1, 1 + i))
        recompute(conn)
    with engine.connect() as conn:
        rows = {r.email: r for r in conn.execute(select(Contact)).all()}
    assert rows["c0@example.ru"].rfm_r == 1 and rows["c9@example.ru"].rfm_r == 5
    assert rows["c0@example.ru"].rfm_f == 1 and rows["c9@example.ru"].rfm_f == 5
    assert rows["c9@example.ru"].rfm_group == "champions"
    assert rows["c0@example.ru"].rfm_group == "lost"
    scores = [rows[f"c{i}@example.ru"].rfm_m for i in range(10)]
    assert scores == sorted(scores)
    assert date(2024, 1, 1) <= rows["c9@example.ru"].last_order_at.date()
