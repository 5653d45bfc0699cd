"""The "Lifecycle" tab: the day thresholds and what each status means, with live counts.

The fields only; their texts are worded by the dialog (its translations).
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from segments.fields import LIFECYCLE_STATUSES
from segments.lifecycle import LifecycleThresholds
from ui.style import named

__all__ = ["STATUS_ORDER", "THRESHOLD_FIELDS", "LifecycleTab"]

THRESHOLD_FIELDS = tuple(f.name for f in fields(LifecycleThresholds))

# Status order in the Lifecycle tab: buyers first, then those who never bought.
STATUS_ORDER = ("active", "passive", "inactive", "very_inactive", "hot", "warm", "cold")
assert set(STATUS_ORDER) == set(LIFECYCLE_STATUSES)

_MAX_DAYS = 3650


class LifecycleTab(QWidget):
    """Spin boxes for the thresholds; a name, a meaning and a count per status.

    Signals:
        changed(): a threshold changed (or all were set at once).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spins: dict[str, QSpinBox] = {}
        self.spin_labels: dict[str, QLabel] = {}
        self.status_names: dict[str, QLabel] = {}
        self.status_texts: dict[str, QLabel] = {}
        self.status_counts: dict[str, QLabel] = {}
        limits = {"warm_view_days": 60, "hot_days": 365, "warm_days": 365}
        for name in THRESHOLD_FIELDS:
            spin = QSpinBox()
            spin.setRange(1, limits.get(name, _MAX_DAYS))
            spin.setAccelerated(True)
            spin.setMinimumWidth(120)
            spin.setValue(getattr(LifecycleThresholds(), name))
            spin.valueChanged.connect(self._on_spin_value_changed)
            self.spins[name] = spin
            label = QLabel()
            label.setBuddy(spin)
            self.spin_labels[name] = label

        layout = QVBoxLayout(self)
        self.intro = named(QLabel(), "hint")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.buyers_group = QGroupBox()
        self.never_group = QGroupBox()
        groups = (
            (self.buyers_group, ("active_days", "passive_days", "inactive_days"),
             ("active", "passive", "inactive", "very_inactive")),
            (self.never_group, ("hot_days", "warm_days", "warm_view_days"),
             ("hot", "warm", "cold")),
        )
        for group, spin_names, statuses in groups:
            group_layout = QHBoxLayout(group)
            form = QFormLayout()
            for name in spin_names:
                form.addRow(self.spin_labels[name], self.spins[name])
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setColumnStretch(1, 1)
            for row, status in enumerate(statuses):
                name_label = QLabel()
                name_label.setStyleSheet("font-weight: 600;")
                text_label = QLabel()
                text_label.setWordWrap(True)
                count_label = named(QLabel(), "hint")
                count_label.setAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                name_label.setAlignment(Qt.AlignmentFlag.AlignTop)
                self.status_names[status] = name_label
                self.status_texts[status] = text_label
                self.status_counts[status] = count_label
                grid.addWidget(name_label, row, 0)
                grid.addWidget(text_label, row, 1)
                grid.addWidget(count_label, row, 2)
            group_layout.addLayout(form)
            group_layout.addSpacing(16)
            group_layout.addLayout(grid, 1)
            layout.addWidget(group)

        self.defaults_button = QPushButton()
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.counts_hint = named(QLabel(), "hint")
        self.counts_hint.setWordWrap(True)
        row_layout = QHBoxLayout()
        row_layout.addWidget(self.counts_hint, 1)
        row_layout.addWidget(self.defaults_button)
        layout.addLayout(row_layout)
        layout.addStretch(1)

    def thresholds(self) -> LifecycleThresholds:
        """The thresholds as the spin boxes show them now (not validated)."""
        return LifecycleThresholds(**{name: spin.value() for name, spin in self.spins.items()})

    def set_thresholds(self, thresholds: LifecycleThresholds) -> None:
        """Show ``thresholds`` in the spin boxes."""
        for name, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(getattr(thresholds, name))
            spin.blockSignals(False)
        self.changed.emit()

    def restore_defaults(self) -> None:
        """Put the default thresholds (segments.md, "Lifecycle defaults") in the fields."""
        self.set_thresholds(LifecycleThresholds())

    def _on_spin_value_changed(self, *_args: object) -> None:
        self.changed.emit()
