"""The Segments page's toolbar: the open segment's name, undo and redo, save, explain, export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QWidget

from ui.elided import ElidedLabel
from ui.style import named


class SegmentToolbar(QWidget):
    """The name of the open segment and the buttons beside it (texts and actions: the page's).

    Undo and redo are plain buttons: the stack's actions' texts grow with the
    command name ("Undo Move").
    """

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name_label = named(ElidedLabel(), "segmentName")
        layout.addWidget(self.name_label, 1)
        self.undo_button = QToolButton()
        self.undo_button.clicked.connect(undo_stack.undo)
        undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button = QToolButton()
        self.redo_button.clicked.connect(undo_stack.redo)
        undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.redo_button.setEnabled(False)
        self.save_button = named(QPushButton(), "primary")
        self.save_as_button = QPushButton()
        self.explain_button = QPushButton()
        self.export_button = QPushButton()
        for widget in (self.undo_button, self.redo_button, self.save_button,
                       self.save_as_button, self.explain_button, self.export_button):
            layout.addWidget(widget)

    def add_shortcuts(
        self, target: QWidget, undo_stack: QUndoStack
    ) -> tuple[QAction, QAction, QAction]:
        """Undo (Ctrl+Z), redo (Ctrl+Shift+Z, Ctrl+Y) and save (Ctrl+S) on ``target``.

        They work while the focus is anywhere in ``target``; the caller connects save.
        """
        undo = undo_stack.createUndoAction(target)
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = undo_stack.createRedoAction(target)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        save = QAction(target)
        save.setShortcut(QKeySequence("Ctrl+S"))
        for action in (undo, redo, save):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            target.addAction(action)
        return undo, redo, save
