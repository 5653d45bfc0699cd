"""Unisender Go: per-recipient sends for templates Unisender classic cannot personalise.

One export of a campaign:

1. ``template/set.json`` per variant without ``id`` creates the template
   (liquid engine, the variant's subject, HTML and plain text); recorded as
   ``campaign:<id>/go-template:<label>``. When a later run still has batches
   to send, the template is updated by its ``id`` first (``set`` with ``id``),
   so a resumed export sends the current content and creates nothing new.
2. ``email/send.json`` per batch of at most 500 recipients of the group, each
   with its substitutions, the template's id, ``global_metadata.campaign_id``
   ``konvert-<campaign id>-<variant>`` (for the stats), the group's tag, and an
   ``idempotence_key`` per batch; each accepted batch is recorded as
   ``campaign:<id>/go-send:<label>:<n>`` with its ``job_id``.

HTTP status codes mean what they say: 429 and 5xx (and timeouts, lost
connections) are retried with backoff; 401 is a bad key; 400, 403, 404 and
413 stop the export with the reason. A batch whose first answer was lost and
whose retry is declined as a repeated ``idempotence_key`` was accepted the
first time: it is recorded as sent, not sent again.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import Engine

from esp.errors import ExportError, ExportUsageError
from esp.history import find_object, start_export
from esp.http import Cancelled, HttpClient, RateLimiter, RetryPolicy, Sleep
from esp.http import replace_origin as _replace_origin
from esp.keys import mask
from esp.payload import CampaignPayload, GroupPayload, Recipient
from esp.steps import ExportOutcome, PlanRun, Progress, Step, StepLog, StepResult
from esp.unisender import group_tag
from esp.words import tr

TARGET = "unisender-go"
DEFAULT_URL = "https://go1.unisender.ru/ru/transactional/api/v1/"
BATCH_SIZE = 500
CALLS_PER_MINUTE = 1200
#: Canonical variable -> substitution name; unmapped fields keep their canonical name
#: (esp.translate's Unisender Go mapping is the identity).
DEFAULT_FIELD_MAP: Mapping[str, str] = {}


RecipientData = Callable[[Sequence[Recipient]], dict[str, dict[str, Any]]]
"""Per-recipient data beyond contact fields (cart, order...): batch -> e-mail -> values."""


class GoError(ExportError):
    """Unisender Go refused a call."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def go_campaign_id(payload: CampaignPayload, variant: str) -> str:
    """``global_metadata.campaign_id`` of a variant's sends (what the stats filter by)."""
    return f"konvert-{payload.campaign_id}-{variant}"


def idempotence_key(payload: CampaignPayload, group: str, number: int,
                    batch: Sequence[Recipient]) -> str:
    """A key per batch (≤ 64 characters) that changes when the batch's addresses do."""
    digest = hashlib.sha256("\n".join(r.email for r in batch).encode()).hexdigest()[:16]
    return f"konvert-{payload.campaign_id}-{group}-{number}-{digest}"[:64]


def send_at(payload: CampaignPayload, now: datetime | None = None, lang: str = "en"
            ) -> str | None:
    """``options.send_at`` (UTC ``YYYY-MM-DD hh:mm:ss``), None for now; ≤ 24 h ahead."""
    if payload.send_at is None:
        return None
    when = payload.send_at
    if when.tzinfo is None:
        when = when.replace(tzinfo=ZoneInfo(payload.timezone)) if payload.timezone \
            else when.astimezone()
    utc = when.astimezone(UTC)
    now = now or datetime.now(UTC)
    if utc <= now:
        return None
    if utc - now > timedelta(hours=24):
        raise ExportUsageError(tr(lang, "Unisender Go schedules at most 24 hours ahead; the "
                                  "campaign's send time is {when} UTC: export it later",
                                  when=f"{utc:%Y-%m-%d %H:%M}"))
    return utc.strftime("%Y-%m-%d %H:%M:%S")


class GoApi:
    """JSON POSTs to ``.../{method}.json`` with the key in ``X-API-KEY``."""

    dry_run = False

    def __init__(self, http: HttpClient, on_retry: Callable[[str], None] | None = None) -> None:
        self.lang = http.lang
        self._http = http
        self._on_retry = on_retry

    def call(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        """Call ``method``; the reply or :class:`GoError`."""
        def retried(attempt: int, reason: str) -> None:
            if self._on_retry is not None:
                self._on_retry("~ " + tr(self.lang, "{method}: {reason}; retrying (attempt {n})",
                                         method=method, reason=reason, n=attempt + 1))

        response = self._http.post(f"{method}.json", name=method, json=body, on_retry=retried)
        try:
            data = response.json()
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        if response.status_code == 200 and data.get("status") == "success":
            return data
        text = self._http.redact(str(data.get("message") or f"HTTP {response.status_code}"))
        status = response.status_code
        template = {
            401: "Unisender Go does not accept the API key (HTTP 401): check "
                 "KONVERT_UNISENDER_GO_KEY or the key saved in Settings",
            403: "Unisender Go denied access to {method}: {text}",
            404: "Unisender Go does not know {method}: is the API address right? ({text})",
            413: "Unisender Go: the request of {method} is too large ({text})",
        }.get(status, "Unisender Go refused {method}: {text}")
        raise GoError(tr(self.lang, template, method=method, text=text), status)


class GoDryRunApi:
    """Lists the requests (key masked) instead of making them."""

    dry_run = True

    def __init__(self, base_url: str, key: str) -> None:
        self.base_url = base_url
        self._key = key
        self.requests: list[str] = []

    def call(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        """Record the request; answer with placeholders."""
        shown = json.dumps(_shorten(body), ensure_ascii=False)
        self.requests.append(f"POST {self.base_url}{method}.json  X-API-KEY: {mask(self._key)}"
                             f"\n    {shown}")
        n = len(self.requests)
        if method == "template/set":
            return {"status": "success", "template": {**body["template"],
                                                      "id": body["template"].get("id")
                                                      or f"<template#{n}>"}}
        recipients = body.get("message", {}).get("recipients", [])
        return {"status": "success", "job_id": f"<job#{n}>",
                "emails": [r["email"] for r in recipients], "failed_emails": {}}


def _shorten(value: Any) -> Any:
    """A body for the dry-run listing: long strings and recipient lists shortened."""
    if isinstance(value, str):
        return value if len(value) <= 80 else value[:60] + f"… ({len(value)} characters)"
    if isinstance(value, list):
        if len(value) > 2 and all(isinstance(v, dict) and "email" in v for v in value):
            return [_shorten(v) for v in value[:2]] + [f"… {len(value)} recipients in all"]
        return [_shorten(v) for v in value]
    if isinstance(value, dict):
        return {k: _shorten(v) for k, v in value.items()}
    return value


def _chunks(recipients: Sequence[Recipient], size: int) -> list[Sequence[Recipient]]:
    return [recipients[i:i + size] for i in range(0, len(recipients), size)]


def _group_words(lang: str, label: str) -> str:
    return tr(lang, "the remainder") if label == "rest" else tr(lang, "group {label}",
                                                                  label=label)


class _GoPlan:
    def __init__(self, payload: CampaignPayload, api: GoApi | GoDryRunApi, run: PlanRun,
                 field_map: Mapping[str, str], when: str | None, lang: str,
                 recipient_data: RecipientData | None = None) -> None:
        self.lang = lang
        self.recipient_data = recipient_data
        self.p = payload
        self.api = api
        self.run = run
        self.field_map = dict(field_map)
        self.when = when
        self.prefix = f"campaign:{payload.campaign_id}"

    def key(self, suffix: str) -> str:
        return f"{self.prefix}/{suffix}"

    def template_body(self, variant_label: str, template_id: str | None) -> dict[str, Any]:
        variant = self.p.variant(variant_label)
        template: dict[str, Any] = {
            "name": f"Konvert #{self.p.campaign_id}: {self.p.campaign_name} — {variant_label}",
            "editor_type": "html", "template_engine": "liquid", "subject": variant.subject,
            "from_email": self.p.from_email, "from_name": self.p.from_name,
            "body": {"html": variant.html, "plaintext": variant.text},
            "track_links": 1, "track_read": 1,
        }
        if template_id is not None:
            template = {"id": template_id, **template}
        return {"template": template}

    def template_steps(self, variant_label: str, pending_sends: bool) -> list[Step]:
        key = self.key(f"go-template:{variant_label}")
        recorded = find_object(self.run.engine, TARGET, key)

        def create() -> StepResult:
            reply = self.api.call("template/set", self.template_body(variant_label, None))
            template_id = (reply.get("template") or {}).get("id")
            if not template_id:
                raise ExportError(tr(self.lang, "Unisender Go answered template/set without the "
                                                "template's id; nothing was sent"))
            return StepResult(str(template_id), {"variant": variant_label})

        steps = [Step(key, "template", tr(self.lang, "template of variant {label}",
                                          label=variant_label), create)]
        if recorded is not None and pending_sends:
            template_id = recorded.remote_id

            def update() -> StepResult:
                self.api.call("template/set", self.template_body(variant_label, template_id))
                return StepResult(template_id, {"variant": variant_label})

            steps.append(Step(key + "/update", "template",
                              tr(self.lang, "template of variant {label} (current content)",
                                 label=variant_label), update, record=False))
        return steps

    def send_steps(self, group: GroupPayload, variant_label: str) -> list[Step]:
        tag = group_tag(self.p, group.label)
        metadata_id = go_campaign_id(self.p, group.label if group.label != "rest" else "rest")
        batches = _chunks(group.recipients, BATCH_SIZE)
        head = tr(self.lang, "sending to {group}", group=_group_words(self.lang, group.label))
        steps = []
        for number, batch in enumerate(batches):
            label = head + ", " + tr(self.lang, "batch {n} of {total}", n=number + 1,
                                     total=len(batches))

            def send(batch: Sequence[Recipient] = batch, number: int = number,
                     label: str = label) -> StepResult:
                template_id = self.run.known(self.key(f"go-template:{variant_label}"))
                ikey = idempotence_key(self.p, group.label, number, batch)
                extra = self.recipient_data(batch) if self.recipient_data is not None else {}
                message: dict[str, Any] = {
                    "recipients": [
                        {"email": r.email,
                         "substitutions": {
                             **{self.field_map.get(name, name): value
                                for name, value in r.fields.items()},
                             **extra.get(r.email, {})},
                         "metadata": {"konvert_group": group.label}}
                        for r in batch],
                    "template_id": template_id,
                    "global_metadata": {"campaign_id": metadata_id},
                    "tags": [tag], "track_links": 1, "track_read": 1,
                    "idempotence_key": ikey,
                }
                if self.when is not None:
                    message["options"] = {"send_at": self.when}
                try:
                    reply = self.api.call("email/send", {"message": message})
                except GoError as exc:
                    if exc.status == 400 and "idempotence" in str(exc).lower():
                        self.run.log("= " + tr(self.lang, "{group} batch {n}: accepted earlier "
                                                          "(repeated idempotence_key)",
                                                  group=head, n=number + 1))
                        return StepResult(None, {"rows": len(batch), "idempotence_key": ikey,
                                                 "repeat_declined": True})
                    raise
                failed = reply.get("failed_emails") or {}
                if failed:
                    self.run.log("! " + tr(self.lang, "{group}: Unisender Go did not accept {n} "
                                              "address(es) of this batch", group=label,
                                              n=len(failed)))
                return StepResult(str(reply.get("job_id") or ""), {
                    "rows": len(batch), "accepted": len(reply.get("emails") or []),
                    "failed": len(failed), "idempotence_key": ikey,
                    "campaign_id": metadata_id})

            steps.append(Step(self.key(f"go-send:{group.label}:{number}"), "send", label, send,
                              weight=len(batch), batch_of=head))
        return steps


def _pending(engine: Engine, payload: CampaignPayload, group: GroupPayload) -> bool:
    count = len(_chunks(group.recipients, BATCH_SIZE))
    return any(find_object(engine, TARGET, f"campaign:{payload.campaign_id}/go-send:"
                                           f"{group.label}:{n}") is None for n in range(count))


def export_unisender_go(engine: Engine, payload: CampaignPayload, *, key: str,
                        api_url: str | None = None, dry_run: bool = False,
                        winner: bool = False, field_map: Mapping[str, str] | None = None,
                        progress: Progress | None = None, on_step: StepLog | None = None,
                        cancelled: Cancelled | None = None,
                        transport: httpx.BaseTransport | None = None,
                        sleep: Sleep = time.sleep, retry: RetryPolicy | None = None,
                        timeout: float = 30.0, lang: str = "en",
                        recipient_data: RecipientData | None = None,
                        clock: Callable[[], float] = time.monotonic) -> ExportOutcome:
    """Send ``payload`` per recipient through Unisender Go (or list the requests)."""
    base = _replace_origin(DEFAULT_URL, api_url)
    fmap = dict(DEFAULT_FIELD_MAP if field_map is None else field_map)
    labels = [v.label for v in payload.variants]
    if winner:
        if not payload.winner or payload.winner not in labels:
            raise ExportUsageError(tr(lang, "campaign {name} has no winner yet: choose one "
                                            "first", name=repr(payload.campaign_name)))
        if not any(g.label == "rest" for g in payload.groups):
            raise ExportUsageError(tr(lang, "campaign {name} has no remainder group to send the "
                                            "winner to", name=repr(payload.campaign_name)))
    when = send_at(payload, lang=lang) if not winner else None
    api: GoApi | GoDryRunApi
    http: HttpClient | None = None
    export_id: int | None = None
    if dry_run:
        api = GoDryRunApi(base, key)
    else:
        http = HttpClient(base, secrets=[key], transport=transport, timeout=timeout,
                          retry=retry, sleep=sleep, cancelled=cancelled,
                          limiter=RateLimiter(CALLS_PER_MINUTE, clock=clock, sleep=sleep),
                          headers={"X-API-KEY": key, "Accept": "application/json"}, lang=lang)
        api = GoApi(http, on_retry=on_step)
        export_id = start_export(engine, TARGET, payload.campaign_name,
                                 campaign_id=payload.campaign_id,
                                 details={"winner": winner, "base_url": base})
    run = PlanRun(engine, TARGET, payload.campaign_id, export_id, dry_run, progress, lang,
                  on_step)
    plan = _GoPlan(payload, api, run, fmap, when, lang, recipient_data)
    pairs = [("rest", payload.winner or "")] if winner else [(label, label) for label in labels]
    steps: list[Step] = []
    for group_label, variant_label in pairs:
        group = payload.group(group_label)
        if group_label == "rest" and find_object(
                engine, TARGET, plan.key(f"go-template:{variant_label}")) is None:
            steps += plan.template_steps(variant_label, False)
        elif group_label != "rest":
            steps += plan.template_steps(variant_label, _pending(engine, payload, group))
        steps += plan.send_steps(group, variant_label)
    try:
        run.run_recorded(steps, "Unisender Go")
    finally:
        if http is not None:
            http.close()
    variants = []
    for group_label, variant_label in pairs:
        sends = [o for o in run.objects if o.kind == "send"
                 and o.key.startswith(plan.key(f"go-send:{group_label}:"))]
        variants.append({
            "group": group_label, "variant": variant_label,
            "tag": group_tag(payload, group_label),
            "contacts": len(payload.group(group_label).recipients),
            "template_id": run.known(plan.key(f"go-template:{variant_label}")),
            "campaign_id": go_campaign_id(payload, group_label),
            "job_ids": [o.remote_id for o in sends if o.remote_id],
        })
    return ExportOutcome(
        target=TARGET, campaign=payload.campaign_name, campaign_id=payload.campaign_id,
        dry_run=dry_run, winner=winner, export_id=export_id, objects=tuple(run.objects),
        requests=tuple(api.requests) if isinstance(api, GoDryRunApi) else (),
        variants=tuple(variants))


