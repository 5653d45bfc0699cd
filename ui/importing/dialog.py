"""The import wizard: file → format and preview → column mapping → progress → result."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QWidget,
    QWizard,
)
from sqlalchemy import Engine

from ui.importing.common import (
    ImportPlan,
)
from ui.importing.file_page import FilePage
from ui.importing.format_page import FormatPage
from ui.importing.mapping_page import MappingPage
from ui.importing.result_page import ResultPage
from ui.importing.run_page import RunPage
from ui.retranslate import Retranslating
from ui.tasks import Pools

log = logging.getLogger(__name__)


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
