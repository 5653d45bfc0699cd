"""Page 3 of the import wizard: which column of the file goes where."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ui.importing.common import (
    CUSTOM_PREFIX,
    SKIP,
    ImportPlan,
    column_titles,
    set_page_texts,
)
from ui.retranslate import Retranslating
from ui.style import named
from workspace.importer import (
    CANONICAL_COLUMNS,
)
from workspace.imports.columns import REQUIRED_COLUMNS

log = logging.getLogger(__name__)


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
        set_page_texts(
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
