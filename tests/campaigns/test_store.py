"""Campaigns in the workspace: validation, edits, states, results, winner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import Engine

from campaigns import (
    CampaignDraft,
    CampaignError,
    VariantResult,
    choose_winner,
    create_campaign,
    delete_campaign,
    get_campaign,
    list_campaigns,
    load_results,
    mark_exported,
    parse_split,
    set_state,
    store_results,
    update_campaign,
)
from tests.campaigns.conftest import TODAY


def draft(**changes: object) -> CampaignDraft:
    values: dict[str, object] = {"name": "Осень", "template": "welcome_1", "segment": "Москва",
                                 "subjects": ["Тема A", "Тема B"]}
    values.update(changes)
    return CampaignDraft(**values)  # type: ignore[arg-type]


def test_create_stores_everything(moscow: Callable[[int], Engine]) -> None:
    engine = moscow(500)
    send_at = datetime(2026, 12, 1, 10, 0)
    info = create_campaign(engine, draft(
        subjects=["A!", "B!", "C!"], preheaders=["pA", "", "pC"], shares=[20, 20, 20],
        metric="opens", send_at=send_at, timezone="Europe/Moscow", plan={"baseline": 0.4}),
        TODAY)
    assert info.shares == (20, 20, 20, 40)
    assert [(v.label, v.subject, v.preheader) for v in info.variants] == [
        ("A", "A!", "pA"), ("B", "B!", ""), ("C", "C!", "pC")]
    assert (info.metric, info.state, info.send_at, info.timezone) == (
        "opens", "draft", send_at, "Europe/Moscow")
    assert info.plan == {"baseline": 0.4}
    assert [c.name for c in list_campaigns(engine)] == ["Осень"]


def test_default_split_is_ten_ten_eighty(moscow: Callable[[int], Engine]) -> None:
    assert create_campaign(moscow(100), draft(), TODAY).shares == (10, 10, 80)


@pytest.mark.parametrize(("changes", "message"), [
    ({"subjects": ["только одна"]}, "2 to 5 subject variants"),
    ({"subjects": list("abcdef")}, "2 to 5 subject variants"),
    ({"subjects": ["a", " "]}, "subject of variant B is empty"),
    ({"subjects": ["same", "same"]}, "variants A and B are the same"),
    ({"preheaders": ["1", "2", "3"]}, "more preheaders"),
    ({"subjects": ["a", "{{ first_name | default('x') "]}, "subject of variant B: template"),
    ({"preheaders": ["{% if %}"]}, "preheader of variant A: template"),
    ({"shares": [60, 60]}, "more than 100"),
    ({"shares": [10, 0, 90]}, "share above 0"),
    ({"shares": [10, 10, 70]}, "add up to 100"),
    ({"metric": "revenue"}, "unknown metric"),
    ({"template": "nope"}, "no template"),
    ({"segment": "nope"}, "no saved segment or ready-made segment"),
    ({"name": "  "}, "needs a name"),
])
def test_bad_drafts_are_refused(moscow: Callable[[int], Engine], changes: dict[str, object],
                                message: str) -> None:
    engine = moscow(100)
    with pytest.raises(CampaignError, match=message):
        create_campaign(engine, draft(**changes), TODAY)
    assert list_campaigns(engine) == []


def test_duplicate_name(moscow: Callable[[int], Engine]) -> None:
    engine = moscow(100)
    create_campaign(engine, draft(), TODAY)
    with pytest.raises(CampaignError, match="already exists"):
        create_campaign(engine, draft(), TODAY)


def test_ready_made_segment_by_id(moscow: Callable[[int], Engine]) -> None:
    engine = moscow(100)  # none of them are cold: no order, but also no activity -> cold
    info = create_campaign(engine, draft(segment="lifecycle_cold", shares=[50, 50]), TODAY)
    assert info.segment_name == "lifecycle_cold" and info.rest_share == 0


def test_parse_split() -> None:
    assert parse_split("10,10,80", 2) == (10, 10, 80)
    assert parse_split("50,50", 2) == (50, 50, 0)
    assert parse_split("5%, 5%, 90%", 2) == (5, 5, 90)
    with pytest.raises(CampaignError, match="percents"):
        parse_split("ten,ten", 2)


def test_edit_a_draft_then_frozen_after_export(moscow: Callable[[int], Engine]) -> None:
    engine = moscow(300)
    create_campaign(engine, draft(), TODAY)
    info = update_campaign(engine, "Осень", draft(name="Зима", subjects=["X", "Y", "Z"],
                                                  shares=[20, 20, 20]), TODAY)
    assert info.name == "Зима" and info.labels == ("A", "B", "C")
    mark_exported(engine, "Зима", TODAY)
    with pytest.raises(CampaignError, match="frozen"):
        update_campaign(engine, "Зима", draft(name="Зима", subjects=["X", "Y"]), TODAY)
    # the plan may still change
    same = draft(name="Зима", subjects=["X", "Y", "Z"], shares=[20, 20, 20],
                 plan={"baseline": 0.05})
    assert update_campaign(engine, "Зима", same, TODAY).plan == {"baseline": 0.05}


def test_results_winner_and_states(moscow: Callable[[int], Engine]) -> None:
    engine = moscow(300)
    create_campaign(engine, draft(), TODAY)
    mark_exported(engine, "Осень", TODAY)
    results = [VariantResult("A", 1000, 400, 30, 5), VariantResult("B", 1000, 420, 60, None)]
    store_results(engine, "Осень", results, "csv")
    assert load_results(engine, "Осень") == results
    assert get_campaign(engine, "Осень").state == "results_in"
    with pytest.raises(CampaignError, match="no winner"):
        set_state(engine, "Осень", "winner_exported")
    choose_winner(engine, "Осень", "B")
    info = get_campaign(engine, "Осень")
    assert (info.winner, info.state) == ("B", "winner_chosen")
    set_state(engine, "Осень", "winner_exported")
    with pytest.raises(CampaignError, match="no variant 'Q'"):
        choose_winner(engine, "Осень", "Q")


@pytest.mark.parametrize(("results", "message"), [
    ([VariantResult("A", 10, 1, 1), VariantResult("Z", 10, 1, 1)], "unknown variant 'Z'"),
    ([VariantResult("A", 10, 11, 1)], r"opens \(11\) is more than sent \(10\)"),
    ([VariantResult("A", 10, 1, 1, 12)], "conversions"),
    ([VariantResult("A", 10, 1, 1), VariantResult("A", 10, 1, 1)], "given twice"),
    ([VariantResult("A", -1, 0, 0)], "negative"),
])
def test_bad_results_store_nothing(moscow: Callable[[int], Engine],
                                   results: list[VariantResult], message: str) -> None:
    engine = moscow(100)
    create_campaign(engine, draft(), TODAY)
    good = [VariantResult("A", 10, 5, 1), VariantResult("B", 10, 6, 2)]
    store_results(engine, "Осень", good, "csv")
    with pytest.raises(CampaignError, match=message):
        store_results(engine, "Осень", results, "csv")
    assert load_results(engine, "Осень") == good


def test_delete(moscow: Callable[[int], Engine]) -> None:
    engine = moscow(100)
    create_campaign(engine, draft(), TODAY)
    mark_exported(engine, "Осень", TODAY)
    store_results(engine, "Осень", [VariantResult("A", 10, 5, 1)], "csv")
    delete_campaign(engine, "Осень")
    assert list_campaigns(engine) == []
    with pytest.raises(CampaignError, match="no campaign called 'Осень'"):
        get_campaign(engine, "Осень")


def test_demo_campaign(sqlite_engine: Engine) -> None:
    from campaigns.demo import DEMO_CAMPAIGN, add_demo_campaign
    from workspace.demo import generate_demo

    generate_demo(sqlite_engine, contacts=400, seed=1, today=TODAY)
    assert add_demo_campaign(sqlite_engine, TODAY) == DEMO_CAMPAIGN
    info = get_campaign(sqlite_engine, DEMO_CAMPAIGN)
    assert info.frozen and info.state == "results_in"
    results = load_results(sqlite_engine, DEMO_CAMPAIGN)
    assert [r.variant for r in results] == ["A", "B"] and all(r.sent > 0 for r in results)
    assert add_demo_campaign(sqlite_engine, TODAY) is None  # only into a workspace without any
