"""A one-line label that elides its text to the width it is given, with the full text as tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QToolTip, QWidget

MIN_CHARS = 8
"""How many average characters the label asks for at least (the rest is elided)."""


class ElidedLabel(QLabel):
    """A QLabel that never widens its window: long text ends in "…" and shows whole on hover.

    ``text()`` is still the whole text; a tooltip set with ``setToolTip`` is
    shown under the whole text when the label is elided.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:
        """Room for a few characters; the label elides the rest."""
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().averageCharWidth() * MIN_CHARS + margins.left() + margins.right()
        return QSize(min(hint.width(), width), hint.height())

    def is_elided(self) -> bool:
        """Whether the text does not fit and is shown cut."""
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the text elided at the right to the label's width."""
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        self.style().drawItemText(painter, rect, int(self.alignment()), self.palette(),
                                  self.isEnabled(), shown, self.foregroundRole())
        painter.end()

    def event(self, event: QEvent) -> bool:
        """Hovering a cut label shows its whole text (and its own tooltip below it)."""
        if event.type() == QEvent.Type.ToolTip and self.is_elided():
            assert isinstance(event, QHelpEvent)
            tip = self.text() + ("\n" + self.toolTip() if self.toolTip() else "")
            QToolTip.showText(event.globalPos(), tip, self)
            return True
        return super().event(event)
