"""What the app's campaign screen loads in one go, off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine

from campaigns.analysis import Analysis, analyze
from campaigns.errors import CampaignError
from campaigns.planner import PlanInputs, default_baseline
from campaigns.split import positions
from campaigns.stats import sample_size
from campaigns.store import (
    CampaignInfo,
    VariantResult,
    get_campaign,
    group_sizes,
    load_results,
    sendable_emails,
    split_key,
)


@dataclass(frozen=True)
class Choice:
    """A template or segment the form offers: its stored name and what the user reads."""

    name: str
    title: str
    scenario: str | None = None


@dataclass(frozen=True)
class Choices:
    """Templates and segments (saved first, then ready-made) for the campaign form."""

    templates: tuple[Choice, ...]
    segments: tuple[Choice, ...]


def campaign_choices(engine: Engine, *, russian: bool = True) -> Choices:
    """The templates and segments a campaign can use."""
    from composer import list_templates
    from segments import PRESETS, list_segments

    templates = tuple(Choice(t.name, t.title or t.name, t.scenario)
                      for t in list_templates(engine))
    saved = [Choice(s.name, s.name) for s in list_segments(engine)]
    ready = [Choice(p.id, p.title_ru if russian else p.title_en) for p in PRESETS]
    return Choices(templates, tuple(saved + ready))


@dataclass(frozen=True)
class CampaignView:
    """A campaign with everything its screen shows."""

    info: CampaignInfo
    scenario: str | None
    sizes: dict[str, int]
    positions: tuple[float, ...] | None  # sorted split positions (None once frozen)
    results: tuple[VariantResult, ...]
    analysis: Analysis | None
    plan: PlanInputs
    sender: str = ""
    template_preheader: str = ""
    context: dict[str, Any] = field(default_factory=dict)
    """A typical sample recipient: what the inbox preview renders subjects with."""
    split_key: str = ""

    @property
    def sendable(self) -> int:
        """Sendable contacts in the (frozen or live) groups."""
        return sum(self.sizes.values())


def plan_inputs(info: CampaignInfo, scenario: str | None) -> PlanInputs:
    """The recorded plan, or the defaults for the campaign's metric and scenario."""
    return PlanInputs.from_dict(info.plan or {}, default_baseline(info.metric, scenario))


def planned_per_variant(info: CampaignInfo, inputs: PlanInputs) -> int | None:
    """The planned sample size per variant (None when the plan cannot be computed)."""
    try:
        return sample_size(inputs.baseline, inputs.lift, alpha=inputs.alpha,
                           power=inputs.power, variants=len(info.variants))
    except ValueError:
        return None


def load_campaign_view(engine: Engine, name: str, today: date) -> CampaignView:
    """Load campaign ``name`` with its group sizes, split positions, results and analysis."""
    info = get_campaign(engine, name)
    scenario, sender, preheader, context = template_facts(engine, info.template_name, today)
    inputs = plan_inputs(info, scenario)
    sorted_positions = None
    key = split_key(engine, name)
    if not info.frozen:
        sorted_positions = tuple(positions(key,
                                           sendable_emails(engine, info.segment_name, today)))
    results = tuple(load_results(engine, name))
    analysis = None
    tested = [r for r in results if r.variant != "rest"]
    if len(tested) >= 2:
        try:
            analysis = analyze(results, metric=info.metric, alpha=inputs.alpha,
                               planned_per_variant=planned_per_variant(info, inputs))
        except (ValueError, CampaignError):
            analysis = None  # e.g. no conversions for a conversions test: shown as missing
    return CampaignView(info=info, scenario=scenario,
                        sizes=group_sizes(engine, name, today), positions=sorted_positions,
                        results=results, analysis=analysis, plan=inputs, sender=sender,
                        template_preheader=preheader, context=context,
                        split_key=key)


def template_facts(engine: Engine, template_name: str,
                   today: date) -> tuple[str | None, str, str, dict[str, Any]]:
    """Scenario, sender, preheader of a template, and a typical recipient's context."""
    from composer import ComposerError, load_brand_kit, load_template, sample_personas

    brand = load_brand_kit(engine)
    personas = sample_personas(brand, today)
    context = next((p.context for p in personas if p.id == "typical"), personas[0].context)
    try:
        template = load_template(engine, template_name)
    except ComposerError:
        return None, brand.from_name, "", dict(context)
    return template.scenario, template.sender(brand), template.preheader, dict(context)


def segment_positions(engine: Engine, segment_name: str, key: str,
                      today: date) -> tuple[float, ...]:
    """Split positions of a segment's sendable contacts for ``key`` (live sizes in the form)."""
    return tuple(positions(key, sendable_emails(engine, segment_name, today)))
