"""The task runner: results and errors come back on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from ui.tasks import Debouncer, Pools, RequestCounter, Task
from workspace.errors import KonvertError

pytestmark = pytest.mark.gui


def _gui_thread() -> QThread:
    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_result_arrives_on_gui_thread(qtbot: QtBot, pools: Pools) -> None:
    worker_threads: list[int] = []
    seen: list[tuple[int, bool]] = []

    def work(a: int, b: int) -> int:
        worker_threads.append(threading.get_ident())
        return a + b

    Task(work, 2, b=3).on_success(
        lambda value: seen.append((value, QThread.currentThread() is _gui_thread()))
    ).start(pools.read)
    qtbot.wait_until(lambda: bool(seen))
    assert seen == [(5, True)]
    assert worker_threads and worker_threads[0] != threading.get_ident()


def test_failure_goes_to_handler(qtbot: QtBot, pools: Pools) -> None:
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("nope")

    Task(boom).on_failure(errors.append).start(pools.read)
    qtbot.wait_until(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)


def test_default_failure_shows_error_in_owner_window(qtbot: QtBot, pools: Pools) -> None:
    class Window(QMainWindow):
        def __init__(self) -> None:
            super().__init__()
            self.errors: list[str] = []

        def show_error(self, message: str) -> None:
            self.errors.append(message)

    window = Window()
    qtbot.add_widget(window)
    child = QWidget(window)

    def fail() -> None:
        raise KonvertError("file is not readable")

    Task(fail).owned_by(child).start(pools.read)
    qtbot.wait_until(lambda: bool(window.errors))
    assert window.errors == ["file is not readable"]


def test_progress_and_cancel(qtbot: QtBot, pools: Pools) -> None:
    progress: list[tuple[int, int]] = []
    outcome: list[str] = []
    started = threading.Event()
    release = threading.Event()

    def loop(*, progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> str:
        progress(1, 10)
        started.set()
        release.wait(5)
        if cancelled():
            return "cancelled"
        progress(10, 10)
        return "done"

    task = (
        Task(loop)
        .with_progress(lambda done, total: progress.append((done, total)))
        .cancellable()
        .on_success(outcome.append)
        .start(pools.write)
    )
    assert started.wait(5)
    task.cancel()
    release.set()
    qtbot.wait_until(lambda: bool(outcome))
    assert outcome == ["cancelled"]
    assert progress == [(1, 10)]
    assert task.is_cancelled() and task.is_done()


def test_stale_results_are_dropped(qtbot: QtBot, pools: Pools) -> None:
    counter = RequestCounter()
    delivered: list[str] = []
    finished: list[str] = []
    gate = threading.Event()

    def slow(name: str) -> str:
        gate.wait(5)
        return name

    Task(slow, "old").drop_if_stale(counter).on_success(delivered.append).on_finished(
        lambda: finished.append("old")
    ).start(pools.read)
    Task(slow, "new").drop_if_stale(counter).on_success(delivered.append).on_finished(
        lambda: finished.append("new")
    ).start(pools.read)
    gate.set()
    qtbot.wait_until(lambda: delivered == ["new"])
    pools.wait()
    QApplication.processEvents()
    assert delivered == ["new"]
    assert finished == ["new"]


def test_nothing_delivered_to_destroyed_owner(qtbot: QtBot, pools: Pools) -> None:
    owner = QWidget()
    delivered: list[int] = []
    gate = threading.Event()

    def work() -> int:
        gate.wait(5)
        return 1

    Task(work).owned_by(owner).on_success(delivered.append).start(pools.read)
    owner.deleteLater()
    qtbot.wait_until(lambda: not _is_valid(owner))
    gate.set()
    pools.wait()
    QApplication.processEvents()
    assert delivered == []


def _is_valid(obj: QWidget) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_debouncer_runs_once_after_the_last_trigger(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.add_widget(parent)
    calls: list[int] = []
    debouncer = Debouncer(30, lambda: calls.append(1), parent)
    for _ in range(5):
        debouncer.trigger()
    assert debouncer.is_pending()
    qtbot.wait_until(lambda: calls == [1])
    qtbot.wait(60)
    assert calls == [1]
    debouncer.trigger()
    debouncer.flush()
    assert calls == [1, 1]
    assert not debouncer.is_pending()
