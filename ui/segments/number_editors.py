"""Value editors for numbers and dates: a number, a range, a date, a date range, days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QDateEdit,
    QDoubleSpinBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from segments import FieldSpec
from segments.fields import MONEY_FIELDS
from ui.segments.labels import INTEGER_FIELDS, display_currency
from ui.segments.value_editor import ValueEditor
from workspace.money import CURRENCY_SIGNS, NBSP, format_number

Suggest = Callable[[str, str, Callable[[list[str]], None]], None]
"""``suggest(field, prefix, deliver)``: fetch known values off the GUI thread, then deliver."""

MAX_NUMBER = 1e9


class MoneySpinBox(QDoubleSpinBox):
    """An amount as a Russian marketer reads it: "12 060 ₽", kopecks only when there are some."""

    def __init__(self, currency: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_currency(currency or display_currency())

    def set_currency(self, currency: str) -> None:
        """Show amounts with this currency's sign (a three-letter code)."""
        self.setSuffix(NBSP + CURRENCY_SIGNS.get(currency, currency))

    def _lang(self) -> str:
        return "ru" if self.locale().language() == QLocale.Language.Russian else "en"

    def textFromValue(self, value: float) -> str:
        whole = round(value, 2) == int(value)
        return format_number(value, self._lang(), decimals=0 if whole else 2)

    def _parse(self, text: str) -> float | None:
        sign = self.suffix().strip()
        plain = text.strip().removesuffix(sign).replace(NBSP, "").replace(" ", "")
        plain = plain.replace("−", "-")
        plain = plain.replace(",", ".") if self._lang() == "ru" else plain.replace(",", "")
        try:
            return float(plain) if plain not in ("", "-") else None
        except ValueError:
            return None

    def valueFromText(self, text: str) -> float:
        parsed = self._parse(text)
        return self.value() if parsed is None else parsed

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        parsed = self._parse(text)
        if parsed is None:
            plain = text.removesuffix(self.suffix()).strip()
            state = (QValidator.State.Intermediate if plain in ("", "-", "−")
                     else QValidator.State.Invalid)
        else:
            state = QValidator.State.Acceptable
        return state, text, pos


def _number_box(integer: bool, low: float = 0, *, money: bool = False
                ) -> QSpinBox | QDoubleSpinBox:
    box: QSpinBox | QDoubleSpinBox
    if integer:
        box = QSpinBox()
        box.setRange(int(-MAX_NUMBER), int(MAX_NUMBER))
        box.setGroupSeparatorShown(True)
    else:
        box = MoneySpinBox() if money else QDoubleSpinBox()
        box.setDecimals(2)
        box.setRange(-MAX_NUMBER, MAX_NUMBER)
    box.setMinimum(low)  # type: ignore[arg-type]
    box.setMinimumWidth(90)
    box.setKeyboardTracking(True)
    return box


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _json_number(box: QSpinBox | QDoubleSpinBox) -> int | float:
    v = box.value()
    return int(v) if isinstance(box, QSpinBox) or float(v).is_integer() else float(v)


class NumberEditor(ValueEditor):
    """A number (whole for counts and days, with decimals for money)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = _number_box(spec.name in INTEGER_FIELDS, 0, money=spec.name in MONEY_FIELDS)
        if spec.name.startswith("rfm_"):
            self.box.setRange(1, 5)
        self.box.valueChanged.connect(self._on_box_value_changed)
        self._layout.addWidget(self.box)

    def value(self) -> Any:
        return _json_number(self.box)

    def set_value(self, value: Any) -> None:
        self.box.blockSignals(True)
        self.box.setValue(_number(value))  # type: ignore[arg-type]
        self.box.blockSignals(False)

    def _on_box_value_changed(self, _value: float) -> None:
        self.value_edited.emit(True)


class NumberRangeEditor(ValueEditor):
    """``between`` two numbers, both included."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        integer = spec.name in INTEGER_FIELDS
        money = spec.name in MONEY_FIELDS
        self.low = _number_box(integer, money=money)
        self.high = _number_box(integer, money=money)
        if spec.name.startswith("rfm_"):
            self.low.setRange(1, 5)
            self.high.setRange(1, 5)
        self._layout.addWidget(self.low)
        self._and = QLabel(self.tr("and"))
        self._layout.addWidget(self._and)
        self._layout.addWidget(self.high)
        for box in (self.low, self.high):
            box.valueChanged.connect(self._on_box_value_changed)

    def value(self) -> Any:
        return [_json_number(self.low), _json_number(self.high)]

    def set_value(self, value: Any) -> None:
        pair = value if isinstance(value, list) and len(value) == 2 else [0, 0]
        for box, v in zip((self.low, self.high), pair, strict=True):
            box.blockSignals(True)
            box.setValue(_number(v))  # type: ignore[arg-type]
            box.blockSignals(False)

    def _on_box_value_changed(self, _value: float) -> None:
        self.value_edited.emit(True)


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setMinimumWidth(120)
    return edit


def _qdate(value: Any, today: date) -> QDate:
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        day = today
    return QDate(day.year, day.month, day.day)


class DateEditor(ValueEditor):
    """A date with a calendar popup."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.edit = _date_edit()
        self.edit.dateChanged.connect(self._on_edit_date_changed)
        self._layout.addWidget(self.edit)

    def value(self) -> Any:
        return self.edit.date().toString("yyyy-MM-dd")

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        self.edit.setDate(_qdate(value, self._today))
        self.edit.blockSignals(False)

    def _on_edit_date_changed(self, _day: QDate) -> None:
        self.value_edited.emit(True)


class DateRangeEditor(ValueEditor):
    """``between`` two dates, both included."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.low = _date_edit()
        self.high = _date_edit()
        self._layout.addWidget(self.low)
        self._and = QLabel(self.tr("and"))
        self._layout.addWidget(self._and)
        self._layout.addWidget(self.high)
        for edit in (self.low, self.high):
            edit.dateChanged.connect(self._on_edit_date_changed)

    def value(self) -> Any:
        return [e.date().toString("yyyy-MM-dd") for e in (self.low, self.high)]

    def set_value(self, value: Any) -> None:
        pair = value if isinstance(value, list) and len(value) == 2 else [None, None]
        for edit, v in zip((self.low, self.high), pair, strict=True):
            edit.blockSignals(True)
            edit.setDate(_qdate(v, self._today))
            edit.blockSignals(False)

    def _on_edit_date_changed(self, _day: QDate) -> None:
        self.value_edited.emit(True)


class DaysEditor(ValueEditor):
    """A number of days (``in the last N days``, ``more than N days ago``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QSpinBox()
        self.box.setRange(0, 36500)
        self.box.setMinimumWidth(80)
        self.box.valueChanged.connect(self._on_box_value_changed)
        self._layout.addWidget(self.box)
        self._days = QLabel(self.tr("days"))
        self._layout.addWidget(self._days)

    def value(self) -> Any:
        return self.box.value()

    def set_value(self, value: Any) -> None:
        self.box.blockSignals(True)
        self.box.setValue(int(value) if isinstance(value, int) else 0)
        self.box.blockSignals(False)

    def _on_box_value_changed(self, _value: int) -> None:
        self.value_edited.emit(True)
