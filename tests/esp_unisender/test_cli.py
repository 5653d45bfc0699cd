"""``export unisender|unisender-go`` and ``stats pull`` on a real campaign of a workspace."""

from __future__ import annotations

import json
from typing import Any

import pytest

import main
from campaigns import choose_winner, get_campaign, group_sizes, load_results
from esp.keys import mask
from esp.unisender import group_tag
from tests.esp_unisender.conftest import NAME, TODAY
from tests.esp_unisender.fakes import GOOD_KEY


def cli(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main.main(["--workspace", url, "--today", TODAY.isoformat(), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_unisender_then_stats_pull(workspace: Any, fake: Any,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    engine, url, sendable = workspace
    server, api = fake
    code, out, err = cli(capsys, url, "--json", "export", "unisender", NAME, "--api-url", api)
    assert code == 0, err
    data = json.loads(out)
    sizes = group_sizes(engine, NAME, TODAY)
    by_variant = {v["variant"]: v for v in data["variants"]}
    assert {k: v["contacts"] for k, v in by_variant.items()} == {"A": sizes["A"],
                                                                  "B": sizes["B"]}
    assert all(v["campaign_id"] for v in by_variant.values())
    assert {c["kind"] for c in data["created"]} == {"list", "import", "message", "campaign"}
    # Only sendable contacts went up; each group the size the campaign says.
    assert set(server.contacts) <= set(sendable)
    payload_stub = type("P", (), {"campaign_name": NAME, "campaign_id": 1})
    for label in ("A", "B"):
        tag = group_tag(payload_stub, label)  # type: ignore[arg-type]
        assert sum(1 for c in server.contacts.values() if tag in c["tags"]) == sizes[label]
    assert len(server.contacts) == sizes["A"] + sizes["B"]
    assert get_campaign(engine, NAME).state == "exported"
    assert get_campaign(engine, NAME).frozen

    # Stats back: read_unique/delivered and clicked_unique/delivered per variant.
    for label, (delivered, read, clicked) in {"A": (58, 20, 6), "B": (59, 31, 9)}.items():
        server.stats[int(by_variant[label]["campaign_id"])] = {
            "total": 60, "sent": 60, "delivered": delivered, "read_unique": read,
            "read_all": read + 5, "clicked_unique": clicked, "clicked_all": clicked + 1,
            "unsubscribed": 1, "spam": 0}
    code, out, err = cli(capsys, url, "--json", "stats", "pull", NAME, "--api-url", api)
    assert code == 0, err
    pulled = {v["variant"]: v for v in json.loads(out)["variants"]}
    assert pulled["A"]["open_rate"] == pytest.approx(20 / 58)
    assert pulled["B"]["click_rate"] == pytest.approx(9 / 59)
    results = {r.variant: r for r in load_results(engine, NAME)}
    assert (results["A"].sent, results["A"].opens, results["A"].clicks) == (58, 20, 6)
    assert (results["B"].sent, results["B"].opens, results["B"].clicks) == (59, 31, 9)
    assert get_campaign(engine, NAME).state == "results_in"
    for request in server.requests:
        assert GOOD_KEY not in request.url

    # The winner: the remainder gets B; the state moves on.
    choose_winner(engine, NAME, "B")
    code, out, err = cli(capsys, url, "export", "unisender", NAME, "--api-url", api, "--winner")
    assert code == 0, err
    assert f"rest: {sizes['rest']}" in out
    assert len(server.contacts) == sizes["A"] + sizes["B"] + sizes["rest"]
    assert get_campaign(engine, NAME).state == "winner_exported"


def test_dry_run_prints_requests_with_the_key_masked(workspace: Any, fake: Any,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    engine, url, _ = workspace
    server, api = fake
    code, out, err = cli(capsys, url, "export", "unisender", NAME, "--api-url", api,
                         "--dry-run")
    assert code == 0, err
    assert out.startswith("Dry run: nothing was sent")
    assert out.count("createCampaign?format=json") == 2
    assert GOOD_KEY not in out + err and mask(GOOD_KEY) in out
    assert server.requests == []
    assert not get_campaign(engine, NAME).frozen
    assert get_campaign(engine, NAME).state == "draft"


def test_failures_exit_1_in_plain_words_and_usage_exit_2(
        workspace: Any, fake: Any, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _engine, url, _ = workspace
    _server, api = fake
    monkeypatch.setenv("KONVERT_UNISENDER_KEY", "wrong-key-0123456789abcdef")
    code, out, err = cli(capsys, url, "export", "unisender", NAME, "--api-url", api)
    assert code == 1
    assert err.startswith("konvert: Unisender does not accept the API key ****cdef")
    assert "0123456789abcdef" not in err + out
    assert len(err.strip().splitlines()) == 1
    code, out, err = cli(capsys, url, "--lang", "ru", "export", "unisender", NAME,
                         "--api-url", api)
    assert code == 1 and "Unisender не принимает API-ключ" in err
    code, out, err = cli(capsys, url, "export", "unisender", "нет такой", "--api-url", api)
    assert code == 2
    code, out, err = cli(capsys, url, "export", "unisender", NAME, "--api-url", "ftp://x")
    assert code == 2 and "--api-url" in err
    code, out, err = cli(capsys, url, "stats", "pull", NAME, "--api-url", api)
    assert code == 2 and "has not been exported" in err


def test_export_unisender_go(workspace: Any, fake_go: Any,
                             capsys: pytest.CaptureFixture[str]) -> None:
    engine, url, sendable = workspace
    server, api = fake_go
    code, out, err = cli(capsys, url, "--json", "export", "unisender-go", NAME, "--api-url", api)
    assert code == 0, err
    data = json.loads(out)
    sizes = group_sizes(engine, NAME, TODAY)
    assert sum(server.deliveries.values()) == sizes["A"] + sizes["B"]
    assert {e for e, _ in server.deliveries} <= set(sendable)
    assert [v["campaign_id"] for v in data["variants"]] == [
        f"konvert-{get_campaign(engine, NAME).id}-A", f"konvert-{get_campaign(engine, NAME).id}-B"]
    first = json.loads(next(r.body for r in server.requests
                            if r.path.endswith("email/send.json")))["message"]["recipients"][0]
    # Per-recipient data for liquid loops: the cart as `template render` computes it.
    assert first["substitutions"]["cart"]["items"] == []
    assert first["substitutions"]["first_name"] == "Анна"
    assert first["substitutions"]["bonus_points"] >= 300
    code, out, err = cli(capsys, url, "export", "unisender-go", NAME, "--api-url", api)
    assert code == 0 and "nothing created" in out
    assert sum(server.deliveries.values()) == sizes["A"] + sizes["B"]
