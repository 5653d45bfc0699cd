"""The A/B figures agree with statsmodels on a table of cases."""

from __future__ import annotations

import math

import pytest
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import (
    proportion_confint,
    proportions_ztest,
    samplesize_proportions_2indep_onetail,
)

from campaigns.stats import (
    detectable_lift,
    holm,
    sample_size,
    two_proportion_p_value,
    wilson_interval,
)

SIZE_CASES = [  # baseline, relative lift, alpha, power, variants
    (0.03, 0.10, 0.05, 0.80, 2),
    (0.40, 0.05, 0.05, 0.80, 2),
    (0.75, 0.03, 0.05, 0.90, 2),
    (0.02, 0.25, 0.01, 0.80, 2),
    (0.10, -0.20, 0.05, 0.80, 2),
    (0.06, 0.15, 0.05, 0.80, 3),
    (0.20, 0.10, 0.10, 0.95, 5),
]


@pytest.mark.parametrize(("baseline", "lift", "alpha", "power", "variants"), SIZE_CASES)
def test_sample_size_matches_statsmodels(baseline: float, lift: float, alpha: float,
                                         power: float, variants: int) -> None:
    ours = sample_size(baseline, lift, alpha=alpha, power=power, variants=variants)
    theirs = samplesize_proportions_2indep_onetail(
        diff=baseline * lift, prop2=baseline, power=power, alpha=alpha / (variants - 1),
        alternative="two-sided")
    assert abs(ours - theirs) / theirs < 0.02
    assert ours == math.ceil(ours)


def test_more_variants_need_more_contacts() -> None:
    two = sample_size(0.05, 0.1)
    assert sample_size(0.05, 0.1, variants=3) > two
    assert sample_size(0.05, 0.1, variants=5) > sample_size(0.05, 0.1, variants=3)


def test_detectable_lift_inverts_sample_size() -> None:
    n = sample_size(0.04, 0.12)
    lift = detectable_lift(0.04, n)
    assert lift is not None and abs(lift - 0.12) < 0.002
    assert sample_size(0.04, lift) <= n
    huge = detectable_lift(0.04, 10)
    assert huge is not None and huge > 5  # ten contacts detect only a huge lift
    assert detectable_lift(0.5, 3) is None  # not even a rate of 100 %


@pytest.mark.parametrize("rate", [0.0, 1.0, -0.1, 1.5])
def test_sample_size_refuses_impossible_rates(rate: float) -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        sample_size(rate, 0.1)


WILSON_CASES = [(0, 10), (1, 10), (30, 1000), (450, 1000), (1000, 1000), (7, 123456)]


@pytest.mark.parametrize(("successes", "trials"), WILSON_CASES)
def test_wilson_matches_statsmodels(successes: int, trials: int) -> None:
    low, high = proportion_confint(successes, trials, alpha=0.05, method="wilson")
    ours = wilson_interval(successes, trials)
    assert abs(ours.low - low) < 1e-4 and abs(ours.high - high) < 1e-4


Z_CASES = [(30, 1000, 45, 1000), (120, 5000, 150, 5000), (5, 40, 9, 38),
           (400, 1000, 430, 1100), (0, 100, 3, 100)]


@pytest.mark.parametrize(("x1", "n1", "x2", "n2"), Z_CASES)
def test_z_test_matches_statsmodels(x1: int, n1: int, x2: int, n2: int) -> None:
    _, theirs = proportions_ztest([x1, x2], [n1, n2])
    ours = two_proportion_p_value(x1, n1, x2, n2)
    assert abs(ours - theirs) <= 0.01 * theirs


def test_z_test_without_variance_is_no_evidence() -> None:
    assert two_proportion_p_value(0, 100, 0, 100) == 1.0
    assert two_proportion_p_value(0, 0, 1, 10) == 1.0


@pytest.mark.parametrize("p_values", [[0.01, 0.04, 0.03], [0.2, 0.001, 0.04, 0.5],
                                      [0.5, 0.5], [0.001]])
def test_holm_matches_statsmodels(p_values: list[float]) -> None:
    theirs = multipletests(p_values, method="holm")[1]
    assert holm(p_values) == pytest.approx(list(theirs), rel=1e-9)
