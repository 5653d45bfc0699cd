"""The base of the rule's value editors (see :mod:`ui.segments.editors`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

__all__ = ["ValueEditor"]


class ValueEditor(QWidget):
    """Base of the value editors: a row showing one condition value.

    Signals:
        value_edited(bool): the user changed the value; True for typing (merged
            into one undo step with the next keystrokes).
    """

    value_edited = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)

    def value(self) -> Any:
        """The value as rule JSON."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` without emitting :attr:`value_edited`."""
        raise NotImplementedError
