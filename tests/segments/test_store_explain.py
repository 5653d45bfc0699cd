"""Saved segments, references, explain, overlap, lifecycle chart, thresholds, suggestions."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from segments import (
    PRESETS,
    LifecycleThresholds,
    SegmentError,
    count,
    delete_segment,
    distinct_values,
    explain,
    lifecycle_counts,
    list_segments,
    members,
    overlap,
    sample_members,
    save_segment,
    save_thresholds,
)
from tests.segments.world import EMAIL, TODAY, build

MOSCOW = {"field": "city", "op": "eq", "value": "Москва"}
FEMALE = {"field": "gender", "op": "eq", "value": "female"}
BUYERS = {"field": "orders_count", "op": "gt", "value": 0}


def emails(letters: str) -> list[str]:
    return sorted(EMAIL[k] for k in letters)


def test_references_and_cycles(engine: Engine) -> None:
    build(engine)
    with engine.begin() as conn:
        save_segment(conn, "Москва", MOSCOW)
        save_segment(conn, "women of Moscow", {"all": [{"segment": "Москва"}, FEMALE]})
    assert members(engine, {"segment": "women of Moscow"}, TODAY) == emails("AH")
    assert members(engine, {"not": {"segment": "Москва"}}, TODAY) == emails("CDEFGIJ")
    with engine.begin() as conn, pytest.raises(SegmentError, match="cycle"):
        save_segment(conn, "Москва", {"any": [MOSCOW, {"segment": "women of Moscow"}]})
    with engine.begin() as conn, pytest.raises(SegmentError, match="cycle"):
        save_segment(conn, "self", {"not": {"segment": "self"}})
    with engine.begin() as conn, pytest.raises(SegmentError, match=r"'nowhere'.*not saved"):
        save_segment(conn, "broken", {"segment": "nowhere"})
    with pytest.raises(SegmentError, match=r"^all\[1\]: there is no saved segment named 'x'"):
        count(engine, {"all": [MOSCOW, {"segment": "x"}]}, TODAY)
    with engine.begin() as conn, pytest.raises(SegmentError, match="used by: women of Moscow"):
        delete_segment(conn, "Москва")
    # Saving again replaces the rules; the list is by name.
    with engine.begin() as conn:
        save_segment(conn, "Москва", {"field": "city", "op": "eq", "value": "Казань"})
    assert members(engine, {"segment": "women of Moscow"}, TODAY) == []
    assert [s.name for s in list_segments(engine)] == sorted(["Москва", "women of Moscow"])
    with engine.begin() as conn:
        delete_segment(conn, "women of Moscow")
    assert [s.name for s in list_segments(engine)] == ["Москва"]


def test_cycle_written_behind_our_back_is_refused_at_compile(engine: Engine) -> None:
    from sqlalchemy import insert

    from workspace.models import Segment

    with engine.begin() as conn:
        conn.execute(insert(Segment), [{"name": "a", "rules": {"segment": "b"}},
                                       {"name": "b", "rules": {"not": {"segment": "a"}}}])
    with pytest.raises(SegmentError, match=r"cycle \(a -> b -> a\)"):
        count(engine, {"segment": "a"}, TODAY)


def test_explain_marks_every_node(world: Engine) -> None:
    rule = {"all": [FEMALE, {"any": [MOSCOW, {"not": BUYERS}]},
                    {"field": "viewed_category", "op": "eq", "value": "Платья",
                     "within_days": 30}]}
    tree = explain(world, rule, TODAY, "VERA@x.ru ")
    assert tree == {"matched": True, "all": [
        {**FEMALE, "matched": True},
        {"matched": True, "any": [{**MOSCOW, "matched": False},
                                  {"matched": True, "not": {**BUYERS, "matched": False}}]},
        {"field": "viewed_category", "op": "eq", "value": "Платья", "within_days": 30,
         "matched": True},
    ]}
    anna = explain(world, rule, TODAY, "anna@x.ru")
    assert anna["matched"] is False
    assert [n["matched"] for n in anna["all"]] == [True, True, False]
    with pytest.raises(SegmentError, match="no contact"):
        explain(world, rule, TODAY, "nobody@x.ru")


def test_overlap_counts_every_region(engine: Engine) -> None:
    build(engine)
    with engine.begin() as conn:
        save_segment(conn, "moscow", MOSCOW)          # A B H
        save_segment(conn, "women", FEMALE)           # A C E H J
        save_segment(conn, "buyers", BUYERS)          # A D E G
    two = overlap(engine, ["moscow", "women"], TODAY)
    assert two == {
        "segments": ["moscow", "women"], "sizes": {"moscow": 3, "women": 5},
        "regions": [{"in": ["moscow"], "count": 1}, {"in": ["women"], "count": 3},
                    {"in": ["moscow", "women"], "count": 2}],
        "outside": 4, "total": 10}
    three = overlap(engine, ["moscow", "women", "buyers"], TODAY)
    regions = {tuple(r["in"]): r["count"] for r in three["regions"]}
    assert regions == {("moscow",): 1, ("women",): 2, ("buyers",): 2,
                       ("moscow", "women"): 1, ("moscow", "buyers"): 0,
                       ("women", "buyers"): 1, ("moscow", "women", "buyers"): 1}
    assert three["outside"] == 2 and sum(regions.values()) + 2 == 10
    with pytest.raises(SegmentError, match="two or three"):
        overlap(engine, ["moscow"], TODAY)
    with pytest.raises(SegmentError, match="no saved segment named 'ghost'"):
        overlap(engine, ["moscow", "ghost"], TODAY)


def test_lifecycle_counts_and_thresholds(engine: Engine) -> None:
    build(engine)
    assert lifecycle_counts(engine, TODAY) == {
        "cold": 2, "warm": 2, "hot": 2, "active": 1, "passive": 1, "inactive": 1,
        "very_inactive": 1}
    with engine.begin() as conn:
        save_thresholds(conn, LifecycleThresholds(active_days=10, passive_days=120,
                                                  inactive_days=200, hot_days=1,
                                                  warm_view_days=2))
    # A (14 days) passive, G (115) passive, D (195) inactive; only B is hot now;
    # H (cart 10 days ago, no views) turns cold; C and J viewed on 2+ days in 30,
    # I on one day only (its other views are after TODAY).
    counts = lifecycle_counts(engine, TODAY)
    assert counts == {"cold": 3, "warm": 2, "hot": 1, "active": 0, "passive": 2,
                      "inactive": 1, "very_inactive": 1}
    warm = {"field": "lifecycle", "op": "eq", "value": "warm"}
    assert members(engine, warm, TODAY) == emails("CJ")
    assert members(engine, {"field": "lifecycle", "op": "eq", "value": "cold"}, TODAY) \
        == emails("FHI")
    with engine.begin() as conn, pytest.raises(SegmentError, match="Passive must end later"):
        save_thresholds(conn, LifecycleThresholds(active_days=200))


def test_suggestions_and_sample(world: Engine) -> None:
    # Spellings differing in case or spaces are one suggestion (the smallest spelling).
    assert distinct_values(world, "city", "мос") == ["Москва"]
    assert distinct_values(world, "city", "", limit=1) == ["Москва"]
    assert distinct_values(world, "bought_category", "п") == ["Платья"]
    assert distinct_values(world, "viewed_category", "") == ["Платья", "Обувь", "Сумки"]
    assert distinct_values(world, "custom.note", "50%") == ["50% скидка"]
    assert distinct_values(world, "gender", "f") == ["female"]
    with pytest.raises(SegmentError):
        distinct_values(world, "nope", "")
    sample = sample_members(world, FEMALE, TODAY, limit=2)
    assert [m.email for m in sample] == emails("ACEHJ")[:2]
    assert sample[0].first_name == "Анна"


@pytest.mark.parametrize("preset", PRESETS, ids=[p.id for p in PRESETS])
def test_presets_compile(world: Engine, preset: object) -> None:
    from segments.presets import Preset

    assert isinstance(preset, Preset)
    result = count(world, preset.rules, TODAY)
    assert 0 <= result.sendable <= result.count <= 10


def test_preset_counts(world: Engine) -> None:
    by_id = {p.id: p.rules for p in PRESETS}
    assert members(world, by_id["birthday_7_days"], TODAY) == emails("ADG")
    assert members(world, by_id["abandoned_cart_1_day"], TODAY) == emails("B")
    assert members(world, by_id["no_purchase_6_months"], TODAY) == emails("DE")
    assert members(world, by_id["rfm_champions"], TODAY) == emails("A")
    assert members(world, by_id["lifecycle_hot"], date(2025, 3, 15)) == emails("BH")
