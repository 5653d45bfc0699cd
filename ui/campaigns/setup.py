"""The campaign's set-up: name, template, segment, metric, schedule, variants, split, inbox."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from campaigns import LABELS, CampaignDraft
from campaigns.split import sizes as split_sizes
from campaigns.view import Choices
from composer.errors import ComposerError
from composer.render import render_jinja
from previews.inbox import inbox_preview
from ui.campaigns.words import number
from ui.editor.inbox import desktop_row_html, phone_row_html
from ui.style import named

TIMEZONES = ("Europe/Moscow", "Europe/Kaliningrad", "Europe/Samara", "Asia/Yekaterinburg",
             "Asia/Omsk", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk",
             "Asia/Vladivostok", "UTC")


class VariantRow(QWidget):
    """One variant: its letter, subject and preheader, and a remove button."""

    subject_edited = Signal(int, str)
    preheader_edited = Signal(int, str)
    remove_requested = Signal(int)

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.letter = named(QLabel(LABELS[index]), "variantLetter")
        self.letter.setFixedWidth(18)
        self.subject = QLineEdit()
        self.preheader = QLineEdit()
        self.remove = QToolButton()
        self.remove.setText("×")
        self.remove.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.letter)
        layout.addWidget(self.subject, 3)
        layout.addWidget(self.preheader, 2)
        layout.addWidget(self.remove)
        self.subject.textEdited.connect(lambda text: self.subject_edited.emit(self.index, text))
        self.preheader.textEdited.connect(
            lambda text: self.preheader_edited.emit(self.index, text))
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self.index))
        self._retranslate()

    def set_values(self, subject: str, preheader: str) -> None:
        """Show ``subject`` and ``preheader`` without emitting edits."""
        for edit, value in ((self.subject, subject), (self.preheader, preheader)):
            if edit.text() != value:
                position = edit.cursorPosition()
                edit.setText(value)
                edit.setCursorPosition(min(position, len(value)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.subject.setPlaceholderText(self.tr("Subject of variant {0}").format(
            LABELS[self.index]))
        self.preheader.setPlaceholderText(self.tr("Preheader (optional)"))
        self.remove.setToolTip(self.tr("Remove variant {0}").format(LABELS[self.index]))


class SetupPane(QWidget):
    """Edits a campaign's set-up; every change is reported as field changes.

    Signals:
        changes_requested(dict, str): field -> value and a merge key (typing merges).
        segment_changed(str): a new segment was chosen (live sizes reload).
    """

    changes_requested = Signal(dict, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draft: CampaignDraft | None = None
        self._positions: Sequence[float] | None = None
        self._frozen_sizes: Mapping[str, int] | None = None
        self._sender = ""
        self._template_preheader = ""
        self._context: Mapping[str, Any] = {}
        self._updating = False

        self.name = QLineEdit()
        self.template = QComboBox()
        self.segment = QComboBox()
        for combo in (self.template, self.segment):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
        self.metric_combo = QComboBox()
        self.schedule = QCheckBox()
        self.send_at = QDateTimeEdit()
        self.send_at.setCalendarPopup(True)
        self.send_at.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.timezone = QComboBox()
        self.timezone.addItems(TIMEZONES)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        schedule_row = QHBoxLayout()
        schedule_row.addWidget(self.schedule)
        schedule_row.addWidget(self.send_at)
        schedule_row.addWidget(self.timezone)
        schedule_row.addStretch(1)
        self._labels = [QLabel() for _ in range(5)]
        fields: tuple[QWidget, ...] = (self.name, self.template, self.segment,
                                       self.metric_combo)
        for label, field in zip(self._labels, fields, strict=False):
            self._form.addRow(label, field)
        self._form.addRow(self._labels[4], schedule_row)

        self.variants_box = QGroupBox()
        self._variants_layout = QVBoxLayout(self.variants_box)
        self._variants_head = named(QLabel(), "hint")
        self._variants_head.setWordWrap(True)
        self._variants_layout.addWidget(self._variants_head)
        self.rows: list[VariantRow] = []
        for index in range(len(LABELS)):
            row = VariantRow(index)
            row.subject_edited.connect(self._on_row_subject_edited)
            row.preheader_edited.connect(self._on_row_preheader_edited)
            row.remove_requested.connect(self._on_row_remove_requested)
            self.rows.append(row)
            self._variants_layout.addWidget(row)
        self.add_variant = QPushButton()
        self.add_variant.clicked.connect(self._on_add_variant_clicked)
        self._variants_layout.addWidget(self.add_variant, 0, Qt.AlignmentFlag.AlignLeft)

        self.split_box = QGroupBox()
        split = QGridLayout(self.split_box)
        self.share_label = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(1, 50)
        self.slider.setPageStep(5)
        self.send_all = QCheckBox()
        self.sizes = named(QLabel(), "splitSizes")
        self.sizes.setWordWrap(True)
        split.addWidget(self.share_label, 0, 0)
        split.addWidget(self.slider, 0, 1)
        split.addWidget(self.send_all, 1, 0, 1, 2)
        split.addWidget(self.sizes, 2, 0, 1, 2)
        split.setColumnStretch(1, 1)

        self.inbox_box = QGroupBox()
        inbox = QVBoxLayout(self.inbox_box)
        self.inbox_hint = named(QLabel(), "hint")
        self.inbox_hint.setWordWrap(True)
        self.inbox = QLabel()
        self.inbox.setTextFormat(Qt.TextFormat.RichText)
        self.inbox.setWordWrap(True)
        self.inbox.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        inbox.addWidget(self.inbox_hint)
        inbox.addWidget(self.inbox)
        inbox.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 8, 0)
        layout.addLayout(self._form)
        layout.addWidget(self.variants_box)
        layout.addWidget(self.split_box)
        layout.addWidget(self.inbox_box)
        layout.addStretch(1)

        self.name.textEdited.connect(
            lambda text: self.changes_requested.emit({"name": text}, "name"))
        self.template.activated.connect(self._on_template_activated)
        self.segment.activated.connect(self._on_segment_activated)
        self.metric_combo.activated.connect(self._on_metric_activated)
        self.schedule.toggled.connect(self._on_schedule_changed)
        self.send_at.dateTimeChanged.connect(self._on_schedule_changed)
        self.timezone.activated.connect(self._on_schedule_changed)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.send_all.toggled.connect(self._on_send_all_toggled)
        self._retranslate()

    # -- data in ----------------------------------------------------------------------

    def set_choices(self, choices: Choices) -> None:
        """Fill the template and segment lists."""
        self._updating = True
        try:
            self.template.clear()
            for choice in choices.templates:
                self.template.addItem(choice.title, choice.name)
            self.segment.clear()
            for choice in choices.segments:
                self.segment.addItem(choice.title, choice.name)
        finally:
            self._updating = False
        if self._draft is not None:
            self.show_draft(self._draft)

    def set_context(self, sender: str, template_preheader: str,
                    context: Mapping[str, Any]) -> None:
        """The sender and sample recipient the inbox preview uses."""
        self._sender, self._template_preheader, self._context = (
            sender, template_preheader, context)
        self._refresh_inbox()

    def set_positions(self, positions: Sequence[float] | None,
                      frozen_sizes: Mapping[str, int] | None = None) -> None:
        """Split positions of the segment (live sizes), or the frozen groups' sizes."""
        self._positions = positions
        self._frozen_sizes = frozen_sizes
        self._refresh_sizes()

    def set_frozen(self, frozen: bool) -> None:
        """After the first export the template, segment, variants and split are frozen."""
        for widget in (self.template, self.segment, self.slider, self.send_all,
                       self.add_variant, *self.rows):
            widget.setEnabled(not frozen)

    def show_draft(self, draft: CampaignDraft) -> None:
        """Show ``draft`` in the widgets (no edits are emitted)."""
        self._draft = draft
        self._updating = True
        try:
            if self.name.text() != draft.name:
                self.name.setText(draft.name)
            _select(self.template, draft.template)
            _select(self.segment, draft.segment)
            _select(self.metric_combo, draft.metric)
            self.schedule.setChecked(draft.send_at is not None)
            self.send_at.setEnabled(draft.send_at is not None)
            self.timezone.setEnabled(draft.send_at is not None)
            if draft.send_at is not None:
                self.send_at.setDateTime(QDateTime(draft.send_at))
            else:  # a sensible default when the user ticks the box: tomorrow at 10:00
                tomorrow = QDateTime.currentDateTime().addDays(1)
                tomorrow.setTime(tomorrow.time().fromString("10:00", "HH:mm"))
                self.send_at.setDateTime(tomorrow)
            _select(self.timezone, draft.timezone or TIMEZONES[0])
            k = len(draft.subjects)
            for index, row in enumerate(self.rows):
                row.setVisible(index < k)
                if index < k:
                    preheader = draft.preheaders[index] if index < len(draft.preheaders) else ""
                    row.set_values(draft.subjects[index], preheader)
                    row.remove.setEnabled(k > 2)
            self.add_variant.setEnabled(k < len(LABELS))
            shares = draft.shares or ()
            send_all = bool(shares) and (len(shares) == k or shares[-1] <= 1e-9)
            self.send_all.setChecked(send_all)
            self.slider.setEnabled(not send_all)
            if shares:
                self.slider.setValue(round(shares[0]))
        finally:
            self._updating = False
        self._retranslate_dynamic()
        self._refresh_sizes()
        self._refresh_inbox()

    # -- sizes and inbox ----------------------------------------------------------------

    def group_sizes(self) -> dict[str, int] | None:
        """Live group sizes for the draft's shares (None until positions are loaded)."""
        if self._frozen_sizes is not None:
            return dict(self._frozen_sizes)
        if self._draft is None or self._positions is None or not self._draft.shares:
            return None
        labels = LABELS[:len(self._draft.subjects)]
        return split_sizes(self._positions, labels, self._draft.shares)

    def _refresh_sizes(self) -> None:
        sizes = self.group_sizes()
        if sizes is None:
            self.sizes.setText(self.tr("Counting the segment…"))
            return
        total = sum(sizes.values())
        parts = [f"<b>{label}</b> {number(n)}" for label, n in sizes.items() if label != "rest"]
        rest = sizes.get("rest", 0)
        text = " · ".join(parts)
        if rest:
            text += " · " + self.tr("remainder for the winner {0}").format(number(rest))
        text += "<br>" + self.tr("of {0} sendable contacts in the segment").format(number(total))
        if self._frozen_sizes is not None:
            text += "<br>" + self.tr("Groups frozen at the first export.")
        self.sizes.setText(text)

    def _subject_text(self, source: str) -> str:
        try:
            return render_jinja(source, self._context, autoescape=False).strip()
        except ComposerError:
            return source

    def _refresh_inbox(self) -> None:
        if self._draft is None:
            self.inbox.setText("")
            return
        parts = []
        desktop_word = html.escape(self.tr("Desktop"))
        phone_word = html.escape(self.tr("Phone"))
        for index, subject in enumerate(self._draft.subjects):
            own = self._draft.preheaders[index] if index < len(self._draft.preheaders) else ""
            preheader = self._subject_text(own or self._template_preheader)
            text = self._subject_text(subject)
            desktop = inbox_preview(self._sender, text, preheader, device="desktop")
            phone = inbox_preview(self._sender, text, preheader, device="mobile")
            parts.append(
                f"<p style='margin:10px 0 2px'><b>{html.escape(LABELS[index])}</b> · "
                f"<span style='color:#5f6b7c'>{desktop_word}</span></p>"
                f"{desktop_row_html(desktop)}"
                f"<p style='margin:4px 0 2px;color:#5f6b7c'>{phone_word}</p>"
                f"<table width='300'><tr><td>{phone_row_html(phone)}</td></tr></table>")
        self.inbox.setText("".join(parts))

    # -- edits out ------------------------------------------------------------------------

    def _on_row_subject_edited(self, index: int, text: str) -> None:
        self.changes_requested.emit({"variant": (index, text, None)}, f"subject{index}")

    def _on_row_preheader_edited(self, index: int, text: str) -> None:
        self.changes_requested.emit({"variant": (index, None, text)}, f"preheader{index}")

    def _on_row_remove_requested(self, index: int) -> None:
        self.changes_requested.emit({"remove_variant": index}, "")

    def _on_add_variant_clicked(self) -> None:
        self.changes_requested.emit({"add_variant": True}, "")

    def _on_template_activated(self, _index: int) -> None:
        if not self._updating:
            self.changes_requested.emit({"template": self.template.currentData()}, "")

    def _on_segment_activated(self, _index: int) -> None:
        if not self._updating:
            self.changes_requested.emit({"segment": self.segment.currentData()}, "")

    def _on_metric_activated(self, _index: int) -> None:
        if not self._updating:
            self.changes_requested.emit({"metric": self.metric_combo.currentData()}, "")

    def _on_schedule_changed(self, *_args: object) -> None:
        if self._updating:
            return
        when: datetime | None = None
        if self.schedule.isChecked():
            when = self.send_at.dateTime().toPython()  # type: ignore[assignment]
        self.changes_requested.emit(
            {"send_at": when, "timezone": self.timezone.currentText() if when else None},
            "send_at")

    def _on_slider_value_changed(self, value: int) -> None:
        self.share_label.setText(self.tr("Test group per variant: {0} %").format(value))
        if not self._updating:
            self.changes_requested.emit({"test_share": value}, "share")

    def _on_send_all_toggled(self, checked: bool) -> None:
        self.slider.setEnabled(not checked)
        if not self._updating:
            self.changes_requested.emit({"send_all": checked, "test_share": self.slider.value()},
                                        "")

    # -- language -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        for label, text in zip(self._labels, (self.tr("Name"), self.tr("Template"),
                                              self.tr("Segment"), self.tr("Decide by"),
                                              self.tr("Send")), strict=True):
            label.setText(text)
        current = self.metric_combo.currentData()
        self.metric_combo.clear()
        for key, text in (("clicks", self.tr("Clicks (recommended)")),
                          ("opens", self.tr("Opens (inflated by Apple Mail)")),
                          ("conversions", self.tr("Conversions (needs 100-200 per variant)"))):
            self.metric_combo.addItem(text, key)
        if current:
            _select(self.metric_combo, current)
        self.schedule.setText(self.tr("at a set time"))
        self.variants_box.setTitle(self.tr("Subject variants"))
        self._variants_head.setText(self.tr(
            "The body is the same for every variant: change one thing at a time."))
        self.add_variant.setText(self.tr("+ Variant"))
        self.split_box.setTitle(self.tr("Split"))
        self.send_all.setText(self.tr("Send all now: split the whole segment equally, "
                                      "no remainder"))
        self.inbox_box.setTitle(self.tr("In the inbox"))
        self.inbox_hint.setText(self.tr("Each variant as an inbox list shows it, for a typical "
                                        "recipient."))
        self.name.setPlaceholderText(self.tr("Campaign name"))
        self._retranslate_dynamic()
        self._refresh_sizes()
        self._refresh_inbox()

    def _retranslate_dynamic(self) -> None:
        self.share_label.setText(self.tr("Test group per variant: {0} %").format(
            self.slider.value()))


def _select(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    if index >= 0 and combo.currentIndex() != index:
        combo.setCurrentIndex(index)
