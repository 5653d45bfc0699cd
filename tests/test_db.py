from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from workspace.db import head_revision, open_workspace, upgrade
from workspace.errors import WorkspaceError


def test_open_creates_schema_at_head(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert {"contacts", "orders", "order_lines", "events", "products", "settings",
            "segments", "templates", "campaigns", "export_log"} <= tables
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == \
            head_revision()


def test_reopen_is_idempotent(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('probe', '{\"n\": 1}')"))
    tables = set(inspect(engine).get_table_names())
    upgrade(engine)
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) == tables
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == \
            [head_revision()]
        # Upgrading again keeps the data.
        assert conn.execute(text("SELECT COUNT(*) FROM settings WHERE key = 'probe'")).scalar() \
            == 1


def test_newer_workspace_is_refused(sqlite_url: str) -> None:
    eng = open_workspace(sqlite_url)
    with eng.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    eng.dispose()
    with pytest.raises(WorkspaceError, match="newer version of Konvert"):
        open_workspace(sqlite_url)


def test_plain_path_is_sqlite(tmp_path: Path) -> None:
    eng = open_workspace(str(tmp_path / "w.sqlite"))
    assert eng.dialect.name == "sqlite"
    assert (tmp_path / "w.sqlite").exists()


def test_unreachable_server_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    from main import main

    code = main(["--workspace", "postgresql://nobody@127.0.0.1:1/x", "segment", "list"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("konvert: cannot open workspace")
    assert err.count("\n") == 1 and "Traceback" not in err
