"""Reading results: winner, "not yet", Holm with several variants, warnings."""

from __future__ import annotations

import pytest
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

from campaigns import CampaignError, VariantResult, analyze


def test_clear_winner_with_two_variants() -> None:
    results = [VariantResult("A", 5000, 2000, 150), VariantResult("B", 5000, 2100, 230)]
    analysis = analyze(results, metric="clicks")
    assert analysis.winner == "B"
    expected = proportions_ztest([150, 230], [5000, 5000])[1]
    assert analysis.p_value == pytest.approx(expected, rel=0.01)
    assert analysis.variants[1].rate == pytest.approx(230 / 5000)
    assert analysis.more_per_variant is None


def test_not_yet_says_how_many_more() -> None:
    results = [VariantResult("A", 1000, 400, 30), VariantResult("B", 1000, 410, 36)]
    analysis = analyze(results, metric="clicks")
    assert analysis.winner is None
    assert analysis.more_per_variant is not None and analysis.more_per_variant > 1000


def test_control_wins_when_all_others_are_significantly_worse() -> None:
    results = [VariantResult("A", 5000, 0, 300), VariantResult("B", 5000, 0, 150),
               VariantResult("C", 5000, 0, 160)]
    assert analyze(results).winner == "A"


def test_holm_with_three_variants() -> None:
    results = [VariantResult("A", 4000, 0, 120), VariantResult("B", 4000, 0, 170),
               VariantResult("C", 4000, 0, 135)]
    analysis = analyze(results)
    raw = [proportions_ztest([120, x], [4000, 4000])[1] for x in (170, 135)]
    adjusted = multipletests(raw, method="holm")[1]
    assert isinstance(analysis.p_value, dict)
    assert analysis.p_value["B"] == pytest.approx(adjusted[0], rel=0.01)
    assert analysis.p_value["C"] == pytest.approx(adjusted[1], rel=0.01)
    assert analysis.winner == ("B" if adjusted[0] < 0.05 else None)


def test_warnings() -> None:
    results = [VariantResult("A", 500, 200, 10, 3), VariantResult("B", 500, 260, 12, 4)]
    assert "opens-inflated" in analyze(results, metric="opens").warnings
    assert "peeking" in analyze(results, planned_per_variant=2000).warnings
    assert "peeking" not in analyze(results, planned_per_variant=400).warnings
    assert "few-conversions" in analyze(results, metric="conversions").warnings


@pytest.mark.parametrize(("results", "metric", "message"), [
    ([VariantResult("A", 10, 1, 1)], "clicks", "at least two variants"),
    ([VariantResult("A", 10, 1, 1), VariantResult("B", 0, 0, 0)], "clicks", "sent to nobody"),
    ([VariantResult("A", 10, 1, 1), VariantResult("B", 10, 1, 1)], "conversions",
     "no conversions"),
    ([VariantResult("A", 10, 1, 1), VariantResult("B", 10, 1, 1)], "revenue", "unknown metric"),
])
def test_bad_analysis_input(results: list[VariantResult], metric: str, message: str) -> None:
    with pytest.raises(CampaignError, match=message):
        analyze(results, metric=metric)
