"""The ``demo`` command through ``main.main``."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

import main
import workspace.db
from workspace.db import open_workspace


@pytest.fixture(autouse=True)
def _dispose_cli_engines(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """main() leaves its engine open; close it so psycopg does not warn at exit."""
    opened: list[Engine] = []

    def tracked(location: str | None) -> Engine:
        engine = open_workspace(location)
        opened.append(engine)
        return engine

    monkeypatch.setattr(workspace.db, "open_workspace", tracked)
    yield
    for engine in opened:
        engine.dispose()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_counts_per_table(workspace_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--workspace", workspace_url, "--today", "2026-03-10",
                          "--json", "demo", "--contacts", "150", "--seed", "3")
    assert code == 0, err
    counts = json.loads(out)
    assert list(counts) == ["contacts", "orders", "order_lines", "events", "products", "campaigns"]
    assert all(isinstance(n, int) for n in counts.values())
    assert counts["contacts"] == 150
    engine = open_workspace(workspace_url)
    try:
        with engine.connect() as conn:
            for table, n in counts.items():
                assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one() == n
            latest = conn.execute(text("SELECT MAX(day) FROM events")).scalar_one()
    finally:
        engine.dispose()
    assert str(latest) < "2026-03-10"  # --today is the reference date


def test_human_summary_and_non_empty_refusal(sqlite_url: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--workspace", sqlite_url, "--today", "2026-03-10",
                        "demo", "--contacts", "40")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("Demo shop created")
    assert [line.split()[0] for line in lines[1:]] == [
        "contacts", "orders", "order", "events", "products"]
    assert lines[1].split()[-1] == "40"

    code, out, err = _run(capsys, "--workspace", sqlite_url, "--json", "demo",
                          "--contacts", "40")
    assert code == 2
    assert out == ""
    assert "already has contacts" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("value", ["0", "-5", "many"])
def test_bad_contact_count_is_usage_error(sqlite_url: str, value: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--workspace", sqlite_url, "demo", "--contacts", value)
    assert code == 2
    assert out == ""
    assert "--contacts" in err
