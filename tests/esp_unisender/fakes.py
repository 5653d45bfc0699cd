"""Fake Unisender (classic) and Unisender Go servers on 127.0.0.1 for the tests.

They implement the request and reply shapes of shared/spec/esp-apis.md and
keep what a real account would hold (lists, contacts with tags, messages,
campaigns, templates, sends), plus a log of every request as it arrived, so
the tests can check URLs, methods and bodies. Faults are injected per
method: ``server.inject("createCampaign", "retry_later", "http500")`` makes the
next two calls of that method fail in those ways, then succeed.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

GOOD_KEY = "6a1f0c9e4b7d2a8f5c3e1b9d7a0f4c2e8b6d1a3f"  # a made-up Unisender key
GO_KEY = "go-5f3c2a1b9e8d7c6b5a4f3e2d1c0b9a8f"


@dataclass
class Request:
    """One request as the fake received it."""

    method: str  # HTTP method
    path: str
    query: str
    headers: dict[str, str]
    body: bytes

    @property
    def url(self) -> str:
        return self.path + ("?" + self.query if self.query else "")

    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode("ascii"), keep_blank_values=True))


@dataclass
class FakeBase:
    """The HTTP plumbing shared by both fakes."""

    requests: list[Request] = field(default_factory=list)
    faults: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    hang_seconds: float = 3.0
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: Called with the API method name before it is processed (a test may kill the client).
    before: Any = None

    def inject(self, method: str, *faults: str) -> None:
        """Make the next calls of ``method`` fail with ``faults``, in order."""
        with self.lock:
            self.faults[method].extend(faults)

    def next_fault(self, method: str) -> str | None:
        with self.lock:
            queue = self.faults.get(method)
            return queue.pop(0) if queue else None

    def calls(self, method: str) -> int:
        """How many requests named ``method`` arrived (retries included)."""
        return sum(1 for r in self.requests if r.path.rstrip("/").split("/")[-1]
                   .removesuffix(".json") == method)

    def handle(self, request: Request) -> tuple[int, dict[str, Any]]:  # pragma: no cover
        raise NotImplementedError

    @contextmanager
    def serve(self) -> Iterator[str]:
        """Run on 127.0.0.1 with a free port; yields ``http://127.0.0.1:PORT``."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _reply(self, status: int, data: dict[str, Any]) -> None:
                body = json.dumps(data, ensure_ascii=False).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                fake.requests.append(Request("GET", parts.path, parts.query,
                                             dict(self.headers.items()), b""))
                self._reply(405, {"error": "use POST", "code": "unspecified"})

            def do_POST(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                request = Request("POST", parts.path, parts.query, dict(self.headers.items()),
                                  body)
                fake.requests.append(request)
                status, data = fake.handle(request)
                if status < 0:  # the "timeout" fault: answer nothing for a while
                    time.sleep(fake.hang_seconds)
                    return
                self._reply(status, data)

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            server.server_close()


@dataclass
class FakeUnisender(FakeBase):
    """Unisender's classic API: ``POST /ru/api/{method}?format=json``, form body."""

    key: str = GOOD_KEY
    lists: dict[int, str] = field(default_factory=dict)
    contacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: (tag, email) -> how many times the contact was uploaded with that tag.
    uploads: Counter[tuple[str, str]] = field(default_factory=Counter)
    messages: dict[int, dict[str, str]] = field(default_factory=dict)
    campaigns: dict[int, dict[str, Any]] = field(default_factory=dict)
    stats: dict[int, dict[str, int]] = field(default_factory=dict)
    next_id: int = 100
    balance_ok: bool = True

    def _id(self) -> int:
        with self.lock:
            self.next_id += 1
            return self.next_id

    def handle(self, request: Request) -> tuple[int, dict[str, Any]]:
        method = request.path.rstrip("/").split("/")[-1]
        if not request.path.startswith("/ru/api/"):
            return 404, {"error": "not found", "code": "unknown_method"}
        if dict(parse_qsl(request.query)).get("format") != "json":
            return 200, {"error": "format=json missing", "code": "invalid_arg"}
        form = request.form()
        if self.before is not None:
            self.before(method)
        fault = self.next_fault(method)
        if fault == "timeout":
            return -1, {}
        if fault == "http500":
            return 500, {"error": "internal"}
        if fault in ("retry_later", "api_call_limit_exceeded_for_api_key",
                     "api_call_limit_exceeded_for_ip", "not_enough_money", "access_denied",
                     "invalid_arg"):
            return 200, {"error": f"fake {fault}", "code": fault}
        if form.get("api_key") != self.key:
            return 200, {"error": "Неверный ключ доступа к API", "code": "invalid_api_key"}
        handler = getattr(self, "m_" + method, None)
        if handler is None:
            return 200, {"error": f"unknown method {method}", "code": "unknown_method"}
        result = handler(form)
        if isinstance(result, tuple):
            return 200, {"error": result[0], "code": result[1]}
        return 200, {"result": result}

    # -- methods ---------------------------------------------------------------

    def m_getLists(self, form: dict[str, str]) -> Any:
        return [{"id": i, "title": t} for i, t in self.lists.items()]

    def m_createList(self, form: dict[str, str]) -> Any:
        title = form.get("title", "")
        if not title:
            return ("title is required", "invalid_arg")
        if title in self.lists.values():
            return (f"list with title {title} already exists", "invalid_arg")
        new = self._id()
        self.lists[new] = title
        return {"id": new}

    def m_importContacts(self, form: dict[str, str]) -> Any:
        names = [form[f"field_names[{i}]"] for i in range(len(form))
                 if f"field_names[{i}]" in form]
        rows = []
        i = 0
        while f"data[{i}][0]" in form:
            rows.append([form.get(f"data[{i}][{j}]", "") for j in range(len(names))])
            i += 1
        if len(rows) > 500:
            return ("too many rows", "invalid_arg")
        inserted = updated = invalid = 0
        log = []
        for index, row in enumerate(rows):
            record = dict(zip(names, row, strict=True))
            email = record.get("email", "").lower()
            if "@" not in email:
                invalid += 1
                log.append({"index": index, "code": "invalid_email", "message": "bad email"})
                continue
            contact = self.contacts.get(email)
            if contact is None:
                contact = {"lists": set(), "tags": set(), "fields": {}}
                self.contacts[email] = contact
                inserted += 1
            else:
                updated += 1
            for list_id in filter(None, record.get("email_list_ids", "").split(",")):
                if int(list_id) not in self.lists:
                    return (f"list {list_id} not found", "invalid_arg")
                contact["lists"].add(int(list_id))
            for tag in filter(None, record.get("tags", "").split(",")):
                contact["tags"].add(tag)
                self.uploads[(tag, email)] += 1
            for name, value in record.items():
                if name not in ("email", "email_list_ids", "tags"):
                    contact["fields"][name] = value
        return {"total": len(rows), "inserted": inserted, "updated": updated, "deleted": 0,
                "new_emails": inserted, "invalid": invalid, "log": log}

    def m_createEmailMessage(self, form: dict[str, str]) -> Any:
        for required in ("sender_name", "sender_email", "subject", "body", "list_id"):
            if not form.get(required):
                return (f"{required} is required", "invalid_arg")
        if int(form["list_id"]) not in self.lists:
            return ("list not found", "invalid_arg")
        new = self._id()
        self.messages[new] = dict(form)
        return {"message_id": new}

    def m_createCampaign(self, form: dict[str, str]) -> Any:
        message_id = int(form.get("message_id") or 0)
        if message_id not in self.messages:
            return ("message not found", "invalid_arg")
        if not self.balance_ok:
            return ("Недостаточно средств", "not_enough_money")
        message = self.messages[message_id]
        tag = message.get("tag", "")
        list_id = int(message["list_id"])
        count = sum(1 for c in self.contacts.values()
                    if list_id in c["lists"] and (not tag or tag in c["tags"]))
        new = self._id()
        self.campaigns[new] = {**form, "count": count}
        return {"campaign_id": new, "status": "scheduled", "count": count}

    def m_getCampaignStatus(self, form: dict[str, str]) -> Any:
        if int(form.get("campaign_id") or 0) not in self.campaigns:
            return ("campaign not found", "invalid_arg")
        return {"status": "completed", "creation_time": "2026-11-20 10:00:00",
                "start_time": "2026-11-20 10:05:00"}

    def m_getCampaignCommonStats(self, form: dict[str, str]) -> Any:
        campaign_id = int(form.get("campaign_id") or 0)
        if campaign_id not in self.campaigns:
            return ("campaign not found", "invalid_arg")
        return self.stats.get(campaign_id, {
            "total": 0, "sent": 0, "delivered": 0, "read_unique": 0, "read_all": 0,
            "clicked_unique": 0, "clicked_all": 0, "unsubscribed": 0, "spam": 0})


@dataclass
class FakeUnisenderGo(FakeBase):
    """Unisender Go: ``POST /ru/transactional/api/v1/{method}.json``, JSON, ``X-API-KEY``."""

    key: str = GO_KEY
    templates: dict[str, dict[str, Any]] = field(default_factory=dict)
    template_writes: list[tuple[str, str]] = field(default_factory=list)  # (created|updated, id)
    #: email -> campaign_id (global_metadata) -> deliveries
    deliveries: Counter[tuple[str, str]] = field(default_factory=Counter)
    jobs: dict[str, dict[str, Any]] = field(default_factory=dict)
    idempotence: dict[str, float] = field(default_factory=dict)
    next_id: int = 0

    def handle(self, request: Request) -> tuple[int, dict[str, Any]]:
        prefix = "/ru/transactional/api/v1/"
        if not request.path.startswith(prefix) or not request.path.endswith(".json"):
            return 404, {"status": "error", "message": "unknown method", "code": 404}
        method = request.path[len(prefix):-len(".json")]
        if self.before is not None:
            self.before(method)
        fault = self.next_fault(method)
        if fault == "timeout":
            return -1, {}
        if fault == "http500":
            return 500, {"status": "error", "message": "internal", "code": 500}
        if fault == "http429":
            return 429, {"status": "error", "message": "too many requests", "code": 429}
        if fault == "http413":
            return 413, {"status": "error", "message": "request too large", "code": 413}
        if request.headers.get("X-API-KEY") != self.key:
            return 401, {"status": "error", "message": "invalid API key", "code": 102}
        try:
            body = json.loads(request.body.decode("utf-8"))
        except ValueError:
            return 400, {"status": "error", "message": "bad JSON", "code": 101}
        if method == "template/set":
            status, data = self._template_set(body)
        elif method == "email/send":
            status, data = self._send(body)
        else:
            return 404, {"status": "error", "message": f"unknown method {method}", "code": 404}
        if fault == "late":  # done, but the answer is lost (the client times out)
            return -1, {}
        return status, data

    def _template_set(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        template = dict(body.get("template") or {})
        for required in ("name", "subject", "body"):
            if not template.get(required):
                return 400, {"status": "error", "message": f"{required} required", "code": 130}
        if template.get("id"):
            if template["id"] not in self.templates:
                return 400, {"status": "error", "message": "no such template", "code": 131}
            self.template_writes.append(("updated", template["id"]))
        else:
            self.next_id += 1
            template["id"] = f"tpl-{self.next_id:04d}"
            self.template_writes.append(("created", template["id"]))
        self.templates[template["id"]] = template
        return 200, {"status": "success", "template": template}

    def _send(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        message = body.get("message") or {}
        key = message.get("idempotence_key")
        if key is not None and len(key) > 64:
            return 400, {"status": "error", "message": "idempotence_key too long", "code": 140}
        now = time.monotonic()
        if key in self.idempotence and now - self.idempotence[key] < 60:
            return 400, {"status": "error",
                         "message": "request with this idempotence_key was already accepted",
                         "code": 205}
        if message.get("template_id") not in self.templates:
            return 400, {"status": "error", "message": "template not found", "code": 131}
        if len(message.get("tags") or []) > 4:
            return 400, {"status": "error", "message": "at most 4 tags", "code": 150}
        recipients = message.get("recipients") or []
        if not recipients or len(recipients) > 500:
            return 400, {"status": "error", "message": "1..500 recipients", "code": 151}
        campaign = str((message.get("global_metadata") or {}).get("campaign_id", ""))
        emails = []
        for recipient in recipients:
            self.deliveries[(recipient["email"], campaign)] += 1
            emails.append(recipient["email"])
        if key is not None:
            self.idempotence[key] = now
        self.next_id += 1
        job = f"job-{self.next_id:04d}"
        self.jobs[job] = message
        return 200, {"status": "success", "job_id": job, "emails": emails, "failed_emails": {}}
