"""Parts of the template editor: workers, event filters and small panes it is built of."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from composer.brand import BrandKit
from composer.lint import LintReport, lint
from composer.model import Template
from ui.editor.code_view import CodeView
from ui.style import named

if TYPE_CHECKING:
    from ui.editor.editor import TemplateEditor


def run_lint(template: Template, brand: BrandKit,
             contexts: list[tuple[str, Mapping[str, Any]]],
             validation: str = "soft") -> LintReport:
    """Worker: every pre-export check of ``template`` at an MJML validation level."""
    return lint(template, brand=brand, contexts=contexts, validation=validation)


def block_at_line(template: Template, brand: BrandKit, line: int) -> int:
    """The index of the block whose MJML holds document ``line``, or -1."""
    if template.is_code:
        return -1
    start = template.source_parts(brand)[0].count("\n") + 1
    for index, block in enumerate(template.blocks):
        mjml = block.to_mjml(brand)
        if not mjml:
            continue
        end = start + (mjml + "\n").count("\n")
        if start <= line < end:
            return index
        start = end
    return -1


class CloseWatcher(QObject):
    """Flushes the editor's pending save when its window is about to close.

    It sees the Close event before the window's own ``closeEvent``, which
    waits for the pools: the save then runs before the app goes away.
    """

    def __init__(self, editor: TemplateEditor) -> None:
        super().__init__()  # no Qt parent: see TemplateEditor.__init__
        self._editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and shiboken6.isValid(self._editor):
            self._editor.flush()
            # Watch no more: a closed window may be deleted, and a filter called while
            # Qt destroys the window would meet a half-destroyed object (a crash).
            watched.removeEventFilter(self)
            self._editor.window_closed()
        return False


class RecoveryBanner(QFrame):
    """Says a draft was recovered, with a button to drop it (texts: the editor's)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "infoBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.discard_button = QPushButton()
        layout.addWidget(self.label, 1)
        layout.addWidget(self.discard_button)
        self.hide()


class CodeTab(QWidget):
    """The MJML code view under a hint and an "Edit as code" button (texts: the editor's)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code_view = CodeView()
        self.hint = named(QLabel(), "hint")
        self.hint.setWordWrap(True)
        self.to_code_button = QPushButton()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.to_code_button)
        layout.addLayout(top)
        layout.addWidget(self.code_view, 1)


class TitledPane(QWidget):
    """A bold title over one widget."""

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight:600")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(body, 1)


def titled(body: QWidget) -> TitledPane:
    """``body`` under a bold title (set its text through ``.title``)."""
    return TitledPane(body)


class EditorHeader(QWidget):
    """The template's title over its series link and save status; undo, redo and actions.

    Texts and actions are the editor's.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-size:16px;font-weight:600")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setMinimumWidth(100)
        self.series_link = QLabel()
        self.series_link.setTextFormat(Qt.TextFormat.RichText)
        self.status = named(QLabel(), "hint")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.restore_link = QLabel()  # "Restore the version without errors", when saved broken
        self.restore_link.setTextFormat(Qt.TextFormat.RichText)
        self.restore_link.hide()
        self.undo_button = QPushButton()
        self.redo_button = QPushButton()
        self.send_test_button = QPushButton()
        self.export_button = QPushButton()
        # Title above its series link and save status: on a 1366 px laptop one
        # row cannot hold them beside the buttons without cutting the title.
        title_box = QVBoxLayout()
        title_box.setSpacing(0)
        title_box.addWidget(self.title)
        status_row = QHBoxLayout()
        status_row.setSpacing(8)
        status_row.addWidget(self.series_link)
        status_row.addWidget(self.restore_link)
        status_row.addWidget(self.status, 1)
        title_box.addLayout(status_row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(title_box, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.redo_button)
        layout.addSpacing(8)
        layout.addWidget(self.send_test_button)
        layout.addWidget(self.export_button)
