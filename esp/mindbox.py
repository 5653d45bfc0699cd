"""Mindbox: the package for its editor and, when configured, the bulk customer import.

Mindbox has no public API that creates templates or mass mailings, so the
export is a folder: the HTML translated to Mindbox's template language (one
per variant), the subject variants, the plain text, a contacts CSV per group
in Mindbox's import format and an instruction file in Russian. When the
user configured the API (endpoint id, operation names; the key lives in the
keychain), each group is also imported with ``DirectCrm``'s bulk import
operation into its own segment, with a ``transactionId`` derived from the
group's content: a re-run finds the import in the export history and skips
it, and a retried request that did reach Mindbox is answered
``TransactionAlreadyProcessed`` instead of importing twice.

Stats come from the configured mailing-status export operation (polled,
files downloaded) or from a report file exported from Mindbox's interface,
and go into the campaign's results.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine

from esp.errors import ExportError, ExportUsageError
from esp.history import find_object, record_object
from esp.payload import CampaignPayload, GroupPayload, Recipient
from esp.translate import UNSUBSCRIBE, TranslationReport

log = logging.getLogger(__name__)

SETTINGS_KEY = "esp_mindbox"
DEFAULT_API_URL = "https://api.mindbox.ru"
CSV_COLUMNS = ("Email", "FirstName", "LastName", "MobilePhone", "BirthDate", "IsSubscribed")
_NAMESPACE = uuid.UUID("5b0f3c52-6f0a-4d8e-9a43-2a1f4d6c9e11")
_RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
_LABELS = "ABCDE"


@dataclass(frozen=True)
class MindboxSettings:
    """The shop's Mindbox API configuration (no key: that is in the keychain)."""

    api_url: str = DEFAULT_API_URL
    endpoint_id: str = ""
    import_operation: str = ""
    stats_operation: str = ""
    segment_prefix: str = "konvert"

    @property
    def import_configured(self) -> bool:
        return bool(self.endpoint_id and self.import_operation)

    @property
    def stats_configured(self) -> bool:
        return bool(self.endpoint_id and self.stats_operation)


def load_settings(engine: Engine | None) -> MindboxSettings:
    """The Mindbox settings of the workspace (defaults when none are saved)."""
    if engine is None:
        return MindboxSettings()
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from workspace.models import Setting

    with Session(engine) as session:
        value = session.scalar(select(Setting.value).where(Setting.key == SETTINGS_KEY))
    if not isinstance(value, dict):
        return MindboxSettings()
    known = MindboxSettings.__dataclass_fields__
    return MindboxSettings(**{k: str(v) for k, v in value.items() if k in known and v})


def save_settings(engine: Engine, settings: MindboxSettings) -> None:
    """Store the settings in the workspace (they never hold the key)."""
    from sqlalchemy.orm import Session

    from workspace.models import Setting

    if not settings.api_url.startswith(("http://", "https://")):
        raise ExportUsageError(f"the Mindbox API address must start with https://, "
                               f"not {settings.api_url!r}")
    with Session(engine) as session, session.begin():
        row = session.get(Setting, SETTINGS_KEY)
        if row is None:
            session.add(Setting(key=SETTINGS_KEY, value=asdict(settings)))
        else:
            row.value = asdict(settings)


# --- the package -----------------------------------------------------------------------------


def phone(value: str) -> str:
    """``+7 (912) 345-67-89`` or ``8912...`` -> ``79123456789``."""
    digits = re.sub(r"\D", "", value)
    if len(digits) == 11 and digits.startswith("8"):
        digits = "7" + digits[1:]
    elif len(digits) == 10:
        digits = "7" + digits
    return digits


def contacts_csv(recipients: tuple[Recipient, ...]) -> str:
    """The group as Mindbox's customer import CSV (``;``, ``"``, UTF-8)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quotechar='"', lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in recipients:
        f = r.fields
        writer.writerow([r.email, f.get("first_name", ""), f.get("last_name", ""),
                         phone(f.get("phone", "")), f.get("birth_date", ""),
                         "false" if f.get("status") == "unsubscribed" else "true"])
    return buffer.getvalue()


def segment_name(settings: MindboxSettings, payload: CampaignPayload, label: str) -> str:
    """The segment a group is imported into: ``konvert-<campaign id>-<label>``."""
    return f"{settings.segment_prefix}-{payload.campaign_id}-{label}"


def transaction_id(payload: CampaignPayload, group: GroupPayload, body: str) -> str:
    """A GUID fixed by the campaign, the group and its content (same import, same id)."""
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return str(uuid.uuid5(_NAMESPACE, f"{payload.campaign_id}:{group.label}:{digest}"))


def _instructions(payload: CampaignPayload, settings: MindboxSettings,
                  files: dict[str, str]) -> str:
    lines = [
        f"Кампания «{payload.campaign_name}»: пакет для Mindbox (сделан в Konvert)",
        "",
        "Mindbox не даёт создавать шаблоны и рассылки через открытый API, поэтому письмо",
        "настраивается в его редакторе. Что в папке:",
        "",
    ]
    for name, what in files.items():
        lines.append(f"  {name} — {what}")
    lines += [
        "",
        "1. Откройте Mindbox → Рассылки → Email → Создать рассылку.",
        "2. Аудитория: если вы не импортировали контакты через API, загрузите файлы",
        "   contacts-*.csv (Клиенты → Импорт клиентов; разделитель «;», кодировка UTF-8)",
        "   и сделайте по сегменту на каждую группу. Если импорт через API был, сегменты",
        "   уже есть: " + ", ".join(segment_name(settings, payload, g.label)
                                     for g in payload.groups) + ".",
        "3. Шаблон: выберите HTML-редактор и вставьте содержимое файла template-A.html.",
        "   Переменные уже переведены в язык шаблонов Mindbox (${ Recipient.FirstName },",
        "   @{ if IsEmpty(...) }, @{ for ... }).",
        "4. ВАЖНО: ссылка отписки. Переменная ссылки отписки Mindbox не описана в открытой",
        f"   документации, поэтому в письме стоит заглушка {UNSUBSCRIBE['mindbox']}.",
        "   Найдите её в HTML (в подвале письма) и замените на ссылку отписки из",
        "   редактора Mindbox. Без этого письмо отправлять нельзя.",
        "5. A/B-тест: в настройках рассылки включите A/B-тест и добавьте варианты",
        "   (до 5 вариантов и контрольная группа). Темы и прехедеры вариантов — в файле",
        "   subjects.csv; если прехедеры у вариантов разные, для варианта X возьмите",
        "   template-X.html.",
        "6. Текстовая версия письма — text-A.txt.",
        "7. После отправки выгрузите отчёт по рассылке и загрузите его в Konvert:",
        f"   konvert export mindbox \"{payload.campaign_name}\" --report-file ОТЧЁТ.csv",
        "",
        "Варианты:",
    ]
    for v in payload.variants:
        lines.append(f"  {v.label}: {v.subject}" + (f" | прехедер: {v.preheader}"
                                                     if v.preheader else ""))
    return "\n".join(lines) + "\n"


def write_package(payload: CampaignPayload, report: TranslationReport, out: Path,
                  settings: MindboxSettings) -> list[Path]:
    """Write the package for Mindbox's editor into ``out``; returns the files."""
    files: dict[str, str] = {}
    written: list[Path] = []
    try:
        out.mkdir(parents=True, exist_ok=True)

        def put(name: str, content: str, what: str) -> None:
            path = out / name
            path.write_text(content, encoding="utf-8", newline="")
            files[name] = what
            written.append(path)

        for v in payload.variants:
            put(f"template-{v.label}.html", v.html,
                f"HTML письма, вариант {v.label} (язык шаблонов Mindbox)")
            put(f"text-{v.label}.txt", v.text, f"текстовая версия, вариант {v.label}")
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(["variant", "subject", "preheader"])
        for v in payload.variants:
            writer.writerow([v.label, v.subject, v.preheader])
        put("subjects.csv", buffer.getvalue(), "темы и прехедеры вариантов")
        for g in payload.groups:
            put(f"contacts-{g.label}.csv", contacts_csv(g.recipients),
                f"контакты группы {g.label} ({len(g.recipients)}) для импорта в Mindbox")
        put("translation-report.json",
            json.dumps(report.to_json(), ensure_ascii=False, indent=2),
            "отчёт о переводе переменных")
        put("ИНСТРУКЦИЯ.txt", _instructions(payload, settings, dict(files)),
            "эта инструкция")
    except OSError as exc:
        raise ExportError(f"cannot write into {out}: {exc.strerror or exc}") from None
    return written


# --- the API -----------------------------------------------------------------------------------


@dataclass
class ImportResult:
    """One group's bulk import."""

    label: str
    segment: str
    transaction_id: str
    rows: int
    status: str  # "imported", "already-imported", "skipped (recorded)", "dry-run"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Retry:
    """Backoff for 429, 5xx and timeouts: ``attempts`` tries, delays doubling."""

    attempts: int = 4
    base_delay: float = 1.0
    max_delay: float = 30.0
    sleep: Callable[[float], None] = field(default=time.sleep)

    def delay(self, attempt: int, response: httpx.Response | None) -> float:
        if response is not None:
            after = response.headers.get("retry-after", "")
            if after.isdigit():
                return min(float(after), self.max_delay)
        return min(self.base_delay * 2.0 ** attempt, self.max_delay)


def _send(client: httpx.Client, request: Callable[[], httpx.Response], retry: Retry,
          what: str) -> httpx.Response:
    """Run ``request`` with retries; raises :class:`ExportError` in plain words."""
    last = ""
    for attempt in range(retry.attempts):
        response: httpx.Response | None = None
        try:
            response = request()
        except httpx.TimeoutException:
            last = "Mindbox did not answer in time"
        except httpx.TransportError as exc:
            last = f"no connection to Mindbox ({type(exc).__name__})"
        else:
            if response.status_code not in _RETRYABLE_STATUS and not _internal_error(response):
                return response
            last = ("Mindbox is busy (HTTP 429)" if response.status_code == 429
                    else f"Mindbox failed (HTTP {response.status_code})")
        if attempt + 1 < retry.attempts:
            wait = retry.delay(attempt, response)
            log.info("%s: %s; retrying in %.1f s", what, last, wait)
            retry.sleep(wait)
    raise ExportError(f"{what}: {last}, {retry.attempts} attempts; run the same command "
                      "again later (nothing is imported twice)")


def _internal_error(response: httpx.Response) -> bool:
    return _json(response).get("status") == "InternalServerError"


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _explain(response: httpx.Response, what: str) -> ExportError:
    data = _json(response)
    status = data.get("status")
    if response.status_code in (401, 403):
        return ExportError(f"{what}: Mindbox refused the key (HTTP {response.status_code}); "
                           "check the secret key and the endpoint id")
    if status == "ValidationError":
        messages = "; ".join(
            f"{m.get('location', '')}: {m.get('message', '')}".strip(": ")
            for m in data.get("validationMessages") or [] if isinstance(m, dict))
        return ExportError(f"{what}: Mindbox rejected the data: {messages or 'ValidationError'}")
    if status == "ProtocolError" or response.status_code == 400:
        return ExportError(f"{what}: Mindbox refused the request: "
                           f"{data.get('errorMessage') or 'ProtocolError'}")
    return ExportError(f"{what}: unexpected answer from Mindbox "
                       f"(HTTP {response.status_code}, status {status!r})")


def _url(settings: MindboxSettings, mode: str) -> str:
    return f"{settings.api_url.rstrip('/')}/v3/operations/{mode}"


def import_groups(engine: Engine, payload: CampaignPayload, settings: MindboxSettings,
                  key: str | None, *, dry_run: bool = False, export_id: int | None = None,
                  retry: Retry | None = None, timeout: float = 30.0) -> list[ImportResult]:
    """Import every group into its segment; groups recorded as imported are skipped."""
    if not settings.import_configured:
        raise ExportUsageError("the Mindbox import is not configured: set the endpoint id "
                               "and the import operation name in the Mindbox settings")
    retry = retry or Retry()
    results: list[ImportResult] = []
    client = None if dry_run else httpx.Client(timeout=timeout)
    try:
        for group in payload.groups:
            if not group.recipients:
                continue
            body = contacts_csv(group.recipients)
            segment = segment_name(settings, payload, group.label)
            tid = transaction_id(payload, group, body)
            object_key = f"import:{payload.campaign_id}:{group.label}"
            rows = len(group.recipients)
            recorded = find_object(engine, "mindbox", object_key)
            if recorded is not None:
                results.append(ImportResult(group.label, segment, recorded.remote_id or tid,
                                            rows, "skipped (recorded)"))
                continue
            if client is None:
                results.append(ImportResult(group.label, segment, tid, rows, "dry-run"))
                continue
            assert key is not None
            status = _import_one(client, settings, key, body, segment, tid, retry,
                                 f"import of group {group.label}")
            record_object(engine, "mindbox", object_key, "customers-import", tid,
                          campaign_id=payload.campaign_id, export_id=export_id,
                          details={"segment": segment, "rows": rows, "status": status})
            results.append(ImportResult(group.label, segment, tid, rows, status))
    finally:
        if client is not None:
            client.close()
    return results


def _import_one(client: httpx.Client, settings: MindboxSettings, key: str, body: str,
                segment: str, tid: str, retry: Retry, what: str) -> str:
    params = {"endpointId": settings.endpoint_id, "operation": settings.import_operation,
              "csvCodePage": "65001", "csvColumnDelimiter": ";", "csvTextQualifier": '"',
              "segment": segment, "transactionId": tid}
    headers = {"Authorization": f"SecretKey {key}", "Content-Type": "text/csv; charset=utf-8",
               "Accept": "application/json"}
    content = body.encode("utf-8")
    response = _send(client, lambda: client.post(_url(settings, "bulk"), params=params,
                                                 headers=headers, content=content),
                     retry, what)
    status = _json(response).get("status")
    if response.status_code == 200 and status == "Success":
        return "imported"
    if status == "TransactionAlreadyProcessed":
        return "already-imported"
    raise _explain(response, what)


# --- stats -------------------------------------------------------------------------------------

_ACTIONS = {"sent": "sent", "send": "sent", "delivered": "sent", "отправлено": "sent",
            "opened": "opens", "open": "opens", "открыто": "opens", "открытие": "opens",
            "clicked": "clicks", "click": "clicks", "клик": "clicks", "переход": "clicks",
            "unsubscribe": "unsubscribes", "unsubscribed": "unsubscribes",
            "отписка": "unsubscribes"}
_ACTION_COLUMNS = ("action", "actiontype", "type", "event", "eventtype", "действие", "событие")
_VARIANT_COLUMNS = ("variantnum", "variant", "variantnumber", "вариант")
_CUSTOMER_COLUMNS = ("customerid", "customer", "email", "clientid", "клиент", "email клиента")
_MAILING_COLUMNS = ("mailing", "mailingname", "campaign", "рассылка", "название рассылки")


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    folded = [re.sub(r"[\s_.-]+", "", h.strip().lower()) for h in header]
    for name in names:
        key = re.sub(r"[\s_.-]+", "", name)
        if key in folded:
            return folded.index(key)
    return None


def parse_report(text: str, labels: tuple[str, ...],
                 mailing: str | None = None) -> dict[str, dict[str, int]]:
    """Rows of a Mindbox mailing report -> variant label -> counts (unique customers).

    ``variantNum`` 1, 2, ... is variant A, B, ...; rows of other mailings are
    left out when ``mailing`` is given and the report names its mailing.
    """
    text = text.lstrip("\ufeff")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max((";", ",", "\t"), key=first.count)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows:
        raise ExportUsageError("the Mindbox report is empty")
    header = rows[0]
    action_col = _column(header, _ACTION_COLUMNS)
    variant_col = _column(header, _VARIANT_COLUMNS)
    if action_col is None or variant_col is None:
        raise ExportUsageError("the Mindbox report needs an action column (Sent, Opened, "
                               "Clicked, Unsubscribe) and a variantNum column")
    customer_col = _column(header, _CUSTOMER_COLUMNS)
    mailing_col = _column(header, _MAILING_COLUMNS)
    seen: dict[tuple[str, str], set[str]] = {}
    counts: dict[str, dict[str, int]] = {}
    for index, row in enumerate(rows[1:], start=2):
        if len(row) <= max(action_col, variant_col):
            continue
        if mailing and mailing_col is not None and len(row) > mailing_col \
                and row[mailing_col].strip() != mailing:
            continue
        action = _ACTIONS.get(row[action_col].strip().lower())
        variant_text = row[variant_col].strip()
        if action is None or not variant_text.isdigit():
            continue
        number = int(variant_text)
        if not 1 <= number <= len(labels):
            continue
        label = labels[number - 1]
        who = row[customer_col].strip().lower() if customer_col is not None \
            and len(row) > customer_col else f"row{index}"
        bucket = seen.setdefault((label, action), set())
        if who in bucket:
            continue
        bucket.add(who)
        counts.setdefault(label, {"sent": 0, "opens": 0, "clicks": 0, "unsubscribes": 0})
        counts[label][action] += 1
    return counts


def results_from_counts(counts: dict[str, dict[str, int]]) -> list[Any]:
    """Counts -> ``campaigns.VariantResult`` (an open or click implies delivery)."""
    from campaigns import VariantResult

    results = []
    for label in sorted(counts):
        c = counts[label]
        sent = max(c["sent"], c["opens"], c["clicks"])
        results.append(VariantResult(label, sent, c["opens"], c["clicks"], None))
    return results


def store_report(engine: Engine, campaign: str, text: str, source: str,
                 mailing: str | None = None) -> list[Any]:
    """Parse a report and store it as the campaign's results."""
    from campaigns import CampaignError, get_campaign, store_results

    try:
        info = get_campaign(engine, campaign)
        counts = parse_report(text, info.labels, mailing)
        if not counts:
            raise ExportUsageError("the Mindbox report has no Sent, Opened or Clicked rows "
                                   "for this campaign's variants")
        results = results_from_counts(counts)
        store_results(engine, campaign, results, source)
    except CampaignError as exc:
        raise ExportUsageError(str(exc)) from None
    return results


def fetch_stats(settings: MindboxSettings, key: str, since: datetime, till: datetime, *,
                retry: Retry | None = None, timeout: float = 30.0,
                poll_attempts: int = 30, poll_delay: float = 5.0) -> str:
    """Run the configured mailing-status export, poll it, download its files' text."""
    if not settings.stats_configured:
        raise ExportUsageError("Mindbox stats are not configured: set the endpoint id and "
                               "the mailing-status export operation in the Mindbox settings")
    retry = retry or Retry()
    params = {"endpointId": settings.endpoint_id, "operation": settings.stats_operation}
    headers = {"Authorization": f"SecretKey {key}", "Accept": "application/json"}
    body: dict[str, Any] = {"sinceDateTimeUtc": since.strftime("%Y-%m-%dT%H:%M:%SZ"),
                            "tillDateTimeUtc": till.strftime("%Y-%m-%dT%H:%M:%SZ")}
    with httpx.Client(timeout=timeout) as client:
        for _ in range(poll_attempts):
            response = _send(client, partial(client.post, _url(settings, "sync"),
                                             params=params, headers=headers, json=dict(body)),
                             retry, "mailing stats")
            data = _json(response)
            if response.status_code != 200 or data.get("status") != "Success":
                raise _explain(response, "mailing stats")
            if data.get("exportId"):
                body = {"exportId": data["exportId"]}
            result = data.get("exportResult") or {}
            if str(result.get("processingStatus", "")).lower() == "ready":
                texts = []
                for url in result.get("urls") or []:
                    # The files are on another host: never send the key there.
                    file_response = _send(client, partial(client.get, str(url)), retry,
                                          "report download")
                    if file_response.status_code != 200:
                        raise ExportError(f"report download failed (HTTP "
                                          f"{file_response.status_code})")
                    texts.append(file_response.content.decode("utf-8-sig", errors="replace"))
                return _join_reports(texts)
            retry.sleep(poll_delay)
    raise ExportError("Mindbox did not finish the stats export in time; try again later")


def _join_reports(texts: list[str]) -> str:
    """Several CSV files of one export -> one text with the first header."""
    if not texts:
        return ""
    out = [texts[0].rstrip("\r\n")]
    for text in texts[1:]:
        lines = text.splitlines()
        if len(lines) > 1:
            out.append("\n".join(lines[1:]))
    return "\n".join(out) + "\n"


def variant_label(number: int) -> str:
    """``variantNum`` 1 -> ``A``."""
    return _LABELS[number - 1]
