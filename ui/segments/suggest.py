"""Value suggestions for the rule editors: known values of a field, cached, off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QThreadPool
from sqlalchemy import Engine

from segments import distinct_values
from ui.tasks import Task

log = logging.getLogger(__name__)


class Suggestions(QObject):
    """Suggests values of a field by prefix; answers from a cache after the first query.

    An editor that asked again before the answer came gets only the answer
    to its latest question; an editor destroyed meanwhile gets nothing.
    """

    def __init__(self, engine: Engine, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._pool = pool
        self._cache: dict[tuple[str, str], list[str]] = {}
        self._latest: dict[int, str] = {}

    def clear(self) -> None:
        """Forget the cached values (the data changed)."""
        self._cache.clear()

    def suggest(self, field: str, prefix: str, deliver: Callable[[list[str]], None]) -> None:
        """Call ``deliver`` with up to 30 known values of ``field`` starting with ``prefix``."""
        owner = getattr(deliver, "__self__", None)
        key = (field, prefix.strip().casefold())
        self._latest[id(owner)] = key[1]
        cached = self._cache.get(key)
        if cached is not None:
            deliver(cached)
            return

        def on_loaded(values: list[str]) -> None:
            self._cache[key] = values
            alive = owner is None or (isinstance(owner, QObject) and shiboken6.isValid(owner))
            if alive and self._latest.get(id(owner)) == key[1]:
                deliver(values)

        Task(distinct_values, self._engine, field, prefix, 30).owned_by(self).on_success(
            on_loaded).on_failure(lambda exc: log.info("no suggestions: %s", exc)).start(
            self._pool)
