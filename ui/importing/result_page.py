"""Page 5 of the import wizard: what was imported and the rejected rows, with a report."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ui.importing.common import (
    SETTINGS_DIR_KEY,
    ImportPlan,
    heading,
    set_page_texts,
)
from ui.language import current_language
from ui.pages import RecordsTableModel
from ui.retranslate import Retranslating
from ui.style import named
from ui.tasks import warning_text, warnings_caption
from workspace.errors import ImportFileError
from workspace.imports.reasons import reason_text, write_report

log = logging.getLogger(__name__)


class ResultPage(Retranslating, QWizardPage):
    """Counts of the import and the rejected rows, with "Save report…"."""

    def __init__(self, plan: ImportPlan, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self._plan = plan
        self._settings = settings
        self.count_labels: dict[str, QLabel] = {}
        self._caption_labels: dict[str, QLabel] = {}
        cards = QHBoxLayout()
        cards.setSpacing(10)
        for key in ("imported", "updated", "unchanged", "rejected"):
            card = named(QFrame(), "infoBanner")
            card_layout = QVBoxLayout(card)
            card_layout.setContentsMargins(14, 10, 14, 10)
            number = QLabel("0")
            number.setStyleSheet("font-size: 22px; font-weight: 600;")
            caption = named(QLabel(), "hint")
            card_layout.addWidget(number)
            card_layout.addWidget(caption)
            cards.addWidget(card)
            self.count_labels[key] = number
            self._caption_labels[key] = caption
        self.rejected_label = QLabel()
        self.rejected_model = RecordsTableModel(self)
        self.rejected_view = QTableView()
        self.rejected_view.setModel(self.rejected_model)
        self.rejected_view.verticalHeader().hide()
        self.rejected_view.setAlternatingRowColors(True)
        self.rejected_view.setShowGrid(False)
        self.rejected_view.horizontalHeader().setStretchLastSection(True)
        self.rejected_view.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.saved_label = heading()
        row = QHBoxLayout()
        row.addWidget(self.rejected_label, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(cards)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.rejected_view, 1)
        layout.addWidget(self.saved_label)
        self._retranslate()

    def initializePage(self) -> None:
        result = self._plan.result
        assert result is not None
        for key, label in self.count_labels.items():
            label.setText(QLocale().toString(int(getattr(result, key))))
        self.count_labels["rejected"].setStyleSheet(
            "font-size: 22px; font-weight: 600;" + (" color: #b3261e;" if result.rejected else "")
        )
        self._fill_rejected()
        self.rejected_view.setColumnWidth(0, 90)
        has_errors = bool(result.errors or result.warnings)
        self.rejected_view.setVisible(has_errors)
        self.save_button.setVisible(has_errors)
        self.saved_label.setText("")
        self._update_rejected_label()

    def _fill_rejected(self) -> None:
        result = self._plan.result
        if result is not None:
            lang = current_language()
            self.rejected_model.set_rows(sorted(
                [[e.line, reason_text(e, lang)] for e in result.errors]
                + [[w.line, warning_text(w, lang)] for w in result.warnings],
                key=lambda row: int(row[0])))

    def save_report(self, path: Path) -> None:
        """Write the rejected rows to ``path`` as CSV, reasons in the UI language."""
        assert self._plan.result is not None
        try:
            write_report(path, self._plan.result.errors, current_language(),
                         self._plan.result.warnings)
        except ImportFileError as exc:
            self.saved_label.setText(str(exc))
            return
        self.saved_label.setText(self.tr("Report saved to {0}").format(path))

    def _retranslate(self) -> None:
        set_page_texts(
            self, self.tr("Import finished"), self.tr("What happened to each row of the file.")
        )
        captions = {
            "imported": self.tr("new"),
            "updated": self.tr("updated"),
            "unchanged": self.tr("unchanged"),
            "rejected": self.tr("rejected"),
        }
        for key, caption in captions.items():
            self._caption_labels[key].setText(caption)
        self.save_button.setText(self.tr("Save report…"))
        self.rejected_model.set_headers([self.tr("Line"), self.tr("Reason")])
        self._fill_rejected()
        self._update_rejected_label()

    def _update_rejected_label(self) -> None:
        result = self._plan.result
        if result is None:
            return
        if result.warnings:
            self.rejected_label.setText(warnings_caption(bool(result.errors)))
        elif result.errors:
            self.rejected_label.setText(
                self.tr("Rejected rows (line numbers as in the file; line 1 is the header):")
            )
        else:
            self.rejected_label.setText(self.tr("Every row was accepted."))

    def _on_save_button_clicked(self) -> None:
        folder = str(self._settings.value(SETTINGS_DIR_KEY, "") or "")
        suggested = str(Path(folder) / (Path(self._plan.path).stem + "-rejected.csv"))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), suggested, self.tr("CSV file (*.csv)")
        )
        if not path:
            return
        try:
            self.save_report(Path(path))
        except OSError as exc:
            self.saved_label.setText(
                self.tr("Cannot save the report: {0}").format(exc.strerror or exc)
            )
