"""One quiet line under the live preview when web pictures could not be loaded.

The demo shop's pictures are shown from files shipped with Konvert (the
preview copy carries them as ``data:`` URLs, see
:func:`previews.images.inline_demo_images`); any other picture comes from
the web. Offline, those show as alt text, and this line says so: "8 images
could not be loaded: offline?".

After a view has painted, a script in Qt's application world (which runs
while the page's own JavaScript is off) counts the ``http(s)`` pictures that
finished without an image, every :data:`POLL_MS` until none is still
loading (or :data:`GIVE_UP_MS` passed).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QLabel, QWidget

from ui.editor.preview import PreviewView
from ui.style import named

POLL_MS = 300
"""How often the pictures are counted while some are still loading."""
GIVE_UP_MS = 20000
"""Stop counting after this long (a very slow network: say nothing of those still loading)."""

COUNT_JS = """(function () {
  var failed = {}, pending = 0, images = document.images;
  for (var i = 0; i < images.length; i++) {
    var image = images[i], src = image.currentSrc || image.src || '';
    if (!/^https?:/i.test(src)) continue;
    if (!image.complete) { pending++; continue; }
    if (image.naturalWidth === 0) failed[src] = true;
  }
  return Object.keys(failed).length + ',' + pending;
})()"""
"""``"failed,pending"``: distinct web pictures that failed, pictures still loading."""


class ImageLoadStatus(QLabel):
    """"N images could not be loaded: offline?" for the preview views it watches.

    Hidden while every picture loaded. ``failed`` is the count shown (the
    largest of the visible views', which show the same email).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "hint")
        self.setWordWrap(True)
        self.failed = 0
        self._counts: dict[PreviewView, int] = {}
        self._views: list[PreviewView] = []
        self._waited: dict[PreviewView, int] = {}
        self._timers: dict[PreviewView, QTimer] = {}
        self.hide()

    def watch(self, view: PreviewView) -> None:
        """Count ``view``'s failed pictures after each paint."""
        self._views.append(view)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(POLL_MS)
        timer.timeout.connect(lambda v=view: self._count(v))
        self._timers[view] = timer
        view.painted.connect(lambda v=view: self._start(v))

    def _start(self, view: PreviewView) -> None:
        self._waited[view] = 0
        self._timers[view].stop()
        self._count(view)

    def _count(self, view: PreviewView) -> None:
        html = view.html

        def got(result: object) -> None:
            if view.html != html:
                return  # a newer document is on its way; its paint starts over
            failed, _, pending = str(result).partition(",")
            if not (failed.isdigit() and pending.isdigit()):
                return  # the page went away meanwhile
            self._counts[view] = int(failed)
            self._update()
            waited = self._waited.get(view, 0)
            if int(pending) > 0 and waited < GIVE_UP_MS:
                self._waited[view] = waited + POLL_MS
                self._timers[view].start()

        view.page().runJavaScript(COUNT_JS, QWebEngineScript.ScriptWorldId.ApplicationWorld,
                                  got)

    def _update(self) -> None:
        pane = self.parentWidget()
        visible = [self._counts.get(v, 0) for v in self._views
                   if pane is None or v.isVisibleTo(pane)]
        self.failed = max(visible, default=0)
        self._retranslate()
        self.setVisible(self.failed > 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setText(self.tr("%n image(s) could not be loaded: offline?", "", self.failed))
        self.setToolTip(self.tr(
            "Pictures from the web did not load here; the email keeps their addresses and "
            "recipients see them. The demo shop's pictures are always shown."))
