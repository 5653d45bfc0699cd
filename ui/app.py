"""Starting the desktop application (``konvert gui``) and taking page screenshots."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget
from sqlalchemy import Engine

from kerrors import KonvertError
from ui.language import LanguageSwitcher, choose_language
from ui.main_window import MainWindow
from ui.none_guard import guard_none_refcount
from ui.style import apply_style
from ui.tasks import Task, error_message
from workspace.contacts import count_all_contacts

log = logging.getLogger(__name__)

READY_TIMEOUT_MS = 30000
"""How long a screenshot waits for its page to draw data."""


class ScreenshotError(KonvertError):
    """The screenshot could not be taken or saved."""


def prepare_webengine_environment() -> None:
    """Chromium flags for Qt WebEngine, set before the QApplication exists.

    Without a GPU flag of the user's own, the GPU is off (previews are plain
    pages). Chromium refuses to start as root with its sandbox on, so as root
    ``--no-sandbox`` is added: the preview never runs scripts and blocks
    navigation, and the review bundle's engine blocks the network.
    """
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS")
    parts = flags.split() if flags is not None else ["--disable-gpu"]
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--no-sandbox" not in parts:
        parts.append("--no-sandbox")
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(parts)


def create_application(argv: list[str] | None = None, *, offscreen: bool = False) -> QApplication:
    """The QApplication (made once), styled; ``offscreen`` needs no display."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        apply_style(existing)
        return existing
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    prepare_webengine_environment()
    # Qt WebEngine (previews) must be loaded, and contexts shared, before the
    # QApplication exists.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts, True)
    try:
        import PySide6.QtWebEngineWidgets  # noqa: F401
    except ImportError:  # pragma: no cover - WebEngine is optional for the shell
        log.info("Qt WebEngine not available")
    guard_none_refcount()  # PySide6 6.12.0 on Python 3.11 would crash after a few thousand calls
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Konvert")
    app.setApplicationName("Konvert")
    apply_style(app)
    return app


def workspace_label(engine: Engine) -> str:
    """Where the workspace lives, for people: a file path or a URL without password."""
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)


def wait_until_ready(page: QWidget, timeout_ms: int = READY_TIMEOUT_MS) -> bool:
    """Run the event loop until ``page`` says it is ready (its ``ready`` signal)."""
    is_ready = getattr(page, "is_ready", None)
    ready_signal = getattr(page, "ready", None)
    if not callable(is_ready) or ready_signal is None:
        return True
    if is_ready():
        return True
    loop = QEventLoop()
    ready_signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return bool(is_ready())


def save_screenshot(window: QWidget, path: Path) -> None:
    """Render ``window`` (as it is now) to a PNG at ``path``."""
    QApplication.processEvents()
    pixmap = window.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    if pixmap.isNull() or not pixmap.save(str(path), "PNG"):
        raise ScreenshotError(f"cannot save the screenshot to {path}")


def ensure_demo_if_empty(engine: Engine, today: date, parent: QWidget | None = None) -> str:
    """Create the demo shop in an empty workspace, with a progress dialog.

    Returns an error message for the status bar, or "" when all went well (or
    there was nothing to do).
    """
    if count_all_contacts(engine):
        return ""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("App", "Konvert"))
    dialog.setLabelText(
        QCoreApplication.translate("App", "Creating the demo shop for your first start…")
    )
    dialog.setCancelButton(None)
    dialog.setRange(0, 0)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def on_failure(exc: BaseException) -> None:
        log.error("demo generation failed", exc_info=exc)
        outcome["error"] = error_message(exc)

    from ui.tasks import Pools

    pools = Pools.create(dialog)
    task = Task(_demo_shop, engine, today).on_failure(on_failure).on_finished(loop.quit)
    dialog.show()
    task.start(pools.write)
    loop.exec()
    pools.wait()
    dialog.close()
    dialog.deleteLater()
    return str(outcome.get("error", ""))


def show_workspace_error(exc: BaseException) -> None:
    """Tell the user in a dialog, in plain words, why the workspace cannot be opened."""
    reason = error_message(exc)
    QMessageBox.critical(
        None,
        QCoreApplication.translate("WorkspaceErrors", "Konvert"),
        QCoreApplication.translate("WorkspaceErrors", "Konvert cannot open the workspace.")
        + "\n\n" + reason[:1].upper() + reason[1:],
    )


def _demo_shop(engine: Engine, today: date) -> None:
    """The demo shop and its finished A/B test (a worker)."""
    from campaigns.demo import add_demo_campaign
    from workspace.demo import ensure_demo

    if ensure_demo(engine, today):
        add_demo_campaign(engine, today)


def run(
    open_engine: Callable[[], Engine],
    today: date,
    *,
    lang: str = "",
    page: str = "contacts",
    screenshot: str | None = None,
    size: tuple[int, int] | None = None,
) -> int:
    """Open the app on ``page``; with ``screenshot``, save that page as a PNG and exit.

    ``open_engine`` opens the workspace (after the QApplication exists, so a
    slow upgrade does not delay the first window); ``lang`` is "ru", "en" or
    "" for the saved or system language; ``size`` (width, height) resizes the
    window, e.g. to a laptop's 1280x720.
    """
    app = create_application(offscreen=screenshot is not None)
    settings = QSettings("Konvert", "Konvert")
    switcher = LanguageSwitcher(app)
    switcher.apply(choose_language(lang or None, settings))
    try:
        engine = open_engine()
    except KonvertError as exc:  # damaged, foreign, too new, unreachable: say so in a dialog
        if screenshot is not None:
            raise
        show_workspace_error(exc)
        return exc.exit_code
    demo_error = ensure_demo_if_empty(engine, today)
    window = MainWindow(
        engine,
        today,
        settings=settings,
        language=switcher,
        workspace_label=workspace_label(engine),
    )
    if demo_error:
        window.show_error(demo_error)
    if size is not None:
        window.resize(*size)
    window.show()
    shown = window.show_page(page)
    if screenshot is not None:
        try:
            if not wait_until_ready(shown):
                log.warning("page %s did not get ready in time; saving it as it is", page)
            save_screenshot(window, Path(screenshot))
        finally:
            window.close()
            window.deleteLater()
        return 0
    return int(app.exec())
