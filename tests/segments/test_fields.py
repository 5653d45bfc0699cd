"""Every field and operator of segments.md against the test shop, on SQLite and PostgreSQL.

Each case lists the contacts (letters of tests.segments.world) the rule must
match; the same rule under ``not`` must match exactly the others.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine

from segments import count, members
from tests.segments.world import ALL, EMAIL, TODAY


def c(field: str, op: str, value: Any = None, **extra: Any) -> dict[str, Any]:
    rule: dict[str, Any] = {"field": field, "op": op}
    if value is not None:
        rule["value"] = value
    rule.update(extra)
    return rule


EXAMPLE = {"all": [
    {"field": "gender", "op": "eq", "value": "female"},
    {"field": "age", "op": "between", "value": [25, 40]},
    {"field": "city", "op": "in", "value": ["Москва", "Санкт-Петербург"]},
    {"any": [
        {"field": "bought_category", "op": "eq", "value": "Платья"},
        {"field": "viewed_category", "op": "eq", "value": "Платья", "within_days": 30},
    ]},
    {"not": {"field": "days_since_last_order", "op": "lt", "value": 90}},
]}

CASES: list[tuple[dict[str, Any], str]] = [
    # text: folded, trimmed, Cyrillic; empty is false except is_empty / ne / not_in
    (c("city", "eq", "москва"), "ABH"),
    (c("city", "eq", "  МОСКВА"), "ABH"),
    (c("city", "ne", "Москва"), "CDEFGIJ"),
    (c("city", "in", ["Москва", "Санкт-Петербург"]), "ABDEH"),
    (c("city", "not_in", ["Москва", "Санкт-Петербург"]), "CFGIJ"),
    (c("city", "contains", "ПЕТЕР"), "DE"),
    (c("city", "starts_with", "мос"), "ABH"),
    (c("city", "is_empty"), "CFJ"),
    (c("city", "is_not_empty"), "ABDEGHI"),
    (c("city", "eq", "Казань"), "GI"),
    (c("email", "eq", " ANNA@X.RU "), "A"),
    (c("email", "contains", "@x.ru"), "ABCDEFGHIJ"),
    (c("first_name", "starts_with", "БОР"), "B"),
    (c("last_name", "contains", "petr"), "B"),
    (c("last_name", "ne", "иванова"), "BCDEFGHIJ"),
    (c("region", "eq", "московская обл."), "A"),
    (c("phone", "contains", "999"), "A"),
    (c("channel", "eq", "GOOGLE"), "B"),
    (c("payment_method", "eq", "карта"), "A"),
    (c("payment_method", "is_empty"), "BCDEFGHIJ"),
    (c("device", "in", ["Mobile", "tablet"]), "AC"),
    # enums
    (c("gender", "eq", "female"), "ACEHJ"),
    (c("gender", "eq", "Female"), "ACEHJ"),
    (c("gender", "ne", "female"), "BDFGI"),
    (c("gender", "in", ["male", "unknown"]), "BDFGI"),
    (c("gender", "not_in", ["male", "unknown"]), "ACEHJ"),
    (c("gender", "eq", "unknown"), "DG"),
    (c("gender", "is_empty"), ""),
    (c("status", "eq", "subscribed"), "ABFGHIJ"),
    (c("status", "in", ["bounced", "complained"]), "DE"),
    (c("status", "ne", "subscribed"), "CDE"),
    (c("status", "is_not_empty"), "ABCDEFGHIJ"),
    # bool
    (c("consent_email", "eq", True), "ADEFGH"),
    (c("consent_email", "eq", False), "CJ"),
    (c("consent_email", "ne", True), "BCIJ"),
    (c("consent_email", "is_empty"), "BI"),
    # numbers over purchases (cancelled / returned orders are not purchases)
    (c("orders_count", "eq", 0), "BCFHIJ"),
    (c("orders_count", "gt", 1), "A"),
    (c("orders_count", "between", [1, 1]), "DEG"),
    (c("orders_count", "in", [1, 2]), "ADEG"),
    (c("orders_count", "not_in", [0]), "ADEG"),
    (c("total_spent", "gte", 2000), "ADE"),
    (c("total_spent", "lt", 2000), "BCFGHIJ"),
    (c("total_spent", "lte", 1500.5), "BCFGHIJ"),
    (c("avg_order_value", "is_empty"), "BCFHIJ"),
    (c("avg_order_value", "gt", 3000), "AE"),
    (c("avg_order_value", "ne", 4000), "BCDEFGHIJ"),
    (c("items_per_order", "eq", 1.5), "A"),
    (c("items_per_order", "lt", 1.5), "DEG"),
    (c("returns_count", "eq", 1), "B"),
    (c("complaints_count", "gte", 1), "E"),
    # RFM: recency E<D<G<A, frequency A>others, monetary G<D<A<E
    (c("rfm_r", "eq", 5), "A"),
    (c("rfm_r", "is_empty"), "BCFHIJ"),
    (c("rfm_f", "eq", 1), "DEG"),
    (c("rfm_m", "gte", 4), "AE"),
    (c("rfm_group", "eq", "champions"), "A"),
    (c("rfm_group", "eq", "lost"), "E"),
    (c("rfm_group", "in", ["promising", "hibernating"]), "DG"),
    (c("rfm_group", "ne", "champions"), "BCDEFGHIJ"),
    (c("rfm_group", "is_empty"), "BCFHIJ"),
    # age: A 34, B 25 (29 Feb), D 24 (birthday today), E 40, F 25, G 20 (birthday tomorrow)
    (c("age", "between", [25, 40]), "ABEF"),
    (c("age", "eq", 24), "D"),
    (c("age", "eq", 24.5), ""),
    (c("age", "lt", 25), "DG"),
    (c("age", "gte", 34.5), "E"),
    (c("age", "gt", 34), "E"),
    (c("age", "lte", 34), "ABDFG"),
    (c("age", "ne", 25), "ACDEGHIJ"),
    (c("age", "is_empty"), "CHIJ"),
    (c("age", "in", [20, 40]), "EG"),
    (c("age", "not_in", [20, 40]), "ABCDFHIJ"),
    # birthday_in_days: A 5, B 350, D 0, E 350, F 291, G 1
    (c("birthday_in_days", "eq", 0), "D"),
    (c("birthday_in_days", "lte", 7), "ADG"),
    (c("birthday_in_days", "between", [1, 5]), "AG"),
    (c("birthday_in_days", "gt", 300), "BE"),
    (c("birthday_in_days", "in", [291, 1]), "FG"),
    (c("birthday_in_days", "ne", 0), "ABCEFGHIJ"),
    (c("birthday_in_days", "is_empty"), "CHIJ"),
    # tenure_days: A long ago, B 365 (registered 23:59:59 a year ago), F 0 (today 00:00)
    (c("tenure_days", "eq", 365), "B"),
    (c("tenure_days", "eq", 0), "F"),
    (c("tenure_days", "gte", 365), "AB"),
    (c("tenure_days", "lt", 365), "F"),
    (c("tenure_days", "is_empty"), "CDEGHIJ"),
    # days_since_last_order: A 14, D 195, E 804, G 115; empty when never bought
    (c("days_since_last_order", "lt", 90), "A"),
    (c("days_since_last_order", "gt", 180), "DE"),
    (c("days_since_last_order", "eq", 14), "A"),
    (c("days_since_last_order", "eq", 804), "E"),
    (c("days_since_last_order", "between", [100, 200]), "DG"),
    (c("days_since_last_order", "is_empty"), "BCFHIJ"),
    # dates
    (c("birth_date", "on", "2000-02-29"), "B"),
    (c("birth_date", "eq", "2000-02-29"), "B"),
    (c("birth_date", "before", "1990-01-01"), "E"),
    (c("birth_date", "after", "2001-03-15"), "G"),
    (c("birth_date", "between", ["1990-01-01", "2000-12-31"]), "ABF"),
    (c("birth_date", "is_empty"), "CHIJ"),
    (c("birth_date", "ne", "2000-02-29"), "ACDEFGHIJ"),
    (c("registered_at", "on", "2024-03-15"), "B"),
    (c("registered_at", "within_last_days", 0), "F"),
    (c("registered_at", "within_last_days", 365), "BF"),
    (c("registered_at", "more_than_days_ago", 365), "A"),
    (c("registered_at", "more_than_days_ago", 364), "AB"),
    (c("registered_at", "gte", "2024-03-15"), "BF"),
    (c("registered_at", "lte", "2024-03-15"), "AB"),
    (c("registered_at", "gt", "2024-03-15"), "F"),
    (c("registered_at", "lt", "2024-03-15"), "A"),
    (c("last_order_at", "within_last_days", 14), "A"),
    (c("last_order_at", "within_last_days", 13), ""),
    (c("first_order_at", "on", "2024-12-01"), "A"),
    (c("last_order_at", "before", "2024-01-01"), "E"),
    (c("last_order_at", "more_than_days_ago", 195), "E"),
    (c("last_order_at", "more_than_days_ago", 194), "DE"),
    (c("last_order_at", "is_empty"), "BCFHIJ"),
    # purchased order lines (paid / delivered only)
    (c("bought_category", "eq", "платья"), "AE"),
    (c("bought_category", "ne", "Платья"), "BCDFGHIJ"),
    (c("bought_category", "in", ["Обувь", "Сумки"]), "AD"),
    (c("bought_category", "not_in", ["Обувь", "Сумки"]), "BCEFGHIJ"),
    (c("bought_category", "contains", "ЬЯ"), "AE"),
    (c("bought_category", "starts_with", "акс"), "G"),
    (c("bought_category", "is_empty"), "BCFHIJ"),
    (c("bought_category", "is_not_empty"), "ADEG"),
    (c("bought_color", "eq", "красный"), "A"),
    (c("bought_color", "is_not_empty"), "AD"),
    (c("bought_size", "eq", "l"), "E"),
    (c("bought_style", "starts_with", "class"), "A"),
    (c("bought_sku", "eq", "d-1"), "A"),
    # behaviour (events), windows ending TODAY, events after TODAY never in a window
    (c("viewed_category", "eq", "Платья", within_days=30), "CD"),
    (c("viewed_category", "eq", "платья"), "CD"),
    (c("viewed_category", "eq", "Сумки"), "F"),
    (c("viewed_category", "eq", "Сумки", within_days=30), ""),
    (c("viewed_product", "eq", "D-1"), "CIJ"),
    (c("viewed_product", "eq", "D-1", min_count=2), "CIJ"),
    (c("viewed_product", "eq", "D-1", min_count=2, within_days=30), "CJ"),
    (c("viewed_product", "eq", "D-2", min_count=2), ""),
    (c("viewed_product", "exists", within_days=30), "CIJ"),
    (c("viewed_product", "exists", within_days=30, min_count=3), "CJ"),
    (c("viewed_product", "exists", within_days=0), ""),
    (c("viewed_product", "in", ["s-1", "x-1"]), "CF"),
    (c("viewed_product", "ne", "D-1"), "ABDEFGH"),
    (c("viewed_product", "is_empty"), "ABDEGH"),
    (c("abandoned_cart", "exists"), "BGHIJ"),
    (c("abandoned_cart", "exists", within_days=1), "B"),
    (c("abandoned_cart", "exists", within_days=30), "BHJ"),
    (c("abandoned_cart", "eq", "D-2", within_days=30), "B"),
    (c("searched", "contains", "платье"), "A"),
    (c("searched", "starts_with", "КРАС"), "A"),
    (c("opened_email", "eq", "весна-2025", min_count=2), "A"),
    (c("opened_email", "eq", "весна-2025", min_count=3), ""),
    (c("opened_email", "ne", "Весна-2025"), "BCDEFGHIJ"),
    (c("clicked_email", "exists"), "A"),
    (c("clicked_promo", "eq", "подарок", within_days=30), "A"),
    (c("clicked_promo", "eq", "подарок", within_days=20), ""),
    (c("added_to_cart", "eq", "d-1"), "A"),
    (c("visited", "exists", within_days=0), "F"),
    # custom attributes (LIKE wildcards in values are literal)
    (c("custom.loyalty", "eq", "GOLD"), "A"),
    (c("custom.loyalty", "ne", "gold"), "BCDEFGHIJ"),
    (c("custom.loyalty", "in", ["gold", "silver"]), "AB"),
    (c("custom.loyalty", "is_empty"), "CDEFGHIJ"),
    (c("custom.note", "contains", "50%"), "G"),
    (c("custom.note", "contains", "a_b"), "D"),
    (c("custom.note", "starts_with", "50"), "AG"),
    (c("custom.nothing", "is_empty"), "ABCDEFGHIJ"),
    # lifecycle with default thresholds
    (c("lifecycle", "eq", "active"), "A"),
    (c("lifecycle", "eq", "passive"), "G"),
    (c("lifecycle", "eq", "inactive"), "D"),
    (c("lifecycle", "eq", "very_inactive"), "E"),
    (c("lifecycle", "eq", "hot"), "BH"),
    (c("lifecycle", "eq", "warm"), "CJ"),
    (c("lifecycle", "eq", "cold"), "FI"),
    (c("lifecycle", "in", ["hot", "warm"]), "BCHJ"),
    (c("lifecycle", "ne", "active"), "BCDEFGHIJ"),
    (c("lifecycle", "is_empty"), ""),
    # groups
    ({"all": []}, "ABCDEFGHIJ"),
    ({"any": []}, ""),
    ({"not": {"any": []}}, "ABCDEFGHIJ"),
    ({"any": [c("city", "eq", "Казань"), c("gender", "eq", "male")]}, "BFGI"),
    ({"all": [c("city", "eq", "Казань"), c("gender", "eq", "male")]}, "I"),
    ({"all": [c("city", "ne", "Москва"), {"not": c("city", "is_empty")}]}, "DEGI"),
    (EXAMPLE, "E"),
]


def letters(engine: Engine, rule: Any, today: date = TODAY) -> str:
    emails = members(engine, rule, today)
    by_email = {v: k for k, v in EMAIL.items()}
    return "".join(sorted(by_email[e] for e in emails))


@pytest.mark.parametrize(("rule", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_rule_matches_exactly(world: Engine, rule: dict[str, Any], expected: str) -> None:
    assert letters(world, rule) == expected
    # "not" is the exact complement, empty values included.
    assert letters(world, {"not": rule}) == "".join(sorted(ALL - set(expected)))


LEAP_CASES = [
    # On 28 February of a year without 29 February, B (born 29 February) has a birthday.
    (date(2025, 2, 28), c("age", "eq", 25), "BF"),
    (date(2025, 2, 27), c("age", "eq", 25), "F"),
    (date(2025, 2, 28), c("birthday_in_days", "eq", 0), "BE"),
    # In a leap year the birthday is 29 February.
    (date(2024, 2, 28), c("age", "eq", 23), "B"),
    (date(2024, 2, 28), c("birthday_in_days", "eq", 0), "E"),
    (date(2024, 2, 28), c("birthday_in_days", "eq", 1), "B"),
    (date(2024, 2, 29), c("age", "eq", 24), "BF"),
    (date(2024, 2, 29), c("birthday_in_days", "eq", 0), "B"),
    (date(2024, 2, 29), c("birthday_in_days", "eq", 365), "E"),
    (date(2023, 3, 1), c("birthday_in_days", "eq", 365), "B"),
    (date(2023, 3, 1), c("birthday_in_days", "eq", 364), "E"),
    # 31 December to 1 January
    (date(2024, 12, 31), c("birthday_in_days", "eq", 0), "F"),
    (date(2024, 12, 30), c("birthday_in_days", "lte", 1), "F"),
    (date(2025, 1, 1), c("birthday_in_days", "eq", 364), "F"),
]


@pytest.mark.parametrize(("today", "rule", "expected"), LEAP_CASES)
def test_birthdays_and_29_february(world: Engine, today: date, rule: dict[str, Any],
                                   expected: str) -> None:
    assert letters(world, rule, today) == expected
    assert letters(world, {"not": rule}, today) == "".join(sorted(ALL - set(expected)))


def test_today_moves_relative_conditions(world: Engine) -> None:
    rule = c("abandoned_cart", "exists", within_days=1)
    assert letters(world, rule, date(2025, 3, 15)) == "B"
    assert letters(world, rule, date(2025, 3, 21)) == "GH"
    # A bought on 1 March: 90 days later still active, 91 days later passive.
    assert letters(world, c("lifecycle", "eq", "active"), date(2025, 5, 30)) == "A"
    assert letters(world, c("lifecycle", "eq", "passive"), date(2025, 5, 30)) == ""
    assert letters(world, c("lifecycle", "eq", "passive"), date(2025, 5, 31)) == "A"
    # H's cart of 5 March is 14 days old on 19 March (hot), 15 days on 20 March;
    # on 20 March H abandons again, so H stays hot; J (cart 28 Feb) cools down.
    assert letters(world, c("lifecycle", "eq", "hot"), date(2025, 3, 19)) == "BH"
    assert letters(world, c("lifecycle", "in", ["warm", "cold"]), date(2025, 3, 19)) == "CFIJ"


def test_count_and_sendable(world: Engine) -> None:
    everyone = count(world, {"all": []}, TODAY)
    # Sendable: subscribed (an empty status counts) and consent not false: A B F G H I.
    assert (everyone.count, everyone.sendable) == (10, 6)
    moscow = count(world, c("city", "eq", "Москва"), TODAY)
    assert (moscow.count, moscow.sendable) == (3, 3)
    unsubscribed = count(world, c("status", "ne", "subscribed"), TODAY)
    assert (unsubscribed.count, unsubscribed.sendable) == (3, 0)


def test_members_for_sending(world: Engine) -> None:
    sendable = members(world, {"all": []}, TODAY, for_sending=True)
    assert sendable == sorted(EMAIL[k] for k in "ABFGHI")
    asked = members(world, c("status", "eq", "bounced"), TODAY, for_sending=True)
    assert asked == [EMAIL["D"]]
