"""Mindbox: the package, the bulk import against a fake server on 127.0.0.1, stats, keys."""

from __future__ import annotations

import csv
import io
import json
import logging
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import Engine

from campaigns import load_results
from esp import mindbox
from esp.errors import ExportError, ExportUsageError
from esp.history import list_exports, list_objects
from esp.mindbox import MindboxSettings, Retry
from esp.prepare import prepare_campaign
from main import main
from tests.esp.conftest import TODAY

SECRET = "sk-Very-Secret-Key-0123456789"


class FakeMindbox:
    """Mindbox's operations API as the spec describes it, scripted per bulk request."""

    def __init__(self) -> None:
        self.script: list[Any] = []
        self.processed: dict[str, str] = {}  # transactionId -> segment
        self.imported: list[tuple[str, int]] = []  # (segment, rows) per real import
        self.requests: list[dict[str, Any]] = []
        self.stats_calls = 0
        self.report = ""

    def bulk(self, params: dict[str, str], body: bytes) -> tuple[int, dict[str, Any], float]:
        action = self.script.pop(0) if self.script else "ok"
        tid, segment = params["transactionId"], params["segment"]
        if action == 429:
            return 429, {"status": "Throttled"}, 0
        if action == 500:
            return 500, {"status": "InternalServerError"}, 0
        if action == "internal":
            return 200, {"status": "InternalServerError"}, 0
        if action == "validation":
            return 200, {"status": "ValidationError", "validationMessages": [
                {"message": "Email is invalid", "location": "/customer/email"}]}, 0
        if action == "timeout-before":
            return 200, {"status": "Success"}, 2.0  # answered too late, not processed
        if tid in self.processed:
            return 200, {"status": "TransactionAlreadyProcessed"}, 0
        rows = list(csv.reader(io.StringIO(body.decode("utf-8")), delimiter=";"))
        self.processed[tid] = segment
        self.imported.append((segment, len(rows) - 1))
        if action == "timeout":  # processed, but the answer comes after the client gave up
            return 200, {"status": "Success"}, 2.0
        return 200, {"status": "Success"}, 0


@pytest.fixture
def fake() -> Iterator[tuple[FakeMindbox, str]]:
    state = FakeMindbox()

    class Handler(BaseHTTPRequestHandler):
        def _reply(self, code: int, data: Any, delay: float = 0, raw: bytes | None = None,
                   headers: dict[str, str] | None = None) -> None:
            if delay:
                time.sleep(delay)
            body = raw if raw is not None else json.dumps(data).encode()
            try:
                self.send_response(code)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                if code == 429:
                    self.send_header("Retry-After", "0")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def do_POST(self) -> None:
            url = urlsplit(self.path)
            params = {k: v[0] for k, v in parse_qs(url.query).items()}
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state.requests.append({"path": url.path, "params": params,
                                   "auth": self.headers.get("Authorization"),
                                   "type": self.headers.get("Content-Type")})
            if url.path == "/v3/operations/bulk":
                code, data, delay = state.bulk(params, body)
                self._reply(code, data, delay)
            elif url.path == "/v3/operations/sync":
                state.stats_calls += 1
                request = json.loads(body)
                if "exportId" not in request:
                    self._reply(200, {"status": "Success", "exportId": "77",
                                      "exportResult": {"processingStatus": "NotReady"}})
                else:
                    port = server.server_address[1]
                    self._reply(200, {"status": "Success", "exportId": "77", "exportResult": {
                        "processingStatus": "Ready",
                        "urls": [f"http://127.0.0.1:{port}/files/report.csv"]}})
            else:
                self._reply(400, {"status": "ProtocolError", "errorMessage": "unknown"})

        def do_GET(self) -> None:
            state.requests.append({"path": self.path, "auth": self.headers.get(
                "Authorization")})
            self._reply(200, None, raw=state.report.encode("utf-8"))

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _settings(url: str) -> MindboxSettings:
    return MindboxSettings(api_url=url, endpoint_id="sezon-shop",
                           import_operation="DirectCrm.Customers.Import",
                           stats_operation="Konvert.MailingStatus")


FAST = Retry(attempts=4, base_delay=0, sleep=lambda _: None)


def _payload(engine: Engine) -> Any:
    payload, _ = prepare_campaign(engine, "Приветствие", "mindbox", TODAY)
    return payload


# --- the package -------------------------------------------------------------------------------


def test_package(shop: Engine, tmp_path: Path) -> None:
    payload, report = prepare_campaign(shop, "Приветствие", "mindbox", TODAY)
    files = mindbox.write_package(payload, report, tmp_path, MindboxSettings())
    names = {p.name for p in files}
    assert names == {"template-A.html", "template-B.html", "text-A.txt", "text-B.txt",
                     "subjects.csv", "contacts-A.csv", "contacts-B.csv", "contacts-rest.csv",
                     "translation-report.json", "ИНСТРУКЦИЯ.txt"}
    html = (tmp_path / "template-A.html").read_text(encoding="utf-8")
    assert "${ Recipient.FirstName }" in html and 'href="KONVERT-MINDBOX-UNSUBSCRIBE-LINK"' in html
    rows = list(csv.reader(io.StringIO((tmp_path / "contacts-A.csv").read_text(
        encoding="utf-8")), delimiter=";"))
    assert rows[0] == ["Email", "FirstName", "LastName", "MobilePhone", "BirthDate",
                       "IsSubscribed"]
    emails = next(g.recipients for g in payload.groups if g.label == "A")
    assert [r[0] for r in rows[1:]] == [r.email for r in emails]
    every_row = [row for label in ("A", "B", "rest") for row in csv.reader(io.StringIO(
        (tmp_path / f"contacts-{label}.csv").read_text(encoding="utf-8")), delimiter=";")]
    anna = next(r for r in every_row if r[0] == "c0000@example.ru")  # whichever group
    assert anna == ["c0000@example.ru", "Анна", "", "79120000000", "1990-01-01", "true"]
    subjects = (tmp_path / "subjects.csv").read_text(encoding="utf-8")
    assert "Друг@{ else }${ Recipient.FirstName }@{ end if }, добро пожаловать" in subjects
    instructions = (tmp_path / "ИНСТРУКЦИЯ.txt").read_text(encoding="utf-8")
    assert "KONVERT-MINDBOX-UNSUBSCRIBE-LINK" in instructions and "отписки" in instructions
    assert "A/B" in instructions and "contacts-A.csv" in instructions


def test_phone_format() -> None:
    assert mindbox.phone("8 (912) 345-67-89") == "79123456789"
    assert mindbox.phone("+7 912 345 67 89") == "79123456789"
    assert mindbox.phone("9123456789") == "79123456789"
    assert mindbox.phone("") == ""


# --- the bulk import ---------------------------------------------------------------------------


def test_import_success_and_rerun_imports_nothing_twice(
        shop: Engine, fake: tuple[FakeMindbox, str]) -> None:
    state, url = fake
    payload = _payload(shop)
    results = mindbox.import_groups(shop, payload, _settings(url), SECRET, retry=FAST)
    assert [r.status for r in results] == ["imported"] * 3
    sizes = {g.label: len(g.recipients) for g in payload.groups}
    assert sorted(state.imported) == sorted(
        (f"konvert-{payload.campaign_id}-{label}", n) for label, n in sizes.items())
    request = state.requests[0]
    assert request["auth"] == f"SecretKey {SECRET}"
    assert request["params"]["operation"] == "DirectCrm.Customers.Import"
    assert request["params"]["csvCodePage"] == "65001"
    assert request["params"]["csvColumnDelimiter"] == ";"
    assert request["type"].startswith("text/csv")
    assert len({r["params"]["transactionId"] for r in state.requests}) == 3
    # Run again: every group is recorded, no request at all.
    again = mindbox.import_groups(shop, payload, _settings(url), SECRET, retry=FAST)
    assert [r.status for r in again] == ["skipped (recorded)"] * 3
    assert len(state.requests) == 3 and len(state.imported) == 3
    objects = list_objects(shop, target="mindbox")
    assert [o.kind for o in objects] == ["customers-import"] * 3
    assert all(SECRET not in json.dumps(o.details) for o in objects)


@pytest.mark.parametrize("trouble", [429, 500, "internal"])
def test_retried_after_throttling_and_server_errors(
        shop: Engine, fake: tuple[FakeMindbox, str], trouble: Any) -> None:
    state, url = fake
    state.script = [trouble, trouble]
    waits: list[float] = []
    retry = Retry(attempts=4, base_delay=0.5, sleep=waits.append)
    results = mindbox.import_groups(shop, _payload(shop), _settings(url), SECRET, retry=retry)
    assert [r.status for r in results] == ["imported"] * 3
    assert len(state.imported) == 3
    assert waits == ([0.0, 0.0] if trouble == 429 else [0.5, 1.0])  # Retry-After: 0


def test_timeout_after_processing_is_not_imported_twice(
        shop: Engine, fake: tuple[FakeMindbox, str]) -> None:
    state, url = fake
    state.script = ["timeout", "timeout-before"]
    results = mindbox.import_groups(shop, _payload(shop), _settings(url), SECRET, retry=FAST,
                                    timeout=0.5)
    assert [r.status for r in results] == ["already-imported", "imported", "imported"]
    assert len(state.imported) == 3  # the first group once, though sent twice
    assert len({seg for seg, _ in state.imported}) == 3


def test_repeated_transaction_id_from_another_run(shop: Engine,
                                                  fake: tuple[FakeMindbox, str]) -> None:
    """A crash after Mindbox imported but before the record: the same id is sent again."""
    state, url = fake
    payload = _payload(shop)
    group = payload.groups[0]
    tid = mindbox.transaction_id(payload, group, mindbox.contacts_csv(group.recipients))
    state.processed[tid] = "earlier run"
    results = mindbox.import_groups(shop, payload, _settings(url), SECRET, retry=FAST)
    assert results[0].status == "already-imported" and results[0].transaction_id == tid
    assert len(state.imported) == 2


def test_validation_error_stops_in_plain_words_and_keeps_what_went_through(
        shop: Engine, fake: tuple[FakeMindbox, str], caplog: pytest.LogCaptureFixture) -> None:
    state, url = fake
    state.script = ["ok", "validation"]
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ExportError) as caught:
        mindbox.import_groups(shop, _payload(shop), _settings(url), SECRET, retry=FAST)
    text = str(caught.value)
    assert "Email is invalid" in text and "/customer/email" in text
    assert SECRET not in text and SECRET not in repr(caught.value.__context__)
    assert len(list_objects(shop, target="mindbox")) == 1
    state.script = []
    results = mindbox.import_groups(shop, _payload(shop), _settings(url), SECRET, retry=FAST)
    assert [r.status for r in results] == ["skipped (recorded)", "imported", "imported"]
    assert len(state.imported) == 3
    assert SECRET not in caplog.text


def test_gives_up_after_attempts_without_the_key(shop: Engine, fake: tuple[FakeMindbox, str],
                                                 caplog: pytest.LogCaptureFixture) -> None:
    state, url = fake
    state.script = [500] * 10
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ExportError) as caught:
        mindbox.import_groups(shop, _payload(shop), _settings(url), SECRET, retry=FAST)
    assert "HTTP 500" in str(caught.value) and "4 attempts" in str(caught.value)
    assert SECRET not in str(caught.value) and SECRET not in caplog.text
    assert state.imported == []


def test_not_configured(shop: Engine) -> None:
    with pytest.raises(ExportUsageError, match="not configured"):
        mindbox.import_groups(shop, _payload(shop), MindboxSettings(), SECRET)


def test_settings_round_trip_without_key(shop: Engine) -> None:
    mindbox.save_settings(shop, _settings("https://api.example.ru"))
    assert mindbox.load_settings(shop) == _settings("https://api.example.ru")
    with pytest.raises(ExportUsageError):
        mindbox.save_settings(shop, MindboxSettings(api_url="ftp://x"))


# --- stats --------------------------------------------------------------------------------------

REPORT = """\ufeffCustomerId;Email;Mailing;variantNum;Action
1;c0000@example.ru;Приветствие;1;Sent
2;c0001@example.ru;Приветствие;1;Sent
3;c0002@example.ru;Приветствие;1;Sent
1;c0000@example.ru;Приветствие;1;Opened
1;c0000@example.ru;Приветствие;1;Opened
1;c0000@example.ru;Приветствие;1;Clicked
4;c0003@example.ru;Приветствие;2;Sent
5;c0004@example.ru;Приветствие;2;Sent
5;c0004@example.ru;Приветствие;2;Opened
5;c0004@example.ru;Приветствие;2;Unsubscribe
9;c0009@example.ru;Другая;1;Sent
"""


def test_report_file_into_results(shop: Engine) -> None:
    results = mindbox.store_report(shop, "Приветствие", REPORT, "mindbox-report-file",
                                   mailing="Приветствие")
    assert [(r.variant, r.sent, r.opens, r.clicks) for r in results] == [
        ("A", 3, 1, 1), ("B", 2, 1, 0)]
    assert [(r.variant, r.sent) for r in load_results(shop, "Приветствие")] == [
        ("A", 3), ("B", 2)]
    with pytest.raises(ExportUsageError, match="variantNum"):
        mindbox.store_report(shop, "Приветствие", "a;b\n1;2\n", "x")


def test_stats_through_the_export_operation(shop: Engine,
                                            fake: tuple[FakeMindbox, str]) -> None:
    state, url = fake
    state.report = REPORT
    text = mindbox.fetch_stats(_settings(url), SECRET, datetime(2026, 11, 1),
                               datetime(2026, 11, 23), retry=FAST, poll_delay=0)
    assert state.stats_calls == 2
    assert state.requests[0]["params"]["operation"] == "Konvert.MailingStatus"
    download = next(r for r in state.requests if r["path"] == "/files/report.csv")
    assert download["auth"] is None  # the key goes to the API only
    results = mindbox.store_report(shop, "Приветствие", text, "mindbox-api")
    assert [(r.variant, r.sent) for r in results] == [("A", 4), ("B", 2)]  # no mailing filter


# --- the command line: outputs, logs and history never hold the key -----------------------------


def test_cli_export_mindbox_never_shows_the_key(
        shop: Engine, sqlite_url: str, fake: tuple[FakeMindbox, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    state, url = fake
    monkeypatch.setenv("KONVERT_MINDBOX_KEY", SECRET)
    mindbox.save_settings(shop, _settings("https://api.mindbox.ru"))
    caplog.set_level(logging.DEBUG)
    base = ["--workspace", sqlite_url, "--today", TODAY.isoformat()]
    out = tmp_path / "pkg"
    assert main([*base, "--json", "export", "mindbox", "Приветствие", "--out", str(out),
                 "--api-url", url, "--dry-run"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert [i["status"] for i in dry["imports"]] == ["dry-run"] * 3 and state.requests == []
    assert main([*base, "--json", "export", "mindbox", "Приветствие", "--out", str(out),
                 "--api-url", url]) == 0
    done = json.loads(capsys.readouterr().out)
    assert [i["status"] for i in done["imports"]] == ["imported"] * 3
    assert "ИНСТРУКЦИЯ.txt" in done["files"] and done["export_id"]
    assert main([*base, "export", "mindbox", "Приветствие", "--out", str(out),
                 "--api-url", url]) == 0
    assert "skipped (recorded)" in capsys.readouterr().out
    assert len(state.imported) == 3
    state.script = ["validation"] * 3
    mindbox_objects = list_objects(shop, target="mindbox")
    assert len(mindbox_objects) == 3
    report = tmp_path / "report.csv"
    report.write_text(REPORT, encoding="utf-8")
    assert main([*base, "export", "mindbox", "Приветствие", "--report-file", str(report),
                 "--mailing", "Приветствие"]) == 0
    assert "A: sent 3, opens 1, clicks 1" in capsys.readouterr().out
    # A failure: the message is plain, the key is nowhere.
    monkeypatch.setenv("KONVERT_MINDBOX_KEY", SECRET + "x")
    with shop.begin() as conn:
        conn.exec_driver_sql("DELETE FROM export_objects")
    assert main([*base, "export", "mindbox", "Приветствие", "--out", str(out),
                 "--api-url", url]) == 1
    captured = capsys.readouterr()
    assert "Email is invalid" in captured.err and len(captured.err.strip().splitlines()) == 1
    everything = "".join([captured.out, captured.err, caplog.text, json.dumps(
        [r.details for r in list_exports(shop)], ensure_ascii=False, default=str),
        json.dumps([r.message for r in list_exports(shop)], ensure_ascii=False)])
    everything += "".join(p.read_text(encoding="utf-8", errors="replace")
                          for p in out.iterdir())
    assert SECRET not in everything
    database = Path(sqlite_url.split("///", 1)[1])  # nor in the workspace (or its WAL)
    for path in (database, database.with_name(database.name + "-wal")):
        if path.exists():
            assert b"Very-Secret" not in path.read_bytes()
    assert [r.result for r in list_exports(shop)][:2] == ["failed", "ok"]


def test_cli_without_key_is_a_plain_message(
        shop: Engine, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KONVERT_MINDBOX_KEY", raising=False)
    import keyring
    import keyring.errors

    def no_backend(*args: object) -> None:
        raise keyring.errors.NoKeyringError("no backend")

    monkeypatch.setattr(keyring, "get_password", no_backend)
    mindbox.save_settings(shop, _settings("https://api.mindbox.ru"))
    code = main(["--workspace", sqlite_url, "--today", TODAY.isoformat(), "export", "mindbox",
                 "Приветствие", "--out", str(tmp_path / "p")])
    err = capsys.readouterr().err
    assert code == 2 and "KONVERT_MINDBOX_KEY" in err and "Traceback" not in err
