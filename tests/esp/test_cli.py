"""The ``export`` command group: exit codes, JSON naming files and ids, history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from main import main
from tests.esp.conftest import TODAY


def _run(url: str, *args: str) -> int:
    return main(["--workspace", url, "--today", TODAY.isoformat(), *args])


def test_check_prints_the_report_and_exits_1_on_inexpressible(
        shop: Engine, sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(sqlite_url, "--json", "export", "check", "Корзина", "--target",
                "unisender") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and "loop-unsupported" in {
        p["code"] for p in report["problems"]}
    assert _run(sqlite_url, "export", "check", "Корзина", "--target", "unisender-go") == 0
    out = capsys.readouterr().out
    assert "cart.items -> {% for item in cart.items limit:5 %}" in out
    assert _run(sqlite_url, "export", "check", "welcome_1", "--target", "mailchimp") == 0
    assert "first_name -> *|IF:FNAME|*" in capsys.readouterr().out


def test_files_json_names_files_and_export_id(shop: Engine, sqlite_url: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "files"
    assert _run(sqlite_url, "--json", "export", "files", "Приветствие", "--out", str(out),
                "--target", "sendgrid", "--offline") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["zip"] == "Приветствие.zip" and data["export_id"] >= 1
    assert all((out / name).is_file() for name in data["files"])
    # Offline: nothing downloaded; the demo shop's pictures (all of this email's) from disk.
    assert data["images_downloaded"] and not data["images_kept_remote"]
    assert {i["source"] for i in data["images_downloaded"]} == {"local"}
    assert all(i["url"].startswith("https://cdn.konvert-demo.ru/img/")
               for i in data["images_downloaded"])
    assert _run(sqlite_url, "--json", "export", "history") == 0
    history = json.loads(capsys.readouterr().out)
    assert history[0]["id"] == data["export_id"] and history[0]["target"] == "files:sendgrid"
    assert history[0]["result"] == "ok"


def test_files_refusal_and_bad_usage_exit_2(shop: Engine, sqlite_url: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(sqlite_url, "export", "files", "Корзина", "--out", str(tmp_path / "a"),
                "--target", "mailchimp", "--offline") == 2
    err = capsys.readouterr().err
    assert "loop-unsupported" in err and len(err.strip().splitlines()) == 1
    assert _run(sqlite_url, "export", "files", "Корзина", "--out", str(tmp_path / "b"),
                "--target", "unisender", "--contacts", "x.csv") == 2
    assert "--target plain" in capsys.readouterr().err
    assert _run(sqlite_url, "export", "files", "нет", "--out", str(tmp_path / "c")) == 2
    assert _run(sqlite_url, "export") == 2


def test_files_plain_for_a_contacts_csv(shop: Engine, sqlite_url: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    contacts = tmp_path / "c.csv"
    contacts.write_text("email,first_name\nc0000@example.ru,Анна\n", encoding="utf-8")
    assert _run(sqlite_url, "export", "files", "welcome_1", "--out", str(tmp_path / "o"),
                "--contacts", str(contacts), "--offline") == 0
    html = (tmp_path / "o" / "welcome_1-c0000@example.ru.html").read_text(encoding="utf-8")
    assert "Рады знакомству, Анна!" in html
