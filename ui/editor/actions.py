""""Send test to myself" (an .eml opened by the mail client) and "Export review bundle"."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QProgressDialog, QWidget
from sqlalchemy import Engine

from composer.brand import BrandKit
from composer.model import Template
from composer.render import render
from ui.tasks import Pools, Task, error_message

log = logging.getLogger(__name__)

TEST_ADDRESS_KEY = "editor/test_address"
"""QSettings key of the address test emails are written to."""
DEFAULT_TEST_ADDRESS = "me@example.ru"

UrlOpener = Callable[[QUrl], object]


def default_test_dir() -> Path:
    """Where test ``.eml`` files are written."""
    return Path(platformdirs.user_data_dir("Konvert", "Konvert")) / "test-emails"


def write_test_email(
    template: Template,
    context: Mapping[str, Any],
    brand: BrandKit,
    to_addr: str,
    folder: Path,
) -> Path:
    """Worker: render ``template`` for export (CSS inlined) and write it as an ``.eml``."""
    from previews.eml import write_eml

    result = render(template, context, brand=brand)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    safe = re.sub(r"[^\w.-]+", "_", template.name)[:60] or "template"
    path = folder / f"{safe}-{stamp}.eml"
    return write_eml(result, to_addr, brand.support_email, path,
                     from_name=template.sender(brand))


def export_review_bundle(
    engine: Engine,
    target: str,
    out_dir: Path,
    today: date,
    shooter: Any,
    *,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> Path:
    """Worker: build the review bundle of ``target`` (ZIP too); returns its index page.

    ``shooter`` (a :class:`ui.webrender.WebShooter` living on the GUI thread,
    which takes calls from workers) draws the screenshots; None for none.
    """
    from previews.bundle import build_bundle

    result = build_bundle(engine, target, out_dir, shooter=shooter, zip=True,
                          progress=progress, cancelled=cancelled, today=today)
    return Path(result.out_dir) / "index.html"


class EmailActions(QObject):
    """The editor's actions that leave the app: test email and review bundle.

    Args:
        engine: the workspace.
        pools: the app's pools (the bundle runs after pending saves on the write pool).
        settings: where the test address is kept.
        today: dates of sample data.
        open_url: opens files and folders (default: the desktop's handler).
        test_dir: where ``.eml`` files go (default: the user data folder).

    Signals:
        message(str): a result in plain words for the status line.
        failed(str): what went wrong (shown without a modal dialog).
        test_written(str): path of the ``.eml`` just written.
        bundle_written(str): path of the bundle's index page.
    """

    message = Signal(str)
    failed = Signal(str)
    test_written = Signal(str)
    bundle_written = Signal(str)

    def __init__(
        self,
        engine: Engine,
        pools: Pools,
        settings: QSettings,
        today: date,
        parent: QObject,
        *,
        open_url: UrlOpener | None = None,
        test_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._pools = pools
        self._settings = settings
        self._today = today
        self._open_url = open_url or QDesktopServices.openUrl
        self.test_dir = test_dir or default_test_dir()
        self._dialog: QProgressDialog | None = None
        self._shooter: Any = None

    def test_address(self) -> str:
        """The address test emails are addressed to."""
        value = self._settings.value(TEST_ADDRESS_KEY)
        return str(value) if value else DEFAULT_TEST_ADDRESS

    def ask_test_address(self, parent: QWidget) -> bool:
        """Ask for the test address the first time; False if the user cancelled."""
        if self._settings.value(TEST_ADDRESS_KEY):
            return True
        address, ok = QInputDialog.getText(
            parent, self.tr("Send test to myself"),
            self.tr("Your email address (the test email is addressed to it):"),
            QLineEdit.EchoMode.Normal, "")
        address = address.strip()
        if not ok or "@" not in address:
            return False
        self._settings.setValue(TEST_ADDRESS_KEY, address)
        return True

    def send_test(self, template: Template, context: Mapping[str, Any], brand: BrandKit,
                  parent: QWidget | None = None) -> None:
        """Write the email for ``context`` as an ``.eml`` and open it in the mail client.

        With ``parent``, the user is asked for their address the first time.
        """
        if parent is not None and not self.ask_test_address(parent):
            return
        Task(write_test_email, template, context, brand, self.test_address(), self.test_dir) \
            .owned_by(self).on_success(self._on_test_written) \
            .on_failure(self._on_failed).start(self._pools.read)

    def export_bundle(self, target: str, parent: QWidget, out_dir: Path | None = None) -> None:
        """Ask for a folder (unless given), then build the bundle with a progress dialog."""
        if self._dialog is not None:
            return
        if out_dir is None:
            folder = QFileDialog.getExistingDirectory(
                parent, self.tr("Where to put the review bundle"), str(Path.home()))
            if not folder:
                return
            stamp = datetime.now().strftime("%Y%m%d-%H%M")
            out_dir = Path(folder) / f"review-{target}-{stamp}"
        dialog = QProgressDialog(parent)
        dialog.setWindowTitle(self.tr("Review bundle"))
        dialog.setLabelText(self.tr("Rendering the emails, screenshots and PDF…"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setRange(0, 0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self._dialog = dialog
        try:
            from ui.webrender import WebShooter

            self._shooter = WebShooter(self)
        except Exception as exc:  # no WebEngine: a bundle without screenshots
            log.warning("no screenshots in the bundle: %s", exc)
            self._shooter = None
        task = Task(export_review_bundle, self._engine, target, out_dir, self._today,
                    self._shooter) \
            .with_progress(self._on_bundle_progressed).cancellable().owned_by(self) \
            .on_success(self._on_bundle_written).on_failure(self._on_failed) \
            .on_finished(self._on_bundle_finished)
        dialog.canceled.connect(task.cancel)
        dialog.show()
        # On the write pool: it runs after any autosave still queued there.
        task.start(self._pools.write)

    def _on_bundle_progressed(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setRange(0, max(total, 1))
            self._dialog.setValue(min(done, max(total, 1)))

    def _on_bundle_written(self, index: Path) -> None:
        self.bundle_written.emit(str(index))
        self.message.emit(self.tr("Review bundle written: {0}").format(index.parent))
        self._open_url(QUrl.fromLocalFile(str(index)))

    def _on_bundle_finished(self) -> None:
        if self._shooter is not None:
            self._shooter.close()
            self._shooter.deleteLater()
            self._shooter = None
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _on_test_written(self, path: Path) -> None:
        self.test_written.emit(str(path))
        self.message.emit(self.tr("Test email written to {0} and opened in your mail app.")
                          .format(path))
        self._open_url(QUrl.fromLocalFile(str(path)))

    def _on_failed(self, exc: BaseException) -> None:
        self.failed.emit(error_message(exc))
