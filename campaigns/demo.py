"""A finished A/B test in the demo shop, so the Campaigns page has something real to show.

The campaign is exported (groups frozen) and has results simulated from the
domain numbers of product.md: a welcome email opened by about 40 %, a
subject with the customer's name doing a little better.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import Engine, func, select

from campaigns.errors import CampaignError
from campaigns.planner import PlanInputs
from campaigns.store import (
    CampaignDraft,
    VariantResult,
    create_campaign,
    mark_exported,
    store_results,
)
from workspace.models import Campaign

DEMO_CAMPAIGN = "Приветствие: тест темы"
_RATES = {  # variant: (opens, clicks, conversions) per delivered mail
    "A": (0.40, 0.060, 0.015),
    "B": (0.44, 0.085, 0.020),
}


def add_demo_campaign(engine: Engine, today: date, *, seed: int = 42) -> str | None:
    """Add the demo A/B test when the workspace has no campaign; returns its name or None."""
    with engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(Campaign)).scalar_one():
            return None
    draft = CampaignDraft(
        name=DEMO_CAMPAIGN, template="welcome_1", segment="lifecycle_cold",
        subjects=("Добро пожаловать в «Сезон»! Дарим −15% на первый заказ",
                  "{{ first_name | default('Друг') }}, ваш промокод −15% уже внутри"),
        shares=(25.0, 25.0, 50.0), metric="clicks",
        plan=PlanInputs(baseline=0.06, lift=0.25).as_dict())
    try:
        create_campaign(engine, draft, today, split_key=f"demo-{seed}")
    except CampaignError:
        return None  # e.g. a demo too small for two groups: no demo campaign then
    groups = mark_exported_groups(engine, today)
    rng = random.Random(seed)
    results = []
    for label, (opens, clicks, conversions) in _RATES.items():
        sent = len(groups.get(label, []))
        results.append(VariantResult(
            label, sent, _binomial(rng, sent, opens), _binomial(rng, sent, clicks),
            _binomial(rng, sent, conversions)))
    store_results(engine, DEMO_CAMPAIGN, results, source="demo")
    return DEMO_CAMPAIGN


def mark_exported_groups(engine: Engine, today: date) -> dict[str, list[str]]:
    """Freeze the demo campaign's groups as an export would, and return them."""
    from campaigns.store import group_members

    mark_exported(engine, DEMO_CAMPAIGN, today)
    return group_members(engine, DEMO_CAMPAIGN, today)


def _binomial(rng: random.Random, n: int, p: float) -> int:
    return sum(1 for _ in range(n) if rng.random() < p)
