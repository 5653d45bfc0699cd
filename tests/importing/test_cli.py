"""``konvert import``: exit codes, JSON shape, report file."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

import main
from tests.importing.helpers import write_csv

LINES = [
    "Почта;Имя;Дата рождения",
    "anna@x.ru;Анна;05.03.1990",
    "bad-email;Борис;05.03.1990",
    "vera@x.ru;Вера;31.02.1990",
]


@pytest.fixture
def contacts_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "contacts.csv", LINES, encoding="cp1251")


def _run(capsys: pytest.CaptureFixture[str], workspace: str, *args: str) -> tuple[int, str, str]:
    code = main.main(["--workspace", workspace, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape_and_exit_0_with_rejected_rows(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, contacts_csv: Path
) -> None:
    # SQLite only: the import itself is tested on both back ends, and the CLI
    # context keeps its engine open, which leaks a PostgreSQL connection here.
    workspace_url = sqlite_url
    code, out, _ = _run(capsys, workspace_url, "--json", "import", "contacts", str(contacts_csv))
    assert code == 0
    data = json.loads(out)
    assert {k: data[k] for k in ("imported", "updated", "unchanged", "rejected")} == {
        "imported": 2, "updated": 0, "unchanged": 0, "rejected": 1}
    assert data["errors"] == [
        {"line": 3, "column": "Почта", "reason": "invalid email 'bad-email'",
         "code": "invalid_email"},
    ]
    assert data["warnings"] == [
        {"line": 4, "column": "Дата рождения",
         "reason": "impossible date in birth_date: 31.02.1990", "code": "impossible_date"},
    ]
    code, out, _ = _run(capsys, workspace_url, "--json", "import", "contacts", str(contacts_csv))
    assert (code, json.loads(out)["imported"], json.loads(out)["updated"]) == (0, 0, 0)


def test_strict_exits_1_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, contacts_csv: Path
) -> None:
    code, out, _ = _run(capsys, sqlite_url, "--json", "import", "contacts", str(contacts_csv),
                        "--strict")
    assert code == 1
    data = json.loads(out)
    assert (data["imported"], data["rejected"], data["errors"][0]["line"]) == (0, 1, 3)
    code, out, _ = _run(capsys, sqlite_url, "--json", "import", "contacts", str(contacts_csv))
    assert json.loads(out)["imported"] == 2  # nothing was written by the strict run


def test_human_summary_and_report(capsys: pytest.CaptureFixture[str], sqlite_url: str,
                                  contacts_csv: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.csv"
    code, out, _ = _run(capsys, sqlite_url, "import", "contacts", str(contacts_csv),
                        "--report", str(report))
    assert code == 0
    assert "2 imported" in out and "1 rejected" in out and "1 warnings" in out
    assert "line 3, column Почта: invalid email" in out
    assert "warning: line 4, column Дата рождения: impossible date" in out
    data = report.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert data.decode("utf-8-sig").splitlines() == [
        "line,reason,severity,column,code",
        "3,invalid email 'bad-email',error,Почта,invalid_email",
        "4,impossible date in birth_date: 31.02.1990,warning,Дата рождения,impossible_date"]


def test_map_encoding_delimiter_options(capsys: pytest.CaptureFixture[str], sqlite_url: str,
                                        tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", ["Адрес|Кличка|Мусор", "anna@x.ru|Кот|x"],
                     encoding="cp1251", delimiter="\t")
    code, out, _ = _run(capsys, sqlite_url, "--json", "import", "contacts", str(path),
                        "--map", "Адрес=email", "--map", "Кличка=custom.pet", "--map", "Мусор=-",
                        "--encoding", "cp1251", "--delimiter", "tab")
    assert code == 0, out
    assert json.loads(out)["imported"] == 1


@pytest.mark.parametrize("args", [
    ["import", "contacts", "{missing}"],
    ["import", "contacts", "{file}", "--map", "nonsense"],
    ["import", "contacts", "{file}", "--map", "Нет такой=email"],
    ["import", "contacts", "{file}", "--encoding", "klingon"],
    ["import", "customers", "{file}"],
])
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], sqlite_url: str,
                           contacts_csv: Path, tmp_path: Path, args: list[str]) -> None:
    filled = [a.format(missing=tmp_path / "nope.csv", file=contacts_csv) for a in args]
    code, out, err = _run(capsys, sqlite_url, *filled)
    assert code == 2
    assert err.startswith("konvert: ") and "Traceback" not in err
    assert out == ""
