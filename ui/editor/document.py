"""One open template: its current value, its undo stack and the Qt adapter for edits."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from composer.edits import Edit
from composer.model import Template

_MERGE_ID = 4242  # any constant: QUndoStack only merges commands with the same id


class EditCommand(QUndoCommand):
    """The one adapter from a Qt-free :class:`composer.edits.Edit` to the undo stack."""

    def __init__(self, document: EditorDocument, edit: Edit, text: str = "") -> None:
        super().__init__(text)
        self._document = document
        self.edit = edit

    def redo(self) -> None:
        self._document._replace(self.edit.apply(self._document.template))

    def undo(self) -> None:
        self._document._replace(self.edit.revert(self._document.template))

    def id(self) -> int:
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand):
            return False
        merged = self.edit.merge(other.edit)
        if merged is None:
            return False
        self.edit = merged
        # Typed back to where it started: drop the step altogether.
        self.setObsolete(merged.is_noop)
        return True


class EditorDocument(QObject):
    """A template being edited: :attr:`template`, an undo stack, a revision counter.

    Every change goes through :meth:`apply` (a command on the stack) or
    undo/redo. "Unsaved" means the stack is not clean. ``revision`` grows with
    every change (merged keystrokes included), so the autosaver can tell
    whether anything changed while it was saving.

    Signals:
        changed(): the template changed (edit, undo or redo).
    """

    changed = Signal()

    def __init__(self, template: Template, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.template = template
        self.revision = 0
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(500)

    def apply(self, edit: Edit, text: str = "") -> None:
        """Make ``edit`` as an undoable step (merged with the previous keystroke if it can)."""
        if edit.is_noop:
            return
        self.stack.push(EditCommand(self, edit, text))

    def is_modified(self) -> bool:
        """Whether there are changes not saved yet."""
        return not self.stack.isClean()

    def mark_saved(self, revision: int) -> bool:
        """Mark the stack clean if nothing changed since ``revision``; True if it did."""
        if revision != self.revision:
            return False
        self.stack.setClean()
        return True

    def dispose(self) -> None:
        """Silence the stack before it is destroyed (it emits while clearing itself)."""
        self.stack.blockSignals(True)
        self.blockSignals(True)

    def _replace(self, template: Template) -> None:
        self.template = template
        self.revision += 1
        self.changed.emit()
