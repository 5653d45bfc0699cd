"""Campaigns in the workspace: create, edit, list, groups, frozen snapshot, results.

Every function takes the engine first and opens its own transaction, so the
GUI calls them from worker threads and the CLI calls the same ones. Only
frozen dataclasses leave this module.

States: ``draft`` → ``exported`` (the groups are frozen) → ``results_in`` →
``winner_chosen`` → ``winner_exported``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from campaigns.errors import CampaignError
from campaigns.split import LABELS, REST, new_split_key, split
from campaigns.stats import METRICS
from workspace.models import (
    Campaign,
    CampaignMember,
    CampaignResult,
    CampaignVariant,
    Contact,
    Segment,
)

STATES = ("draft", "exported", "results_in", "winner_chosen", "winner_exported")
MIN_VARIANTS = 2
MAX_VARIANTS = len(LABELS)
DEFAULT_TEST_SHARE = 10.0
"""Percent per test group by default: 10/10/80 for two variants."""


@dataclass(frozen=True)
class Variant:
    """A subject variant: the body is the same for all (change one thing at a time)."""

    label: str
    subject: str
    preheader: str = ""


@dataclass(frozen=True)
class CampaignInfo:
    """A campaign as stored (see the module docstring for ``state``)."""

    id: int
    name: str
    template_name: str
    segment_name: str
    variants: tuple[Variant, ...]
    shares: tuple[float, ...]  # percent per variant, then the remainder; sums to 100
    metric: str
    state: str
    send_at: datetime | None
    timezone: str | None
    plan: dict[str, Any]
    winner: str | None
    frozen: bool
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        """The variants' labels in order."""
        return tuple(v.label for v in self.variants)

    @property
    def rest_share(self) -> float:
        """The remainder's share in percent (0 for "send all now")."""
        return self.shares[-1] if len(self.shares) > len(self.variants) else 0.0

    def variant(self, label: str) -> Variant:
        """The variant called ``label``."""
        for variant in self.variants:
            if variant.label == label:
                return variant
        raise CampaignError(f"campaign '{self.name}' has no variant {label!r}")


@dataclass(frozen=True)
class VariantResult:
    """Counts of one variant: sent (or delivered), opens, clicks, conversions."""

    variant: str
    sent: int
    opens: int
    clicks: int
    conversions: int | None = None

    def count(self, metric: str) -> int | None:
        """The count of ``metric`` (``opens``, ``clicks`` or ``conversions``)."""
        value: int | None = getattr(self, metric)
        return value


@dataclass(frozen=True)
class CampaignDraft:
    """What the user typed to create or edit a campaign, before validation."""

    name: str
    template: str
    segment: str
    subjects: Sequence[str]
    preheaders: Sequence[str] = ()
    shares: Sequence[float] | None = None
    metric: str = "clicks"
    send_at: datetime | None = None
    timezone: str | None = None
    plan: dict[str, Any] = field(default_factory=dict)


# --- validation -------------------------------------------------------------------------


def default_shares(variants: int) -> tuple[float, ...]:
    """10 % per test group and the rest for the winner (10/10/80 for two variants)."""
    tests = [DEFAULT_TEST_SHARE] * variants
    return (*tests, 100.0 - sum(tests))


def parse_split(text: str, variants: int) -> tuple[float, ...]:
    """``--split 10,10,80`` → shares; ``50,50`` (one per variant) means no remainder."""
    parts = [p.strip().rstrip("%") for p in re.split(r"[,;/ ]+", text.strip()) if p.strip()]
    try:
        numbers = [float(p.replace(",", ".")) for p in parts]
    except ValueError:
        raise CampaignError(
            f"--split must be percents separated by commas, e.g. 10,10,80, not {text!r}"
        ) from None
    return normalise_shares(numbers, variants)


def normalise_shares(shares: Sequence[float], variants: int) -> tuple[float, ...]:
    """Check ``shares`` (one per variant, optionally the remainder) and add the remainder."""
    numbers = [float(s) for s in shares]
    if len(numbers) not in (variants, variants + 1):
        raise CampaignError(
            f"the split needs {variants} shares (one per variant) or {variants + 1} "
            f"(with the remainder for the winner), not {len(numbers)}")
    if any(not math.isfinite(n) for n in numbers):
        raise CampaignError("the split's shares must be numbers")
    if any(n <= 0 for n in numbers[:variants]):
        raise CampaignError("every variant needs a share above 0 %")
    if len(numbers) > variants and numbers[-1] < 0:
        raise CampaignError("the remainder's share cannot be negative")
    total = sum(numbers)
    if len(numbers) == variants:
        numbers.append(100.0 - total)
        if numbers[-1] < -1e-9:
            raise CampaignError(f"the shares add up to {total:g} %, more than 100 %")
        numbers[-1] = max(0.0, numbers[-1])
    elif abs(total - 100.0) > 1e-6:
        raise CampaignError(f"the shares must add up to 100 %, not {total:g} %")
    return tuple(numbers)


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise CampaignError("a campaign needs a name")
    if len(cleaned) > 200:
        raise CampaignError("a campaign name must be at most 200 characters")
    return cleaned


def _variants(subjects: Sequence[str], preheaders: Sequence[str]) -> tuple[Variant, ...]:
    if not MIN_VARIANTS <= len(subjects) <= MAX_VARIANTS:
        raise CampaignError(
            f"a campaign needs {MIN_VARIANTS} to {MAX_VARIANTS} subject variants, "
            f"not {len(subjects)}")
    if len(preheaders) > len(subjects):
        raise CampaignError(
            f"there are more preheaders ({len(preheaders)}) than subjects ({len(subjects)})")
    result = []
    seen: dict[tuple[str, str], str] = {}
    for i, subject in enumerate(subjects):
        label = LABELS[i]
        text = subject.strip()
        if not text:
            raise CampaignError(f"the subject of variant {label} is empty")
        if len(text) > 500:
            raise CampaignError(f"the subject of variant {label} is over 500 characters")
        preheader = preheaders[i].strip() if i < len(preheaders) else ""
        if len(preheader) > 500:
            raise CampaignError(f"the preheader of variant {label} is over 500 characters")
        for part, value in (("subject", text), ("preheader", preheader)):
            problem = _jinja_problem(value)
            if problem:
                raise CampaignError(f"the {part} of variant {label}: {problem}")
        if (text, preheader) in seen:
            raise CampaignError(
                f"variants {seen[(text, preheader)]} and {label} are the same: "
                "each variant needs its own subject or preheader")
        seen[(text, preheader)] = label
        result.append(Variant(label, text, preheader))
    return tuple(result)


def _jinja_problem(text: str) -> str | None:
    """Why ``text`` is not valid Jinja2 for the composer, or None."""
    if "{" not in text:
        return None
    from jinja2 import TemplateSyntaxError

    from composer.jinja import environment

    try:
        environment(autoescape=False).parse(text)
    except TemplateSyntaxError as exc:
        return f"template error: {exc.message}"
    return None


def _check_metric(metric: str) -> str:
    if metric not in METRICS:
        raise CampaignError(f"unknown metric {metric!r} (choose {', '.join(METRICS)})")
    return metric


def _check_template(engine: Engine, name: str) -> str:
    from composer import ComposerError, load_template

    try:
        return load_template(engine, name.strip()).name
    except ComposerError as exc:
        raise CampaignError(str(exc)) from None


def segment_rule(engine: Engine, segment_name: str) -> dict[str, Any]:
    """The rule of a campaign's segment: a saved segment, else a ready-made one by id."""
    from segments import PRESETS_BY_ID

    name = segment_name.strip()
    with engine.connect() as conn:
        saved = conn.execute(select(Segment.id).where(Segment.name == name)).first()
    if saved is not None:
        return {"segment": name}
    preset = PRESETS_BY_ID.get(name)
    if preset is not None:
        return dict(preset.rules)
    raise CampaignError(
        f"there is no saved segment or ready-made segment called '{name}' "
        "(see `segment list`)")


def sendable_emails(engine: Engine, segment_name: str, today: date) -> list[str]:
    """The sendable contacts of a segment (subscribed, consent not refused), sorted.

    Stricter than ``segments.members(for_sending=True)``, which lets a rule
    about ``status`` pick unsubscribed contacts: a campaign never sends to them.
    """
    from segments import compile_rule, sendable

    rule = segment_rule(engine, segment_name)
    with engine.connect() as conn:
        where = compile_rule(conn, rule, today)
        query = (select(Contact.email).where(where, sendable())
                 .order_by(Contact.email))
        return [email for (email,) in conn.execute(query)]


def check_groups(groups: dict[str, list[str]], labels: Sequence[str]) -> None:
    """Refuse a split that leaves a variant without anybody to send to."""
    sendable = sum(len(v) for v in groups.values())
    if sendable < len(labels):
        raise CampaignError(
            f"the segment has {sendable} sendable contact{'s' if sendable != 1 else ''}, "
            f"fewer than the {len(labels)} variants: choose a larger segment")
    empty = [label for label in labels if not groups.get(label)]
    if empty:
        raise CampaignError(
            f"with these shares group {', '.join(empty)} would be empty "
            f"({sendable} sendable contacts): give the test groups larger shares")


# --- reading ----------------------------------------------------------------------------


def _info(session: Session, row: Campaign) -> CampaignInfo:
    variants = tuple(
        Variant(v.label, v.subject, v.preheader or "")
        for v in session.scalars(
            select(CampaignVariant).where(CampaignVariant.campaign_id == row.id)
            .order_by(CampaignVariant.position)))
    shares = tuple(float(s) for s in (row.shares or default_shares(len(variants))))
    return CampaignInfo(
        id=row.id, name=row.name, template_name=row.template_name or "",
        segment_name=row.segment_name or "", variants=variants, shares=shares,
        metric=row.metric, state=row.state, send_at=row.send_at, timezone=row.timezone,
        plan=dict(row.plan or {}), winner=row.winner, frozen=row.frozen_at is not None,
        created_at=row.created_at, updated_at=row.updated_at)


def get_campaign(engine: Engine, name: str) -> CampaignInfo:
    """The campaign called ``name`` (:class:`CampaignError` when there is none)."""
    with Session(engine) as session:
        row = session.scalar(select(Campaign).where(Campaign.name == name.strip()))
        if row is None:
            raise CampaignError(
                f"there is no campaign called '{name.strip()}' (see `campaign list`)")
        return _info(session, row)


def list_campaigns(engine: Engine) -> list[CampaignInfo]:
    """Every campaign, newest first."""
    with Session(engine) as session:
        rows = session.scalars(select(Campaign).order_by(Campaign.created_at.desc(),
                                                         Campaign.id.desc())).all()
        return [_info(session, row) for row in rows]


# --- writing ----------------------------------------------------------------------------


def _validated(engine: Engine, draft: CampaignDraft) -> tuple[str, str, str,
                                                               tuple[Variant, ...],
                                                               tuple[float, ...]]:
    name = _clean_name(draft.name)
    variants = _variants(draft.subjects, draft.preheaders)
    shares = (normalise_shares(draft.shares, len(variants)) if draft.shares is not None
              else default_shares(len(variants)))
    _check_metric(draft.metric)
    template = _check_template(engine, draft.template)
    segment = draft.segment.strip()
    segment_rule(engine, segment)
    return name, template, segment, variants, shares


def _write_variants(conn: Connection, campaign_id: int, variants: Sequence[Variant]) -> None:
    conn.execute(delete(CampaignVariant).where(CampaignVariant.campaign_id == campaign_id))
    conn.execute(insert(CampaignVariant), [
        {"campaign_id": campaign_id, "label": v.label, "position": i, "subject": v.subject,
         "preheader": v.preheader} for i, v in enumerate(variants)])


def create_campaign(engine: Engine, draft: CampaignDraft, today: date,
                    split_key: str | None = None) -> CampaignInfo:
    """Validate and store a new campaign; its groups must all have somebody in them.

    ``split_key`` is the campaign's split key when the caller already showed
    group sizes for one (the app's form); by default a fresh random one.
    """
    name, template, segment, variants, shares = _validated(engine, draft)
    key = split_key or new_split_key()
    groups = split(key, sendable_emails(engine, segment, today), [v.label for v in variants],
                   shares)
    check_groups(groups, [v.label for v in variants])
    now = datetime.now()
    try:
        with engine.begin() as conn:
            result = conn.execute(insert(Campaign).values(
                name=name, template_name=template, segment_name=segment, data={},
                created_at=now, updated_at=now, split_key=key, shares=list(shares),
                metric=draft.metric, state="draft", send_at=draft.send_at,
                timezone=draft.timezone, plan=dict(draft.plan)))
            primary_key = result.inserted_primary_key
            assert primary_key is not None
            _write_variants(conn, int(primary_key[0]), variants)
    except IntegrityError:
        raise CampaignError(f"a campaign called '{name}' already exists") from None
    return get_campaign(engine, name)


def update_campaign(engine: Engine, name: str, draft: CampaignDraft,
                    today: date) -> CampaignInfo:
    """Replace a draft campaign's settings (and rename it to ``draft.name``).

    Once exported, the groups and variants are frozen: only the plan, the
    send time and the metric may still change, and only before results.
    """
    current = get_campaign(engine, name)
    new_name, template, segment, variants, shares = _validated(engine, draft)
    if current.frozen:
        changed = (template != current.template_name or segment != current.segment_name
                   or variants != current.variants or shares != current.shares)
        if changed:
            raise CampaignError(
                f"campaign '{current.name}' was exported: its template, segment, variants "
                "and split are frozen (make a copy to change them)")
    else:
        groups = split(_key(engine, current.id), sendable_emails(engine, segment, today),
                       [v.label for v in variants], shares)
        check_groups(groups, [v.label for v in variants])
    try:
        with engine.begin() as conn:
            conn.execute(update(Campaign).where(Campaign.id == current.id).values(
                name=new_name, template_name=template, segment_name=segment,
                shares=list(shares), metric=draft.metric, send_at=draft.send_at,
                timezone=draft.timezone, plan=dict(draft.plan), updated_at=datetime.now()))
            if not current.frozen:
                _write_variants(conn, current.id, variants)
    except IntegrityError:
        raise CampaignError(f"a campaign called '{new_name}' already exists") from None
    return get_campaign(engine, new_name)


def save_plan(engine: Engine, name: str, plan: dict[str, Any]) -> None:
    """Record the planner's inputs (baseline, lift, alpha, power) with the campaign."""
    current = get_campaign(engine, name)
    with engine.begin() as conn:
        conn.execute(update(Campaign).where(Campaign.id == current.id)
                     .values(plan=dict(plan), updated_at=datetime.now()))


def delete_campaign(engine: Engine, name: str) -> None:
    """Delete a campaign with its variants, frozen groups and results."""
    current = get_campaign(engine, name)
    with engine.begin() as conn:
        for table in (CampaignResult, CampaignMember, CampaignVariant):
            conn.execute(delete(table).where(table.campaign_id == current.id))
        conn.execute(delete(Campaign).where(Campaign.id == current.id))


def set_state(engine: Engine, name: str, state: str) -> None:
    """Move a campaign to ``state`` (one of :data:`STATES`)."""
    if state not in STATES:
        raise CampaignError(f"unknown campaign state {state!r}")
    current = get_campaign(engine, name)
    if state == "winner_exported" and current.winner is None:
        raise CampaignError(f"campaign '{current.name}' has no winner yet")
    with engine.begin() as conn:
        conn.execute(update(Campaign).where(Campaign.id == current.id)
                     .values(state=state, updated_at=datetime.now()))


def choose_winner(engine: Engine, name: str, label: str | None) -> None:
    """Record ``label`` as the winner (None clears it) and move the state on."""
    current = get_campaign(engine, name)
    if label is not None:
        current.variant(label)
    state = "winner_chosen" if label else ("results_in" if load_results(engine, name)
                                           else current.state)
    with engine.begin() as conn:
        conn.execute(update(Campaign).where(Campaign.id == current.id)
                     .values(winner=label, state=state, updated_at=datetime.now()))


# --- groups -----------------------------------------------------------------------------


def split_key(engine: Engine, name: str) -> str:
    """The split key of campaign ``name`` (for live group sizes in the app)."""
    return _key(engine, get_campaign(engine, name).id)


def _key(engine: Engine, campaign_id: int) -> str:
    with engine.connect() as conn:
        return str(conn.execute(select(Campaign.split_key)
                                .where(Campaign.id == campaign_id)).scalar_one())


def live_groups(engine: Engine, info: CampaignInfo, today: date) -> dict[str, list[str]]:
    """The split of the segment as it is now (sorted e-mails per label, ``rest`` last)."""
    return split(_key(engine, info.id), sendable_emails(engine, info.segment_name, today),
                 info.labels, info.shares)


def group_members(engine: Engine, name: str, today: date) -> dict[str, list[str]]:
    """Label → sorted e-mails: the frozen snapshot once exported, else the live split."""
    info = get_campaign(engine, name)
    if not info.frozen:
        return live_groups(engine, info, today)
    groups: dict[str, list[str]] = {label: [] for label in info.labels}
    groups[REST] = []
    with engine.connect() as conn:
        rows = conn.execute(select(CampaignMember.group_label, CampaignMember.email)
                            .where(CampaignMember.campaign_id == info.id)
                            .order_by(CampaignMember.email))
        for label, email in rows:
            groups.setdefault(label, []).append(email)
    return groups


def group_sizes(engine: Engine, name: str, today: date) -> dict[str, int]:
    """Label → group size (frozen or live), ``rest`` last."""
    info = get_campaign(engine, name)
    if not info.frozen:
        return {k: len(v) for k, v in live_groups(engine, info, today).items()}
    sizes: dict[str, int] = {label: 0 for label in info.labels}
    sizes[REST] = 0
    with engine.connect() as conn:
        for label, n in conn.execute(
                select(CampaignMember.group_label, func.count())
                .where(CampaignMember.campaign_id == info.id)
                .group_by(CampaignMember.group_label)):
            sizes[label] = int(n)
    return sizes


def freeze_groups(engine: Engine, name: str, today: date) -> dict[str, list[str]]:
    """Freeze the groups (once; later calls return the same snapshot) and return them.

    Exporters call this first: after it the segment may change, the campaign
    keeps who got what.
    """
    info = get_campaign(engine, name)
    if info.frozen:
        return group_members(engine, name, today)
    groups = live_groups(engine, info, today)
    check_groups(groups, info.labels)
    now = datetime.now()
    with engine.begin() as conn:
        claimed = conn.execute(update(Campaign)
                               .where(Campaign.id == info.id, Campaign.frozen_at.is_(None))
                               .values(frozen_at=now, updated_at=now))
        if claimed.rowcount == 1:  # else another export froze it meanwhile: keep theirs
            rows = [{"campaign_id": info.id, "email": email, "contact_id": None,
                     "group_label": label}
                    for label, emails in groups.items() for email in emails]
            conn.execute(insert(CampaignMember), rows)
            _link_contacts(conn, info.id)
    return group_members(engine, name, today)


def _link_contacts(conn: Connection, campaign_id: int) -> None:
    """Fill ``contact_id`` of the frozen members in one UPDATE."""
    contact_id = (select(Contact.id).where(Contact.email == CampaignMember.email)
                  .scalar_subquery())
    conn.execute(update(CampaignMember)
                 .where(CampaignMember.campaign_id == campaign_id)
                 .values(contact_id=contact_id))


def mark_exported(engine: Engine, name: str, today: date) -> None:
    """Freeze the groups and move a draft to ``exported``."""
    freeze_groups(engine, name, today)
    if get_campaign(engine, name).state == "draft":
        set_state(engine, name, "exported")


# --- results ----------------------------------------------------------------------------


def validate_results(results: Sequence[VariantResult], labels: Sequence[str] | None) -> None:
    """Refuse unknown variants, repeated variants and counts that cannot be."""
    seen: set[str] = set()
    for r in results:
        if labels is not None and r.variant not in labels and r.variant != REST:
            raise CampaignError(
                f"unknown variant {r.variant!r}: this campaign has {', '.join(labels)}")
        if r.variant in seen:
            raise CampaignError(f"variant {r.variant!r} is given twice")
        seen.add(r.variant)
        for metric in ("sent", "opens", "clicks", "conversions"):
            value = getattr(r, metric)
            if value is not None and value < 0:
                raise CampaignError(f"variant {r.variant}: {metric} cannot be negative")
        for metric in ("opens", "clicks", "conversions"):
            value = getattr(r, metric)
            if value is not None and value > r.sent:
                raise CampaignError(
                    f"variant {r.variant}: {metric} ({value}) is more than sent ({r.sent})")


def store_results(engine: Engine, name: str, results: Sequence[VariantResult],
                  source: str) -> None:
    """Replace the campaign's results with ``results`` (validated; all or nothing)."""
    info = get_campaign(engine, name)
    validate_results(results, info.labels)
    if not results:
        raise CampaignError("the results have no variant")
    now = datetime.now()
    with engine.begin() as conn:
        conn.execute(delete(CampaignResult).where(CampaignResult.campaign_id == info.id))
        conn.execute(insert(CampaignResult), [
            {"campaign_id": info.id, "label": r.variant, "sent": r.sent, "opens": r.opens,
             "clicks": r.clicks, "conversions": r.conversions, "source": source,
             "updated_at": now} for r in results])
        if info.state in ("draft", "exported"):
            conn.execute(update(Campaign).where(Campaign.id == info.id)
                         .values(state="results_in", updated_at=now))


def load_results(engine: Engine, name: str) -> list[VariantResult]:
    """The stored results, in the variants' order."""
    info = get_campaign(engine, name)
    order = {label: i for i, label in enumerate((*info.labels, REST))}
    with Session(engine) as session:
        rows = session.scalars(select(CampaignResult)
                               .where(CampaignResult.campaign_id == info.id)).all()
        results = [VariantResult(r.label, r.sent, r.opens, r.clicks, r.conversions)
                   for r in rows]
    return sorted(results, key=lambda r: order.get(r.variant, len(order)))


def import_results_file(engine: Engine, name: str, path: Path) -> list[VariantResult]:
    """Read a results CSV for campaign ``name`` and store it (nothing stored on error)."""
    from campaigns.results_file import read_results_file

    info = get_campaign(engine, name)
    results = read_results_file(path, labels=info.labels)
    store_results(engine, info.name, results, source=f"csv:{path.name}")
    return results
