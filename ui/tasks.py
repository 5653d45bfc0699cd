"""Running slow work off the GUI thread, and keeping typing-driven work calm.

The one way ``ui/`` runs anything slow (a query, an import, a render)::

    Task(count_contacts, engine, rules)
        .on_success(self._on_count_loaded)
        .on_failure(self._on_count_failed)      # optional, see below
        .start(self._pools.read)

``fn`` is a plain function: it runs on a :class:`QThreadPool` worker, opens its
own connection/Session from the engine it is given, and returns plain data
(ids, tuples, frozen dataclasses). It never touches a widget. Its result or
exception comes back on the GUI thread, through a queued signal, to the
callbacks. Without ``on_failure`` the error is shown by the owner's window
(``show_error(message)``, non-modal, e.g. in the status bar), else logged.

Long loops take ``progress(done, total)`` and ``cancelled()`` as keyword
arguments, the same callables the CLI passes, so one core function serves
both::

    task = (Task(import_file, engine, "contacts", path)
            .with_progress(self._on_import_progressed)   # passes progress=
            .cancellable()                               # passes cancelled=
            .on_success(self._on_import_finished))
    task.start(pools.write)
    ...
    task.cancel()

Typing-driven work is debounced with :class:`Debouncer` and stale results
are dropped with a :class:`RequestCounter` (``Task.drop_if_stale(counter)``).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import DBAPIError

from kerrors import KonvertError
from ui.error_words import localized
from workspace.db import plain_database_error
from workspace.errors import WorkspaceError
from workspace.imports.reasons import RowError, reason_text

log = logging.getLogger(__name__)

T = TypeVar("T")

# Progress is reported to the GUI at most this often (plus the final call):
# an import of a million rows must not flood the event loop with signals.
PROGRESS_INTERVAL_S = 0.05

# Tasks alive until their result has been delivered; without a reference the
# relay QObject (and its queued signals) would be garbage-collected mid-flight.
_running: set[Task[Any]] = set()


# Workspace problems the app says in the user's language (WorkspaceError.code);
# the English text is the core's message without what follows a colon.
_WORKSPACE_TEXTS: dict[str, str] = {
    "not_a_workspace": str(QT_TRANSLATE_NOOP(
        "WorkspaceErrors", "this file is not a Konvert workspace or is damaged")),
    "read_only": str(QT_TRANSLATE_NOOP(
        "WorkspaceErrors", "the workspace is read-only, so nothing can be saved into it; "
        "check the file's permissions or copy it somewhere writable")),
    "busy": str(QT_TRANSLATE_NOOP(
        "WorkspaceErrors", "another import (or another Konvert) is writing to this workspace; "
        "try again when it has finished")),
    "cannot_open": str(QT_TRANSLATE_NOOP(
        "WorkspaceErrors",
        "cannot open the workspace file (check the folder and its permissions)")),
    "timeout": str(QT_TRANSLATE_NOOP(
        "WorkspaceErrors",
        "the workspace database took too long to answer and the query was stopped")),
    "connect_timeout": str(QT_TRANSLATE_NOOP(
        "WorkspaceErrors",
        "the workspace database server did not answer in time: check the host and port")),
}


def error_message(exc: BaseException) -> str:
    """Plain words for ``exc``: a user-fixable error as is, a bug with its type.

    Database errors (a damaged or read-only workspace, another writer, a
    server that does not answer) are said in the UI language.
    """
    if isinstance(exc, DBAPIError | sqlite3.Error):
        exc = plain_database_error(exc)
    code = getattr(exc, "code", "")
    if isinstance(exc, WorkspaceError) and code in _WORKSPACE_TEXTS:
        text = QCoreApplication.translate("WorkspaceErrors", _WORKSPACE_TEXTS[code])
        detail = str(exc).partition(": ")[2] if code == "not_a_workspace" else ""
        return f"{text}: {detail}" if detail else text
    if isinstance(exc, KonvertError):
        return localized(str(exc))
    text = str(exc) or type(exc).__name__
    return QCoreApplication.translate("Task", "Unexpected error: {0}").format(text)


def show_workspace_problem(parent: QWidget, exc: BaseException) -> QMessageBox:
    """A window-modal dialog (it does not block) saying a workspace problem in plain words."""
    reason = error_message(exc)
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("WorkspaceErrors", "Konvert"),
                      reason[:1].upper() + reason[1:], QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("workspaceProblem")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def warning_text(warning: RowError, lang: str) -> str:
    """One import warning for a table: the column and the reason, in ``lang``."""
    return QCoreApplication.translate("ImportWarnings", "Warning, column “{0}”: {1}").format(
        warning.column, reason_text(warning, lang))


def warnings_caption(with_errors: bool) -> str:
    """The caption above the import result's table when some values were left out."""
    if with_errors:
        return QCoreApplication.translate(
            "ImportWarnings", "Rejected rows, and values left out of imported rows "
            "(line numbers as in the file; line 1 is the header):")
    return QCoreApplication.translate(
        "ImportWarnings", "Every row was imported; these values were left out "
        "(line numbers as in the file; line 1 is the header):")


def show_error(owner: QObject | None, exc: BaseException) -> None:
    """Show ``exc`` in the window of ``owner`` if it can (``show_error``), else log it.

    This is the default failure handler of every :class:`Task`.
    """
    if isinstance(exc, DBAPIError | sqlite3.Error):
        plain = plain_database_error(exc)
        if plain.code:
            exc = plain
    if not isinstance(exc, KonvertError):
        log.error("task failed", exc_info=exc)
    window: Any = None
    if owner is not None and shiboken6.isValid(owner):
        window = owner.window() if hasattr(owner, "window") else owner
    if getattr(exc, "code", "") in _WORKSPACE_TEXTS and isinstance(window, QWidget):
        # The workspace itself is the problem (read-only, busy, damaged, no
        # answer): worth a dialog, not a passing status-bar line.
        show_workspace_problem(window, exc)
        return
    handler = getattr(window, "show_error", None)
    if callable(handler):
        handler(error_message(exc))
    else:
        log.warning("%s", error_message(exc))


class _Relay(QObject):
    """Lives on the GUI thread; worker-thread emits arrive at its slots queued.

    The slots are methods of this QObject on purpose: a signal connected to a
    plain Python callable has no receiver thread and could run in the worker.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, task: Task[Any]) -> None:
        super().__init__()
        self._task = task
        self.succeeded.connect(self._on_self_succeeded)
        self.failed.connect(self._on_self_failed)
        self.progressed.connect(self._on_self_progressed)

    @Slot(object)
    def _on_self_succeeded(self, result: Any) -> None:
        self._task._deliver_success(result)

    @Slot(object)
    def _on_self_failed(self, exc: Any) -> None:
        self._task._deliver_failure(exc)

    @Slot(int, int)
    def _on_self_progressed(self, done: int, total: int) -> None:
        self._task._deliver_progress(done, total)


class _Runnable(QRunnable):
    def __init__(self, task: Task[Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task

    def run(self) -> None:
        self._task._run_in_worker()


class Task(Generic[T]):
    """A plain function run on a thread pool, its outcome delivered on the GUI thread.

    Args:
        fn: the function; must not touch widgets. Returns plain data.
        *args: positional arguments for ``fn``.
        **kwargs: keyword arguments for ``fn``.

    Build with the ``on_*``/``with_*`` methods (each returns the task), then
    :meth:`start`. A task runs once.
    """

    def __init__(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> None:
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._finished: Callable[[], None] | None = None
        self._progress: Callable[[int, int], None] | None = None
        self._cancel_event = threading.Event()
        self._pass_cancelled = False
        self._owner: QObject | None = None
        self._counter: RequestCounter | None = None
        self._token = 0
        self._relay: _Relay | None = None
        self._last_progress = 0.0
        self._done = threading.Event()

    # -- building ---------------------------------------------------------

    def on_success(self, callback: Callable[[T], None]) -> Task[T]:
        """Call ``callback(result)`` on the GUI thread when ``fn`` returns."""
        self._success = callback
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> Task[T]:
        """Call ``callback(exc)`` on the GUI thread when ``fn`` raises.

        Without it, :func:`show_error` shows the error via the owner's window.
        """
        self._failure = callback
        return self

    def on_finished(self, callback: Callable[[], None]) -> Task[T]:
        """Call ``callback()`` after success or failure (not for dropped stale results)."""
        self._finished = callback
        return self

    def with_progress(self, callback: Callable[[int, int], None]) -> Task[T]:
        """Pass ``progress=`` to ``fn``; calls reach ``callback(done, total)`` on the GUI thread.

        Calls are throttled to one per :data:`PROGRESS_INTERVAL_S`, but a
        call with ``done >= total`` always gets through.
        """
        self._progress = callback
        return self

    def cancellable(self) -> Task[T]:
        """Pass ``cancelled=`` to ``fn``: a callable true once :meth:`cancel` was called."""
        self._pass_cancelled = True
        return self

    def owned_by(self, owner: QObject) -> Task[T]:
        """Deliver nothing once ``owner`` is destroyed; show errors in its window."""
        self._owner = owner
        return self

    def drop_if_stale(self, counter: RequestCounter) -> Task[T]:
        """Take a token from ``counter`` now; drop the outcome if a newer one was taken."""
        self._counter = counter
        self._token = counter.next()
        return self

    # -- running ----------------------------------------------------------

    def start(self, pool: QThreadPool) -> Task[T]:
        """Queue the task on ``pool``. Must be called on the GUI thread."""
        if self._relay is not None:
            raise RuntimeError("a Task runs once")
        self._relay = _Relay(self)
        _running.add(self)
        pool.start(_Runnable(self))
        return self

    def cancel(self) -> None:
        """Ask ``fn`` to stop (it sees ``cancelled()`` become true). Thread-safe."""
        self._cancel_event.set()

    def is_cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._cancel_event.is_set()

    def is_done(self) -> bool:
        """Whether ``fn`` has returned or raised (its outcome may still be queued)."""
        return self._done.is_set()

    # -- worker side --------------------------------------------------------

    def _run_in_worker(self) -> None:
        relay = self._relay
        assert relay is not None
        kwargs = dict(self._kwargs)
        if self._progress is not None:
            kwargs["progress"] = self._report_progress
        if self._pass_cancelled:
            kwargs["cancelled"] = self._cancel_event.is_set
        try:
            result = self._fn(*self._args, **kwargs)
        except BaseException as exc:  # delivered to the GUI thread
            self._done.set()
            relay.failed.emit(exc)
        else:
            self._done.set()
            relay.succeeded.emit(result)

    def _report_progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        assert self._relay is not None
        self._relay.progressed.emit(int(done), int(total))

    # -- GUI side -----------------------------------------------------------

    def _should_deliver(self) -> bool:
        if self._owner is not None and not shiboken6.isValid(self._owner):
            return False
        return self._counter is None or self._counter.is_current(self._token)

    def _deliver_success(self, result: Any) -> None:
        try:
            if self._should_deliver():
                if self._success is not None:
                    self._success(result)
                if self._finished is not None:
                    self._finished()
        finally:
            self._release()

    def _deliver_failure(self, exc: Any) -> None:
        try:
            if self._should_deliver():
                if self._failure is not None:
                    self._failure(exc)
                else:
                    show_error(self._owner, exc)
                if self._finished is not None:
                    self._finished()
        finally:
            self._release()

    def _deliver_progress(self, done: int, total: int) -> None:
        if self._progress is not None and self._should_deliver():
            self._progress(done, total)

    def _release(self) -> None:
        _running.discard(self)
        if self._relay is not None:
            self._relay.deleteLater()


class RequestCounter:
    """Hands out increasing tokens; only the newest token is current.

    Take a token when a request starts; when its result arrives, ignore it
    unless :meth:`is_current`. Used on the GUI thread only.
    """

    def __init__(self) -> None:
        self._latest = 0

    def next(self) -> int:
        """A new token, making every older one stale."""
        self._latest += 1
        return self._latest

    def invalidate(self) -> None:
        """Make every token handed out so far stale."""
        self._latest += 1

    def is_current(self, token: int) -> bool:
        """Whether ``token`` is the newest one."""
        return token == self._latest

    @property
    def latest(self) -> int:
        """The newest token handed out."""
        return self._latest


class Debouncer(QObject):
    """Calls ``callback`` once, ``delay_ms`` after the last :meth:`trigger`.

    A single-shot QTimer owned by ``parent``: typing ``м-о-с-к-в-а`` runs one
    search, not six.
    """

    def __init__(self, delay_ms: int, callback: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    def trigger(self) -> None:
        """(Re)start the countdown."""
        self._timer.start()

    def flush(self) -> None:
        """Run the callback now if a call is pending."""
        if self._timer.isActive():
            self._timer.stop()
            self._callback()

    def cancel(self) -> None:
        """Forget a pending call."""
        self._timer.stop()

    def is_pending(self) -> bool:
        """Whether a call is waiting for its delay."""
        return self._timer.isActive()

    def _on_timer_timeout(self) -> None:
        self._callback()


@dataclass
class Pools:
    """The application's thread pools: many readers, one writer.

    ``read`` runs queries (counts, blocks of rows, previews); ``write`` has a
    single thread so that writes (imports, demo generation) never overlap.
    """

    read: QThreadPool
    write: QThreadPool

    @classmethod
    def create(cls, parent: QObject, readers: int = 4) -> Pools:
        """New pools owned by ``parent``."""
        read = QThreadPool(parent)
        read.setMaxThreadCount(readers)
        write = QThreadPool(parent)
        write.setMaxThreadCount(1)
        return cls(read=read, write=write)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for all queued work (for shutdown and tests)."""
        return self.read.waitForDone(msecs) and self.write.waitForDone(msecs)
