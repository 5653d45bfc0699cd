"""A series (welcome, abandoned cart, ...) as a timeline of its emails, reviewed as one unit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from composer.library import SCENARIOS
from composer.model import Template
from ui.editor.scenario_library import as_sent, more_exit_conditions, more_titles, start_text
from ui.style import named


def scenario_titles() -> dict[str, str]:
    """Localised titles of the built-in series (others keep their id)."""
    titles = dict(SCENARIOS)
    titles.update(
        {
            "welcome": QCoreApplication.translate("ScenarioTimeline", "Welcome series"),
            "abandoned_cart": QCoreApplication.translate("ScenarioTimeline", "Abandoned cart"),
            "reactivation": QCoreApplication.translate(
                "ScenarioTimeline", "Reactivation (“we missed you”)"
            ),
            "post_purchase": QCoreApplication.translate("ScenarioTimeline", "Post-purchase"),
            "birthday": QCoreApplication.translate("ScenarioTimeline", "Birthday"),
        }
    )
    titles.update(more_titles())
    return titles


def exit_conditions() -> dict[str, str]:
    """When a contact leaves each series (localised)."""
    return {
        **more_exit_conditions(),
        "welcome": QCoreApplication.translate(
            "ScenarioTimeline", "placed an order (the first-order promo is used)"
        ),
        "abandoned_cart": QCoreApplication.translate(
            "ScenarioTimeline", "placed an order or emptied the cart"
        ),
        "reactivation": QCoreApplication.translate(
            "ScenarioTimeline", "placed an order; after the last email the contact is “cold”"
        ),
        "post_purchase": QCoreApplication.translate(
            "ScenarioTimeline", "order cancelled or returned"
        ),
        "birthday": QCoreApplication.translate("ScenarioTimeline", "one email, no chain"),
    }


def delay_text(hours: int | None, first: bool) -> str:
    """ "at once", "1 hour after the trigger", "3 days after the previous email"."""
    if not hours:
        return (
            QCoreApplication.translate("ScenarioTimeline", "at once")
            if first
            else QCoreApplication.translate("ScenarioTimeline", "right after the previous one")
        )
    if hours % 24 == 0:
        text = QCoreApplication.translate("ScenarioTimeline", "%n day(s)", "", hours // 24)
    else:
        text = QCoreApplication.translate("ScenarioTimeline", "%n hour(s)", "", hours)
    if first:
        return QCoreApplication.translate("ScenarioTimeline", "{0} after the trigger").format(text)
    return QCoreApplication.translate("ScenarioTimeline", "{0} after the previous email").format(
        text
    )


def since_trigger(hours: int) -> str:
    """The send time counted from the trigger: "day 0", "hour 1", "day 4"."""
    if hours < 24:
        return QCoreApplication.translate("ScenarioTimeline", "hour {0}").format(hours)
    return QCoreApplication.translate("ScenarioTimeline", "day {0}").format(hours // 24)


class _StepCard(QFrame):
    clicked = Signal(str)

    def __init__(self, template: Template, number: int, delay: str, when: str) -> None:
        super().__init__()
        self.name = template.name
        self.setObjectName("stepCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            "QFrame#stepCard{background:#ffffff;border:1px solid #d6e0f5;border-radius:8px}"
            "QFrame#stepCard:hover{border-color:#2f6fde}"
        )
        self.setFixedWidth(250)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        head = QLabel(f"<b>{number}</b> · {when}")
        head.setStyleSheet("color:#2f6fde")
        title = QLabel(f"<b>{template.title or template.name}</b>")
        title.setWordWrap(True)
        subject = QLabel(as_sent(template.subject))
        subject.setWordWrap(True)
        subject.setToolTip(template.subject)
        preheader = named(QLabel(as_sent(template.preheader)), "hint")
        preheader.setWordWrap(True)
        preheader.setToolTip(template.preheader)
        for label in (subject, preheader):
            label.setTextFormat(Qt.TextFormat.PlainText)
        timing = named(QLabel(delay), "hint")
        timing.setWordWrap(True)
        for widget in (head, title, subject, preheader, timing):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: self.clicked.emit(self.name))
        layout.addWidget(self.open_button)

    def mouseReleaseEvent(self, event: object) -> None:
        self.clicked.emit(self.name)


class ScenarioTimeline(QWidget):
    """The emails of one series left to right with their delays, then the exit condition.

    Signals:
        step_opened(str): the user opened the email of that template name.
        export_requested(str): "Export review bundle" for the scenario id.
    """

    step_opened = Signal(str)
    export_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario = ""
        self._templates: list[Template] = []
        self.cards: list[_StepCard] = []
        self.start_card: QLabel | None = None
        self._title = QLabel()
        self._title.setStyleSheet("font-size:17px;font-weight:600")
        self._about = named(QLabel(), "hint")
        self._about.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.scenario))
        head = QHBoxLayout()
        head.addWidget(self._title, 1)
        head.addWidget(self.export_button)
        self._row = QHBoxLayout()
        self._row.setSpacing(6)
        self._row.setContentsMargins(4, 4, 4, 4)
        row_widget = QWidget()
        row_widget.setLayout(self._row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(row_widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self._about)
        layout.addWidget(scroll, 1)

    def set_scenario(self, scenario: str, templates: Sequence[Template]) -> None:
        """Show ``scenario`` with its ``templates`` (any order; sorted by position)."""
        self.scenario = scenario
        self._templates = sorted(
            (t for t in templates if t.scenario == scenario),
            key=lambda t: (t.position or 0, t.name),
        )
        self._rebuild()

    @staticmethod
    def _arrow(text: str) -> QLabel:
        arrow = QLabel(text)
        # Level with the cards' titles, not centred on the whole (tall) row.
        arrow.setStyleSheet("font-size:22px;color:#8a94a6;padding-top:40px")
        return arrow

    @staticmethod
    def _note(text: str) -> QLabel:
        """A start or exit card: rich text on a pale panel."""
        card = named(QLabel(text), "infoBanner")
        card.setWordWrap(True)
        card.setFixedWidth(180)
        card.setStyleSheet(
            "QLabel{background:#f4f7fd;border:1px solid #d6e0f5;border-radius:8px;padding:10px}"
        )
        return card

    def _rebuild(self) -> None:
        while self._row.count():
            item = self._row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.cards = []
        self.start_card = None
        start = start_text(self.scenario)
        if start:
            self.start_card = self._note(start)
            self._row.addWidget(self.start_card, 0, Qt.AlignmentFlag.AlignTop)
            if self._templates:
                self._row.addWidget(self._arrow("→"), 0, Qt.AlignmentFlag.AlignTop)
        elapsed = 0
        for number, template in enumerate(self._templates, start=1):
            if number > 1:
                self._row.addWidget(self._arrow("→"), 0, Qt.AlignmentFlag.AlignTop)
            elapsed += template.delay_hours or 0
            card = _StepCard(
                template,
                number,
                delay_text(template.delay_hours, number == 1),
                since_trigger(elapsed),
            )
            card.open_button.setText(self.tr("Open in the editor"))
            card.clicked.connect(self.step_opened)
            self._row.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)
            self.cards.append(card)
        condition = exit_conditions().get(self.scenario, "")
        exit_card = self._note(
            self.tr("<b>Exit</b><br>The contact leaves the series when: {0}").format(condition)
        )
        if self._templates:
            self._row.addWidget(self._arrow("⇥"), 0, Qt.AlignmentFlag.AlignTop)
        self._row.addWidget(exit_card, 0, Qt.AlignmentFlag.AlignTop)
        self._row.addStretch(1)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.scenario:
            self._rebuild()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._title.setText(scenario_titles().get(self.scenario, self.scenario))
        total = sum(t.delay_hours or 0 for t in self._templates)
        self._about.setText(
            self.tr(
                "%n email(s), the last on {0}. Review the series as one unit; open any "
                "step to edit it.",
                "",
                len(self._templates),
            ).format(since_trigger(total))
        )
        self.export_button.setText(self.tr("Export review bundle…"))
