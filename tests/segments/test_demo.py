"""Cross-checks on the demo shop: lifecycle against a plain-Python reference, complements."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Engine, select

from segments import PRESETS, count, lifecycle_counts, members
from workspace.demo import generate_demo
from workspace.models import Contact, Event, Order

TODAY = date(2025, 3, 15)


def reference_lifecycle(engine: Engine, today: date) -> dict[str, str]:
    """Lifecycle status by e-mail, straight from segments.md's definitions."""
    with engine.connect() as conn:
        emails = dict(conn.execute(select(Contact.id, Contact.email)).all())
        last_purchase: dict[int, date] = {}
        for cid, at in conn.execute(select(Order.contact_id, Order.created_at)
                                    .where(Order.status.in_(("paid", "delivered")))):
            last_purchase[cid] = max(last_purchase.get(cid, at.date()), at.date())
        abandons: dict[int, set[date]] = {}
        views: dict[int, set[date]] = {}
        for cid, type_, at in conn.execute(select(Event.contact_id, Event.type, Event.at)):
            target = abandons if type_ == "cart_abandon" else views \
                if type_ == "product_view" else None
            if target is not None:
                target.setdefault(cid, set()).add(at.date())
    result = {}
    for cid, email in emails.items():
        if cid in last_purchase:
            days = (today - last_purchase[cid]).days
            status = ("active" if days <= 90 else "passive" if days <= 180
                      else "inactive" if days <= 365 else "very_inactive")
        elif any(today - timedelta(days=14) <= d <= today for d in abandons.get(cid, ())):
            status = "hot"
        elif len([d for d in views.get(cid, ())
                  if today - timedelta(days=30) <= d <= today]) >= 3:
            status = "warm"
        else:
            status = "cold"
        result[email] = status
    return result


def test_demo_lifecycle_matches_reference(engine: Engine) -> None:
    generate_demo(engine, contacts=200, seed=7, today=TODAY)
    for today in (TODAY, TODAY - timedelta(days=20)):  # also with events after "today"
        expected = reference_lifecycle(engine, today)
        counts = lifecycle_counts(engine, today)
        for status, n in counts.items():
            got = members(engine, {"field": "lifecycle", "op": "eq", "value": status}, today)
            assert got == sorted(e for e, s in expected.items() if s == status), status
            assert len(got) == n
        assert sum(counts.values()) == len(expected)


def test_demo_presets_and_complements(engine: Engine) -> None:
    generate_demo(engine, contacts=120, seed=3, today=TODAY)
    total = count(engine, {"all": []}, TODAY).count
    assert total == 120
    rules = [p.rules for p in PRESETS] + [
        {"field": "city", "op": "eq", "value": "москва"},
        {"field": "viewed_category", "op": "exists", "within_days": 30, "min_count": 2},
        {"field": "bought_category", "op": "is_not_empty"},
        {"field": "age", "op": "between", "value": [25, 40]},
    ]
    for rule in rules:
        inside = count(engine, rule, TODAY).count
        outside = count(engine, {"not": rule}, TODAY).count
        assert inside + outside == total, rule
