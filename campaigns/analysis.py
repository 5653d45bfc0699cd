"""Reading A/B results honestly: rates with intervals, significance, a winner or "not yet".

- Each variant's rate of the deciding metric with a 95 % Wilson interval.
- Two variants: the two-sided pooled two-proportion z-test. More: each
  variant against the first (the control), Holm-corrected.
- The winner is the best variant whose difference is significant at alpha;
  otherwise none, with about how many more contacts per variant the
  observed difference would need.
- Results that arrive before the planned sample size carry a warning
  against deciding early; opens carry one about Apple Mail Privacy
  Protection, which opens mail by itself.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from campaigns.errors import CampaignError
from campaigns.stats import METRICS, holm, sample_size, two_proportion_p_value, wilson_interval
from campaigns.store import VariantResult


@dataclass(frozen=True)
class VariantAnalysis:
    """One variant's figures for the deciding metric."""

    variant: str
    sent: int
    successes: int
    rate: float
    ci: tuple[float, float]
    p_value: float | None  # against the first variant (Holm-adjusted with 3+); None for it

    def as_dict(self) -> dict[str, object]:
        """JSON form (``ab analyze``)."""
        return {"variant": self.variant, "sent": self.sent, "successes": self.successes,
                "rate": self.rate, "ci": [self.ci[0], self.ci[1]], "p_value": self.p_value}


@dataclass(frozen=True)
class Analysis:
    """The verdict on a set of results.

    ``warnings`` are stable codes: ``opens-inflated`` (Apple Mail Privacy
    Protection), ``peeking`` (fewer than the planned sample per variant),
    ``few-conversions`` (under 100 conversions per variant).
    """

    metric: str
    alpha: float
    variants: tuple[VariantAnalysis, ...]
    p_value: float | dict[str, float] | None
    winner: str | None
    more_per_variant: int | None  # about how many more per variant, when no winner
    warnings: tuple[str, ...] = field(default=())
    planned_per_variant: int | None = None

    def as_dict(self) -> dict[str, object]:
        """JSON form: ``{"variants": [...], "p_value", "winner", ...}``."""
        return {"metric": self.metric, "alpha": self.alpha,
                "variants": [v.as_dict() for v in self.variants],
                "p_value": self.p_value, "winner": self.winner,
                "more_per_variant": self.more_per_variant,
                "planned_per_variant": self.planned_per_variant,
                "warnings": list(self.warnings)}


def analyze(results: Sequence[VariantResult], *, metric: str = "clicks", alpha: float = 0.05,
            planned_per_variant: int | None = None) -> Analysis:
    """Analyse ``results`` (the first is the control) on ``metric`` at ``alpha``."""
    if metric not in METRICS:
        raise CampaignError(f"unknown metric {metric!r} (choose {', '.join(METRICS)})")
    if not 0 < alpha < 1:
        raise CampaignError(f"alpha must be between 0 and 1, not {alpha}")
    tested = [r for r in results if r.variant != "rest"]
    if len(tested) < 2:
        raise CampaignError("the results need at least two variants to compare")
    counts: list[int] = []
    for r in tested:
        value = r.count(metric)
        if value is None:
            raise CampaignError(f"variant {r.variant} has no {metric} in the results")
        if r.sent <= 0:
            raise CampaignError(f"variant {r.variant} was sent to nobody")
        counts.append(value)
    control_n, control_x = tested[0].sent, counts[0]
    raw = [two_proportion_p_value(control_x, control_n, x, r.sent)
           for r, x in zip(tested[1:], counts[1:], strict=True)]
    adjusted = raw if len(raw) == 1 else holm(raw)
    variants = []
    for i, (r, x) in enumerate(zip(tested, counts, strict=True)):
        interval = wilson_interval(x, r.sent)
        variants.append(VariantAnalysis(
            variant=r.variant, sent=r.sent, successes=x, rate=x / r.sent,
            ci=(interval.low, interval.high), p_value=None if i == 0 else adjusted[i - 1]))
    winner = _winner(variants, alpha)
    p_value: float | dict[str, float] = (
        adjusted[0] if len(adjusted) == 1
        else {v.variant: float(v.p_value) for v in variants[1:] if v.p_value is not None})
    more = None if winner else _more_needed(variants, alpha)
    warnings = []
    if metric == "opens":
        warnings.append("opens-inflated")
    if planned_per_variant and min(r.sent for r in tested) < planned_per_variant:
        warnings.append("peeking")
    if metric == "conversions" and min(counts) < 100:
        warnings.append("few-conversions")
    return Analysis(metric=metric, alpha=alpha, variants=tuple(variants), p_value=p_value,
                    winner=winner, more_per_variant=more, warnings=tuple(warnings),
                    planned_per_variant=planned_per_variant)


def _winner(variants: Sequence[VariantAnalysis], alpha: float) -> str | None:
    control = variants[0]
    others = variants[1:]
    better = [v for v in others if v.p_value is not None and v.p_value < alpha
              and v.rate > control.rate]
    if better:
        return max(better, key=lambda v: v.rate).variant
    if others and all(v.p_value is not None and v.p_value < alpha and v.rate < control.rate
                      for v in others):
        return control.variant
    return None


def _more_needed(variants: Sequence[VariantAnalysis], alpha: float) -> int | None:
    """About how many more contacts per variant the observed best difference needs."""
    control = variants[0]
    best = max(variants[1:], key=lambda v: abs(v.rate - control.rate))
    if not 0 < control.rate < 1 or best.rate == control.rate:
        return None
    lift = best.rate / control.rate - 1
    if not 0 < control.rate * (1 + lift) < 1:
        return None
    needed = sample_size(control.rate, lift, alpha=alpha, variants=len(variants))
    have = min(v.sent for v in variants)
    return max(0, math.ceil(needed - have)) or None
