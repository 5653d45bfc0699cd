"""Exporter messages in Russian: every template translated with the same placeholders."""

from __future__ import annotations

import string
from typing import Any

import pytest
from sqlalchemy import Engine

from esp.errors import ExportError
from esp.http import RetryPolicy
from esp.steps import describe
from esp.unisender import export_unisender
from esp.words import russian_templates, tr
from tests.esp_unisender.conftest import Sleeps, add_campaign, make_payload


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize(("english", "russian"), sorted(russian_templates().items()))
def test_russian_template_has_the_same_placeholders(english: str, russian: str) -> None:
    assert _fields(english) == _fields(russian)
    assert any("а" <= ch <= "я" for ch in russian.lower()) or english in ("id {id}",)


def test_refusal_and_summary_in_russian(sqlite_engine: Engine, fake: Any, sleeps: Sleeps
                                        ) -> None:
    server, url = fake
    payload = make_payload(add_campaign(sqlite_engine), {"A": 3, "B": 3})
    server.inject("createEmailMessage", "not_enough_money")
    with pytest.raises(ExportError) as info:
        export_unisender(sqlite_engine, payload, key=server.key, api_url=url, sleep=sleeps,
                         retry=RetryPolicy(attempts=2), lang="ru")
    text = str(info.value)
    assert "не хватает денег" in text
    assert "Сделано: список «Konvert" in text and "контакты группы A (1 пакет)" in text
    assert "Не сделано: письмо варианта A" in text
    assert tr("en", "Done: {what}.", what="x") == "Done: x."


@pytest.mark.parametrize(("key", "details", "en", "ru"), [
    ("campaign:7/list", {"title": "Konvert #7: Осень"}, "list «Konvert #7: Осень»",
     "список «Konvert #7: Осень»"),
    ("campaign:7/import:A:2", {}, "contacts of group A, batch 3", "контакты группы A, пакет 3"),
    ("campaign:7/message:rest", {"variant": "B"}, "message of the winner B for the remainder",
     "письмо победителя B для остатка"),
    ("campaign:7/campaign:A", {}, "campaign of variant A", "рассылка варианта A"),
    ("campaign:7/go-send:rest:0", {}, "sending to the remainder, batch 1",
     "отправка остатка, пакет 1"),
    ("campaign:7/go-template:B", {}, "template of variant B", "шаблон варианта B"),
    ("odd-key", {}, "odd-key", "odd-key"),
])
def test_recorded_objects_are_described_in_either_language(key: str, details: dict[str, Any],
                                                           en: str, ru: str) -> None:
    assert describe(key, "en", details) == en
    assert describe(key, "ru", details) == ru
