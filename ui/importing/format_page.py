"""Page 2 of the import wizard: encoding, delimiter and a preview of the file."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ui.importing.common import (
    DELIMITERS,
    ENCODINGS,
    ImportPlan,
    delimiter_titles,
    encoding_titles,
    heading,
    set_page_texts,
)
from ui.retranslate import Retranslating
from ui.style import named
from ui.tasks import Pools, RequestCounter, Task, error_message
from workspace.importer import (
    FileSniff,
    sniff,
)

log = logging.getLogger(__name__)


class FormatPage(Retranslating, QWizardPage):
    """Shows the detected encoding and delimiter (changeable) and the first rows."""

    sniffed = Signal()
    """A preview arrived (or failed); tests wait for it."""

    def __init__(self, plan: ImportPlan, pools: Pools, parent: QWidget | None = None):
        super().__init__(parent)
        self._plan = plan
        self._pools = pools
        self._requests = RequestCounter()
        self._updating = False
        self.encoding_combo = QComboBox()
        self.delimiter_combo = QComboBox()
        self.encoding_combo.currentIndexChanged.connect(self._on_encoding_combo_changed)
        self.delimiter_combo.currentIndexChanged.connect(self._on_delimiter_combo_changed)
        self.detected_label = heading()
        self.error_label = named(QLabel(wordWrap=True), "errorText")
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().setDefaultSectionSize(26)
        self.preview.horizontalHeader().setMinimumSectionSize(80)
        self._encoding_label = QLabel()
        self._delimiter_label = QLabel()
        self._preview_label = QLabel()

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.addWidget(self._encoding_label, 0, 0)
        grid.addWidget(self.encoding_combo, 0, 1)
        grid.addWidget(self._delimiter_label, 0, 2)
        grid.addWidget(self.delimiter_combo, 0, 3)
        grid.setColumnStretch(4, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.detected_label)
        layout.addWidget(self.error_label)
        layout.addSpacing(6)
        layout.addWidget(self._preview_label)
        layout.addWidget(self.preview, 1)
        self._retranslate()

    def initializePage(self) -> None:
        self._fill_combos()
        self._start_sniff()

    def isComplete(self) -> bool:
        return self._plan.sniffed is not None

    def _retranslate(self) -> None:
        set_page_texts(
            self,
            self.tr("Check the file"),
            self.tr("Konvert detected how the file is written. Change it if the text looks wrong."),
        )
        self._encoding_label.setText(self.tr("Encoding:"))
        self._delimiter_label.setText(self.tr("Delimiter:"))
        self._preview_label.setText(self.tr("First rows of the file:"))
        self._fill_combos()
        self._show_detected()

    def _fill_combos(self) -> None:
        self._updating = True
        try:
            sniffed = self._plan.sniffed
            encodings = encoding_titles()
            current = self._plan.encoding or (sniffed.encoding if sniffed else None)
            self.encoding_combo.clear()
            for codec in ENCODINGS:
                self.encoding_combo.addItem(encodings[codec], codec)
            if current and current not in ENCODINGS:
                self.encoding_combo.addItem(encodings.get(current, current), current)
            if current:
                self.encoding_combo.setCurrentIndex(self.encoding_combo.findData(current))
            delimiters = delimiter_titles()
            current_delimiter = self._plan.delimiter or (sniffed.delimiter if sniffed else None)
            self.delimiter_combo.clear()
            for delimiter in DELIMITERS:
                self.delimiter_combo.addItem(delimiters[delimiter], delimiter)
            if current_delimiter:
                index = self.delimiter_combo.findData(current_delimiter)
                if index < 0:
                    self.delimiter_combo.addItem(repr(current_delimiter), current_delimiter)
                    index = self.delimiter_combo.count() - 1
                self.delimiter_combo.setCurrentIndex(index)
            is_workbook = sniffed is not None and sniffed.delimiter is None
            self.encoding_combo.setEnabled(not is_workbook)
            self.delimiter_combo.setEnabled(not is_workbook)
        finally:
            self._updating = False

    def _start_sniff(self) -> None:
        self._plan.sniffed = None
        self.completeChanged.emit()
        self.error_label.setText("")
        self.detected_label.setText(self.tr("Reading the file…"))
        (
            Task(
                sniff,
                self._plan.path,
                self._plan.kind,
                encoding=self._plan.encoding,
                delimiter=self._plan.delimiter,
            )
            .owned_by(self)
            .drop_if_stale(self._requests)
            .on_success(self._on_sniff_loaded)
            .on_failure(self._on_sniff_failed)
            .start(self._pools.read)
        )

    def _on_sniff_loaded(self, result: FileSniff) -> None:
        if self._plan.sniffed is None or self._plan.sniffed.headers != result.headers:
            self._plan.mapping = None  # new columns: map again from what was recognised
        self._plan.sniffed = result
        self._fill_combos()
        self._show_detected()
        self.preview.clear()
        self.preview.setColumnCount(len(result.headers))
        self.preview.setRowCount(len(result.sample_rows))
        self.preview.setHorizontalHeaderLabels(result.headers)
        for r, row in enumerate(result.sample_rows):
            for c, value in enumerate(row[: len(result.headers)]):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()
        for column in range(self.preview.columnCount()):
            self.preview.setColumnWidth(column, min(self.preview.columnWidth(column), 260))
        self.completeChanged.emit()
        self.sniffed.emit()

    def _on_sniff_failed(self, exc: BaseException) -> None:
        self._plan.sniffed = None
        self.detected_label.setText("")
        self.error_label.setText(error_message(exc))
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self.completeChanged.emit()
        self.sniffed.emit()

    def _show_detected(self) -> None:
        sniffed = self._plan.sniffed
        if sniffed is None:
            return
        if sniffed.delimiter is None:
            self.detected_label.setText(self.tr("Excel workbook: the first sheet is imported."))
            return
        encoding = encoding_titles().get(sniffed.encoding, sniffed.encoding)
        delimiter = delimiter_titles().get(sniffed.delimiter, repr(sniffed.delimiter))
        how = (
            self.tr("chosen by you")
            if (self._plan.encoding or self._plan.delimiter)
            else (self.tr("detected"))
        )
        self.detected_label.setText(
            self.tr("Encoding {0}, delimiter {1} ({2}); {3} columns.").format(
                encoding, delimiter.lower(), how, len(sniffed.headers)
            )
        )

    def _on_encoding_combo_changed(self, _index: int) -> None:
        if not self._updating and self.encoding_combo.currentData():
            self._plan.encoding = str(self.encoding_combo.currentData())
            self._start_sniff()

    def _on_delimiter_combo_changed(self, _index: int) -> None:
        if not self._updating and self.delimiter_combo.currentData():
            self._plan.delimiter = str(self.delimiter_combo.currentData())
            self._start_sniff()
