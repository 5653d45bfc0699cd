"""The MJML validation level of the editor: soft, strict or skip, as official MJML has."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from composer.render import VALIDATION_LEVELS


class ValidationLevelBox(QWidget):
    """A label and a list: the level the preview and the checks use.

    Signals:
        level_changed(str): ``soft``, ``strict`` or ``skip`` was chosen.
    """

    level_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel()
        self.combo = QComboBox()
        for level in VALIDATION_LEVELS:
            self.combo.addItem("", level)
        self.combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._label)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._label.setBuddy(self.combo)
        self._retranslate()

    def level(self) -> str:
        """The chosen level."""
        return str(self.combo.currentData())

    def set_level(self, level: str) -> None:
        """Choose ``level`` (one of :data:`~composer.render.VALIDATION_LEVELS`)."""
        self.combo.setCurrentIndex(VALIDATION_LEVELS.index(level))

    def _on_combo_current_index_changed(self, _index: int) -> None:
        self.level_changed.emit(self.level())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._label.setText(self.tr("MJML validation:"))
        texts = {
            "soft": self.tr("soft"),
            "strict": self.tr("strict"),
            "skip": self.tr("skip"),
        }
        for index, level in enumerate(VALIDATION_LEVELS):
            self.combo.setItemText(index, texts[level])
        self.combo.setToolTip(self.tr(
            "As official MJML: soft (the default) renders MJML with problems and lists them "
            "as warnings; strict shows them as errors and keeps the last good preview; skip "
            "checks nothing"))
