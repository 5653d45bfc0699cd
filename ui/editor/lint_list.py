"""Lint results beside the editor: errors and warnings; a click goes to the line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from composer.lint import LintReport
from composer.words_ru import finding_message, where_text
from ui.language import current_language
from ui.style import named

LINE_ROLE = Qt.ItemDataRole.UserRole + 1


class LintListPane(QWidget):
    """The findings of the last lint run.

    Signals:
        line_activated(int): the user clicked a finding that has a line.
    """

    line_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: LintReport | None = None
        self._running = False
        self._summary = named(QLabel(), "hint")
        self._summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._on_list_item_clicked)
        self.list.itemActivated.connect(self._on_list_item_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._summary)
        layout.addWidget(self.list, 1)
        self._retranslate()

    def set_running(self, running: bool) -> None:
        """Show that a check is under way."""
        self._running = running
        self._retranslate()

    def set_report(self, report: LintReport) -> None:
        """Show ``report``: errors first, then warnings."""
        self._report = report
        self._running = False
        self.list.clear()
        lang = current_language()
        for error, findings in ((True, report.errors), (False, report.warnings)):
            for finding in findings:
                where = where_text(finding, lang)
                message = finding_message(finding, lang)
                text = f"{where} · {message}" if where else message
                item = QListWidgetItem(f"{text}  [{finding.code}]")
                pixmap = (QStyle.StandardPixmap.SP_MessageBoxCritical if error
                          else QStyle.StandardPixmap.SP_MessageBoxWarning)
                item.setIcon(self.style().standardIcon(pixmap))
                item.setForeground(QColor("#8c1d18" if error else "#7a4b00"))
                item.setData(LINE_ROLE, finding.line or 0)
                item.setToolTip(self.tr("Click to go to the line") if finding.line else "")
                self.list.addItem(item)
        self._retranslate()

    def _on_list_item_clicked(self, item: QListWidgetItem) -> None:
        line = int(item.data(LINE_ROLE) or 0)
        if line > 0:
            self.line_activated.emit(line)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            if self._report is not None:
                self.set_report(self._report)
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        report = self._report
        if self._running and report is None:
            self._summary.setText(self.tr("Checking…"))
        elif report is None:
            self._summary.setText("")
        elif not report.errors and not report.warnings:
            self._summary.setText(self.tr("✓ No problems found."))
        else:
            self._summary.setText(self.tr("Errors: {0}, warnings: {1}. Errors block the export.")
                                  .format(len(report.errors), len(report.warnings)))
