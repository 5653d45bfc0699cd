"""The ``segment`` commands end to end (cli.md): JSON output, exit codes, files."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from main import main
from tests.segments.world import EMAIL, build
from workspace.db import open_workspace


@pytest.fixture
def workspace(tmp_path: Path) -> str:
    path = tmp_path / "w.sqlite"
    engine = open_workspace(str(path))
    build(engine)
    engine.dispose()
    return str(path)


def run(capsys: pytest.CaptureFixture[str], workspace: str, *args: str) -> tuple[int, Any, str]:
    code = main(["--workspace", workspace, "--today", "2025-03-15", "--json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, err


def test_count_members_save_list(workspace: str, rules_file: Any, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    moscow = rules_file({"field": "city", "op": "eq", "value": "москва"})
    assert run(capsys, workspace, "segment", "count", "--rules", str(moscow))[:2] == \
        (0, {"count": 3, "sendable": 3})
    code, data, _ = run(capsys, workspace, "segment", "members", "--rules", str(moscow))
    assert code == 0 and data == {"emails": sorted(EMAIL[k] for k in "ABH")}
    out = tmp_path / "members.csv"
    code, data, _ = run(capsys, workspace, "segment", "members", "--rules", str(moscow),
                        "--out", str(out))
    assert code == 0 and data["emails"] == sorted(EMAIL[k] for k in "ABH")
    with out.open(encoding="utf-8-sig") as fh:  # the BOM is for Excel
        assert [row["email"] for row in csv.DictReader(fh)] == data["emails"]

    assert run(capsys, workspace, "segment", "save", "Москва", "--rules", str(moscow))[0] == 0
    code, data, _ = run(capsys, workspace, "segment", "list")
    assert code == 0 and [s["name"] for s in data] == ["Москва"]
    assert data[0]["rules"] == {"field": "city", "op": "eq", "value": "москва"}
    assert run(capsys, workspace, "segment", "count", "--name", "Москва")[1] == \
        {"count": 3, "sendable": 3}
    # The same count from the example rule's shape with a reference.
    ref = rules_file({"all": [{"segment": "Москва"},
                              {"field": "gender", "op": "eq", "value": "female"}]}, "ref.json")
    assert run(capsys, workspace, "segment", "count", "--rules", str(ref))[1] == \
        {"count": 2, "sendable": 2}


def test_explain_and_overlap(workspace: str, rules_file: Any,
                             capsys: pytest.CaptureFixture[str]) -> None:
    rule = {"any": [{"field": "city", "op": "eq", "value": "Казань"},
                    {"not": {"field": "gender", "op": "eq", "value": "female"}}]}
    path = rules_file(rule)
    code, tree, _ = run(capsys, workspace, "segment", "explain", "--rules", str(path),
                        "--contact", "anna@x.ru")
    assert code == 0
    assert tree == {"matched": False, "any": [
        {"field": "city", "op": "eq", "value": "Казань", "matched": False},
        {"matched": False, "not": {"field": "gender", "op": "eq", "value": "female",
                                   "matched": True}}]}
    run(capsys, workspace, "segment", "save", "kazan", "--rules",
        str(rules_file({"field": "city", "op": "eq", "value": "Казань"}, "k.json")))
    run(capsys, workspace, "segment", "save", "men", "--rules",
        str(rules_file({"field": "gender", "op": "eq", "value": "male"}, "m.json")))
    code, data, _ = run(capsys, workspace, "segment", "overlap", "--name", "kazan",
                        "--name", "men")
    assert code == 0
    assert data["regions"] == [{"in": ["kazan"], "count": 1}, {"in": ["men"], "count": 2},
                               {"in": ["kazan", "men"], "count": 1}]
    assert data["sizes"] == {"kazan": 2, "men": 3}
    text_code = main(["--workspace", workspace, "--today", "2025-03-15", "segment", "explain",
                      "--name", "kazan", "--contact", "zhenya@x.ru"])
    out = capsys.readouterr().out
    assert text_code == 0 and "is in the segment" in out and "✓ city eq" in out


@pytest.mark.parametrize(("rule", "message"), [
    ({"all": [{"field": "city", "op": "eq", "value": "x"},
              {"any": [{"field": "size", "op": "eq", "value": "M"}]}]},
     "all[1].any[0]: unknown field 'size'"),
    ({"field": "age", "op": "gt", "value": "old"}, "rule: field 'age' needs a number"),
    ({"segment": "missing"}, "no saved segment named 'missing'"),
])
def test_bad_rules_exit_2_with_one_line(workspace: str, rules_file: Any, rule: Any,
                                        message: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, data, err = run(capsys, workspace, "segment", "count", "--rules",
                          str(rules_file(rule)))
    assert code == 2 and data is None
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_usage_errors(workspace: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{oops", encoding="utf-8")
    assert run(capsys, workspace, "segment", "count", "--rules", str(bad_json))[0] == 2
    assert run(capsys, workspace, "segment", "count")[0] == 2
    assert run(capsys, workspace, "segment", "count", "--name", "nope")[0] == 2
    assert run(capsys, workspace, "segment", "overlap", "--name", "a")[0] == 2
    code, _, err = run(capsys, workspace, "segment", "explain", "--rules", str(bad_json),
                       "--contact", "x@y.z")
    assert code == 2 and "not valid JSON" in err
