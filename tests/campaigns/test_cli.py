"""``campaign`` and ``ab`` end to end: cli.md JSON shapes, exit codes, nothing stored on error."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from statsmodels.stats.proportion import proportions_ztest

from main import main
from segments import save_segment
from tests.campaigns.conftest import add_contacts
from workspace.db import open_workspace


@pytest.fixture
def workspace(tmp_path: Path) -> str:
    path = tmp_path / "w.sqlite"
    engine = open_workspace(str(path))
    add_contacts(engine, [f"c{i:05d}@example.ru" for i in range(3000)])
    add_contacts(engine, [f"u{i}@example.ru" for i in range(100)], status="unsubscribed")
    with engine.begin() as conn:
        save_segment(conn, "Москва", {"field": "city", "op": "eq", "value": "Москва"})
    engine.dispose()
    return str(path)


def run(capsys: pytest.CaptureFixture[str], workspace: str, *args: str) -> tuple[int, Any, str]:
    code = main(["--workspace", workspace, "--today", "2026-11-22", "--json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, err


def create(capsys: pytest.CaptureFixture[str], workspace: str, *extra: str) -> tuple[int, Any, str]:
    return run(capsys, workspace, "campaign", "create", "Осень", "--template", "welcome_1",
               "--segment", "Москва", "--subject", "Тема A", "--subject", "Тема B", *extra)


def test_create_prints_groups(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, data, _ = create(capsys, workspace, "--split", "20,20,60", "--preheader", "P1")
    assert code == 0
    assert data["name"] == "Осень"
    groups = data["groups"]
    assert [g["variant"] for g in groups] == ["A", "B", "rest"]
    assert [g["subject"] for g in groups[:2]] == ["Тема A", "Тема B"]
    assert sum(g["size"] for g in groups) == 3000  # unsubscribed left out
    assert all(abs(g["size"] - 3000 * s / 100) < 150 for g, s in zip(groups, (20, 20, 60),
                                                                       strict=True))
    code, listed, _ = run(capsys, workspace, "campaign", "list")
    assert [c["name"] for c in listed] == ["Осень"]
    code, shown, _ = run(capsys, workspace, "campaign", "show", "Осень")
    assert shown["groups"] == groups and shown["planner"]["per_variant"] > 0


def test_create_errors_exit_2(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, workspace, "campaign", "create", "X", "--template", "welcome_1",
                       "--segment", "Москва", "--subject", "one")
    assert code == 2 and "at least two --subject" in err
    code, _, err = create(capsys, workspace, "--split", "60,60")
    assert code == 2 and err.count("\n") == 1 and "more than 100" in err
    code, listed, _ = run(capsys, workspace, "campaign", "list")
    assert listed == []


def test_results_and_analysis(workspace: str, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    create(capsys, workspace)
    bad = tmp_path / "bad.csv"
    bad.write_text("variant,sent,opens,clicks\nA,1000,400,30\nB,1000,410,2000\n")
    code, _, err = run(capsys, workspace, "campaign", "results", "Осень", "--file", str(bad))
    assert code == 2 and "line 3" in err and "clicks (2000) is more than sent" in err
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("variant,sent,opens,clicks\nA,1000,400,30\nZ,1000,410,20\n")
    code, _, err = run(capsys, workspace, "campaign", "results", "Осень", "--file", str(unknown))
    assert code == 2 and "unknown variant 'Z'" in err
    code, shown, _ = run(capsys, workspace, "campaign", "show", "Осень")
    assert shown["results"] == [] and shown["state"] == "draft"

    good = tmp_path / "good.csv"
    good.write_text("variant,sent,opens,clicks,conversions\nA,5000,2000,150,20\n"
                    "B,5000,2100,230,25\n")
    code, data, _ = run(capsys, workspace, "campaign", "results", "Осень", "--file", str(good))
    assert code == 0 and data["state"] == "results_in"
    assert data["analysis"]["winner"] == "B"
    code, data, _ = run(capsys, workspace, "ab", "analyze", "--campaign", "Осень")
    assert code == 0 and data["winner"] == "B"
    assert data["p_value"] == pytest.approx(proportions_ztest([150, 230], [5000, 5000])[1],
                                            rel=0.01)
    code, data, _ = run(capsys, workspace, "campaign", "winner", "Осень")
    assert (code, data["winner"]) == (0, "B")
    code, shown, _ = run(capsys, workspace, "campaign", "show", "Осень")
    assert (shown["state"], shown["winner"]) == ("winner_chosen", "B")
    # The text for a Russian reader: Russian words and decimal commas.
    assert main(["--workspace", workspace, "--today", "2026-11-22", "--lang", "ru",
                 "campaign", "show", "Осень"]) == 0
    text = capsys.readouterr().out
    assert "победитель выбран" in text and "заметный прирост по кликам" in text
    assert "A: 3 % [2,6 % – 3,5 %] из 5000" in text and "B: 4,6 % [" in text
    assert not re.search(r"[a-z]{3,}", text.replace("welcome_1", ""))
    code, data, _ = run(capsys, workspace, "campaign", "delete", "Осень")
    assert code == 0 and run(capsys, workspace, "campaign", "list")[1] == []


def test_ab_size(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, data, _ = run(capsys, workspace, "ab", "size", "--baseline", "0.03", "--lift", "0.1")
    assert code == 0 and 52_000 < data["per_variant"] < 54_500
    code, three, _ = run(capsys, workspace, "ab", "size", "--baseline", "3%", "--lift", "10%",
                         "--variants", "3")
    assert three["per_variant"] > data["per_variant"]
    code, _, err = run(capsys, workspace, "ab", "size", "--baseline", "3", "--lift", "0.1")
    assert code == 2 and "--baseline" in err


def test_ab_analyze_file(workspace: str, tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    results = tmp_path / "r.csv"
    results.write_text("variant,sent,opens,clicks,conversions\nA,1000,400,30,5\n"
                       "B,1000,410,36,6\nC,1000,390,33,4\n")
    code, data, _ = run(capsys, workspace, "ab", "analyze", "--results", str(results),
                        "--metric", "opens")
    assert code == 0
    assert [v["variant"] for v in data["variants"]] == ["A", "B", "C"]
    first = data["variants"][0]
    assert first["sent"] == 1000 and first["rate"] == 0.4 and first["ci"][0] < 0.4 < first["ci"][1]
    assert set(data["p_value"]) == {"B", "C"} and data["winner"] is None
    assert "opens-inflated" in data["warnings"]
    results.write_text("variant,sent,opens,clicks\nA,1000,400,x\n")
    code, data, err = run(capsys, workspace, "ab", "analyze", "--results", str(results))
    assert code == 2 and "line 2" in err and data is None
