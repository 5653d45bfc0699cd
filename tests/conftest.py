"""Shared fixtures: workspaces on SQLite and on a real PostgreSQL server.

Use ``engine`` (parametrised over both back ends) for tests that must pass on
both; ``sqlite_engine`` for SQLite only. PostgreSQL tests carry the
``postgres`` marker; set ``KONVERT_TEST_PG=0`` to skip them locally.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.pgserver import PgServer
from workspace.db import open_workspace

if os.environ.get("KONVERT_BLOCK_QT") == "1":
    # `make test-cores`: the core suite with Qt refused at import (tests/qtblock.py).
    from tests.qtblock import install

    install()
    collect_ignore_glob = ["ui*"]  # the Qt tests
else:
    # PySide6 6.12.0 on Python 3.11 loses a reference to None per void call (ui/none_guard.py).
    from ui.none_guard import guard_none_refcount

    guard_none_refcount()

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


DEMO_TODAY = date(2026, 11, 22)


@pytest.fixture(scope="session")
def demo_shop_files(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    """``demo_shop_files(n)``: a SQLite file with an n-contact demo shop (seed 1), made once.

    The files are shared by the session: copy one (see ``copy_workspace``) before writing.
    """
    made: dict[int, Path] = {}

    def make(contacts: int) -> Path:
        if contacts not in made:
            from workspace.demo import generate_demo

            path = tmp_path_factory.mktemp(f"demo{contacts}") / "demo.sqlite"
            eng = open_workspace(f"sqlite:///{path}")
            generate_demo(eng, contacts=contacts, seed=1, today=DEMO_TODAY)
            eng.dispose()
            made[contacts] = path
        return made[contacts]

    return make


def copy_workspace(source: Path, tmp_path: Path) -> Iterator[Engine]:
    """Open a private copy of the SQLite workspace ``source``; dispose it afterwards."""
    copy = tmp_path / "ws.sqlite"
    shutil.copy(source, copy)
    eng = open_workspace(f"sqlite:///{copy}")
    yield eng
    eng.dispose()
