"""Exporter messages in Russian: every template translated with the same placeholders."""

from __future__ import annotations

import string
from typing import Any

import pytest
from sqlalchemy import Engine

from esp.errors import ExportError
from esp.http import RetryPolicy
from esp.unisender import export_unisender
from esp.words import russian_templates, tr
from tests.esp_unisender.conftest import Sleeps, add_campaign, make_payload


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("english, russian", sorted(russian_templates().items()))
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
