"""Splitters that remember where the user left their handles (QSettings)."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter


def remember_sizes(splitter: QSplitter, settings: QSettings, key: str) -> None:
    """Restore ``splitter``'s sizes saved under ``key`` and save them whenever a handle moves.

    Nothing saved yet (or a saved state from another layout): the splitter
    keeps the sizes it was given.
    """
    saved = settings.value(key)
    if saved is not None:
        with contextlib.suppress(TypeError):  # another type under the key: keep the defaults
            splitter.restoreState(saved)

    def save(_pos: int, _index: int) -> None:
        settings.setValue(key, splitter.saveState())

    splitter.splitterMoved.connect(save)
