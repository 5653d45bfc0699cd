"""Unisender (classic API): the A/B campaign flow of esp-apis.md, resumable.

One export of a campaign with variants A, B, ...:

1. ``createList`` once per campaign (``Konvert #<id>: <name>``; an existing
   list with that title is adopted, so even a crash right after the call
   does not make a second one);
2. ``importContacts`` per group, at most 500 rows a call, each contact
   tagged ``konvert-<campaign>-<variant>`` and put into the list; only the
   sendable contacts of the frozen groups are in the payload, so nobody else
   is uploaded;
3. ``createEmailMessage`` per variant: ready HTML (``wrap_type=skip``), the
   text body, the variant's translated subject, the list and the group's tag;
4. ``createCampaign`` per variant with ``track_read=1`` and ``track_links=1``.

``--winner`` later imports the remainder (tag ``konvert-<campaign>-rest``)
and creates the winner's message and campaign for it.

Every call is a POST to ``.../{method}?format=json`` with ``api_key`` in the
form body only. Every created object is recorded in the workspace the moment
Unisender returns its id (:mod:`esp.steps`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import Engine

from esp.errors import ExportError, ExportUsageError
from esp.history import find_object, start_export
from esp.http import (
    Cancelled,
    HttpClient,
    RateLimiter,
    Retryable,
    RetryPolicy,
    Sleep,
    replace_origin,
)
from esp.keys import mask
from esp.payload import CampaignPayload, GroupPayload, Recipient
from esp.steps import ExportOutcome, PlanRun, Progress, Step, StepLog, StepResult
from esp.words import tr

TARGET = "unisender"
DEFAULT_URL = "https://api.unisender.com/ru/api/"
BATCH_SIZE = 500
CALLS_PER_MINUTE = 1200
CREATE_CAMPAIGN_LIMIT = (100, 60.0)
RETRYABLE_CODES = frozenset(
    {"retry_later", "api_call_limit_exceeded_for_api_key", "api_call_limit_exceeded_for_ip"})
#: Canonical variable -> Unisender field, unless the caller gives another mapping.
DEFAULT_FIELD_MAP: Mapping[str, str] = {"first_name": "Name"}


class UnisenderError(ExportError):
    """Unisender refused a call (a non-retryable error code)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def group_tag(payload: CampaignPayload, label: str) -> str:
    """The tag of a group: ``konvert-<campaign>-<variant>`` (no commas or spaces)."""
    name = re.sub(r"[^\w-]+", "-", payload.campaign_name.strip().lower()).strip("-")
    return f"konvert-{name[:40] or payload.campaign_id}-{label}"


def list_title(payload: CampaignPayload) -> str:
    """The title of the campaign's list (titles are unique in an account)."""
    return f"Konvert #{payload.campaign_id}: {payload.campaign_name}"[:250]


def bracket(name: str, values: Sequence[str]) -> list[tuple[str, str]]:
    """``name[0]=v0&name[1]=v1``: an array in Unisender's bracket notation."""
    return [(f"{name}[{i}]", v) for i, v in enumerate(values)]


def bracket_rows(name: str, rows: Sequence[Sequence[str]]) -> list[tuple[str, str]]:
    """``name[i][j]=v``: a table in bracket notation."""
    return [(f"{name}[{i}][{j}]", v) for i, row in enumerate(rows) for j, v in enumerate(row)]


_REFUSALS = {
    "invalid_api_key": "Unisender does not accept the API key {key} ({method}): check the key "
                       "in Settings or in KONVERT_UNISENDER_KEY",
    "access_denied": "Unisender denied access to {method}: the key has no right to it "
                     "(a restricted or blocked account): {text}",
    "invalid_arg": "Unisender rejected a value in {method}: {text}",
    "not_enough_money": "Unisender: not enough money on the account for {method}; "
                        "top up the balance",
    "unknown_method": "Unisender does not know the method {method}: is the API address right?",
}


def _plain_error(lang: str, method: str, code: str, text: str, key: str) -> str:
    """A refusal in plain words (the key only masked)."""
    template = _REFUSALS.get(code, "Unisender refused {method}: {text} ({code})")
    return tr(lang, template, key=mask(key), method=method, text=text, code=code or "-")


class UnisenderApi:
    """Calls Unisender methods: POST, ``format=json`` in the URL, key in the body."""

    dry_run = False

    def __init__(self, http: HttpClient, key: str, on_retry: Callable[[str], None] | None = None
                 ) -> None:
        self.lang = http.lang
        self._http = http
        self._key = key
        self._on_retry = on_retry

    def call(self, method: str, params: Sequence[tuple[str, str]]) -> Any:
        """Call ``method``; the ``result`` or :class:`UnisenderError`."""
        reply: dict[str, Any] = {}

        def check(response: httpx.Response) -> None:
            nonlocal reply
            try:
                data = response.json()
            except ValueError:
                raise Retryable(f"HTTP {response.status_code}, not JSON") from None
            if not isinstance(data, dict):
                raise Retryable("an answer that is not a JSON object")
            if data.get("error") is not None or data.get("code") in RETRYABLE_CODES:
                code = str(data.get("code") or "")
                if code in RETRYABLE_CODES:
                    raise Retryable(f"{code}: {data.get('error')}")
            reply = data

        def retried(attempt: int, reason: str) -> None:
            if self._on_retry is not None:
                self._on_retry("~ " + tr(self.lang, "{method}: {reason}; retrying (attempt {n})",
                                         method=method, reason=reason, n=attempt + 1))

        self._http.post(method, name=method, params={"format": "json"},
                        form=[("api_key", self._key), *params], check=check,
                        on_retry=retried)
        if reply.get("error") is not None:
            code = str(reply.get("code") or "")
            text = self._http.redact(str(reply.get("error")))
            raise UnisenderError(
                self._http.redact(_plain_error(self.lang, method, code, text, self._key)), code)
        return reply.get("result")


class DryRunApi:
    """Prints the requests instead of making them; answers with placeholders."""

    dry_run = True

    def __init__(self, base_url: str, key: str, lang: str = "en") -> None:
        self.lang = lang
        self.base_url = base_url
        self._key = key
        self.requests: list[str] = []
        self._counter = 0

    def call(self, method: str, params: Sequence[tuple[str, str]]) -> Any:
        """Record the request (key masked) and return a made-up reply."""
        shown = [("api_key", mask(self._key)), *params]
        body = _describe(shown)
        self.requests.append(f"POST {self.base_url}{method}?format=json\n    {body}")
        self._counter += 1
        placeholder = f"<{method}#{self._counter}>"
        if method == "getLists":
            return []
        if method == "createList":
            return {"id": placeholder}
        if method == "importContacts":
            rows = sum(1 for name, _ in params if name.startswith("data[") and name.endswith("[0]"))
            return {"total": rows, "inserted": rows, "updated": 0, "invalid": 0}
        if method == "createEmailMessage":
            return {"message_id": placeholder}
        if method == "createCampaign":
            return {"campaign_id": placeholder, "status": "scheduled"}
        return {}


def _describe(params: Sequence[tuple[str, str]]) -> str:
    """Form parameters for the dry-run listing; long values and data rows shortened."""
    out: list[str] = []
    rows: dict[str, int] = {}
    for name, value in params:
        match = re.match(r"data\[(\d+)\]\[(\d+)\]$", name)
        if match:
            if match.group(2) == "0":
                rows["n"] = rows.get("n", 0) + 1
                if rows["n"] <= 2:
                    out.append(f"data[{match.group(1)}][0]={value}")
            continue
        shown = value if len(value) <= 80 else value[:60] + f"… ({len(value)} characters)"
        out.append(f"{name}={shown}".replace("\r", "").replace("\n", "⏎"))
    if rows.get("n", 0) > 2:
        out.append(f"… {rows['n']} rows in all")
    return "&".join(out)


def start_time(payload: CampaignPayload, now: datetime | None = None, lang: str = "en"
               ) -> str | None:
    """``YYYY-MM-DD hh:mm`` in UTC for ``createCampaign``, or None to send now.

    A naive ``send_at`` is in ``payload.timezone`` (or local time); a time in
    the past means "now"; more than 100 days ahead is refused.
    """
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
    if utc - now > timedelta(days=100):
        raise ExportUsageError(tr(lang, "Unisender schedules at most 100 days ahead; the "
                                  "campaign's send time is {when} UTC",
                                  when=f"{utc:%Y-%m-%d %H:%M}"))
    return utc.strftime("%Y-%m-%d %H:%M")


def _chunks(recipients: Sequence[Recipient], size: int) -> list[Sequence[Recipient]]:
    return [recipients[i:i + size] for i in range(0, len(recipients), size)]


def _group_label(lang: str, label: str) -> str:
    return tr(lang, "the remainder") if label == "rest" else tr(lang, "group {label}",
                                                                  label=label)


class _Plan:
    """Builds the steps of one export (first run or winner) for one payload."""

    def __init__(self, payload: CampaignPayload, api: UnisenderApi | DryRunApi, run: PlanRun,
                 field_map: Mapping[str, str], message_lang: str, lang: str) -> None:
        self.p = payload
        self.message_lang = message_lang
        self.lang = lang
        self.api = api
        self.run = run
        self.field_map = dict(field_map)
        self.prefix = f"campaign:{payload.campaign_id}"

    def key(self, suffix: str) -> str:
        return f"{self.prefix}/{suffix}"

    def list_id(self) -> str:
        value = self.run.known(self.key("list"))
        if value is None:
            raise ExportError(f"the list of campaign {self.p.campaign_id} is missing")
        return value

    # -- steps ----------------------------------------------------------------

    def list_step(self) -> Step:
        title = list_title(self.p)

        def create() -> StepResult:
            for item in self.api.call("getLists", []) or []:
                if isinstance(item, dict) and item.get("title") == title:
                    self.run.log("= " + tr(self.lang, "list «{title}» exists at Unisender; "
                                              "using it", title=title))
                    return StepResult(str(item.get("id")), {"title": title, "adopted": True})
            result = self.api.call("createList", [("title", title)])
            return StepResult(str(_field(self.lang, result, "id", "createList")),
                              {"title": title})

        return Step(self.key("list"), "list", tr(self.lang, "list «{title}»", title=title),
                    create)

    def import_steps(self, group: GroupPayload) -> list[Step]:
        tag = group_tag(self.p, group.label)
        fields = ["email", "email_list_ids", "tags", *self.field_map.values()]
        steps: list[Step] = []
        batches = _chunks(group.recipients, BATCH_SIZE)
        head = tr(self.lang, "contacts of {group}", group=_group_label(self.lang, group.label))
        for number, batch in enumerate(batches):
            label = head + ", " + tr(self.lang, "batch {n} of {total}", n=number + 1,
                                     total=len(batches))

            def create(batch: Sequence[Recipient] = batch, label: str = label) -> StepResult:
                list_id = self.list_id()
                rows = [[r.email, list_id, tag,
                         *(r.fields.get(canonical, "") for canonical in self.field_map)]
                        for r in batch]
                result = self.api.call("importContacts", [
                    *bracket("field_names", fields), *bracket_rows("data", rows),
                    ("overwrite_tags", "0"), ("overwrite_lists", "0")])
                details = {"rows": len(batch), "first": batch[0].email, "last": batch[-1].email,
                           "tag": tag}
                if isinstance(result, dict):
                    for name in ("inserted", "updated", "invalid"):
                        if isinstance(result.get(name), int):
                            details[name] = result[name]
                    if result.get("invalid"):
                        self.run.log("! " + tr(self.lang, "{group}: Unisender rejected {n} "
                                                  "address(es) of this batch", group=label,
                                                  n=result["invalid"]))
                return StepResult(None, details)

            steps.append(Step(self.key(f"import:{group.label}:{number}"), "import", label,
                              create, weight=len(batch), batch_of=head))
        return steps

    def message_step(self, group_label: str, variant_label: str) -> Step:
        variant = self.p.variant(variant_label)
        tag = group_tag(self.p, group_label)

        def create() -> StepResult:
            params = [
                ("sender_name", self.p.from_name), ("sender_email", self.p.from_email),
                ("subject", variant.subject), ("body", variant.html),
                ("text_body", variant.text), ("generate_text", "0"),
                ("list_id", self.list_id()), ("tag", tag), ("lang", self.message_lang),
                ("wrap_type", "skip"),
            ]
            result = self.api.call("createEmailMessage", params)
            return StepResult(str(_field(self.lang, result, "message_id",
                                         "createEmailMessage")),
                              {"variant": variant_label, "tag": tag, "subject": variant.subject})

        what = tr(self.lang, "message of variant {label}" if group_label == variant_label
                  else "message of the winner {label} for the remainder", label=variant_label)
        return Step(self.key(f"message:{group_label}"), "message", what, create)

    def campaign_step(self, group_label: str, variant_label: str, when: str | None) -> Step:
        def create() -> StepResult:
            message_id = self.run.known(self.key(f"message:{group_label}"))
            params = [("message_id", str(message_id)), ("track_read", "1"),
                      ("track_links", "1")]
            if when is not None:
                params += [("start_time", when), ("timezone", "UTC")]
            result = self.api.call("createCampaign", params)
            status = str(result.get("status", "")) if isinstance(result, dict) else ""
            if status == "waits_censor":
                self.run.log("! " + tr(self.lang, "campaign of {group} waits for Unisender's "
                                          "moderation before it is sent",
                                          group=_group_label(self.lang, group_label)))
            details: dict[str, Any] = {"variant": variant_label, "status": status,
                                       "start_time": when or "now"}
            if isinstance(result, dict) and "count" in result:
                details["count"] = result["count"]
            return StepResult(str(_field(self.lang, result, "campaign_id", "createCampaign")),
                              details)

        what = tr(self.lang, "campaign of variant {label}" if group_label == variant_label
                  else "campaign of the winner {label} for the remainder", label=variant_label)
        return Step(self.key(f"campaign:{group_label}"), "campaign", what, create)


def _field(lang: str, result: Any, name: str, method: str) -> Any:
    if isinstance(result, dict) and result.get(name) not in (None, ""):
        return result[name]
    raise ExportError(tr(lang, "Unisender answered {method} without {name}; nothing more was "
                               "sent", method=method, name=name))


def export_unisender(engine: Engine, payload: CampaignPayload, *, key: str,
                     api_url: str | None = None, dry_run: bool = False, winner: bool = False,
                     field_map: Mapping[str, str] | None = None, message_lang: str = "ru",
                     lang: str = "en",
                     progress: Progress | None = None, on_step: StepLog | None = None,
                     cancelled: Cancelled | None = None,
                     transport: httpx.BaseTransport | None = None, sleep: Sleep = time.sleep,
                     retry: RetryPolicy | None = None, timeout: float = 30.0,
                     clock: Callable[[], float] = time.monotonic) -> ExportOutcome:
    """Push ``payload`` to Unisender (or with ``dry_run`` list the requests).

    Raises :class:`ExportError` (exit 1) naming what was done and what was not,
    :class:`ExportCancelled` when ``cancelled()`` turned true, and
    :class:`ExportUsageError` for a campaign that cannot go (no winner yet...).
    """
    if payload.target not in (TARGET, ""):
        raise ExportUsageError(f"this payload was prepared for {payload.target}, not Unisender")
    base = replace_origin(DEFAULT_URL, api_url)
    # e-mail has its own column; only contact fields with an account field are uploaded
    fmap = {k: v for k, v in (DEFAULT_FIELD_MAP if field_map is None else field_map).items()
            if k != "email" and "." not in k and v}
    labels = [v.label for v in payload.variants]
    if winner:
        if not payload.winner:
            raise ExportUsageError(tr(lang, "campaign {name} has no winner yet: choose one "
                                            "first", name=repr(payload.campaign_name)))
        if payload.winner not in labels:
            raise ExportUsageError(tr(lang, "the winner {label} is not a variant of {name}",
                                      label=payload.winner, name=repr(payload.campaign_name)))
        if find_object(engine, TARGET, f"campaign:{payload.campaign_id}/list") is None:
            raise ExportUsageError(tr(lang, "campaign {name} has not been exported to Unisender "
                                            "yet: export the test groups first",
                                      name=repr(payload.campaign_name)))
    when = start_time(payload, lang=lang) if not winner else None

    api: UnisenderApi | DryRunApi
    http: HttpClient | None = None
    export_id: int | None = None
    if dry_run:
        api = DryRunApi(base, key, lang)
    else:
        limiter = RateLimiter(CALLS_PER_MINUTE, {"createCampaign": CREATE_CAMPAIGN_LIMIT},
                              clock=clock, sleep=sleep)
        http = HttpClient(base, secrets=[key], transport=transport, timeout=timeout,
                          retry=retry, limiter=limiter, sleep=sleep, cancelled=cancelled,
                          lang=lang)
        api = UnisenderApi(http, key, on_retry=on_step)
        export_id = start_export(engine, TARGET, payload.campaign_name,
                                 campaign_id=payload.campaign_id,
                                 details={"winner": winner, "base_url": base})
    run = PlanRun(engine, TARGET, payload.campaign_id, export_id, dry_run, progress, lang,
                  on_step)
    plan = _Plan(payload, api, run, fmap, message_lang, lang)
    steps: list[Step] = []
    if winner:
        assert payload.winner is not None
        steps += plan.import_steps(payload.group("rest")) if _has_group(payload, "rest") else []
        steps.append(plan.message_step("rest", payload.winner))
        steps.append(plan.campaign_step("rest", payload.winner, None))
    else:
        steps.append(plan.list_step())
        for label in labels:
            steps += plan.import_steps(payload.group(label))
        steps += [plan.message_step(label, label) for label in labels]
        steps += [plan.campaign_step(label, label, when) for label in labels]
    try:
        run.run_recorded(steps, "Unisender")
    finally:
        if http is not None:
            http.close()
    group_labels = ["rest"] if winner else labels
    variants = []
    for label in group_labels:
        campaign_key = plan.key(f"campaign:{label}")
        variants.append({
            "group": label,
            "variant": payload.winner if label == "rest" else label,
            "tag": group_tag(payload, label),
            "contacts": len(payload.group(label).recipients) if _has_group(payload, label) else 0,
            "message_id": run.ids.get(plan.key(f"message:{label}")),
            "campaign_id": run.ids.get(campaign_key),
            "status": next((o.details.get("status") for o in run.objects
                            if o.key == campaign_key), None),
        })
    return ExportOutcome(
        target=TARGET, campaign=payload.campaign_name, campaign_id=payload.campaign_id,
        dry_run=dry_run, winner=winner, export_id=export_id, objects=tuple(run.objects),
        requests=tuple(api.requests) if isinstance(api, DryRunApi) else (),
        variants=tuple(variants),
        extra={"list_id": run.ids.get(plan.key("list")) or run.known(plan.key("list"))})


def _has_group(payload: CampaignPayload, label: str) -> bool:
    return any(g.label == label for g in payload.groups)


