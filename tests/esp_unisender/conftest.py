"""Fixtures: a workspace with a campaign row, a payload built for it, the fake servers."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, insert

from campaigns import CampaignDraft, create_campaign, freeze_groups, get_campaign, group_members
from esp.http import RetryPolicy
from esp.payload import CampaignPayload, GroupPayload, Recipient, VariantPayload
from segments import save_segment
from tests.esp_unisender.fakes import GO_KEY, GOOD_KEY, FakeUnisender, FakeUnisenderGo
from workspace.models import Campaign, CampaignVariant, Contact


def add_campaign(engine: Engine, name: str = "Зимняя распродажа",
                 labels: tuple[str, ...] = ("A", "B")) -> int:
    """Insert a campaign row (the FK target of export records); returns its id."""
    with engine.begin() as conn:
        result = conn.execute(insert(Campaign).values(
            name=name, template_name="abandoned_cart_1", segment_name="all", data={},
            split_key="k", shares=[10.0] * len(labels) + [100.0 - 10 * len(labels)],
            metric="opens", state="draft"))
        assert result.inserted_primary_key is not None
        campaign_id = int(result.inserted_primary_key[0])
        for position, label in enumerate(labels):
            conn.execute(insert(CampaignVariant).values(
                campaign_id=campaign_id, label=label, position=position,
                subject=f"Тема {label}", preheader=""))
    return campaign_id


def make_payload(campaign_id: int, sizes: dict[str, int], *, name: str = "Зимняя распродажа",
                 target: str = "unisender", winner: str | None = None) -> CampaignPayload:
    """A payload with groups of ``sizes`` (label -> contacts), distinct e-mails."""
    variants = tuple(
        VariantPayload(label=label, subject=f"{{{{Name|Привет}}}}, тема {label}",
                       preheader="", html=f"<html><body>Письмо {label} "
                       "<a href=\"{{UnsubscribeUrl}}\">Отписаться</a></body></html>",
                       text=f"Письмо {label}")
        for label in sizes if label != "rest")
    groups = tuple(
        GroupPayload(label=label, recipients=tuple(
            Recipient(email=f"{label.lower()}{i:05d}@example.ru",
                      fields={"first_name": f"Имя{i}"} if i % 3 else {})
            for i in range(size)))
        for label, size in sizes.items())
    return CampaignPayload(campaign_id=campaign_id, campaign_name=name, target=target,
                           from_name="Сезон", from_email="shop@sezon.example",
                           variants=variants, groups=groups, winner=winner)


class Sleeps:
    """A fake ``sleep`` that only counts: backoff tests run instantly."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)

    @property
    def total(self) -> float:
        return sum(self.calls)


@pytest.fixture
def fake() -> Iterator[tuple[FakeUnisender, str]]:
    server = FakeUnisender()
    with server.serve() as url:
        yield server, url


@pytest.fixture
def fake_go() -> Iterator[tuple[FakeUnisenderGo, str]]:
    server = FakeUnisenderGo()
    with server.serve() as url:
        yield server, url


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def fast_retry() -> RetryPolicy:
    import random

    return RetryPolicy(attempts=5, base_delay=1.0, max_delay=30.0, rng=random.Random(7))


@pytest.fixture
def captured_logs(caplog: pytest.LogCaptureFixture) -> Any:
    caplog.set_level(logging.DEBUG)
    return caplog


# -- a real campaign in a workspace (CLI and page tests) ----------------------------------

TODAY = date(2026, 11, 22)
NAME = "Осенняя распродажа"


class FakeReport:
    """Stands in for esp.translate.TranslationReport where the tests skip translation."""

    def to_json(self) -> dict[str, Any]:
        return {"target": "unisender", "ok": True,
                "variables": [{"name": "first_name", "became": "{{Name|дорогой покупатель}}",
                               "kind": "field", "where": ["html", "subject A"]},
                              {"name": "unsubscribe_url", "became": "{{UnsubscribeUrl}}",
                               "kind": "unsubscribe", "where": ["html"]}],
                "problems": [{"code": "fallback-in-link", "severity": "warning",
                              "message": "a fallback inside a link is dropped",
                              "message_ru": "запасное значение внутри ссылки убрано",
                              "where": "html", "ways_out": []}]}


def add_contacts(engine: Engine, n: int, prefix: str = "c", **extra: Any) -> list[str]:
    emails = [f"{prefix}{i:05d}@example.ru" for i in range(n)]
    rows = [{"email": e, "status": "subscribed", "consent_email": True, "city": "Москва",
             "city_ci": "москва", "gender": "unknown", "orders_count": 0, "total_spent": 0,
             "returns_count": 0, "complaints_count": 0, "first_name": "Анна", **extra}
            for e in emails]
    with engine.begin() as conn:
        conn.execute(insert(Contact), rows)
    return emails


def fake_prepare(engine: Engine, name: str, target: str, today: date, *,
                 freeze: bool, report_only: bool = False) -> tuple[CampaignPayload, Any]:
    """What esp.prepare gives, minus the translation: the campaign's real groups."""
    info = get_campaign(engine, name)
    groups = freeze_groups(engine, name, today) if freeze else group_members(engine, name,
                                                                             today)
    variants = tuple(VariantPayload(v.label, v.subject, "", f"<p>{v.label}</p>", v.label)
                     for v in info.variants)
    return CampaignPayload(
        campaign_id=info.id, campaign_name=info.name, target=target, from_name="Сезон",
        from_email="shop@sezon.example", variants=variants,
        groups=tuple(GroupPayload(label, tuple(Recipient(e, {"first_name": "Анна"})
                                               for e in emails))
                     for label, emails in groups.items()),
        winner=info.winner), FakeReport()


@pytest.fixture
def workspace(sqlite_engine: Engine, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
              ) -> tuple[Engine, str, list[str]]:
    """600 sendable and 80 unsendable contacts in Moscow; campaign NAME split 10/10/80."""
    sendable = add_contacts(sqlite_engine, 600)
    add_contacts(sqlite_engine, 40, prefix="u", status="unsubscribed")
    add_contacts(sqlite_engine, 40, prefix="n", consent_email=False)
    with sqlite_engine.begin() as conn:
        save_segment(conn, "Москва", {"field": "city", "op": "eq", "value": "Москва"})
    create_campaign(sqlite_engine, CampaignDraft(NAME, "welcome_1", "Москва",
                                                 ["Тема A", "Тема B"], shares=[10, 10, 80]),
                    TODAY)
    monkeypatch.setattr("esp.push._prepare_campaign", fake_prepare)
    monkeypatch.setenv("KONVERT_UNISENDER_KEY", GOOD_KEY)
    monkeypatch.setenv("KONVERT_UNISENDER_GO_KEY", GO_KEY)
    return sqlite_engine, sqlite_url, sendable
