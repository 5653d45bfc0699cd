"""Text fields whose Ctrl+Z / Ctrl+Shift+Z undo the document, not the field's own typing.

A QLineEdit or QPlainTextEdit keeps its own undo history and claims the undo
keys (it accepts their shortcut override), which would change the text behind
the document's back. These fields pass the keys to the nearest ancestor that
has ``undo_action`` / ``redo_action`` (the template editor, the segments
page); without one they undo their own typing as usual.

This is done in ``keyPressEvent``, which Qt calls only for a key pressed in
the field. An event filter written in Python was called for every event,
also while Qt destroyed the field, and crashed the app now and then.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

_CTRL_SHIFT_Z = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier \
    | Qt.Key.Key_Z


def undo_direction(event: QKeyEvent) -> str | None:
    """``undo_action`` or ``redo_action`` for an undo or redo key, else None."""
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo_action"
    if event.matches(QKeySequence.StandardKey.Redo) or event.keyCombination() == _CTRL_SHIFT_Z:
        return "redo_action"
    return None


def route_undo(widget: QWidget, name: str) -> bool:
    """Trigger ``name`` of the nearest ancestor that has it; whether there was one."""
    parent = widget.parentWidget()
    while parent is not None:
        action = getattr(parent, name, None)
        if isinstance(action, QAction):
            action.trigger()
            return True
        parent = parent.parentWidget()
    return False


class UndoLineEdit(QLineEdit):
    """A QLineEdit whose undo keys undo the document; ``on_enter`` (if any) takes Enter."""

    def __init__(self, on_enter: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_enter = on_enter

    def keyPressEvent(self, event: QKeyEvent) -> None:
        name = undo_direction(event)
        if name is not None and route_undo(self, name):
            event.accept()
            return
        if self._on_enter is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            event.accept()
            return
        super().keyPressEvent(event)


class UndoPlainTextEdit(QPlainTextEdit):
    """A QPlainTextEdit whose undo keys undo the document."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        name = undo_direction(event)
        if name is not None and route_undo(self, name):
            event.accept()
            return
        super().keyPressEvent(event)
