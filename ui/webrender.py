"""Screenshots and PDF of local HTML with Qt WebEngine, offscreen and offline.

:class:`WebShooter` implements :class:`previews.shots.Shooter` for the review
bundle with the same engine the app previews emails with:

- JavaScript is off for the pages (emails carry none worth running). The
  page height is measured by a script in Qt's isolated *application world*,
  which runs even with page scripts off.
- A request interceptor lets only ``file:``, ``data:``, ``blob:`` and
  ``about:`` through, so nothing touches the network: remote images show
  as their alt text.
- A full-page screenshot: lay the page out at the width, measure its height,
  resize the view to it, wait until the renderer has the new viewport and
  its frames have settled, then ``grab()`` the view.

The shooter lives on the GUI thread. Called from a worker thread (the
bundle runs off the GUI thread in the app), it hands each job to the GUI
thread and blocks the worker until it is done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMarginsF,
    QObject,
    QRect,
    Qt,
    QThread,
    QTimer,
    QUrl,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from previews.errors import ShotError

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"file", "data", "blob", "about"})
"""URL schemes a shot may load; everything else is blocked."""
MAX_HEIGHT = 16000
"""Taller pages are cut here (the compositor's texture limit is near 16384 px)."""
POLL_MS = 25
"""How often the view is checked for a new frame."""
SETTLE_LIMIT_MS = 30000
"""A page not drawn in this long is an error (a slow machine draws a tall page in ~3 s)."""
MARK_COLOUR = "#01fe7b"
"""Colour of the corner marks that tell a drawn frame is current (not in any email)."""

_MEASURE_JS = (
    "Math.ceil(Math.max(document.documentElement.scrollHeight,"
    " document.body ? document.body.scrollHeight : 0))"
)


_MARK_JS = """(function () {
  var marks = [[0, 0], [%(w)d - 1, %(h)d - 1]];
  marks.forEach(function (xy, i) {
    var m = document.createElement('div');
    m.className = '__konvert_mark';
    m.style.cssText = 'position:absolute;margin:0;padding:0;border:0;width:1px;height:1px;' +
      'z-index:2147483647;background:%(c)s;left:' + xy[0] + 'px;top:' + xy[1] + 'px';
    document.documentElement.appendChild(m);
  });
  return true;
})()"""
_UNMARK_JS = """document.querySelectorAll('.__konvert_mark').forEach(function (m) { m.remove(); });
true"""


class LocalOnlyInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request that is not local (``file:``, ``data:``...); counts them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        """Qt override: block non-local requests."""
        url = info.requestUrl()
        if url.scheme().lower() not in ALLOWED_SCHEMES:
            info.block(True)
            self.blocked.append(url.toString())


class WebShooter(QObject):
    """A :class:`previews.shots.Shooter` drawing with Qt WebEngine, offscreen, offline.

    Needs a QApplication (Qt WebEngine imported before it was made). Call
    :meth:`close` when done (or use it as a context manager) so the page is
    released before its profile.
    """

    _job_requested = Signal(object)

    def __init__(self, parent: QObject | None = None, *, timeout_ms: int = 30000) -> None:
        super().__init__(parent)
        self.timeout_ms = timeout_ms
        # Off the record: no cache or cookies on disk, nothing shared with the app.
        self._profile = QWebEngineProfile(self)
        self.interceptor = LocalOnlyInterceptor(self)
        self._profile.setUrlRequestInterceptor(self.interceptor)
        self._view = QWebEngineView()
        self._page = QWebEnginePage(self._profile, self._view)
        settings = self._page.settings()
        web = QWebEngineSettings.WebAttribute
        settings.setAttribute(web.JavascriptEnabled, False)
        settings.setAttribute(web.ShowScrollBars, False)
        settings.setAttribute(web.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(web.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(web.PluginsEnabled, False)
        self._view.setPage(self._page)
        self._view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self._view.resize(600, 64)
        self._view.show()
        self._job_requested.connect(self._on_job_requested,
                                    Qt.ConnectionType.BlockingQueuedConnection)

    # -- the Shooter protocol -------------------------------------------------

    def screenshot(self, html_path: Path, width: int, out_png: Path) -> None:
        """Write a PNG of the whole page ``html_path`` laid out ``width`` px wide."""
        self._run(self._screenshot, html_path, width, out_png)

    def pdf(self, html_path: Path, out_pdf: Path) -> None:
        """Print ``html_path`` (print media, A4 portrait) to ``out_pdf``."""
        self._run(self._pdf, html_path, out_pdf)

    # -- lifetime -------------------------------------------------------------

    def close(self) -> None:
        """Release the page, then the profile (the other order makes Qt complain)."""
        if shiboken6.isValid(self._view):
            self._view.close()
            shiboken6.delete(self._view)  # deletes the page, its child
        if shiboken6.isValid(self._profile):
            shiboken6.delete(self._profile)

    def __enter__(self) -> WebShooter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- threading ------------------------------------------------------------

    def _run(self, fn: Callable[..., None], *args: Any) -> None:
        if QThread.currentThread() is self.thread():
            fn(*args)
            return
        job: dict[str, Any] = {"fn": fn, "args": args}
        self._job_requested.emit(job)  # blocks until the GUI thread has run it
        error = job.get("error")
        if isinstance(error, BaseException):
            raise error

    @Slot(object)
    def _on_job_requested(self, job: dict[str, Any]) -> None:
        try:
            job["fn"](*job["args"])
        except BaseException as exc:  # handed back to the calling thread
            job["error"] = exc

    # -- the work (GUI thread) ------------------------------------------------

    def _wait(self, signal: SignalInstance, start: Callable[[], object], what: str,
              timeout_ms: int | None = None) -> tuple[Any, ...]:
        """Call ``start`` and run the event loop until ``signal`` fires; its arguments."""
        loop = QEventLoop()
        got: list[tuple[Any, ...]] = []

        def fired(*args: Any) -> None:
            got.append(args)
            loop.quit()

        signal.connect(fired)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        try:
            start()
            if not got:
                timer.start(timeout_ms or self.timeout_ms)
                loop.exec()
        finally:
            timer.stop()
            signal.disconnect(fired)
        if not got:
            raise ShotError(f"{what} did not finish in {(timeout_ms or self.timeout_ms) // 1000} s")
        return got[0]

    def _js(self, script: str) -> Any:
        holder = _Result()

        def start() -> None:
            self._page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld,
                                     holder.set)

        self._wait(holder.done, start, "measuring the page")
        return holder.value

    def _load(self, html_path: Path) -> None:
        if not html_path.is_file():
            raise ShotError(f"no such page: {html_path}")
        url = QUrl.fromLocalFile(str(html_path.resolve()))
        (ok,) = self._wait(self._page.loadFinished, lambda: self._page.load(url),
                           f"loading {html_path.name}")
        if not ok:
            raise ShotError(f"the page {html_path} could not be loaded")

    def _screenshot(self, html_path: Path, width: int, out_png: Path) -> None:
        if width < 1:
            raise ShotError(f"screenshot width must be positive, not {width}")
        self._view.resize(width, 64)  # short viewport: scrollHeight is the content's
        self._load(html_path)
        height = int(self._js(_MEASURE_JS) or 0)
        if height > MAX_HEIGHT:
            log.warning("%s is %d px tall; the screenshot stops at %d", html_path, height,
                        MAX_HEIGHT)
        height = max(1, min(height, MAX_HEIGHT))
        self._view.resize(width, height)
        self._wait_viewport(width, height)
        # The engine paints a resized page over several frames; grab only once a
        # frame shows our corner marks (so it is at the new size, with the latest
        # DOM) and then one without them (the page as it is).
        self._js(_MARK_JS % {"w": width, "h": height, "c": MARK_COLOUR})
        self._wait_marks(width, height, present=True)
        self._js(_UNMARK_JS)
        self._wait_marks(width, height, present=False)
        image = self._view.grab()
        if image.width() != width or image.height() != height:
            raise ShotError(f"the screenshot of {html_path.name} came out "
                            f"{image.width()}x{image.height()}, not {width}x{height}")
        out_png.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out_png), "PNG"):
            raise ShotError(f"cannot write {out_png}")

    def _marks_shown(self, width: int, height: int) -> tuple[bool, bool]:
        corners = ((0, 0), (width - 1, height - 1))
        colours = [self._view.grab(QRect(x, y, 1, 1)).toImage().pixelColor(0, 0)
                   for x, y in corners]
        return (all(c.name() == MARK_COLOUR for c in colours),
                any(c.name() == MARK_COLOUR for c in colours))

    def _wait_marks(self, width: int, height: int, *, present: bool) -> None:
        waited = 0
        while waited < SETTLE_LIMIT_MS:
            every, some = self._marks_shown(width, height)
            if (present and every) or (not present and not some):
                return
            pause = QEventLoop()
            QTimer.singleShot(POLL_MS, pause.quit)
            pause.exec()
            waited += POLL_MS
        raise ShotError(f"the page was not drawn in {SETTLE_LIMIT_MS // 1000} s")

    def _wait_viewport(self, width: int, height: int) -> None:
        """Until the renderer lays out at the new size (the resize reaches it later)."""
        want = f"{width}x{height}"
        for _ in range(100):
            if self._js("innerWidth + 'x' + innerHeight") == want:
                return
            pause = QEventLoop()
            QTimer.singleShot(10, pause.quit)
            pause.exec()
        raise ShotError(f"the page did not take the size {want}")

    def _pdf(self, html_path: Path, out_pdf: Path) -> None:
        self._view.resize(1024, 768)
        self._load(html_path)
        layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                             QMarginsF(12, 14, 12, 14), QPageLayout.Unit.Millimeter)
        out_pdf.parent.mkdir(parents=True, exist_ok=True)
        _path, ok = self._wait(self._page.pdfPrintingFinished,
                              lambda: self._page.printToPdf(str(out_pdf), layout),
                              f"printing {html_path.name}", timeout_ms=self.timeout_ms * 4)
        if not ok or not out_pdf.is_file():
            raise ShotError(f"the PDF {out_pdf} could not be written")


class _Result(QObject):
    """Carries a ``runJavaScript`` result into a signal the event loop can wait on."""

    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.value: Any = None

    def set(self, value: Any) -> None:
        self.value = value
        self.done.emit()


def ensure_application() -> QCoreApplication:
    """The running QApplication, or an offscreen one made for a command-line run."""
    from ui.app import create_application

    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    return create_application(offscreen=True)
