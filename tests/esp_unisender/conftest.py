"""Fixtures: a workspace with a campaign row, a payload built for it, the fake servers."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, insert

from esp.http import RetryPolicy
from esp.payload import CampaignPayload, GroupPayload, Recipient, VariantPayload
from tests.esp_unisender.fakes import FakeUnisender, FakeUnisenderGo
from workspace.models import Campaign, CampaignVariant


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
