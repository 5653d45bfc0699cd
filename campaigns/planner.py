"""The A/B planner tied to a real segment: can this test tell the variants apart?

Baseline rates default per metric and scenario from product.md's domain
numbers (a welcome series opens at about 40 %, transactional mail 70-80 %);
the marketer can change them. The plan is recorded with the campaign before
any result comes in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from campaigns.stats import detectable_lift, sample_size

#: Baseline rate per (metric, scenario); ``None`` is the default for other scenarios.
#: Opens: welcome about 40 %, transactional (post-purchase) 70-80 % (product.md);
#: clicks and conversions are typical e-commerce figures, per delivered mail.
BASELINES: dict[str, dict[str | None, float]] = {
    "opens": {"welcome": 0.40, "abandoned_cart": 0.45, "reactivation": 0.15,
              "post_purchase": 0.75, "birthday": 0.45, None: 0.25},
    "clicks": {"welcome": 0.06, "abandoned_cart": 0.08, "reactivation": 0.02,
               "post_purchase": 0.10, "birthday": 0.06, None: 0.03},
    "conversions": {"welcome": 0.02, "abandoned_cart": 0.05, "reactivation": 0.01,
                    "post_purchase": 0.02, "birthday": 0.03, None: 0.01},
}
DEFAULT_LIFT = 0.10
DEFAULT_ALPHA = 0.05
DEFAULT_POWER = 0.80
CONVERSIONS_RULE_OF_THUMB = (100, 200)
"""At least 100-200 conversions per variant before deciding on conversions."""


def default_baseline(metric: str, scenario: str | None) -> float:
    """The default baseline rate of ``metric`` for a template of ``scenario``."""
    table = BASELINES.get(metric, BASELINES["clicks"])
    return table.get(scenario, table[None])


@dataclass(frozen=True)
class PlanInputs:
    """What the planner needs: rates are fractions (0.05 = 5 %), lift relative."""

    baseline: float
    lift: float = DEFAULT_LIFT
    alpha: float = DEFAULT_ALPHA
    power: float = DEFAULT_POWER

    def as_dict(self) -> dict[str, float]:
        """JSON form, as stored with the campaign."""
        return {"baseline": self.baseline, "lift": self.lift, "alpha": self.alpha,
                "power": self.power}

    @classmethod
    def from_dict(cls, data: dict[str, object], baseline: float) -> PlanInputs:
        """Read a stored plan; missing values take the defaults."""
        def number(key: str, default: float) -> float:
            value = data.get(key, default)
            return float(value) if isinstance(value, int | float) else default

        return cls(baseline=number("baseline", baseline), lift=number("lift", DEFAULT_LIFT),
                   alpha=number("alpha", DEFAULT_ALPHA), power=number("power", DEFAULT_POWER))


@dataclass(frozen=True)
class Plan:
    """The planner's answer for one campaign and segment.

    ``per_variant`` is needed per test group to detect ``inputs.lift``;
    ``group_sizes`` are what the chosen shares give (test groups only);
    ``detectable_lift`` is the smallest lift those groups can detect (None:
    not even a doubling... none at all); ``shares_needed`` the test shares
    (percent per variant, then the remainder) that would detect the chosen
    lift, None when the segment is too small even sending all of it.
    """

    inputs: PlanInputs
    variants: int
    sendable: int
    per_variant: int
    group_sizes: tuple[int, ...]
    detectable_lift: float | None
    shares_needed: tuple[float, ...] | None
    expected_conversions: float

    @property
    def enough(self) -> bool:
        """True when every test group reaches the sample size."""
        return bool(self.group_sizes) and min(self.group_sizes) >= self.per_variant


def expected_group_sizes(sendable: int, shares: Sequence[float], variants: int) -> tuple[int, ...]:
    """Test-group sizes the shares give on ``sendable`` contacts (rounded down)."""
    return tuple(int(sendable * s / 100) for s in shares[:variants])


def shares_for(per_variant: int, sendable: int, variants: int) -> tuple[float, ...] | None:
    """Whole-percent test shares that reach ``per_variant`` each, then the remainder."""
    if sendable <= 0:
        return None
    share = math.ceil(100 * per_variant / sendable)
    if share * variants > 100:
        return None
    return (*([float(share)] * variants), float(100 - share * variants))


def make_plan(inputs: PlanInputs, *, sendable: int, shares: Sequence[float],
              variants: int) -> Plan:
    """The plan for ``variants`` variants on ``sendable`` contacts split by ``shares``."""
    per_variant = sample_size(inputs.baseline, inputs.lift, alpha=inputs.alpha,
                              power=inputs.power, variants=variants)
    sizes = expected_group_sizes(sendable, shares, variants)
    smallest = min(sizes) if sizes else 0
    lift = detectable_lift(inputs.baseline, smallest, alpha=inputs.alpha, power=inputs.power,
                           variants=variants)
    return Plan(inputs=inputs, variants=variants, sendable=sendable, per_variant=per_variant,
                group_sizes=sizes, detectable_lift=lift,
                shares_needed=shares_for(per_variant, sendable, variants),
                expected_conversions=per_variant * inputs.baseline)


def percent(value: float) -> str:
    """0.123 → '12 %' (one decimal under 10 %)."""
    number = value * 100
    text = f"{number:.1f}" if number < 10 else f"{number:.0f}"
    return text.rstrip("0").rstrip(".") + " %" if "." in text else text + " %"


def shares_text(shares: Sequence[float]) -> str:
    """(40, 40, 20) → '40/40/20'."""
    return "/".join(f"{s:g}" for s in shares)
