"""The variable picker: inserts a personalization tag with its fallback where the cursor is."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from composer.variables import CANONICAL_VARIABLES
from ui.retranslate import Retranslating

FALLBACKS: dict[str, str] = {
    "first_name": "друг",
    "last_name": "",
    "city": "вашем городе",
    "promo_code": "SEZON15",
    "promo_discount": "15",
    "promo_days_left": "несколько",
    "bonus_points": "500",
    "top_categories": "одежда и обувь",
    "product.size": "ваш размер",
}
"""Suggested fallbacks for variables a contact may lack (shown when the field is empty)."""

_LISTS = {"cart.items", "order.items", "recommended"}  # loops: the blocks handle them


def variable_tag(name: str) -> str:
    """The Jinja tag for ``name``, with ``default(...)`` when it has a fallback."""
    if name in FALLBACKS:
        fallback = FALLBACKS[name].replace("'", "\\'")
        return f"{{{{ {name} | default('{fallback}') }}}}"
    return f"{{{{ {name} }}}}"


class VariablePicker(Retranslating, QPushButton):
    """A button with the canonical variables; choosing one emits its tag.

    The menu reads "First name, or: friend" for a variable with a fallback.

    Signals:
        tag_chosen(str): the tag to insert, e.g. ``{{ first_name | default('друг') }}``.
    """

    tag_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        self._retranslate()

    def names(self) -> list[str]:
        """The variables offered, in menu order."""
        return [name for name in CANONICAL_VARIABLES if name not in _LISTS]

    def _retranslate(self) -> None:
        self.setText(self.tr("Insert variable"))
        self.setToolTip(self.tr("Insert a personalization variable with its fallback "
                                "at the cursor"))
        self._menu.clear()
        russian = QLocale().language() == QLocale.Language.Russian
        for name in self.names():
            ru, en = CANONICAL_VARIABLES[name]
            label = ru if russian else en
            if FALLBACKS.get(name):
                label = self.tr("{0}, or: {1}").format(label, FALLBACKS[name])
            action = self._menu.addAction(f"{label}    {{{{ {name} }}}}")
            action.setData(name)
            action.triggered.connect(lambda _c=False, n=name: self.tag_chosen.emit(variable_tag(n)))

