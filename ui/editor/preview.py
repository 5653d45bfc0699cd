"""The live preview: QtWebEngine views of the email, desktop and mobile, three colour modes.

Safety: the email's own scripts never run (``JavascriptEnabled`` is off, and
the preview copy has its scripts stripped) and the view never navigates: a
link click, in this page or in a new window (``target="_blank"``, which MJML
puts on buttons), is handed to the system browser. The only network requests
the preview makes are image GETs over http/https (:class:`ImagesOnlyInterceptor`):
web fonts, stylesheets (``mj-font``, ``@import``), frames, objects, media and
favicons are blocked, and the preview copy has its ``<link>`` tags removed
(see :func:`~ui.editor.preview_html.strip_links`).

Repaint strategy (decided after measuring, see ``benchmarks/preview_latency.py``):
the first HTML is loaded with ``setHtml`` and a base URL; every later
version replaces the document in place from Qt's *application world*
(``document.open/write/close`` run with ``runJavaScript(...,
ApplicationWorld)``, which works while page JavaScript is disabled) and
restores the scroll offset in the same call. No navigation happens, so the
scroll position is kept with no flicker, and a repaint takes about a third
of a ``setHtml`` reload.

"Painted" means what is on screen changed: the view grabs itself before a
new document goes in, then polls (every :data:`PAINT_POLL_MS`) until its
pixels differ. Paint events alone are not enough: measured offscreen, the
render widget paints several times with the previous frame before
Chromium's new frame arrives. An update that changes nothing visible (an
edit below the fold), or a hidden view, counts as painted after
:data:`PAINT_FALLBACK_MS`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QResizeEvent
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

BASE_URL = QUrl("https://preview.konvert.invalid/")
"""Base URL of the preview document (relative links resolve to nowhere, on purpose)."""

PAINT_FALLBACK_MS = 600
"""A view that gets no paint (hidden) reports itself painted after this long."""
PAINT_POLL_MS = 8
"""How often a view looks whether its new document is on screen yet."""

LOCAL_SCHEMES = frozenset({"data", "blob", "about"})
"""Schemes the preview loads anything from (never the network)."""
IMAGE_SCHEMES = frozenset({"http", "https"})
"""Schemes the preview loads images from (GET only); nothing else goes out."""

UrlOpener = Callable[[QUrl], object]


class ImagesOnlyInterceptor(QWebEngineUrlRequestInterceptor):
    """Lets the preview load images over http/https GET and nothing else from outside.

    ``blocked`` lists the URLs refused (for tests and the log).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        """Qt override: block every request that is not local or an image GET."""
        url = info.requestUrl()
        scheme = url.scheme().lower()
        if scheme in LOCAL_SCHEMES:
            return
        image = info.resourceType() == QWebEngineUrlRequestInfo.ResourceType.ResourceTypeImage
        if scheme in IMAGE_SCHEMES and image and bytes(info.requestMethod().data()) == b"GET":
            return
        info.block(True)
        self.blocked.append(url.toString())
        log.debug("preview blocked %s", url.toString())


def _open_in_browser(url: QUrl) -> object:
    return QDesktopServices.openUrl(url)


class _NewWindowCatcher(QWebEnginePage):
    """The page a ``target=_blank`` click would open: it hands the URL over and stays empty."""

    def __init__(self, owner: PreviewPage) -> None:
        super().__init__(owner)
        self._owner = owner

    def acceptNavigationRequest(
        self, url: QUrl | str, type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        self._owner.hand_over(QUrl(url))
        self.deleteLater()
        return False


class PreviewPage(QWebEnginePage):
    """A web page that shows an email and refuses to go anywhere else.

    Args:
        open_url: where clicked links go (default: the system browser).

    Signals:
        link_clicked(QUrl): a link was clicked and handed to ``open_url``.
    """

    link_clicked = Signal(QUrl)

    def __init__(self, parent: QObject | None = None, open_url: UrlOpener | None = None) -> None:
        super().__init__(parent)
        self._open_url = open_url or _open_in_browser
        self.loading_own_html = False
        settings = self.settings()
        attr = QWebEngineSettings.WebAttribute
        settings.setAttribute(attr.JavascriptEnabled, False)
        settings.setAttribute(attr.JavascriptCanOpenWindows, False)
        settings.setAttribute(attr.PluginsEnabled, False)
        settings.setAttribute(attr.LocalContentCanAccessFileUrls, False)
        settings.setAttribute(attr.AutoLoadImages, True)
        self.request_filter = ImagesOnlyInterceptor(self)
        self.setUrlRequestInterceptor(self.request_filter)

    def hand_over(self, url: QUrl) -> None:
        """Open ``url`` outside the app (system browser or mail client)."""
        if url.isValid() and url.scheme() in ("http", "https", "mailto", "tel"):
            self._open_url(url)
            self.link_clicked.emit(url)

    def acceptNavigationRequest(
        self, url: QUrl | str, type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        link = QWebEnginePage.NavigationType.NavigationTypeLinkClicked
        if type != link and self.loading_own_html and is_main_frame and url.scheme() == "data":
            return True  # our own setHtml
        if type == link:
            self.hand_over(url)
        return False

    def createWindow(self, type: QWebEnginePage.WebWindowType) -> QWebEnginePage:
        return _NewWindowCatcher(self)


class PreviewView(QWebEngineView):
    """One preview viewport (desktop or a phone width).

    Args:
        phone_width: fixed viewport width in px for a phone (no scroll bar
            takes from it), or None for a view that fills its space.
        fit_width: for a view that fills its space: zoom out when it is
            narrower than this many CSS px, so the whole email width shows.
        open_url: where clicked links go.

    Signals:
        painted(): the last HTML given to :meth:`show_html` is on screen.
    """

    painted = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        phone_width: int | None = None,
        fit_width: int | None = None,
        open_url: UrlOpener | None = None,
    ) -> None:
        super().__init__(parent)
        self._fit_width = fit_width
        self._zoom = 1.0
        self.preview_page = PreviewPage(self, open_url)
        self.setPage(self.preview_page)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)
        if phone_width is not None:
            self.preview_page.settings().setAttribute(
                QWebEngineSettings.WebAttribute.ShowScrollBars, False)
            self.set_phone_width(phone_width)
        self.html = ""
        self._loaded = False
        self._loading = False
        self._pending: str | None = None
        self._awaiting_paint = False
        self._before: QImage | None = None
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(PAINT_FALLBACK_MS)
        self._fallback.timeout.connect(self._on_fallback_timeout)
        self._poll = QTimer(self)
        self._poll.setInterval(PAINT_POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)
        self.loadFinished.connect(self._on_self_load_finished)
        self.preview_page.renderProcessTerminated.connect(self._on_page_render_process_terminated)

    def set_phone_width(self, width: int, zoom: float = 1.0) -> None:
        """Make the viewport exactly ``width`` CSS px wide (a phone), drawn at ``zoom``."""
        self.setFixedWidth(round(width * zoom))
        self._zoom = zoom
        self.setZoomFactor(zoom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_width:
            self._zoom = max(0.25, min(1.0, self.width() / self._fit_width))
            self.setZoomFactor(self._zoom)

    def show_html(self, html: str) -> None:
        """Show ``html`` (already the preview copy), keeping the scroll position."""
        if not self._awaiting_paint:
            # What is on screen now; "painted" is when it has changed.
            self._before = self._snapshot()
        self.html = html
        self._awaiting_paint = True
        self._poll.stop()
        self._fallback.stop()
        if self._loading:
            self._pending = html
            return
        if not self._loaded:
            self._loading = True
            self.preview_page.loading_own_html = True
            self.setHtml(html, BASE_URL)
            return
        script = (
            "(function(){var x=window.scrollX,y=window.scrollY;document.open();"
            f"document.write({json.dumps(html)});document.close();window.scrollTo(x,y);"
            "return window.scrollY;})()"
        )
        self.preview_page.runJavaScript(
            script, QWebEngineScript.ScriptWorldId.ApplicationWorld, self._on_document_written
        )

    def scroll_y(self) -> float:
        """The vertical scroll offset of the document, in CSS px."""
        return float(self.preview_page.scrollPosition().y())

    def is_painted(self) -> bool:
        """Whether the last HTML given is on screen."""
        return bool(self.html) and not self._awaiting_paint

    # -- internals -------------------------------------------------------------

    def _snapshot(self) -> QImage | None:
        if not self.isVisible() or self.width() <= 0 or self.height() <= 0:
            return None
        return self.grab().toImage()

    def _start_watching(self) -> None:
        if not self._awaiting_paint:
            return
        self._fallback.start()
        if self.isVisible():
            self._poll.start()

    def _finish(self) -> None:
        self._poll.stop()
        self._fallback.stop()
        self._before = None
        if self._awaiting_paint:
            self._awaiting_paint = False
            self.painted.emit()

    def _on_poll_timeout(self) -> None:
        if not self._awaiting_paint or self._loading:
            self._poll.stop()
            return
        now = self._snapshot()
        if now is None or self._before is None or now != self._before:
            self._finish()

    def _on_self_load_finished(self, ok: bool) -> None:
        self._loading = False
        self.preview_page.loading_own_html = False
        self._loaded = ok
        self.setZoomFactor(self._zoom)  # a load resets it
        if not ok:
            log.warning("preview load failed")
        pending, self._pending = self._pending, None
        if pending is not None:
            self.show_html(pending)
        else:
            self._start_watching()

    def _on_document_written(self, _result: object) -> None:
        self._start_watching()

    def _on_fallback_timeout(self) -> None:
        if not self._loading:
            self._finish()

    def _on_page_render_process_terminated(self, *_args: object) -> None:
        # Start over with setHtml next time: the document is gone.
        self._loaded = False
        self._loading = False
