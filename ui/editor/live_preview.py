"""The live preview pane: render off the GUI thread, debounced, into desktop and phone views."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from composer.brand import BrandKit
from composer.budget import render_budget
from composer.errors import ComposerError, MjmlError, RenderBudgetError
from composer.model import Template
from composer.render import RenderResult, render_preview
from composer.words_ru import ru_message
from ui.editor.image_status import ImageLoadStatus
from ui.editor.preview import PreviewView, UrlOpener
from ui.editor.preview_html import COLOUR_MODES, preview_copy
from ui.language import current_language
from ui.retranslate import Retranslating
from ui.style import named
from ui.tasks import Debouncer, RequestCounter, Task, error_message

log = logging.getLogger(__name__)

RENDER_DEBOUNCE_MS = 25
"""Quiet time after a keystroke before the preview renders.

Short on purpose: a render takes 5-25 ms off the GUI thread and stale ones are
dropped, so the debounce only merges keys typed within one frame or two.
"""

PHONE_WIDTHS = (375, 320)
"""Phone viewport widths offered (iPhone-class and the narrowest common one)."""

LAYOUTS = ("both", "desktop", "mobile")

DESKTOP_FIT_WIDTH = 640
"""CSS px the desktop view shows at least (600 px email and its margins); zoomed out below."""
NARROW_PANE = 1000
"""Below this width, desktop and phone side by side draw the phone at 75 %."""


def render_for_preview(
    template: Template, context: Mapping[str, Any], brand: BrandKit, validation: str = "soft",
    cancelled: Callable[[], bool] | None = None,
) -> RenderResult:
    """Worker: the preview render (no CSS inlining) at an MJML validation level.

    Within the render budget, and stopped as soon as ``cancelled()`` is true:
    a template that loops for ever gives up its thread at the next edit.
    """
    with render_budget(cancelled=cancelled):
        return render_preview(template, context, brand=brand, validation=validation)


def error_line(exc: BaseException) -> int | None:
    """The template line an error points at, if any."""
    if isinstance(exc, MjmlError) and exc.issues:
        return exc.issues[0].line
    if isinstance(exc, ComposerError):
        return exc.line
    return None


class LivePreviewPane(Retranslating, QWidget):
    """Desktop (600 px email in a wide pane) and phone (375 or 320 px) previews.

    Call :meth:`request_render` after every change; rendering is debounced,
    runs on ``pool`` and stale results are dropped. A failed render keeps the
    last good preview and shows the error, with its line, above it.

    Signals:
        preview_updated(): a new render was accepted and sent to the views.
        preview_failed(str): a render failed; the message (last good preview kept).
        rendered(object): the :class:`RenderResult` accepted.
        painted(): every visible view has painted the last update.
        error_line_activated(int): the user clicked the error's line.
    """

    preview_updated = Signal()
    preview_failed = Signal(str)
    rendered = Signal(object)
    painted = Signal()
    error_line_activated = Signal(int)

    def __init__(
        self,
        pool: QThreadPool,
        parent: QWidget | None = None,
        *,
        open_url: UrlOpener | None = None,
        debounce_ms: int = RENDER_DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._counter = RequestCounter()
        self._debouncer = Debouncer(debounce_ms, self._render_now, self)
        self._job: tuple[Template, Mapping[str, Any], BrandKit] | None = None
        self._validation = "soft"
        self.last_good: RenderResult | None = None
        self.last_error: str = ""
        self.last_error_line: int | None = None
        self._error_line: int | None = None
        self._mode = "light"
        self._show_images = True
        self._layout_mode = "both"
        self._layout_chosen = False  # the layout follows the pane's width until picked
        self._unpainted: set[PreviewView] = set()
        self.render_started_at = 0.0
        self._task: Task[RenderResult] | None = None

        # Toolbar: layout, phone width, colour mode, images.
        self._layout_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        toolbar = QHBoxLayout()
        toolbar.setSpacing(6)
        for key in LAYOUTS:
            button = QPushButton()
            button.setCheckable(True)
            button.setChecked(key == self._layout_mode)
            button.clicked.connect(lambda _c=False, key=key: self.set_layout_mode(key))
            group.addButton(button)
            toolbar.addWidget(button)
            self._layout_buttons[key] = button
        self.phone_width = QComboBox()
        for width in PHONE_WIDTHS:
            self.phone_width.addItem(f"{width} px", width)
        self.phone_width.currentIndexChanged.connect(self._on_phone_width_current_index_changed)
        toolbar.addWidget(self.phone_width)
        toolbar.addStretch(1)
        # Images and colour mode go to the second row with the contact: one row
        # of all of them is wider than the pane on a 1280 px screen in Russian.
        self.images_off = QCheckBox()
        self.images_off.toggled.connect(self._on_images_off_toggled)
        self.colour_mode = QComboBox()
        for mode in COLOUR_MODES:
            self.colour_mode.addItem("", mode)
        self.colour_mode.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.colour_mode.setMinimumContentsLength(8)
        self.colour_mode.currentIndexChanged.connect(self._on_colour_mode_current_index_changed)
        self.extra_toolbar = QHBoxLayout()
        self.extra_toolbar.setSpacing(6)
        self.extra_toolbar.addWidget(self.images_off)
        self.extra_toolbar.addWidget(self.colour_mode)
        self.extra_toolbar.addSpacing(6)

        self._approximation = named(QLabel(), "hint")
        self._approximation.setWordWrap(True)

        self.error_banner = named(QPushButton(), "previewError")
        self.error_banner.setStyleSheet(
            "QPushButton#previewError{background:#fdecea;border:1px solid #f1b5ae;color:#8c1d18;"
            "text-align:left;padding:6px 10px;border-radius:6px}"
        )
        # Ignored: a long message must not widen the window; it is elided, whole in the tooltip.
        self.error_banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._error_text = ""
        self.error_banner.clicked.connect(self._on_error_banner_clicked)
        self.error_banner.hide()

        self.desktop = PreviewView(self, fit_width=DESKTOP_FIT_WIDTH, open_url=open_url)
        self.desktop.setMinimumWidth(180)  # fits 1280 px in Russian (tests/ui/test_fit_laptop.py)
        self.mobile = PreviewView(self, phone_width=PHONE_WIDTHS[0], open_url=open_url)
        self.mobile_frame = named(QFrame(), "phoneFrame")
        self.mobile_frame.setStyleSheet(
            "QFrame#phoneFrame{background:#1d2433;border-radius:18px}"
        )
        phone_layout = QVBoxLayout(self.mobile_frame)
        phone_layout.setContentsMargins(8, 18, 8, 18)
        phone_layout.addWidget(self.mobile)
        self._mobile_caption = named(QLabel(), "hint")
        self._mobile_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mobile_column = QVBoxLayout()
        mobile_column.setSpacing(4)
        mobile_column.setContentsMargins(0, 0, 0, 0)
        # Centred at its own width: the frame hugs the phone, however wide the column.
        mobile_column.addWidget(self.mobile_frame, 1, Qt.AlignmentFlag.AlignHCenter)
        mobile_column.addWidget(self._mobile_caption)
        self._mobile_column = QWidget()
        self._mobile_column.setLayout(mobile_column)
        self._desktop_caption = named(QLabel(), "hint")
        self._desktop_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._desktop_caption.setWordWrap(True)
        desktop_column = QVBoxLayout()
        desktop_column.setSpacing(4)
        desktop_column.setContentsMargins(0, 0, 0, 0)
        desktop_column.addWidget(self.desktop, 1)
        desktop_column.addWidget(self._desktop_caption)
        self._desktop_column = QWidget()
        self._desktop_column.setLayout(desktop_column)

        views = QHBoxLayout()
        views.setSpacing(12)
        views.addWidget(self._desktop_column, 1)
        views.addWidget(self._mobile_column, 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(toolbar)
        layout.addLayout(self.extra_toolbar)
        layout.addWidget(self._approximation)
        layout.addWidget(self.error_banner)
        layout.addLayout(views, 1)
        self.image_status = ImageLoadStatus(self)  # "8 images could not be loaded: offline?"
        layout.addWidget(self.image_status)

        for view in (self.desktop, self.mobile):
            view.painted.connect(self._on_view_painted)
            self.image_status.watch(view)
        self._apply_phone_size()  # narrow until the first resize says otherwise
        self._retranslate()

    # -- public API ------------------------------------------------------------

    def request_render(
        self, template: Template, context: Mapping[str, Any], brand: BrandKit
    ) -> None:
        """Render ``template`` for ``context`` after the debounce (drops older requests)."""
        self._job = (template, context, brand)
        self._counter.invalidate()  # a render already running is stale now
        if self._task is not None:
            self._task.cancel()  # and stops at its next budget check
        self._debouncer.trigger()

    def render_now(self) -> None:
        """Skip the debounce (e.g. when a template is opened)."""
        self._debouncer.cancel()
        self._render_now()

    def is_painted(self) -> bool:
        """Whether the last accepted render has been painted in every visible view."""
        return self.last_good is not None and not self._unpainted

    def mode(self) -> str:
        """The colour mode shown (see :data:`~ui.editor.preview_html.COLOUR_MODES`)."""
        return self._mode

    def set_mode(self, mode: str) -> None:
        """Show colour ``mode``."""
        self.colour_mode.setCurrentIndex(COLOUR_MODES.index(mode))

    def set_images_shown(self, shown: bool) -> None:
        """Images on, or off with alt texts instead."""
        self.images_off.setChecked(not shown)

    def set_layout_mode(self, key: str) -> None:
        """``both`` side by side, or only ``desktop`` or ``mobile`` (the user's choice, kept)."""
        self._layout_chosen = True
        self._set_layout(key)

    def _auto_layout(self) -> None:
        """Until the user picks a layout: side by side only where the desktop stays readable.

        On a 1280 px screen the pane is about 560 px: beside the phone the
        600 px email would be drawn at a third of its size, so the desktop
        view is shown alone (at ~90 %) and the phone is one click away.
        """
        if self._layout_chosen:
            return
        wanted = "both" if self.width() >= NARROW_PANE else "desktop"
        if wanted != self._layout_mode:
            self._set_layout(wanted)

    def _set_layout(self, key: str) -> None:
        self._layout_mode = key
        self._layout_buttons[key].setChecked(True)
        self._desktop_column.setVisible(key in ("both", "desktop"))
        self._mobile_column.setVisible(key in ("both", "mobile"))
        self._apply_phone_size()
        self._push_to_views()

    def set_validation(self, level: str) -> None:
        """Render at MJML validation ``level`` from now on (and now)."""
        self._validation = level
        if self._job is not None:
            self._counter.invalidate()
            self._render_now()

    def current_html(self, view: PreviewView) -> str:
        """The preview copy last sent to ``view``."""
        return view.html

    # -- internals -------------------------------------------------------------

    def _render_now(self) -> None:
        if self._job is None:
            return
        template, context, brand = self._job
        self.render_started_at = time.perf_counter()
        if self._task is not None:
            self._task.cancel()
        self._task = Task(render_for_preview, template, context, brand,
                          self._validation).drop_if_stale(
            self._counter
        ).cancellable().owned_by(self).on_success(self._on_render_succeeded).on_failure(
            self._on_render_failed
        ).start(self._pool)

    def _on_render_succeeded(self, result: RenderResult) -> None:
        self.last_good = result
        self.last_error, self.last_error_line = "", None
        self.error_banner.hide()
        self._push_to_views()
        self.rendered.emit(result)
        self.preview_updated.emit()

    def _on_render_failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, ComposerError) else error_message(exc)
        line = error_line(exc)
        self.last_error, self.last_error_line = message, line
        self._error_line = line
        if isinstance(exc, RenderBudgetError):
            text = exc.text(current_language())  # says its line itself
            self.last_error = text
        else:
            shown = message
            if current_language() == "ru":  # the core speaks English; say it in Russian
                first = exc.issues[0].message if isinstance(exc, MjmlError) and exc.issues else ""
                shown = ru_message(first or message) or message
            text = self.tr("Line {0}: {1}").format(line, shown) if line is not None else shown
        suffix = self.tr("The last good version is shown below.") if self.last_good else ""
        self._error_text = f"⚠ {text}  {suffix}".strip()
        self._elide_error()
        self.error_banner.setToolTip(self._error_text + "\n" + self.tr("Click to go to the line"))
        self.error_banner.show()
        self.preview_failed.emit(message)

    def _visible_views(self) -> list[PreviewView]:
        views = []
        if self._layout_mode in ("both", "desktop"):
            views.append(self.desktop)
        if self._layout_mode in ("both", "mobile"):
            views.append(self.mobile)
        return views

    def _push_to_views(self) -> None:
        if self.last_good is None:
            return
        html = preview_copy(self.last_good.html, mode=self._mode, show_images=self._show_images)
        self._unpainted = set()
        for view in self._visible_views():
            if view.html != html or not view.isVisible():
                self._unpainted.add(view)
                view.show_html(html)
        if not self._unpainted:
            self.painted.emit()

    def _on_view_painted(self) -> None:
        view = self.sender()
        if isinstance(view, PreviewView) and view in self._unpainted:
            self._unpainted.discard(view)
            if not self._unpainted:
                self.painted.emit()

    def _on_error_banner_clicked(self) -> None:
        if self._error_line is not None:
            self.error_line_activated.emit(self._error_line)

    def _on_phone_width_current_index_changed(self, _index: int) -> None:
        self._apply_phone_size()
        self._retranslate_captions()

    def phone_zoom(self) -> float:
        """The scale the phone is drawn at (its CSS width never changes)."""
        narrow = self._layout_mode == "both" and self.width() < NARROW_PANE
        return 0.75 if narrow else 1.0

    def _apply_phone_size(self) -> None:
        self.mobile.set_phone_width(int(self.phone_width.currentData()), self.phone_zoom())

    def _elide_error(self) -> None:
        room = max(40, self.width() - 28)
        self.error_banner.setText(self.error_banner.fontMetrics().elidedText(
            self._error_text, Qt.TextElideMode.ElideRight, room))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_error()
        self._auto_layout()
        self._apply_phone_size()

    def _on_colour_mode_current_index_changed(self, _index: int) -> None:
        self._mode = str(self.colour_mode.currentData())
        self._retranslate_captions()
        self._push_to_views()

    def _on_images_off_toggled(self, checked: bool) -> None:
        self._show_images = not checked
        self._push_to_views()

    def _retranslate(self) -> None:
        names = {"both": self.tr("Desktop + phone"), "desktop": self.tr("Desktop"),
                 "mobile": self.tr("Phone")}
        for key, button in self._layout_buttons.items():
            button.setText(names[key])
        labels = {
            "light": self.tr("Light"),
            "dark": self.tr("Dark (prefers-color-scheme)"),
            "inverted": self.tr("Dark (forced inversion)"),
        }
        for index, mode in enumerate(COLOUR_MODES):
            self.colour_mode.setItemText(index, labels[mode])
        self.colour_mode.setToolTip(self.tr("Mail clients differ; every mode is an approximation."))
        self.images_off.setText(self.tr("Images off"))
        self.images_off.setToolTip(
            self.tr("Many clients start with images blocked: alt texts are shown instead."))
        self.phone_width.setToolTip(self.tr("Phone screen width"))
        self._retranslate_captions()

    def _retranslate_captions(self) -> None:
        notes = {
            "light": self.tr("Light mode."),
            "dark": self.tr("Approximation of Apple Mail and Outlook for Mac/iOS: they apply "
                            "the email's own dark styles (prefers-color-scheme); without them "
                            "the email is shown as designed."),
            "inverted": self.tr("Approximation of the Gmail and Outlook apps: they invert light "
                                "backgrounds and dark text; pictures stay as they are."),
        }
        self._approximation.setText(notes[self._mode])
        self._desktop_caption.setText(self.tr("Desktop, 600 px email"))
        self._mobile_caption.setText(
            self.tr("Phone, {0} px").format(int(self.phone_width.currentData())))
