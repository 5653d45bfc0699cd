"""A small demo shop on SQLite, built once per session and copied per test that writes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.conftest import copy_workspace

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="session")
def demo_file(demo_shop_files: Callable[[int], Path]) -> Path:
    """A SQLite file holding the demo shop with 300 contacts (never written by tests)."""
    return demo_shop_files(300)


@pytest.fixture
def demo_engine(demo_file: Path, tmp_path: Path) -> Iterator[Engine]:
    """A private copy of the demo shop: tests may save and delete segments."""
    yield from copy_workspace(demo_file, tmp_path)


@pytest.fixture
def page(qtbot: Any, demo_engine: Engine, tmp_path: Path) -> Iterator[Any]:
    """The Segments page on the demo shop, with its first count and chart drawn."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from ui.pages import PageContext
    from ui.segments import SegmentsPage
    from ui.tasks import Pools

    holder = QWidget()
    qtbot.add_widget(holder)
    pools = Pools.create(holder)
    context = PageContext(engine=demo_engine, today=TODAY, pools=pools,
                          settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                          request_import=lambda: None)
    widget = SegmentsPage(context, holder)
    holder.resize(1200, 800)
    holder.show()
    widget.pools = pools  # type: ignore[attr-defined]  # tests wait for its tasks
    qtbot.waitUntil(widget.is_ready, timeout=10000)
    yield widget
    pools.wait()
