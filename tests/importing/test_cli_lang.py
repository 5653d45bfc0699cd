"""``konvert --lang ru import``: rejection reasons in Russian, stable codes in JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
from tests.importing.helpers import write_csv
from workspace.imports.reasons import RU_REASONS

LINES = [
    "Почта;Имя;Дата рождения",
    "anna@x.ru;Анна;05.03.1990",
    "bad-email;Борис;05.03.1990",
]


def test_reasons_follow_lang_and_json_has_codes(
    capsys: pytest.CaptureFixture[str], workspace_url: str, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "contacts.csv", LINES, encoding="cp1251")
    report = tmp_path / "report.csv"
    code = main.main(["--workspace", workspace_url, "--json", "--lang", "ru", "import",
                      "contacts", str(path), "--report", str(report)])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    [error] = out["errors"]
    assert error["line"] == 3 and error["code"] == "invalid_email"
    assert "invalid_email" in RU_REASONS
    assert any("а" <= ch <= "я" for ch in error["reason"])
    assert report.read_text(encoding="utf-8-sig").splitlines()[1] == \
        f"3,{error['reason']},error,{error['column']},invalid_email"

    # English stays the default.
    main.main(["--workspace", workspace_url, "--json", "import", "contacts", str(path)])
    english = json.loads(capsys.readouterr().out)["errors"][0]
    assert english["code"] == "invalid_email" and "email" in english["reason"]
