"""Rule validation: every mistake is a SegmentError naming the rule's path."""

from __future__ import annotations

from typing import Any

import pytest

from segments import FIELDS, SegmentError, field_spec, parse_rule
from segments.rules import Condition, Group, Not, Reference


def test_parses_the_example_tree() -> None:
    rule = parse_rule({"all": [
        {"field": "city", "op": "in", "value": [" Москва", "САНКТ-ПЕТЕРБУРГ"]},
        {"not": {"segment": "VIP"}},
        {"any": [{"field": "viewed_category", "op": "eq", "value": "Платья",
                  "within_days": 30, "min_count": 2}]},
    ]})
    assert isinstance(rule, Group) and rule.kind == "all"
    city, negated, group = rule.children
    assert isinstance(city, Condition) and city.value == ("москва", "санкт-петербург")
    assert isinstance(negated, Not) and negated.child == Reference("VIP", "all[1].not")
    assert isinstance(group, Group)
    viewed = group.children[0]
    assert isinstance(viewed, Condition)
    assert (viewed.within_days, viewed.min_count, viewed.path) == (30, 2, "all[2].any[0]")


BAD: list[tuple[Any, str]] = [
    ({"all": [{"field": "city", "op": "eq", "value": "x"}] * 3
      + [{"any": [{"field": "age", "op": "gt", "value": 1}, {"field": "nope", "op": "eq"}]}]},
     r"^all\[3\]\.any\[1\]: unknown field 'nope'"),
    ({"field": "age", "op": "contains", "value": "3"}, r"^rule: operator 'contains' does not fit"),
    ({"field": "age", "op": "gt", "value": "30"}, r"^rule: field 'age' needs a number"),
    ({"field": "age", "op": "gt", "value": True}, "needs a number"),
    ({"field": "age", "op": "between", "value": [1]}, r"needs \[low, high\]"),
    ({"field": "city", "op": "eq", "value": 5}, "needs text"),
    ({"field": "city", "op": "in", "value": "Москва"}, "needs a list"),
    ({"field": "gender", "op": "eq", "value": "woman"}, "not a value of 'gender'"),
    ({"field": "status", "op": "in", "value": ["subscribed", "gone"]}, "not a value of 'status'"),
    ({"field": "lifecycle", "op": "eq", "value": "lukewarm"}, "not a value of 'lifecycle'"),
    ({"field": "rfm_group", "op": "eq", "value": "vip"}, "not a value of 'rfm_group'"),
    ({"field": "consent_email", "op": "eq", "value": "yes"}, "true or false"),
    ({"field": "birth_date", "op": "on", "value": "31.12.1990"}, "needs a date YYYY-MM-DD"),
    ({"field": "birth_date", "op": "within_last_days", "value": -1}, "whole number of days"),
    ({"field": "registered_at", "op": "exists"}, "does not fit"),
    ({"field": "city", "op": "eq", "value": "x", "within_days": 3}, "only for behaviour"),
    ({"field": "searched", "op": "exists", "within_days": "7"}, "'within_days' must be"),
    ({"field": "searched", "op": "exists", "min_count": 0}, "'min_count' must be"),
    ({"field": "city", "op": "eq"}, "'value' is missing"),
    ({"field": "city", "value": "x"}, "'op' is missing"),
    ({"field": "city", "op": "eq", "value": "x", "vaule": 1}, "unknown key"),
    ({"all": [], "any": []}, "exactly one of"),
    ({"all": {}}, "'all' must be a list"),
    ({"not": [1]}, r"^not: a rule must be a JSON object"),
    ({"segment": ""}, "name of a saved segment"),
    ([], "must be a JSON object"),
    ({"field": "custom.", "op": "eq", "value": "x"}, "unknown field"),
]


@pytest.mark.parametrize(("data", "message"), BAD)
def test_bad_rules_name_their_path(data: Any, message: str) -> None:
    with pytest.raises(SegmentError, match=message):
        parse_rule(data)


def test_catalogue_covers_the_spec() -> None:
    names = {f.name for f in FIELDS}
    spec_fields = {
        "email", "first_name", "last_name", "city", "region", "phone", "channel",
        "payment_method", "device", "gender", "status", "consent_email", "birth_date",
        "registered_at", "age", "tenure_days", "birthday_in_days", "orders_count",
        "total_spent", "avg_order_value", "items_per_order", "returns_count",
        "complaints_count", "first_order_at", "last_order_at", "days_since_last_order",
        "bought_category", "bought_sku", "bought_color", "bought_size", "bought_style",
        "viewed_product", "viewed_category", "searched", "added_to_cart", "abandoned_cart",
        "visited", "opened_email", "clicked_email", "clicked_promo", "lifecycle", "rfm_r",
        "rfm_f", "rfm_m", "rfm_group",
    }
    assert names == spec_fields
    for f in FIELDS:
        assert f.group in ("Profile", "Purchases", "Behaviour", "Lifecycle", "RFM")
        assert f.label_ru and f.label_en and f.ops
        assert bool(f.values) == (f.type == "enum")
    custom = field_spec("custom.Любимый цвет")
    assert custom is not None and custom.group == "Custom" and "contains" in custom.ops
