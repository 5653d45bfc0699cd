"""Export a campaign to Unisender or Unisender Go: what the CLI and the Export page call.

:func:`push_campaign` prepares the campaign for the target (translation,
rendering, frozen groups: ``esp.prepare.prepare_campaign``), takes the key
(keychain or environment), runs the exporter and moves the campaign's state
(``exported``, later ``winner_exported``). A dry run freezes nothing, records
nothing and makes no request.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import Engine

from esp.errors import ExportUsageError
from esp.http import Cancelled, RetryPolicy, Sleep
from esp.keys import get_key
from esp.payload import CampaignPayload, Recipient
from esp.steps import ExportOutcome, Progress, StepLog

TARGETS = ("unisender", "unisender-go")

Prepare = Callable[..., tuple[CampaignPayload, Any]]


def _prepare_campaign(engine: Engine, name: str, target: str, today: date, *,
                      freeze: bool, report_only: bool = False) -> tuple[CampaignPayload, Any]:
    """esp.prepare's campaign; ``report_only`` returns the report even with errors."""
    from esp.prepare import prepare_campaign

    payload, report = prepare_campaign(engine, name, target, today, per_recipient=report_only,
                                       freeze=freeze)
    return payload, report


def _field_mapping(engine: Engine, target: str) -> Mapping[str, str] | None:
    try:
        from esp.translate import field_mapping
    except ImportError:  # pragma: no cover - esp.translate ships with export part 1
        return None
    return dict(field_mapping(engine, target))


@dataclass(frozen=True)
class Prepared:
    """A campaign ready to go, with its translation report, before anything is sent."""

    payload: CampaignPayload
    report: Any  # esp.translate.TranslationReport

    @property
    def group_sizes(self) -> dict[str, int]:
        """Contacts per group (variants, then ``rest``)."""
        return {g.label: len(g.recipients) for g in self.payload.groups}


def prepare(engine: Engine, name: str, target: str, today: date, *,
            freeze: bool = False, report_only: bool = False) -> Prepared:
    """Translate and render ``name`` for ``target``.

    ``report_only`` (the Export page's preview) returns the translation report
    even when it has errors; an export refuses them (``esp.prepare``).
    """
    if target not in TARGETS:
        raise ExportUsageError(f"unknown target {target!r}: use unisender or unisender-go")
    payload, report = _prepare_campaign(engine, name, target, today, freeze=freeze,
                                        report_only=report_only)
    return Prepared(payload, report)


def push_campaign(engine: Engine, name: str, target: str, today: date, *,
                  api_url: str | None = None, dry_run: bool = False, winner: bool = False,
                  lang: str = "en", key: str | None = None,
                  progress: Progress | None = None, on_step: StepLog | None = None,
                  cancelled: Cancelled | None = None,
                  transport: httpx.BaseTransport | None = None, sleep: Sleep = time.sleep,
                  retry: RetryPolicy | None = None, timeout: float = 30.0
                  ) -> tuple[ExportOutcome, Any]:
    """Export campaign ``name`` to ``target``; returns the outcome and the translation report.

    Raises :class:`esp.errors.ExportError` (exit 1) when the ESP refused or the
    network failed (the same call resumes), :class:`ExportUsageError` (exit 2)
    for an unknown campaign, an inexpressible template or a missing key.
    """
    if target not in TARGETS:
        raise ExportUsageError(f"unknown target {target!r}: use unisender or unisender-go")
    api_key = key if key is not None else get_key(target)
    prepared = prepare(engine, name, target, today, freeze=not dry_run)
    payload = prepared.payload
    field_map = _field_mapping(engine, target)
    common: dict[str, Any] = dict(
        key=api_key, api_url=api_url, dry_run=dry_run, winner=winner, field_map=field_map,
        progress=progress, on_step=on_step, cancelled=cancelled, transport=transport,
        sleep=sleep, retry=retry, timeout=timeout, lang=lang)
    if target == "unisender":
        from esp.unisender import export_unisender

        outcome = export_unisender(engine, payload, **common)
    else:
        from esp.unisender_go import export_unisender_go

        outcome = export_unisender_go(engine, payload,
                                      recipient_data=recipient_data(engine, today), **common)
    if not dry_run:
        _advance_state(engine, name, winner)
    return outcome, prepared.report


RECIPIENT_ROOTS = ("cart", "order", "bonus_points")
"""Per-recipient data a Unisender Go template may use beyond contact fields (liquid loops)."""


def recipient_data(engine: Engine, today: date) -> Callable[[Sequence[Recipient]],
                                                             dict[str, dict[str, Any]]]:
    """Cart, order and bonus points of each recipient, as ``template render`` computes them."""
    from composer.context import build_context
    from composer.errors import ComposerError

    def data(batch: Sequence[Recipient]) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for recipient in batch:
            try:
                context = build_context(engine, recipient.email, today=today)
            except ComposerError:  # a contact deleted since the groups were frozen
                continue
            values = {root: context.get(root) for root in RECIPIENT_ROOTS}
            out[recipient.email] = json.loads(json.dumps(values, default=_plain))
        return out

    return data


def _plain(value: Any) -> Any:
    """JSON for the values build_context holds (Decimal prices, dates)."""
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _advance_state(engine: Engine, name: str, winner: bool) -> None:
    """``draft`` → ``exported`` after the test groups; → ``winner_exported`` after the winner."""
    from campaigns import get_campaign, set_state

    state = get_campaign(engine, name).state
    if winner:
        if state != "winner_exported":
            set_state(engine, name, "winner_exported")
    elif state == "draft":
        set_state(engine, name, "exported")
