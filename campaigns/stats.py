"""A/B statistics: sample size, detectable lift, Wilson intervals, z-tests, Holm.

Plain functions over numbers, no storage. The normal quantiles come from
:class:`statistics.NormalDist`; the figures agree with statsmodels (tests).

- Sample size per variant for two proportions (the classic formula)::

      n = (z(1-α/2)·√(2·p̄(1-p̄)) + z(1-β)·√(p1(1-p1) + p2(1-p2)))² / (p2-p1)²
      p2 = p1·(1+lift), p̄ = (p1+p2)/2

  With k > 2 variants the plan splits alpha by Bonferroni over the k-1
  comparisons with the first variant (the analysis compares each variant
  with the first, Holm-corrected).
- Analysis: per variant a 95 % Wilson interval; two variants: the two-sided
  pooled two-proportion z-test; more: each against the first, Holm's
  step-down correction.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

_NORMAL = NormalDist()

#: The deciding metrics, in the order the user sees them.
METRICS = ("clicks", "opens", "conversions")


def z_quantile(p: float) -> float:
    """The standard normal quantile of ``p``."""
    return _NORMAL.inv_cdf(p)


def _check_rate(name: str, value: float) -> None:
    if not 0 < value < 1:
        raise ValueError(f"{name} must be between 0 and 1 (exclusive), not {value}")


def comparisons_alpha(alpha: float, variants: int) -> float:
    """Alpha per comparison for a plan with ``variants`` variants (Bonferroni over k-1)."""
    if variants < 2:
        raise ValueError(f"an A/B test needs at least 2 variants, not {variants}")
    return alpha / (variants - 1)


def sample_size(baseline: float, lift: float, *, alpha: float = 0.05, power: float = 0.8,
                variants: int = 2) -> int:
    """Contacts per variant to detect a relative ``lift`` over ``baseline`` (rounded up).

    ``lift`` is relative (0.1 = +10 %); it may be negative (a drop), but
    ``baseline·(1+lift)`` must stay a rate between 0 and 1.
    """
    _check_rate("the baseline rate", baseline)
    _check_rate("alpha", alpha)
    _check_rate("power", power)
    if lift == 0:
        raise ValueError("the lift to detect must not be 0")
    p1 = baseline
    p2 = baseline * (1 + lift)
    _check_rate("the baseline rate times (1 + lift)", p2)
    a = comparisons_alpha(alpha, variants)
    z_alpha = z_quantile(1 - a / 2)
    z_beta = z_quantile(power)
    p_bar = (p1 + p2) / 2
    numerator = (z_alpha * math.sqrt(2 * p_bar * (1 - p_bar))
                 + z_beta * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2
    return math.ceil(numerator / (p2 - p1) ** 2)


def detectable_lift(baseline: float, per_variant: int, *, alpha: float = 0.05,
                    power: float = 0.8, variants: int = 2) -> float | None:
    """The smallest relative lift (upwards) a test with ``per_variant`` contacts detects.

    None when even the largest possible lift (to a rate of 1) needs more
    contacts than that.
    """
    _check_rate("the baseline rate", baseline)
    if per_variant < 1:
        return None
    ceiling = (1 - 1e-9) / baseline - 1  # p2 just under 1
    if sample_size(baseline, ceiling, alpha=alpha, power=power, variants=variants) > per_variant:
        return None
    low, high = 0.0, ceiling
    for _ in range(100):  # n(lift) decreases with lift: bisect to a relative 1e-6
        mid = (low + high) / 2
        if mid <= 0:
            break
        if sample_size(baseline, mid, alpha=alpha, power=power,
                       variants=variants) <= per_variant:
            high = mid
        else:
            low = mid
        if high - low < 1e-6 * high:
            break
    return high


@dataclass(frozen=True)
class Interval:
    """A confidence interval of a rate."""

    low: float
    high: float


def wilson_interval(successes: int, trials: int, *, confidence: float = 0.95) -> Interval:
    """The Wilson score interval of ``successes / trials`` (0..1 when ``trials`` is 0)."""
    if trials <= 0:
        return Interval(0.0, 1.0)
    z = z_quantile(1 - (1 - confidence) / 2)
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return Interval(max(0.0, centre - half), min(1.0, centre + half))


def two_proportion_p_value(successes1: int, trials1: int, successes2: int, trials2: int) -> float:
    """Two-sided p-value of the pooled two-proportion z-test (1.0 when undefined)."""
    if trials1 <= 0 or trials2 <= 0:
        return 1.0
    pooled = (successes1 + successes2) / (trials1 + trials2)
    variance = pooled * (1 - pooled) * (1 / trials1 + 1 / trials2)
    if variance <= 0:
        return 1.0  # both all-zero or all-one: no evidence of a difference
    z = (successes2 / trials2 - successes1 / trials1) / math.sqrt(variance)
    return 2 * (1 - _NORMAL.cdf(abs(z)))


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm's step-down adjusted p-values, in the input order."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[index]))
        adjusted[index] = running
    return adjusted
