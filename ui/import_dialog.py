"""The import wizard: file → format and preview → column mapping → progress → result.

It drives :mod:`workspace.importer` (the same core as ``konvert import``):
:func:`~workspace.importer.sniff` for the preview, on the read pool, and
:func:`~workspace.importer.import_file` on the write pool with progress and
cancel. Nothing here touches the database itself.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy import Engine

from ui.language import current_language
from ui.pages import RecordsTableModel
from ui.retranslate import Retranslating
from ui.style import named
from ui.tasks import Pools, RequestCounter, Task, error_message
from workspace.errors import ImportFileError
from workspace.importer import (
    CANONICAL_COLUMNS,
    KINDS,
    FileSniff,
    ImportCancelledError,
    ImportResult,
    import_file,
    sniff,
)
from workspace.imports.reasons import reason_text, write_report

try:  # the importer's own list; the import itself reports a missing column too
    from workspace.imports.columns import REQUIRED_COLUMNS
except ImportError:  # pragma: no cover
    REQUIRED_COLUMNS = {kind: () for kind in KINDS}

log = logging.getLogger(__name__)

SKIP = "-"
CUSTOM_PREFIX = "custom."
SETTINGS_DIR_KEY = "import/last_folder"

ENCODINGS = ("utf-8", "utf-8-sig", "cp1251", "utf-16", "utf-16-le", "koi8-r")
DELIMITERS = (";", ",", "\t", "|")


def kind_titles() -> dict[str, str]:
    """Localised names of what an import file holds."""
    return {
        "contacts": QCoreApplication.translate("ImportDialog", "Contacts"),
        "orders": QCoreApplication.translate("ImportDialog", "Orders"),
        "order_lines": QCoreApplication.translate("ImportDialog", "Order lines (items)"),
        "events": QCoreApplication.translate("ImportDialog", "Events (views, carts, opens)"),
        "products": QCoreApplication.translate("ImportDialog", "Products (catalogue)"),
    }


def column_titles() -> dict[str, str]:
    """Localised names of the canonical import columns."""
    t = {
        "email": QCoreApplication.translate("ImportDialog", "Email"),
        "first_name": QCoreApplication.translate("ImportDialog", "First name"),
        "last_name": QCoreApplication.translate("ImportDialog", "Last name"),
        "gender": QCoreApplication.translate("ImportDialog", "Gender"),
        "birth_date": QCoreApplication.translate("ImportDialog", "Birth date"),
        "city": QCoreApplication.translate("ImportDialog", "City"),
        "region": QCoreApplication.translate("ImportDialog", "Region"),
        "phone": QCoreApplication.translate("ImportDialog", "Phone"),
        "registered_at": QCoreApplication.translate("ImportDialog", "Registered"),
        "channel": QCoreApplication.translate("ImportDialog", "Acquisition channel"),
        "payment_method": QCoreApplication.translate("ImportDialog", "Payment method"),
        "device": QCoreApplication.translate("ImportDialog", "Device"),
        "consent_email": QCoreApplication.translate("ImportDialog", "Email consent"),
        "status": QCoreApplication.translate("ImportDialog", "Status"),
        "order_id": QCoreApplication.translate("ImportDialog", "Order number"),
        "created_at": QCoreApplication.translate("ImportDialog", "Order date"),
        "total": QCoreApplication.translate("ImportDialog", "Order total"),
        "delivered_at": QCoreApplication.translate("ImportDialog", "Delivery date"),
        "sku": QCoreApplication.translate("ImportDialog", "SKU"),
        "category": QCoreApplication.translate("ImportDialog", "Category"),
        "price": QCoreApplication.translate("ImportDialog", "Price"),
        "quantity": QCoreApplication.translate("ImportDialog", "Quantity"),
        "color": QCoreApplication.translate("ImportDialog", "Colour"),
        "size": QCoreApplication.translate("ImportDialog", "Size"),
        "style": QCoreApplication.translate("ImportDialog", "Style"),
        "type": QCoreApplication.translate("ImportDialog", "Event type"),
        "at": QCoreApplication.translate("ImportDialog", "Date and time"),
        "query": QCoreApplication.translate("ImportDialog", "Search query"),
        "campaign": QCoreApplication.translate("ImportDialog", "Campaign"),
        "name": QCoreApplication.translate("ImportDialog", "Product name"),
        "old_price": QCoreApplication.translate("ImportDialog", "Old price"),
        "image_url": QCoreApplication.translate("ImportDialog", "Image URL"),
        "url": QCoreApplication.translate("ImportDialog", "Product URL"),
        "stock": QCoreApplication.translate("ImportDialog", "Stock"),
    }
    return t


def encoding_titles() -> dict[str, str]:
    """Localised names of the encodings offered."""
    return {
        "utf-8": "UTF-8",
        "utf-8-sig": QCoreApplication.translate("ImportDialog", "UTF-8 with BOM"),
        "cp1251": "Windows-1251",
        "utf-16": QCoreApplication.translate("ImportDialog", "UTF-16 (Excel “Unicode text”)"),
        "utf-16-le": "UTF-16 LE",
        "koi8-r": "KOI8-R",
        "xlsx": QCoreApplication.translate("ImportDialog", "Excel workbook"),
    }


def delimiter_titles() -> dict[str, str]:
    """Localised names of the delimiters offered."""
    return {
        ";": QCoreApplication.translate("ImportDialog", "Semicolon ( ; )"),
        ",": QCoreApplication.translate("ImportDialog", "Comma ( , )"),
        "\t": QCoreApplication.translate("ImportDialog", "Tab"),
        "|": QCoreApplication.translate("ImportDialog", "Vertical bar ( | )"),
    }


@dataclass
class ImportPlan:
    """What the wizard pages have decided so far (GUI thread only)."""

    path: str = ""
    kind: str = "contacts"
    encoding: str | None = None
    delimiter: str | None = None
    sniffed: FileSniff | None = None
    mapping: dict[str, str | None] | None = None
    result: ImportResult | None = None


def _set_texts(page: QWizardPage, title: str, subtitle: str) -> None:
    # Rich text so the title can be larger than QWizard's default bold label.
    page.setTitle(f"<span style='font-size: 17px; font-weight: 600;'>{title}</span>")
    page.setSubTitle(subtitle)


def _heading(text: str = "") -> QLabel:
    label = named(QLabel(text), "hint")
    label.setWordWrap(True)
    return label


# -- page 1: file and kind -------------------------------------------------------


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
        self._columns_hint = _heading()
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
        _set_texts(
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


# -- page 2: encoding, delimiter, preview ---------------------------------------------


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
        self.detected_label = _heading()
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
        _set_texts(
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


# -- page 3: column mapping ---------------------------------------------------------------


class MappingPage(Retranslating, QWizardPage):
    """For each column of the file: a canonical column, a custom attribute, or skip."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self._plan = plan
        self.table = QTableWidget(0, 3)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.setShowGrid(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setColumnWidth(0, 190)
        self.table.setColumnWidth(1, 190)
        self.combos: dict[str, QComboBox] = {}
        self.error_label = named(QLabel(wordWrap=True), "errorText")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        self.setCommitPage(True)
        self._retranslate()

    def initializePage(self) -> None:
        sniffed = self._plan.sniffed
        assert sniffed is not None
        kind = self._plan.kind
        titles = column_titles()
        self.combos.clear()
        self.table.setRowCount(len(sniffed.headers))
        for row, header in enumerate(sniffed.headers):
            example = next(
                (r[row] for r in sniffed.sample_rows if row < len(r) and r[row].strip()), ""
            )
            self.table.setItem(row, 0, QTableWidgetItem(header))
            example_item = QTableWidgetItem(example)
            example_item.setForeground(Qt.GlobalColor.darkGray)
            self.table.setItem(row, 1, example_item)
            combo = QComboBox()
            combo.addItem(self.tr("Skip this column"), SKIP)
            for column in CANONICAL_COLUMNS[kind]:
                combo.addItem(f"{titles.get(column, column)}  ({column})", column)
            if kind == "contacts" and header:
                combo.addItem(
                    self.tr("Custom attribute “{0}”").format(header), CUSTOM_PREFIX + header
                )
            chosen = self._initial_target(header)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
            self.table.setCellWidget(row, 2, combo)
            self.combos[header] = combo
        self._check()

    def _initial_target(self, header: str) -> str:
        if self._plan.mapping is not None and header in self._plan.mapping:
            return self._plan.mapping[header] or SKIP
        assert self._plan.sniffed is not None
        target = self._plan.sniffed.mapping.get(header)
        if target:
            return target
        return CUSTOM_PREFIX + header if self._plan.kind == "contacts" and header else SKIP

    def mapping(self) -> dict[str, str | None]:
        """The chosen mapping, as :func:`workspace.importer.import_file` takes it."""
        return {header: str(combo.currentData()) for header, combo in self.combos.items()}

    def isComplete(self) -> bool:
        return not self._problems()

    def validatePage(self) -> bool:
        self._plan.mapping = self.mapping()
        return not self._problems()

    def _retranslate(self) -> None:
        _set_texts(
            self,
            self.tr("Match the columns"),
            self.tr("Choose what each column of the file is. Recognised columns are matched."),
        )
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Example"), self.tr("Import as")]
        )

    def _problems(self) -> list[str]:
        chosen = [target for target in self.mapping().values() if target not in (SKIP, None)]
        titles = column_titles()
        problems = []
        missing = [c for c in REQUIRED_COLUMNS.get(self._plan.kind, ()) if c not in chosen]
        if missing:
            problems.append(
                self.tr("Choose a column for: {0}.").format(
                    ", ".join(titles.get(c, c) for c in missing)
                )
            )
        twice = sorted({t for t in chosen if chosen.count(t) > 1})
        if twice:
            problems.append(
                self.tr("Each column can be chosen once: {0}.").format(
                    ", ".join(titles.get(t, t) for t in twice)
                )
            )
        return problems

    def _check(self) -> None:
        self.error_label.setText(" ".join(self._problems()))
        self.completeChanged.emit()

    def _on_combo_current_index_changed(self, _index: int) -> None:
        self._check()


# -- page 4: running ----------------------------------------------------------------------


class RunPage(Retranslating, QWizardPage):
    """Runs the import on the write pool with a progress bar; Cancel rolls it back."""

    finished = Signal()
    """The import ended (done, failed or cancelled)."""

    def __init__(
        self, plan: ImportPlan, engine: Engine, pools: Pools, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._plan = plan
        self._engine = engine
        self._pools = pools
        self.task: Task[ImportResult] | None = None
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.status_label = _heading()
        self.error_label = named(QLabel(wordWrap=True), "errorText")
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addStretch(2)
        self._retranslate()

    def is_running(self) -> bool:
        """Whether the import is still going."""
        return self.task is not None and not self.task.is_done()

    def initializePage(self) -> None:
        self._plan.result = None
        self.error_label.setText("")
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.status_label.setText(
            self.tr("Importing {0}… Nothing changes in the workspace until it is done.").format(
                Path(self._plan.path).name
            )
        )
        self.task = (
            Task(
                import_file,
                self._engine,
                self._plan.kind,
                self._plan.path,
                mapping=self._plan.mapping,
                encoding=self._plan.encoding,
                delimiter=self._plan.delimiter,
            )
            .owned_by(self)
            .with_progress(self._on_task_progressed)
            .cancellable()
            .on_success(self._on_task_succeeded)
            .on_failure(self._on_task_failed)
            .start(self._pools.write)
        )

    def cancel(self) -> None:
        """Ask the import to stop; it rolls back at the next batch."""
        if self.is_running() and self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Cancelling…"))

    def isComplete(self) -> bool:
        return self._plan.result is not None

    def _retranslate(self) -> None:
        _set_texts(
            self,
            self.tr("Importing"),
            self.tr("Every row is checked; rejected rows are listed at the end."),
        )
        self.cancel_button.setText(self.tr("Cancel import"))

    def _on_task_progressed(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(1000 * min(done, total) / total))
        self.progress.setFormat(f"{100 * min(done, total) / total:.0f} %")

    def _on_task_succeeded(self, result: ImportResult) -> None:
        self._plan.result = result
        self.progress.setRange(0, 1000)
        self.progress.setValue(1000)
        self.cancel_button.setEnabled(False)
        self.completeChanged.emit()
        self.finished.emit()
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def _on_task_failed(self, exc: BaseException) -> None:
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat("")
        self.status_label.setText("")
        if isinstance(exc, ImportCancelledError):
            self.error_label.setText(self.tr("Import cancelled. Nothing was changed."))
        else:
            self.error_label.setText(
                self.tr("The file was not imported: {0}").format(error_message(exc))
                + "\n"
                + self.tr("Nothing was changed. Close this window, fix the file and try again.")
            )
        self.finished.emit()


# -- page 5: result ---------------------------------------------------------------------------


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
        self.saved_label = _heading()
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
        has_errors = bool(result.errors)
        self.rejected_view.setVisible(has_errors)
        self.save_button.setVisible(has_errors)
        self.saved_label.setText("")
        self._update_rejected_label()

    def _fill_rejected(self) -> None:
        result = self._plan.result
        if result is not None:
            lang = current_language()
            self.rejected_model.set_rows([[e.line, reason_text(e, lang)] for e in result.errors])

    def save_report(self, path: Path) -> None:
        """Write the rejected rows to ``path`` as CSV, reasons in the UI language."""
        assert self._plan.result is not None
        try:
            write_report(path, self._plan.result.errors, current_language())
        except ImportFileError as exc:
            self.saved_label.setText(str(exc))
            return
        self.saved_label.setText(self.tr("Report saved to {0}").format(path))

    def _retranslate(self) -> None:
        _set_texts(
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
        if result.errors:
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


# -- the wizard ----------------------------------------------------------------------------------


class ImportDialog(Retranslating, QWizard):
    """The import wizard.

    Args:
        engine: the workspace.
        pools: read pool for previews, write pool for the import.
        settings: remembers the last folder.
        path: a file to start with (optional).
        kind: what it holds (optional).

    Signals:
        imported: an import finished and changed (or may have changed) the workspace.
    """

    imported = Signal()

    def __init__(
        self,
        engine: Engine,
        pools: Pools,
        settings: QSettings,
        *,
        path: str = "",
        kind: str = "contacts",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = ImportPlan(path=path, kind=kind)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(820, 580)
        self.file_page = FilePage(self.plan, settings)
        self.format_page = FormatPage(self.plan, pools)
        self.mapping_page = MappingPage(self.plan)
        self.run_page = RunPage(self.plan, engine, pools)
        self.result_page = ResultPage(self.plan, settings)
        for page in (
            self.file_page,
            self.format_page,
            self.mapping_page,
            self.run_page,
            self.result_page,
        ):
            self.addPage(page)
        self.file_page.path_edit.setText(path)
        self.file_page.kind_combo.setCurrentIndex(max(self.file_page.kind_combo.findData(kind), 0))
        self.run_page.finished.connect(self._on_run_page_finished)
        self._close_after_cancel = False
        self._retranslate()

    def reject(self) -> None:
        """Cancel: a running import is rolled back first, then the dialog closes."""
        if self.run_page.is_running():
            self._close_after_cancel = True
            self.run_page.cancel()
            return
        super().reject()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import data"))

    def _on_run_page_finished(self) -> None:
        if self.plan.result is not None:
            self.imported.emit()
        if self._close_after_cancel:
            super().reject()
