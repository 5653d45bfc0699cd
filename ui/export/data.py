"""Plain data the Export page loads off the GUI thread (Qt-free functions)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine

from esp.history import ExportRecord, list_exports, list_objects


@dataclass(frozen=True)
class CampaignChoice:
    """A campaign in the chooser."""

    name: str
    state: str
    winner: str | None


@dataclass(frozen=True)
class GroupRow:
    """A group of the campaign as it will be exported."""

    label: str
    contacts: int
    subject: str


@dataclass(frozen=True)
class Preview:
    """What the page shows before anything is sent."""

    campaign: str
    target: str
    groups: tuple[GroupRow, ...]
    report: dict[str, Any]  # TranslationReport.to_json()
    recorded: int  # objects already created at this target (an earlier, maybe partial, run)
    winner: str | None
    error: str | None = None
    complete: bool = False  # every variant's campaign (or every send batch) exists


@dataclass(frozen=True)
class HistoryData:
    """The export history, newest first."""

    records: tuple[ExportRecord, ...] = field(default_factory=tuple)


def load_campaigns(engine: Engine) -> list[CampaignChoice]:
    """Every campaign, for the chooser."""
    from campaigns import list_campaigns

    return [CampaignChoice(c.name, c.state, c.winner) for c in list_campaigns(engine)]


def load_preview(engine: Engine, name: str, target: str, today: date) -> Preview:
    """Translate and group ``name`` for ``target`` without freezing or sending anything."""
    from campaigns import get_campaign
    from esp.push import prepare
    from workspace.errors import KonvertError

    info = get_campaign(engine, name)
    recorded = len(list_objects(engine, target=target, campaign_id=info.id))
    try:
        prepared = prepare(engine, name, target, today, report_only=True)
    except KonvertError as exc:
        return Preview(name, target, (), {}, recorded, info.winner, error=str(exc))
    payload = prepared.payload
    subjects = {v.label: v.subject for v in payload.variants}
    groups = []
    for group in payload.groups:
        if group.label == "rest":
            subject = subjects.get(info.winner or "", "")
        else:
            subject = subjects.get(group.label, "")
        groups.append(GroupRow(group.label, len(group.recipients), subject))
    report = prepared.report.to_json() if hasattr(prepared.report, "to_json") else {}
    keys = {o.key for o in list_objects(engine, target=target, campaign_id=info.id)}
    prefix = f"campaign:{info.id}/"
    if target == "unisender":
        complete = all(f"{prefix}campaign:{v.label}" in keys for v in payload.variants)
    else:
        complete = all(f"{prefix}go-send:{g.label}:{n}" in keys
                       for g in payload.groups if g.label != "rest"
                       for n in range((len(g.recipients) + 499) // 500))
    return Preview(name, target, tuple(groups), report, recorded, info.winner,
                   complete=recorded > 0 and complete)


def load_history(engine: Engine) -> HistoryData:
    """The newest 500 export runs."""
    return HistoryData(tuple(list_exports(engine, limit=500)))


def created_counts(record: ExportRecord) -> Counter[str]:
    """Objects created by a run, by kind (list, import, message, campaign, template, send)."""
    created = record.details.get("created") if isinstance(record.details, dict) else None
    counts: Counter[str] = Counter()
    for item in created or []:
        if isinstance(item, dict):
            counts[str(item.get("kind", "?"))] += 1
    return counts
