"""The Unisender Go exporter against the fake Go server on 127.0.0.1."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from sqlalchemy import Engine

from esp.errors import ExportError
from esp.history import list_exports, list_objects
from esp.http import RetryPolicy
from esp.keys import mask
from esp.unisender_go import export_unisender_go, go_campaign_id
from tests.esp_unisender.conftest import Sleeps, add_campaign, make_payload
from tests.esp_unisender.fakes import GO_KEY, FakeUnisenderGo

SIZES = {"A": 1100, "B": 30}


def run(engine: Engine, url: str, payload: Any, sleeps: Sleeps, retry: RetryPolicy,
        **kwargs: Any) -> Any:
    kwargs.setdefault("key", GO_KEY)
    return export_unisender_go(engine, payload, api_url=url, sleep=sleeps, retry=retry,
                               timeout=kwargs.pop("timeout", 5.0), **kwargs)


def assert_each_sent_once(server: FakeUnisenderGo, payload: Any, labels: list[str]) -> None:
    for label in labels:
        campaign = go_campaign_id(payload, label)
        for recipient in payload.group(label).recipients:
            assert server.deliveries[(recipient.email, campaign)] == 1, recipient.email
    assert sum(server.deliveries.values()) == sum(len(payload.group(label).recipients)
                                                  for label in labels)


def test_templates_and_batched_sends(sqlite_engine: Engine, fake_go: Any, sleeps: Sleeps,
                                     fast_retry: RetryPolicy) -> None:
    server, url = fake_go
    payload = make_payload(add_campaign(sqlite_engine), SIZES, target="unisender-go")
    outcome = run(sqlite_engine, url, payload, sleeps, fast_retry)

    assert [w[0] for w in server.template_writes] == ["created", "created"]
    template = next(iter(server.templates.values()))
    assert template["template_engine"] == "liquid" and template["editor_type"] == "html"
    assert template["body"]["plaintext"].startswith("Письмо")
    assert_each_sent_once(server, payload, ["A", "B"])
    sends = [json.loads(r.body) for r in server.requests if r.path.endswith("email/send.json")]
    assert [len(s["message"]["recipients"]) for s in sends] == [500, 500, 100, 30]
    keys = [s["message"]["idempotence_key"] for s in sends]
    assert len(set(keys)) == 4 and all(len(k) <= 64 for k in keys)
    first = sends[0]["message"]
    assert first["global_metadata"] == {"campaign_id": go_campaign_id(payload, "A")}
    assert first["track_links"] == 1 and first["track_read"] == 1 and len(first["tags"]) <= 4
    assert first["recipients"][1]["substitutions"] == {"first_name": "Имя1"}
    for request in server.requests:
        assert request.method == "POST" and request.query == ""
        assert request.headers["X-API-KEY"] == GO_KEY and GO_KEY not in request.url
        assert GO_KEY.encode() not in request.body
    data = outcome.to_json()
    assert [v["campaign_id"] for v in data["variants"]] == [
        go_campaign_id(payload, "A"), go_campaign_id(payload, "B")]
    assert len(data["variants"][0]["job_ids"]) == 3
    # Done: a re-run calls nothing at all.
    before = len(server.requests)
    again = run(sqlite_engine, url, payload, sleeps, fast_retry)
    assert len(server.requests) == before and again.created == ()


def test_throttling_errors_and_timeouts_are_retried(sqlite_engine: Engine, fake_go: Any,
                                                    sleeps: Sleeps, fast_retry: RetryPolicy
                                                    ) -> None:
    server, url = fake_go
    server.hang_seconds = 4.0
    payload = make_payload(add_campaign(sqlite_engine), SIZES, target="unisender-go")
    server.inject("template/set", "http429", "http500")
    server.inject("email/send", "timeout", "http429", "http500")
    run(sqlite_engine, url, payload, sleeps, fast_retry, timeout=2.0)
    assert_each_sent_once(server, payload, ["A", "B"])
    assert len(sleeps.calls) >= 5


def test_lost_answer_is_not_sent_twice(sqlite_engine: Engine, fake_go: Any, sleeps: Sleeps,
                                       fast_retry: RetryPolicy) -> None:
    """The server accepted a batch but its answer was lost: the retry is declined, not resent."""
    server, url = fake_go
    server.hang_seconds = 4.0
    payload = make_payload(add_campaign(sqlite_engine), SIZES, target="unisender-go")
    server.inject("email/send", "late")
    steps: list[str] = []
    run(sqlite_engine, url, payload, sleeps, fast_retry, timeout=2.0, on_step=steps.append)
    assert_each_sent_once(server, payload, ["A", "B"])
    assert any("accepted earlier" in s for s in steps)
    recorded = [o for o in list_objects(sqlite_engine, target="unisender-go")
                if o.kind == "send"]
    assert len(recorded) == 4 and recorded[0].details.get("repeat_declined") is True


def test_bad_key_and_refusals_in_plain_words(sqlite_engine: Engine, fake_go: Any,
                                             sleeps: Sleeps, fast_retry: RetryPolicy,
                                             caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    server, url = fake_go
    payload = make_payload(add_campaign(sqlite_engine), SIZES, target="unisender-go")
    bad = "go-0000111122223333444455556666777788889999"
    with pytest.raises(ExportError) as info:
        run(sqlite_engine, url, payload, sleeps, fast_retry, key=bad)
    assert "does not accept the API key" in str(info.value)
    assert bad not in str(info.value) and bad not in caplog.text
    assert server.templates == {}
    # 413 on the second batch: stops, names what went and what did not.
    original = server._send
    count = {"n": 0}

    def too_large_second(body: dict[str, Any]) -> Any:
        count["n"] += 1
        if count["n"] == 2:
            return 413, {"status": "error", "message": "request too large", "code": 413}
        return original(body)

    server._send = too_large_second
    with pytest.raises(ExportError) as info:
        run(sqlite_engine, url, payload, sleeps, fast_retry)
    text = str(info.value)
    assert "too large" in text
    assert "Done: template of variant A; sending to group A (1 batch)" in text
    assert "Not done: sending to group A (2 batches)" in text
    assert list_exports(sqlite_engine)[0].result == "failed"
    # Resumed: the template is updated by id (not created again), the rest is sent once.
    run(sqlite_engine, url, payload, sleeps, fast_retry)
    assert_each_sent_once(server, payload, ["A", "B"])
    assert [w[0] for w in server.template_writes] == ["created", "updated", "created"]


def test_crash_between_two_sends_then_resume(sqlite_engine: Engine, fake_go: Any,
                                             sleeps: Sleeps, fast_retry: RetryPolicy) -> None:
    server, url = fake_go
    payload = make_payload(add_campaign(sqlite_engine), SIZES, target="unisender-go")

    def crash(line: str) -> None:
        if "group A, batch 2 of 3: created" in line:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(sqlite_engine, url, payload, sleeps, fast_retry, on_step=crash)
    assert sum(server.deliveries.values()) == 1000
    run(sqlite_engine, url, payload, sleeps, fast_retry)
    assert_each_sent_once(server, payload, ["A", "B"])
    assert len(server.templates) == 2


def test_winner_goes_to_the_remainder(sqlite_engine: Engine, fake_go: Any, sleeps: Sleeps,
                                      fast_retry: RetryPolicy) -> None:
    server, url = fake_go
    campaign_id = add_campaign(sqlite_engine)
    sizes = {"A": 10, "B": 10, "rest": 620}
    run(sqlite_engine, url, make_payload(campaign_id, sizes, target="unisender-go"), sleeps,
        fast_retry)
    won = make_payload(campaign_id, sizes, target="unisender-go", winner="A")
    outcome = run(sqlite_engine, url, won, sleeps, fast_retry, winner=True)
    assert_each_sent_once(server, won, ["A", "B", "rest"])
    rest_sends = [json.loads(r.body)["message"] for r in server.requests
                  if r.path.endswith("email/send.json")][-2:]
    template_a = outcome.to_json()["variants"][0]["template_id"]
    assert all(m["template_id"] == template_a for m in rest_sends)
    assert len(server.templates) == 2


def test_dry_run_masks_the_key_and_sends_nothing(sqlite_engine: Engine, fake_go: Any,
                                                 sleeps: Sleeps, fast_retry: RetryPolicy
                                                 ) -> None:
    server, url = fake_go
    payload = make_payload(add_campaign(sqlite_engine), SIZES, target="unisender-go")
    outcome = run(sqlite_engine, url, payload, sleeps, fast_retry, dry_run=True)
    assert server.requests == [] and list_objects(sqlite_engine) == []
    text = "\n".join(outcome.requests)
    assert GO_KEY not in text and mask(GO_KEY) in text
    assert text.count("template/set.json") == 2 and text.count("email/send.json") == 4
    assert "1100 recipients" not in text and "500 recipients in all" in text
