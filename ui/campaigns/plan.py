"""The planner pane: can this test tell the variants apart, tied to the real segment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from campaigns import Plan, PlanInputs, make_plan
from campaigns.planner import CONVERSIONS_RULE_OF_THUMB
from ui.campaigns.words import metric_name, number, pct, plan_verdict, shares_text
from ui.style import named


class PlanPane(QWidget):
    """Baseline, lift, alpha and power in; the plain-words verdict out.

    Signals:
        plan_edited(dict): the planner's inputs as stored with the campaign.
        shares_chosen(tuple): "Use these shares" was clicked.
    """

    plan_edited = Signal(dict)
    shares_chosen = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._updating = False
        self._plan: Plan | None = None
        self._metric = "clicks"
        self._last: tuple[str, Mapping[str, int] | None, tuple[float, ...], int] | None = None
        self.baseline = QDoubleSpinBox()
        self.baseline.setRange(0.1, 99.0)
        self.baseline.setDecimals(1)
        self.baseline.setSuffix(" %")
        self.lift = QDoubleSpinBox()
        self.lift.setRange(1.0, 500.0)
        self.lift.setDecimals(0)
        self.lift.setSuffix(" %")
        self.alpha = QComboBox()
        for value in (0.10, 0.05, 0.01):
            self.alpha.addItem(f"{1 - value:.0%}", value)
        self.power = QComboBox()
        for value in (0.8, 0.9, 0.95):
            self.power.addItem(f"{value:.0%}", value)
        self._labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, widget in zip(self._labels, (self.baseline, self.lift, self.alpha,
                                                self.power), strict=True):
            form.addRow(label, widget)
        self.verdict = named(QLabel(), "verdict")
        self.verdict.setWordWrap(True)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.note = named(QLabel(), "hint")
        self.note.setWordWrap(True)
        self.use_shares = QPushButton()
        self.use_shares.clicked.connect(self._on_use_shares_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_shares)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.verdict)
        layout.addWidget(self.figures)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addStretch(1)
        for spin in (self.baseline, self.lift):
            spin.valueChanged.connect(self._on_input_changed)
        for combo in (self.alpha, self.power):
            combo.activated.connect(self._on_input_changed)
        self._retranslate()

    def inputs(self) -> PlanInputs:
        """The planner's inputs as shown."""
        return PlanInputs(baseline=self.baseline.value() / 100, lift=self.lift.value() / 100,
                          alpha=float(self.alpha.currentData()),
                          power=float(self.power.currentData()))

    def show_inputs(self, inputs: PlanInputs) -> None:
        """Show ``inputs`` without emitting an edit."""
        self._updating = True
        try:
            self.baseline.setValue(inputs.baseline * 100)
            self.lift.setValue(inputs.lift * 100)
            self.alpha.setCurrentIndex(max(0, self.alpha.findData(inputs.alpha)))
            self.power.setCurrentIndex(max(0, self.power.findData(inputs.power)))
        finally:
            self._updating = False

    def update_plan(self, metric: str, sizes: Mapping[str, int] | None,
                    shares: tuple[float, ...], variants: int) -> Plan | None:
        """Recompute the verdict for the segment's ``sizes`` and ``shares``."""
        self._metric = metric
        self._last = (metric, sizes, shares, variants)
        self._labels[0].setText(self.tr("Baseline rate of {0}").format(metric_name(metric)))
        if sizes is None:
            self._plan = None
            self.verdict.setText(self.tr("Counting the segment…"))
            self.figures.setText("")
            self.use_shares.setVisible(False)
            return None
        sendable = sum(sizes.values())
        try:
            plan = make_plan(self.inputs(), sendable=sendable, shares=shares, variants=variants)
        except ValueError as exc:
            self._plan = None
            self.verdict.setText(self.tr("The plan cannot be computed: {0}").format(exc))
            return None
        self._plan = plan
        self.verdict.setText(plan_verdict(plan, metric, shares))
        lift = pct(plan.detectable_lift) if plan.detectable_lift else "—"
        self.figures.setText(self.tr(
            "Needed per variant: {0}. Smallest test group: {1}. Smallest detectable lift: {2}. "
            "Sendable contacts: {3}.").format(
            number(plan.per_variant), number(min(plan.group_sizes) if plan.group_sizes else 0),
            lift, number(sendable)))
        self.use_shares.setVisible(plan.shares_needed is not None and not plan.enough)
        if plan.shares_needed is not None:
            self.use_shares.setText(self.tr("Use {0}").format(shares_text(plan.shares_needed)))
        self._update_note()
        return plan

    def _update_note(self) -> None:
        notes = []
        if self._metric == "opens":
            notes.append(self.tr("Opens are inflated by Apple Mail Privacy Protection, which "
                                 "opens mail by itself: clicks decide more honestly."))
        if self._metric == "conversions" and self._plan is not None:
            low, high = CONVERSIONS_RULE_OF_THUMB
            notes.append(self.tr(
                "Rule of thumb: at least {0}-{1} conversions per variant; this plan expects "
                "about {2}.").format(low, high, number(round(self._plan.expected_conversions))))
        notes.append(self.tr("The deciding metric and this plan are recorded with the campaign "
                             "before any result comes in."))
        self.note.setText("\n".join(notes))

    def _on_input_changed(self, *_args: Any) -> None:
        if not self._updating:
            self.plan_edited.emit(self.inputs().as_dict())

    def _on_use_shares_clicked(self) -> None:
        if self._plan is not None and self._plan.shares_needed is not None:
            self.shares_chosen.emit(tuple(self._plan.shares_needed))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        texts = (self.tr("Baseline rate of {0}").format(metric_name(self._metric)),
                 self.tr("Smallest lift worth knowing (relative)"),
                 self.tr("Confidence"), self.tr("Power"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        for box in (self.baseline, self.lift):
            box.setLocale(QLocale())  # 6,0 % once the UI speaks Russian
        self._update_note()
        if self._last is not None:
            self.update_plan(*self._last)
