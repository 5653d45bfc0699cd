"""One ``changeEvent`` for every widget that redraws its texts when the language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent

__all__ = ["Retranslating"]


class Retranslating:
    """Mixin for QWidget subclasses: calls ``self._retranslate()`` on a language change.

    Put it first among the bases (``class Pane(Retranslating, QWidget)``) and
    define ``_retranslate`` to set every translated text; call it once from
    ``__init__`` too. Qt sends ``LanguageChange`` to every widget when a
    translator is installed or removed (ui/language.py).
    """

    def _retranslate(self) -> None:
        raise NotImplementedError(f"{type(self).__name__} must define _retranslate")

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on ``LanguageChange``, then let Qt handle the event as usual."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)  # type: ignore[misc]
