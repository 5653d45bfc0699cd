"""A module-wide test shop per back end (SQLite and PostgreSQL), built once."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.segments.world import build
from workspace.db import open_workspace

_counter = itertools.count()


@pytest.fixture(scope="module",
                params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[Engine]:
    """An engine holding tests.segments.world (read-only: tests must not change it)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('seg') / 'w.sqlite'}"
    else:
        server = request.getfixturevalue("pg_server")
        url = server.create_database(f"seg_{os.getpid()}_{next(_counter)}")
    engine = open_workspace(url)
    build(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def rules_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a rules JSON to a file and return its path."""
    import json

    def write(rule: object, name: str = "rules.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(rule, ensure_ascii=False), encoding="utf-8")
        return path

    return write
