"""Shared fixtures: workspaces on SQLite and on a real PostgreSQL server.

Use ``engine`` (parametrised over both back ends) for tests that must pass on
both; ``sqlite_engine`` for SQLite only. PostgreSQL tests carry the
``postgres`` marker; set ``KONVERT_TEST_PG=0`` to skip them locally.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.pgserver import PgServer
from workspace.db import open_workspace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

SHARED = Path(__file__).resolve().parents[2] / "shared"
_db_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if os.environ.get("KONVERT_TEST_PG") == "0":
        pytest.skip("PostgreSQL tests disabled by KONVERT_TEST_PG=0")
    server = PgServer().start()
    yield server
    server.stop()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'workspace.sqlite'}"


@pytest.fixture
def pg_url(pg_server: PgServer, worker_id: str) -> str:
    return pg_server.create_database(f"t_{worker_id}_{os.getpid()}_{next(_db_counter)}")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def workspace_url(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def engine(workspace_url: str) -> Iterator[Engine]:
    eng = open_workspace(workspace_url)
    yield eng
    eng.dispose()


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Iterator[Engine]:
    eng = open_workspace(sqlite_url)
    yield eng
    eng.dispose()
