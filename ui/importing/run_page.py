"""Page 4 of the import wizard: the import running, with progress and Cancel."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)
from sqlalchemy import Engine

from ui.importing.common import (
    ImportPlan,
    heading,
    set_page_texts,
)
from ui.retranslate import Retranslating
from ui.style import named
from ui.tasks import Pools, Task, error_message
from workspace.importer import (
    ImportCancelledError,
    ImportResult,
    import_file,
)

log = logging.getLogger(__name__)


class _WaitingRelay(QObject):
    """Carries "another import holds the workspace" from the worker to the page."""

    waiting = Signal()


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
        self.status_label = heading()
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
        # Told from the worker when another import holds the workspace: a relay object,
        # kept alive by the worker's callback, carries it to the page on the GUI thread.
        relay = _WaitingRelay()
        relay.waiting.connect(self._on_waiting)

        def waiting() -> None:
            relay.waiting.emit()

        self.task = (
            Task(
                import_file,
                self._engine,
                self._plan.kind,
                self._plan.path,
                mapping=self._plan.mapping,
                encoding=self._plan.encoding,
                delimiter=self._plan.delimiter,
                waiting=waiting,
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
        set_page_texts(
            self,
            self.tr("Importing"),
            self.tr("Every row is checked; rejected rows are listed at the end."),
        )
        self.cancel_button.setText(self.tr("Cancel import"))

    def _on_waiting(self) -> None:
        self.status_label.setText(self.tr(
            "Another import is writing to this workspace: this one starts as soon as it has "
            "finished…"))

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
