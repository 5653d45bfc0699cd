"""Value editors of a condition row: one per kind of value, switched by field type and operator.

Every editor is a :class:`ValueEditor`: ``value()`` gives the JSON value,
``set_value(v)`` shows one without emitting, and ``value_edited(merge)`` is
emitted on user edits (``merge`` is True for keystrokes and spin steps,
which fold into one undo step).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QMenu,
    QSpinBox,
    QToolButton,
    QWidget,
)

from segments import FieldSpec
from segments.rules import DAY_COUNT_OPS, LIST_OPS, NO_VALUE_OPS
from ui.segments.labels import value_label
from ui.segments.number_editors import (
    DateEditor,
    DateRangeEditor,
    DaysEditor,
    NumberEditor,
    NumberRangeEditor,
)
from ui.segments.value_editor import ValueEditor
from ui.undo_keys import UndoLineEdit

Suggest = Callable[[str, str, Callable[[list[str]], None]], None]
"""``suggest(field, prefix, deliver)``: fetch known values off the GUI thread, then deliver."""

MAX_NUMBER = 1e9


def default_op(spec: FieldSpec) -> str:
    """The operator a freshly chosen field starts with."""
    preferred = {"date": "within_last_days", "behaviour": "exists", "number": "gte"}
    op = preferred.get(spec.type, "eq")
    return op if op in spec.ops else spec.ops[0]


def default_value(spec: FieldSpec, op: str, today: date) -> Any:
    """A sensible starting value for ``op`` on ``spec`` (blank text: the user types it)."""
    if op in NO_VALUE_OPS:
        return None
    if op in DAY_COUNT_OPS:
        return 30
    if spec.type == "enum":
        first = spec.values[0]
        return [first] if op in LIST_OPS else first
    if spec.type == "bool":
        return True
    if spec.type == "number":
        low = 1 if spec.name.startswith("rfm_") else 0
        if op == "between":
            return [low, 5 if spec.name.startswith("rfm_") else 10]
        return [] if op in LIST_OPS else low
    if spec.type == "date":
        if op == "between":
            return [(today - timedelta(days=30)).isoformat(), today.isoformat()]
        return today.isoformat()
    return [] if op in LIST_OPS else ""


def convert_value(spec: FieldSpec, old_op: str, new_op: str, value: Any, today: date) -> Any:
    """Carry ``value`` over to ``new_op`` when it still makes sense, else a default."""
    if new_op in NO_VALUE_OPS:
        return None
    fresh = default_value(spec, new_op, today)
    if value is None or old_op in NO_VALUE_OPS:
        return fresh
    old_list, new_list = old_op in LIST_OPS, new_op in LIST_OPS
    old_days, new_days = old_op in DAY_COUNT_OPS, new_op in DAY_COUNT_OPS
    if old_days or new_days:
        return value if old_days and new_days else fresh
    if old_op == "between" or new_op == "between":
        if old_op == "between" and new_op == "between":
            return value
        if new_op == "between" and not isinstance(value, list):
            return [value, fresh[1]] if isinstance(fresh, list) else fresh
        return value[0] if isinstance(value, list) and value else fresh
    if old_list and not new_list:
        return value[0] if isinstance(value, list) and value else fresh
    if new_list and not old_list:
        blank = isinstance(value, str) and not value.strip()
        return [] if blank else [value]
    return value


class NoValueEditor(ValueEditor):
    """For operators without a value (``is empty``, ``did it at all``)."""

    def value(self) -> Any:
        return None

    def set_value(self, value: Any) -> None:
        pass


class TextEditor(ValueEditor):
    """A line of text with suggestions of the field's known values."""

    def __init__(self, field: str, suggest: Suggest | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._field = field
        self._suggest = suggest
        self.line = UndoLineEdit()  # Ctrl+Z undoes the rule (ui/undo_keys.py)
        self.line.setMinimumWidth(120)
        self.line.setPlaceholderText(self.tr("type a value"))
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.line.setCompleter(completer)
        completer.activated.connect(self._on_completer_activated)
        self.line.textEdited.connect(self._on_line_text_edited)
        self._layout.addWidget(self.line, 1)
        self._ask("")

    def value(self) -> Any:
        return self.line.text()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.line.text() != text:
            self.line.setText(text)

    def suggestions(self) -> list[str]:
        """The values offered now."""
        return list(self._model.stringList())

    def _ask(self, prefix: str) -> None:
        if self._suggest is not None:
            self._suggest(self._field, prefix, self._on_suggestions_loaded)

    def _on_suggestions_loaded(self, values: list[str]) -> None:
        self._model.setStringList(values)

    def _on_line_text_edited(self, text: str) -> None:
        self.value_edited.emit(True)
        self._ask(text)

    def _on_completer_activated(self, _text: str) -> None:
        self.value_edited.emit(False)


class ChipsEditor(ValueEditor):
    """Several values as chips (``Москва ×``), added by typing with suggestions, Enter or comma."""

    def __init__(self, field: str, suggest: Suggest | None, numeric: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self._suggest = suggest
        self._numeric = numeric
        self._values: list[Any] = []
        self._chips = QHBoxLayout()
        self._chips.setSpacing(4)
        self._layout.addLayout(self._chips)
        self.line = UndoLineEdit(self.add_typed)  # Enter adds a chip; Ctrl+Z undoes the rule
        self.line.setMinimumWidth(100)
        self.line.setPlaceholderText(self.tr("add a value…"))
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.line.setCompleter(completer)
        completer.activated.connect(self._on_completer_activated)
        self.line.textEdited.connect(self._on_line_text_edited)
        self._layout.addWidget(self.line, 1)
        if suggest is not None and not numeric:
            suggest(field, "", self._on_suggestions_loaded)

    def value(self) -> Any:
        return list(self._values)

    def set_value(self, value: Any) -> None:
        values = list(value) if isinstance(value, list) else []
        if values != self._values:
            self._values = values
            self._draw_chips()

    def add_value(self, text: str) -> None:
        """Add ``text`` as a chip (ignored when blank or already there)."""
        text = text.strip()
        if not text:
            return
        item: Any = text
        if self._numeric:
            try:
                number = float(text.replace(",", ".").replace(" ", ""))
            except ValueError:
                return
            item = int(number) if number.is_integer() else number
        if item in self._values:
            return
        self._values.append(item)
        self._draw_chips()
        self.value_edited.emit(False)

    def add_typed(self) -> None:
        """Turn what is typed into chips (commas separate values)."""
        text = self.line.text()
        self.line.clear()
        for part in text.split(";" if self._numeric else ","):
            self.add_value(part)

    def remove_value(self, item: Any) -> None:
        """Remove a chip."""
        if item in self._values:
            self._values.remove(item)
            self._draw_chips()
            self.value_edited.emit(False)

    def _draw_chips(self) -> None:
        while self._chips.count():
            taken = self._chips.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for item in self._values:
            chip = QToolButton()
            chip.setObjectName("chip")
            chip.setText(f"{item}  ×")
            chip.setToolTip(self.tr("Remove this value"))
            chip.clicked.connect(lambda _c=False, item=item: self.remove_value(item))
            self._chips.addWidget(chip)

    def _on_line_text_edited(self, text: str) -> None:
        if not self._numeric and "," in text:
            self.add_typed()
            return
        if self._suggest is not None and not self._numeric:
            self._suggest(self._field, text, self._on_suggestions_loaded)

    def _on_completer_activated(self, text: str) -> None:
        self.add_value(text)
        # The completer writes its text into the line after this signal.
        self.line.clear()
        self.line.setText("")

    def _on_suggestions_loaded(self, values: list[str]) -> None:
        self._model.setStringList(values)


class EnumEditor(ValueEditor):
    """One value of an enum field from a list."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        for v in spec.values:
            self.combo.addItem(value_label(v), v)
        self.combo.activated.connect(self._on_combo_activated)
        self._layout.addWidget(self.combo)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index >= 0 and index != self.combo.currentIndex():
            self.combo.setCurrentIndex(index)

    def _on_combo_activated(self, _index: int) -> None:
        self.value_edited.emit(False)


class EnumListEditor(ValueEditor):
    """Several values of an enum field: a button with a menu of checkable values."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QToolButton()
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMinimumWidth(160)
        self._menu = QMenu(self.button)
        self.actions_by_value: dict[str, QAction] = {}
        for v in spec.values:
            action = self._menu.addAction(value_label(v))
            action.setCheckable(True)
            action.setData(v)
            action.toggled.connect(self._on_action_toggled)
            self.actions_by_value[v] = action
        self.button.setMenu(self._menu)
        self._layout.addWidget(self.button)
        self._update_text()

    def value(self) -> Any:
        return [v for v, a in self.actions_by_value.items() if a.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for v, action in self.actions_by_value.items():
            action.blockSignals(True)
            action.setChecked(v in chosen)
            action.blockSignals(False)
        self._update_text()

    def _update_text(self) -> None:
        chosen = [value_label(v) for v in self.value()]
        self.button.setText(", ".join(chosen) if chosen else self.tr("choose…"))

    def _on_action_toggled(self, _checked: bool) -> None:
        self._update_text()
        self.value_edited.emit(False)


class BoolEditor(ValueEditor):
    """Yes or no."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.addItem(self.tr("yes"), True)
        self.combo.addItem(self.tr("no"), False)
        self.combo.activated.connect(self._on_combo_activated)
        self._layout.addWidget(self.combo)

    def value(self) -> Any:
        return bool(self.combo.currentData())

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(0 if value is not False else 1)

    def _on_combo_activated(self, _index: int) -> None:
        self.value_edited.emit(False)


def make_editor(spec: FieldSpec, op: str, today: date, suggest: Suggest | None) -> ValueEditor:
    """The editor that fits ``op`` on ``spec``."""
    if op in NO_VALUE_OPS:
        return NoValueEditor()
    if op in DAY_COUNT_OPS:
        return DaysEditor()
    kind = spec.type
    if kind == "enum":
        return EnumListEditor(spec) if op in LIST_OPS else EnumEditor(spec)
    if kind == "bool":
        return BoolEditor()
    if kind == "number":
        if op in LIST_OPS:
            return ChipsEditor(spec.name, None, numeric=True)
        return NumberRangeEditor(spec) if op == "between" else NumberEditor(spec)
    if kind == "date":
        return DateRangeEditor(today) if op == "between" else DateEditor(today)
    if op in LIST_OPS:
        return ChipsEditor(spec.name, suggest)
    return TextEditor(spec.name, suggest)


class WindowEditor(QWidget):
    """Behaviour fields: ``in the last [N] days`` (or any time) and ``at least [N] times``.

    Two compact spin boxes; the days box's lowest step reads "any time".

    Signals:
        window_edited(): the user changed either part.
    """

    window_edited = Signal()

    ANY_TIME = -1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.days = QSpinBox()
        self.days.setRange(self.ANY_TIME, 3650)
        self.days.setSpecialValueText(self.tr("any time"))
        self.days.setPrefix(self.tr("in the last "))
        self.days.setSuffix(self.tr(" days"))
        self.days.setToolTip(self.tr("Only events of the last N days count"))
        self.times = QSpinBox()
        self.times.setRange(1, 1000)
        self.times.setPrefix(self.tr("at least "))
        self.times.setSuffix(self.tr("×"))
        self.times.setToolTip(self.tr("How many such events at least"))
        layout.addWidget(self.days)
        layout.addWidget(self.times)
        self.days.valueChanged.connect(self._on_part_changed)
        self.times.valueChanged.connect(self._on_part_changed)

    def window_value(self) -> tuple[int | None, int]:
        """``(within_days or None, min_count)``."""
        days = self.days.value()
        return (None if days == self.ANY_TIME else days, self.times.value())

    def set_window(self, within_days: int | None, min_count: int) -> None:
        """Show a window without emitting."""
        for widget in (self.days, self.times):
            widget.blockSignals(True)
        self.days.setValue(self.ANY_TIME if within_days is None else within_days)
        self.times.setValue(max(1, min_count))
        for widget in (self.days, self.times):
            widget.blockSignals(False)

    def _on_part_changed(self, _value: int) -> None:
        self.window_edited.emit()
