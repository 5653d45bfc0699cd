"""Page 1 of the import wizard: the file and what it holds."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ui.importing.common import (
    SETTINGS_DIR_KEY,
    ImportPlan,
    column_titles,
    heading,
    kind_titles,
    set_page_texts,
)
from ui.retranslate import Retranslating
from workspace.importer import (
    CANONICAL_COLUMNS,
    KINDS,
)
from workspace.imports.columns import REQUIRED_COLUMNS

log = logging.getLogger(__name__)


class FilePage(Retranslating, QWizardPage):
    """Choose the file and what it holds."""

    def __init__(self, plan: ImportPlan, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self._plan = plan
        self._settings = settings
        self.path_edit = QLineEdit()
        self.path_edit.textChanged.connect(self._on_path_edit_text_changed)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem("", kind)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_current_index_changed)
        self._columns_hint = heading()
        self._file_label = QLabel()
        self._kind_label = QLabel()

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self._file_label, row)
        form.addRow(self._kind_label, self.kind_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self._columns_hint)
        layout.addStretch(1)
        self._retranslate()

    def isComplete(self) -> bool:
        return Path(self.path_edit.text().strip()).is_file()

    def validatePage(self) -> bool:
        path = self.path_edit.text().strip()
        if path != self._plan.path or self.kind_combo.currentData() != self._plan.kind:
            self._plan.encoding = None
            self._plan.delimiter = None
            self._plan.sniffed = None
            self._plan.mapping = None
        self._plan.path = path
        self._plan.kind = str(self.kind_combo.currentData())
        self._settings.setValue(SETTINGS_DIR_KEY, str(Path(path).parent))
        return True

    def _retranslate(self) -> None:
        set_page_texts(
            self,
            self.tr("Choose a file"),
            self.tr("A CSV file (as saved by Excel, 1C or a CRM) or an Excel workbook."),
        )
        self._file_label.setText(self.tr("File:"))
        self._kind_label.setText(self.tr("It holds:"))
        self.browse_button.setText(self.tr("Browse…"))
        self.path_edit.setPlaceholderText(self.tr("Path to a .csv or .xlsx file"))
        for index, title in enumerate(kind_titles()[kind] for kind in KINDS):
            self.kind_combo.setItemText(index, title)
        self._update_columns_hint()

    def _update_columns_hint(self) -> None:
        kind = str(self.kind_combo.currentData())
        titles = column_titles()
        names = ", ".join(titles.get(c, c) for c in CANONICAL_COLUMNS[kind])
        required = ", ".join(titles.get(c, c) for c in REQUIRED_COLUMNS.get(kind, ()))
        text = self.tr("Columns Konvert knows for this kind: {0}.").format(names)
        if required:
            text += " " + self.tr("Required: {0}.").format(required)
        if kind == "contacts":
            text += " " + self.tr("Other columns become custom attributes of the contacts.")
        self._columns_hint.setText(text)

    def _on_path_edit_text_changed(self, _text: str) -> None:
        self.completeChanged.emit()

    def _on_kind_combo_current_index_changed(self, _index: int) -> None:
        self._update_columns_hint()

    def _on_browse_button_clicked(self) -> None:
        folder = str(self._settings.value(SETTINGS_DIR_KEY, "") or "")
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import file"),
            folder,
            self.tr("CSV or Excel files (*.csv *.txt *.tsv *.xlsx);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)
