"""Running SQLite statements on a second thread while the caller prepares the next ones.

Python's ``sqlite3`` releases the GIL while SQLite executes a statement, so
a thread that runs the big INSERTs (one statement per batch, see
``writers._json_insert``) can overlap with the reading, validation and row
building of the next batches on the caller's thread. The connection is
handed over, never shared: while statements are queued only the writer
thread uses it, and :meth:`WritePipeline.sync` waits until it is idle
before the caller uses it again. The transaction stays the caller's, so
an error or a cancel still rolls the whole file back once the pipeline
is closed.

The queue is bounded, so at most ``depth`` prepared statements wait in
memory. An exception in the writer thread makes it skip the rest; the
caller gets the same exception object from the next :meth:`~WritePipeline.put`,
:meth:`~WritePipeline.sync` or :meth:`~WritePipeline.finish`.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

Statement = Callable[[], object]

_DONE = object()


class WritePipeline:
    """Runs every callable put, in order, on one writer thread.

    Use it as a context manager: leaving the block normally waits for the
    queued statements (:meth:`finish`); leaving it by an exception skips the
    ones not started yet (:meth:`abort`). Either way the thread has ended
    when the block is left, so the caller may use the connection again (to
    roll back, say).
    """

    def __init__(self, *, depth: int = 3) -> None:
        self._queue: queue.Queue[object] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="import-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _DONE:
                return
            if isinstance(item, threading.Event):
                item.set()
            elif self._error is None and not self._stop:
                try:
                    item()  # type: ignore[operator]
                except BaseException as exc:  # handed to the caller's thread
                    self._error = exc

    @property
    def stopping(self) -> bool:
        """True once :meth:`abort` was called: statements not started are skipped."""
        return self._stop

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    def put(self, statement: Statement) -> None:
        """Queue ``statement`` (waits while the queue is full); raises a writer error."""
        self._raise_error()
        self._queue.put(statement)

    def sync(self) -> None:
        """Wait until every queued statement has run; raise the writer's error if any."""
        idle = threading.Event()
        self._queue.put(idle)
        idle.wait()
        self._raise_error()

    def finish(self) -> None:
        """Run what is queued, end the thread; raise the writer's error if any."""
        self.sync()
        self._end()

    def abort(self) -> None:
        """Skip what is not started yet and end the thread."""
        self._stop = True
        self._end()

    def _end(self) -> None:
        if self._thread.is_alive():
            self._queue.put(_DONE)
            self._thread.join()

    def __enter__(self) -> WritePipeline:
        return self

    def __exit__(self, exc_type: object, *_rest: object) -> None:
        if exc_type is None:
            self.finish()
        else:
            self.abort()
