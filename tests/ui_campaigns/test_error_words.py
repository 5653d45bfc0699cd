"""Every campaigns error the Campaigns page can show has its Russian (ui/error_words.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from campaigns import CampaignError
from campaigns.store import (
    CampaignDraft,
    VariantResult,
    choose_winner,
    create_campaign,
    get_campaign,
    import_results_file,
    mark_exported,
    set_state,
    store_results,
    update_campaign,
)
from ui.error_words import ru_error

TODAY = date(2026, 11, 22)


def _draft(**changes: Any) -> CampaignDraft:
    values: dict[str, Any] = {"name": "Осень", "template": "welcome_1",
                              "segment": "lifecycle_cold", "subjects": ("Тема A", "Тема B")}
    values.update(changes)
    return CampaignDraft(**values)


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _cases(engine: Engine, tmp_path: Path) -> list[Callable[[], Any]]:
    def create(**changes: Any) -> Callable[[], Any]:
        return lambda: create_campaign(engine, _draft(**changes), TODAY)

    def update(**changes: Any) -> Callable[[], Any]:
        return lambda: update_campaign(engine, "Осень", _draft(**changes), TODAY)

    def results(name: str, text: str) -> Callable[[], Any]:
        return lambda: import_results_file(engine, "Осень", _file(tmp_path, name, text))

    head = "variant,sent,opens,clicks,conversions\n"
    return [
        create(name="  "),
        create(name="я" * 201),
        create(),  # exists already
        lambda: get_campaign(engine, "Нет такой"),
        update(subjects=("Тема A", " ")),
        update(subjects=("Тема A", "я" * 501)),
        update(subjects=("Тема A", "Тема B"), preheaders=("", "я" * 501)),
        update(subjects=("Тема A", "{{ first_name | default('друг') ")),
        update(subjects=("Тема A", "Тема A")),
        update(subjects=("Тема A",)),
        update(segment="Нет такого"),
        update(shares=(0, 50, 50)),
        update(shares=(60, 60)),
        update(shares=(10, 10, 70)),
        lambda: choose_winner(engine, "Осень", "Z"),
        lambda: set_state(engine, "Осень", "winner_exported"),
        lambda: store_results(engine, "Осень", [VariantResult("Z", 10, 1, 1, 0),
                                                VariantResult("A", 10, 1, 1, 0)], "file"),
        lambda: store_results(engine, "Осень", [VariantResult("A", 10, 1, 1, 0),
                                                VariantResult("A", 10, 1, 1, 0)], "file"),
        lambda: store_results(engine, "Осень", [VariantResult("A", 10, 1, 20, 0),
                                                VariantResult("B", 10, 1, 1, 0)], "file"),
        results("empty.csv", ""),
        results("blank.csv", head + "A,,1,1,0\nB,10,1,1,0\n"),
        results("words.csv", head + "A,десять,1,1,0\nB,10,1,1,0\n"),
        results("minus.csv", head + "A,10,-1,1,0\nB,10,1,1,0\n"),
        results("columns.csv", "variant,sent\nA,10\n"),
        lambda: import_results_file(engine, "Осень", tmp_path / "missing.csv"),
    ]


def test_every_campaigns_error_has_its_russian(demo_engine: Engine, tmp_path: Path) -> None:
    create_campaign(demo_engine, _draft(), TODAY)
    said = []
    for index, case in enumerate(_cases(demo_engine, tmp_path)):
        with pytest.raises(CampaignError) as raised:
            case()
            pytest.fail(f"case {index} raised nothing")
        text = str(raised.value)
        russian = ru_error(text)
        assert russian is not None, text
        said.append(russian)
    # Once exported, the campaign is frozen.
    mark_exported(demo_engine, "Осень", TODAY)
    with pytest.raises(CampaignError) as raised:
        update_campaign(demo_engine, "Осень", _draft(subjects=("Новая A", "Новая B")), TODAY)
    said.append(ru_error(str(raised.value)) or str(raised.value))
    assert "зафиксированы" in said[-1]
    assert said[2] == "кампания «Осень» уже есть"
    assert said[7].startswith("в теме варианта B ошибка шаблона: ")
    english = [t for t in said if re.search(r"\b(variant|campaign|line|the|is|must) ", t)]
    assert not english
