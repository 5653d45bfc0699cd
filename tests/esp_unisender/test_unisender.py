"""The Unisender classic exporter against the fake server on 127.0.0.1."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from esp.errors import ExportError, ExportUsageError
from esp.history import list_exports, list_objects
from esp.http import ExportCancelled, RateLimiter, RetryPolicy, replace_origin
from esp.keys import mask
from esp.unisender import export_unisender, group_tag
from tests.esp_unisender.conftest import Sleeps, add_campaign, make_payload
from tests.esp_unisender.fakes import GOOD_KEY, FakeUnisender

SIZES = {"A": 1203, "B": 7}


def run(engine: Engine, url: str, payload: Any, sleeps: Sleeps, retry: RetryPolicy,
        **kwargs: Any) -> Any:
    kwargs.setdefault("key", GOOD_KEY)
    return export_unisender(engine, payload, api_url=url, sleep=sleeps, retry=retry,
                            timeout=kwargs.pop("timeout", 5.0), **kwargs)


def assert_account_matches(server: FakeUnisender, payload: Any, labels: list[str]) -> None:
    """One list; each group's tag on exactly its contacts, each uploaded once."""
    assert len(server.lists) == 1
    list_id = next(iter(server.lists))
    for label in labels:
        tag = group_tag(payload, label)
        expected = {r.email for r in payload.group(label).recipients}
        tagged = {e for e, c in server.contacts.items() if tag in c["tags"]}
        assert tagged == expected, label
        assert all(list_id in server.contacts[e]["lists"] for e in expected)
        assert all(server.uploads[(tag, e)] == 1 for e in expected), "uploaded twice"
    assert len(server.messages) == len(labels)
    assert len(server.campaigns) == len(labels)
    counts = sorted(c["count"] for c in server.campaigns.values())
    assert counts == sorted(len(payload.group(label).recipients) for label in labels)


def test_full_flow_matches_the_documented_shapes(sqlite_engine: Engine, fake: Any,
                                                 sleeps: Sleeps, fast_retry: RetryPolicy
                                                 ) -> None:
    server, url = fake
    campaign_id = add_campaign(sqlite_engine)
    payload = make_payload(campaign_id, SIZES)
    steps: list[str] = []
    progress: list[tuple[int, int]] = []
    outcome = run(sqlite_engine, url, payload, sleeps, fast_retry, on_step=steps.append,
                  progress=lambda d, t: progress.append((d, t)))

    assert_account_matches(server, payload, ["A", "B"])
    # Batches of at most 500 rows: 500 + 500 + 203 for A, 7 for B.
    imports = [r for r in server.requests if r.path.endswith("/importContacts")]
    sizes = [sum(1 for k in r.form() if k.startswith("data[") and k.endswith("][0]"))
             for r in imports]
    assert sizes == [500, 500, 203, 7]
    first = imports[0].form()
    assert first["field_names[0]"] == "email" and "Name" in first.values()
    # Every request: POST to /ru/api/<method>?format=json, the key in the body only.
    for request in server.requests:
        assert request.method == "POST"
        assert request.query == "format=json"
        assert GOOD_KEY not in request.url
        assert request.form()["api_key"] == GOOD_KEY
    message = next(iter(server.messages.values()))
    assert message["wrap_type"] == "skip"
    assert message["text_body"].startswith("Письмо")
    assert message["generate_text"] == "0"
    assert message["tag"] in (group_tag(payload, "A"), group_tag(payload, "B"))
    subjects = sorted(m["subject"] for m in server.messages.values())
    assert subjects == ["{{Name|Привет}}, тема A", "{{Name|Привет}}, тема B"]
    for campaign in server.campaigns.values():
        assert campaign["track_read"] == "1" and campaign["track_links"] == "1"
    # Recorded in the workspace, reported with ids.
    keys = {o.key for o in list_objects(sqlite_engine, target="unisender")}
    assert {f"campaign:{campaign_id}/list", f"campaign:{campaign_id}/message:A",
            f"campaign:{campaign_id}/campaign:B", f"campaign:{campaign_id}/import:A:2"} <= keys
    data = outcome.to_json()
    for variant in data["variants"]:
        campaign = server.campaigns[int(variant["campaign_id"])]
        assert campaign["message_id"] == variant["message_id"]
        assert server.messages[int(variant["message_id"])]["tag"] == variant["tag"]
        assert variant["tag"] == group_tag(payload, variant["variant"])
        assert variant["contacts"] == SIZES[variant["variant"]]
    assert data["list_id"] == str(next(iter(server.lists)))
    assert progress[-1][0] == progress[-1][1]
    assert any("created" in line for line in steps)
    assert list_exports(sqlite_engine)[0].result == "ok"


def test_rerun_after_success_creates_nothing(sqlite_engine: Engine, fake: Any, sleeps: Sleeps,
                                             fast_retry: RetryPolicy) -> None:
    server, url = fake
    payload = make_payload(add_campaign(sqlite_engine), SIZES)
    run(sqlite_engine, url, payload, sleeps, fast_retry)
    before = len(server.requests)
    again = run(sqlite_engine, url, payload, sleeps, fast_retry)
    assert len(server.requests) == before, "a re-run called the API"
    assert again.created == ()
    assert_account_matches(server, payload, ["A", "B"])


def test_retryable_faults_are_retried_with_growing_backoff(
        sqlite_engine: Engine, fake: Any, sleeps: Sleeps, fast_retry: RetryPolicy) -> None:
    server, url = fake
    server.hang_seconds = 4.0
    payload = make_payload(add_campaign(sqlite_engine), SIZES)
    server.inject("createList", "retry_later")
    server.inject("importContacts", "api_call_limit_exceeded_for_api_key",
                  "api_call_limit_exceeded_for_ip")
    server.inject("createEmailMessage", "timeout")
    server.inject("createCampaign", "http500", "retry_later")
    steps: list[str] = []
    run(sqlite_engine, url, payload, sleeps, fast_retry, timeout=2.0, on_step=steps.append)

    assert_account_matches(server, payload, ["A", "B"])
    assert server.calls("importContacts") == 4 + 2
    assert server.calls("createCampaign") == 2 + 2
    # Backoff: the second retry of a call waits longer (up to jitter) than the first.
    assert len(sleeps.calls) >= 6
    assert sleeps.total >= 6 * 0.5
    assert sum(1 for s in steps if "retrying" in s) == 6
    assert any("api_call_limit_exceeded_for_ip" in s for s in steps)


def test_backoff_doubles_with_jitter() -> None:
    import random

    policy = RetryPolicy(base_delay=1.0, max_delay=8.0, rng=random.Random(1))
    delays = [[policy.delay(attempt) for _ in range(50)] for attempt in (1, 2, 3, 4, 5)]
    for attempt, values in enumerate(delays, start=1):
        ceiling = min(8.0, 2 ** (attempt - 1))
        assert all(ceiling / 2 <= v <= ceiling for v in values)
        assert len(set(values)) > 40  # jittered, not fixed
    assert policy.delay(1, retry_after=5.0) >= 5.0


def test_gives_up_after_the_last_attempt_naming_what_was_done(
        sqlite_engine: Engine, fake: Any, sleeps: Sleeps) -> None:
    server, url = fake
    payload = make_payload(add_campaign(sqlite_engine), SIZES)
    server.inject("createEmailMessage", *["http500"] * 3)
    with pytest.raises(ExportError) as info:
        run(sqlite_engine, url, payload, sleeps, RetryPolicy(attempts=3))
    text = str(info.value)
    assert "gave up after 3 attempts" in text and "HTTP 500" in text
    assert "Done: list" in text and "contacts of group A (3 batches)" in text
    assert "Not done: message of variant A" in text and "campaign of variant B" in text
    assert info.value.exit_code == 1
    assert list_exports(sqlite_engine)[0].result == "failed"


@pytest.mark.parametrize(("code", "words"), [
    ("access_denied", "denied access"),
    ("invalid_arg", "rejected a value"),
    ("not_enough_money", "not enough money"),
])
def test_refusals_are_plain_words_and_resumable(sqlite_engine: Engine, fake: Any,
                                                sleeps: Sleeps, fast_retry: RetryPolicy,
                                                code: str, words: str) -> None:
    server, url = fake
    payload = make_payload(add_campaign(sqlite_engine), SIZES)
    server.inject("createCampaign", "retry_later")  # A: retried, then created
    # B's campaign is refused.
    original = server.m_createCampaign
    seen = {"n": 0}

    def refuse_second(form: dict[str, str]) -> Any:
        seen["n"] += 1
        if seen["n"] == 2:
            return (f"fake {code}", code)
        return original(form)

    server.m_createCampaign = refuse_second
    with pytest.raises(ExportError) as info:
        run(sqlite_engine, url, payload, sleeps, fast_retry)
    text = str(info.value)
    assert words in text
    assert "campaign of variant A" in text.split("Not done:")[0]
    assert "Not done: campaign of variant B" in text
    assert GOOD_KEY not in text
    # Fixed (money added): the same command finishes; nothing is created twice.
    run(sqlite_engine, url, payload, sleeps, fast_retry)
    assert_account_matches(server, payload, ["A", "B"])


def test_bad_key_is_refused_in_plain_words_without_the_key(
        sqlite_engine: Engine, fake: Any, sleeps: Sleeps, fast_retry: RetryPolicy,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    server, url = fake
    bad_key = "ffffeeee1111222233334444555566667777"
    payload = make_payload(add_campaign(sqlite_engine), SIZES)
    with pytest.raises(ExportError) as info:
        run(sqlite_engine, url, payload, sleeps, fast_retry, key=bad_key)
    text = str(info.value)
    assert "does not accept the API key" in text and mask(bad_key) in text
    assert bad_key not in text and bad_key not in caplog.text
    assert "Done: nothing" in text
    assert server.lists == {} and server.calls("getLists") == 1  # not retried
    for request in server.requests:
        assert bad_key not in request.url
    exports = list_exports(sqlite_engine)
    assert bad_key not in repr(exports) and bad_key not in repr(list_objects(sqlite_engine))


def test_key_never_in_logs_urls_or_history(sqlite_engine: Engine, fake: Any, sleeps: Sleeps,
                                          fast_retry: RetryPolicy,
                                          caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    logging.getLogger("httpx").setLevel(logging.DEBUG)
    logging.getLogger("httpcore").setLevel(logging.DEBUG)
    server, url = fake
    server.inject("createList", "timeout", "http500")
    server.hang_seconds = 4.0
    payload = make_payload(add_campaign(sqlite_engine), {"A": 3, "B": 3})
    steps: list[str] = []
    run(sqlite_engine, url, payload, sleeps, fast_retry, timeout=2.0, on_step=steps.append)
    assert "HTTP Request: POST" in caplog.text  # httpx logged the URLs...
    assert GOOD_KEY not in caplog.text  # ...without the key
    assert GOOD_KEY not in "\n".join(steps)
    assert GOOD_KEY not in repr(list_exports(sqlite_engine))
    assert GOOD_KEY not in repr(list_objects(sqlite_engine))
    assert all(GOOD_KEY not in r.url for r in server.requests)


def test_crash_between_two_calls_then_resume(sqlite_engine: Engine, fake: Any, sleeps: Sleeps,
                                            fast_retry: RetryPolicy) -> None:
    server, url = fake
    payload = make_payload(add_campaign(sqlite_engine), SIZES)

    def crash_after_message_a(line: str) -> None:
        if "message of variant A: created" in line:
            raise KeyboardInterrupt  # Ctrl+C between createEmailMessage A and B

    with pytest.raises(KeyboardInterrupt):
        run(sqlite_engine, url, payload, sleeps, fast_retry, on_step=crash_after_message_a)
    assert len(server.messages) == 1 and server.campaigns == {}
    outcome = run(sqlite_engine, url, payload, sleeps, fast_retry)
    assert_account_matches(server, payload, ["A", "B"])
    assert [o.kind for o in outcome.created] == ["message", "campaign", "campaign"]
    assert server.calls("createList") == 1 and server.calls("importContacts") == 4


def test_killed_process_then_resume(sqlite_engine: Engine, sqlite_url: str, fake: Any,
                                    sleeps: Sleeps, fast_retry: RetryPolicy,
                                    tmp_path: Path) -> None:
    """A real crash: the exporting process is killed (SIGKILL) between two imports."""
    server, url = fake
    campaign_id = add_campaign(sqlite_engine)
    payload = make_payload(campaign_id, SIZES)
    script = tmp_path / "export.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path.cwd())!r})
        from tests.esp_unisender.conftest import make_payload
        from esp.unisender import export_unisender
        from workspace.db import open_workspace
        engine = open_workspace({sqlite_url!r})
        export_unisender(engine, make_payload({campaign_id}, {SIZES!r}), key={GOOD_KEY!r},
                         api_url={url!r})
    """))
    proc = subprocess.Popen([sys.executable, str(script)], cwd=Path.cwd())
    killed = {"done": False}

    def kill_on_third_import(method: str) -> None:
        if method == "importContacts" and server.calls("importContacts") == 3 \
                and not killed["done"]:
            killed["done"] = True
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
            raise ConnectionAbortedError  # this request never completes

    server.before = kill_on_third_import
    proc.wait(60)
    assert killed["done"] and proc.returncode == -signal.SIGKILL
    server.before = None
    assert len(server.lists) == 1 and server.messages == {}
    outcome = run(sqlite_engine, url, payload, sleeps, fast_retry)
    assert_account_matches(server, payload, ["A", "B"])
    assert sum(1 for o in outcome.objects if o.kind == "import" and not o.created) == 2
    assert server.calls("createList") == 1


def test_cancel_then_resume(sqlite_engine: Engine, fake: Any, sleeps: Sleeps,
                            fast_retry: RetryPolicy) -> None:
    server, url = fake
    payload = make_payload(add_campaign(sqlite_engine), SIZES)
    progress: list[int] = []
    with pytest.raises(ExportCancelled) as info:
        run(sqlite_engine, url, payload, sleeps, fast_retry,
            progress=lambda d, t: progress.append(d), cancelled=lambda: len(progress) > 3)
    assert "cancelled" in str(info.value) and "Not done:" in str(info.value)
    assert list_exports(sqlite_engine)[0].result == "cancelled"
    assert server.campaigns == {}
    run(sqlite_engine, url, payload, sleeps, fast_retry)
    assert_account_matches(server, payload, ["A", "B"])


def test_winner_goes_to_the_remainder_once(sqlite_engine: Engine, fake: Any, sleeps: Sleeps,
                                           fast_retry: RetryPolicy) -> None:
    server, url = fake
    campaign_id = add_campaign(sqlite_engine)
    sizes = {"A": 20, "B": 20, "rest": 730}
    payload = make_payload(campaign_id, sizes)
    with pytest.raises(ExportUsageError, match="no winner yet"):
        run(sqlite_engine, url, payload, sleeps, fast_retry, winner=True)
    run(sqlite_engine, url, payload, sleeps, fast_retry)
    assert not any("konvert" in t and t.endswith("-rest")
                   for c in server.contacts.values() for t in c["tags"])
    won = make_payload(campaign_id, sizes, winner="B")
    outcome = run(sqlite_engine, url, won, sleeps, fast_retry, winner=True)
    rest_tag = group_tag(won, "rest")
    tagged = {e for e, c in server.contacts.items() if rest_tag in c["tags"]}
    assert tagged == {r.email for r in won.group("rest").recipients}
    assert all(server.uploads[(rest_tag, e)] == 1 for e in tagged)
    rest_message = [m for m in server.messages.values() if m["tag"] == rest_tag]
    assert len(rest_message) == 1 and rest_message[0]["subject"].endswith("тема B")
    assert len(server.campaigns) == 3
    assert outcome.to_json()["variants"][0]["variant"] == "B"
    assert outcome.to_json()["variants"][0]["contacts"] == 730
    before = len(server.requests)
    run(sqlite_engine, url, won, sleeps, fast_retry, winner=True)
    assert len(server.requests) == before


def test_winner_before_the_first_export_is_refused(sqlite_engine: Engine, fake: Any,
                                                   sleeps: Sleeps, fast_retry: RetryPolicy
                                                   ) -> None:
    _server, url = fake
    payload = make_payload(add_campaign(sqlite_engine), {"A": 2, "B": 2, "rest": 5},
                           winner="A")
    with pytest.raises(ExportUsageError, match="not been exported"):
        run(sqlite_engine, url, payload, sleeps, fast_retry, winner=True)


def test_existing_list_is_adopted_not_duplicated(sqlite_engine: Engine, fake: Any,
                                                 sleeps: Sleeps, fast_retry: RetryPolicy
                                                 ) -> None:
    """A crash right after createList (before it was recorded) leaves a list: reuse it."""
    server, url = fake
    campaign_id = add_campaign(sqlite_engine)
    payload = make_payload(campaign_id, {"A": 5, "B": 5})
    server.lists[55] = f"Konvert #{campaign_id}: Зимняя распродажа"
    run(sqlite_engine, url, payload, sleeps, fast_retry)
    assert list(server.lists) == [55]
    assert server.calls("createList") == 0


def test_dry_run_lists_requests_masks_the_key_and_changes_nothing(
        sqlite_engine: Engine, fake: Any, sleeps: Sleeps, fast_retry: RetryPolicy) -> None:
    server, url = fake
    payload = make_payload(add_campaign(sqlite_engine), SIZES)
    outcome = run(sqlite_engine, url, payload, sleeps, fast_retry, dry_run=True)
    assert server.requests == []
    assert list_exports(sqlite_engine) == [] and list_objects(sqlite_engine) == []
    text = "\n".join(outcome.requests)
    assert GOOD_KEY not in text and mask(GOOD_KEY) in text
    methods = [line.split("?")[0].rsplit("/", 1)[1] for line in outcome.requests]
    assert methods == ["getLists", "createList", *["importContacts"] * 4,
                       "createEmailMessage", "createEmailMessage",
                       "createCampaign", "createCampaign"]
    assert all(line.startswith(f"POST {url}/ru/api/") for line in outcome.requests)
    assert "track_read=1" in text and "wrap_type=skip" in text
    assert outcome.to_json()["dry_run"] is True


def test_rate_limiter_spaces_create_campaign() -> None:
    now = {"t": 0.0}
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now["t"] += seconds

    limiter = RateLimiter(1200, {"createCampaign": (100, 60.0)}, clock=lambda: now["t"],
                          sleep=sleep)
    for _ in range(250):
        limiter.acquire("createCampaign")
    # 100 at t=0, the next 100 at t=60, the last 50 at t=120.
    assert now["t"] == pytest.approx(120.0)
    now["t"] = 1000.0
    for _ in range(1300):
        limiter.acquire("importContacts")
    assert now["t"] == pytest.approx(1060.0)


def test_rate_limiter_is_used_by_the_exporter(sqlite_engine: Engine, fake: Any,
                                              monkeypatch: pytest.MonkeyPatch,
                                              fast_retry: RetryPolicy) -> None:
    server, url = fake
    monkeypatch.setattr("esp.unisender.CREATE_CAMPAIGN_LIMIT", (1, 60.0))
    now = {"t": time.monotonic()}
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now["t"] += seconds

    payload = make_payload(add_campaign(sqlite_engine), {"A": 2, "B": 2})
    export_unisender(sqlite_engine, payload, key=GOOD_KEY, api_url=url, retry=fast_retry,
                     sleep=sleep, clock=lambda: now["t"])
    # The second createCampaign waited (in 0.5 s steps) for the 60 s window.
    assert sum(slept) >= 60.0
    assert len(server.campaigns) == 2


def test_api_url_replaces_scheme_and_host_only() -> None:
    base = "https://api.unisender.com/ru/api/"
    assert replace_origin(base, "http://127.0.0.1:8080") == "http://127.0.0.1:8080/ru/api/"
    assert replace_origin(base, "http://127.0.0.1:8080/") == "http://127.0.0.1:8080/ru/api/"
    assert replace_origin(base, None) == base
    with pytest.raises(ExportUsageError):
        replace_origin(base, "127.0.0.1:8080")
    with pytest.raises(ExportUsageError):
        replace_origin(base, "http://127.0.0.1:8080/en/api/")


def test_no_server_names_the_host_after_the_retries(sqlite_engine: Engine, sleeps: Sleeps
                                                    ) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    payload = make_payload(add_campaign(sqlite_engine), {"A": 2, "B": 2})
    with pytest.raises(ExportError) as info:
        export_unisender(sqlite_engine, payload, key=GOOD_KEY, api_url=f"http://127.0.0.1:{port}",
                         sleep=sleeps, retry=RetryPolicy(attempts=4), lang="ru")
    text = str(info.value)
    assert f"не удалось соединиться с 127.0.0.1:{port}" in text
    assert "после 4 попыток" in text and "Ничего не создано" in text
    assert len(sleeps.calls) >= 3 and GOOD_KEY not in text
