"""The inbox view: sender, subject and preheader as an inbox list shows them.

Desktop and phone, for the template's subject and every A/B subject variant
typed below it; the truncation rules come from :mod:`previews.inbox`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from composer.budget import RenderLimits, render_budget
from composer.errors import ComposerError
from composer.render import render_jinja
from previews.inbox import InboxLine, inbox_preview
from ui.retranslate import Retranslating
from ui.style import named

VARIANT_LIMITS = RenderLimits(seconds=0.2)
"""A subject variant renders on the GUI thread: a runaway one stops within this."""

_ROW = ("background:#ffffff;border:1px solid #dde1e7;border-radius:6px;"
        "padding:6px 8px;margin:0")


DESKTOP_ROW_PX = 760
"""A desktop inbox row's width (Gmail's list at a 1280 px window); wider panes do not widen it."""


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def desktop_row_html(line: InboxLine) -> str:
    """One desktop inbox row: sender column, then subject — preheader on one line."""
    preheader = (f'<span style="color:#5f6b7c"> — {_e(line.preheader)}</span>'
                 if line.preheader else "")
    return (
        f'<table width="{DESKTOP_ROW_PX}" cellspacing="0" cellpadding="0" style="{_ROW}"><tr>'
        f'<td width="170" style="font-weight:600;white-space:nowrap">{_e(line.sender)}</td>'
        f'<td style="white-space:nowrap"><b>{_e(line.subject)}</b>{preheader}</td>'
        "</tr></table>"
    )


def phone_row_html(line: InboxLine) -> str:
    """One phone inbox row: sender, subject, then up to two lines of preheader."""
    return (
        f'<table width="100%" cellspacing="0" cellpadding="0" style="{_ROW}">'
        f'<tr><td style="font-weight:600">{_e(line.sender)}</td></tr>'
        f"<tr><td><b>{_e(line.subject)}</b></td></tr>"
        f'<tr><td style="color:#5f6b7c">{_e(line.preheader)}</td></tr></table>'
    )


class InboxPreviewPane(Retranslating, QWidget):
    """How each subject variant looks in an inbox list, on a desktop and on a phone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sender = ""
        self._subject = ""
        self._preheader = ""
        self._context: Mapping[str, Any] = {}
        self._title = named(QLabel(), "hint")
        self._title.setWordWrap(True)
        self.rows = QLabel()
        self.rows.setTextFormat(Qt.TextFormat.RichText)
        self.rows.setWordWrap(True)
        self.rows.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # The rows are cut only by the inbox's character rules (previews.inbox), not by
        # the pane: a desktop row keeps a desktop inbox's width and scrolls sideways.
        self.rows.setWordWrap(False)
        self._rows_scroll = QScrollArea()
        self._rows_scroll.setWidget(self.rows)
        self._rows_scroll.setWidgetResizable(True)
        self._rows_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._rows_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._rows_scroll.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._variants_label = named(QLabel(), "hint")
        self._variants_label.setWordWrap(True)
        self.variants = QPlainTextEdit()
        self.variants.setMaximumHeight(70)
        self.variants.textChanged.connect(self._refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self._rows_scroll, 1)
        layout.addWidget(self._variants_label)
        layout.addWidget(self.variants)
        self._retranslate()

    def set_message(self, sender: str, subject: str, preheader: str,
                    context: Mapping[str, Any]) -> None:
        """The rendered sender, subject and preheader; ``context`` renders the variants."""
        self._sender, self._subject, self._preheader = sender, subject, preheader
        self._context = context
        self._refresh()

    def lines(self) -> list[tuple[str, InboxLine, InboxLine]]:
        """``(variant label, desktop line, phone line)`` for each subject variant."""
        subjects = [(self.tr("Subject"), self._subject)]
        extra = [s.strip() for s in self.variants.toPlainText().splitlines() if s.strip()]
        for number, source in enumerate(extra, start=2):
            try:
                with render_budget(VARIANT_LIMITS):
                    text = render_jinja(source, self._context, autoescape=False).strip()
            except ComposerError:
                text = source
            subjects.append((self.tr("Variant {0}").format(chr(ord("A") + number - 1)), text))
        if len(subjects) > 1:
            subjects[0] = (self.tr("Variant A"), self._subject)
        return [
            (label,
             inbox_preview(self._sender, subject, self._preheader, device="desktop"),
             inbox_preview(self._sender, subject, self._preheader, device="mobile"))
            for label, subject in subjects
        ]

    def _refresh(self) -> None:
        parts = []
        for label, desktop, phone in self.lines():
            cut = []
            if desktop.subject_truncated or phone.subject_truncated:
                cut.append(self.tr("subject cut"))
            if desktop.preheader_truncated or phone.preheader_truncated:
                cut.append(self.tr("preheader cut"))
            note = f' <span style="color:#b3261e">✂ {", ".join(cut)}</span>' if cut else ""
            parts.append(
                f"<p style='margin:8px 0 2px'><b>{_e(label)}</b>{note}</p>"
                f"<p style='margin:2px 0;color:#5f6b7c'>{_e(self.tr('Desktop'))}</p>"
                f"{desktop_row_html(desktop)}"
                f"<p style='margin:4px 0 2px;color:#5f6b7c'>{_e(self.tr('Phone'))}</p>"
                f"<table width='300'><tr><td>{phone_row_html(phone)}</td></tr></table>"
            )
        self.rows.setText("".join(parts))

    def _retranslate(self) -> None:
        self._title.setText(self.tr("As inbox lists show it (usual truncation: Gmail on a "
                                    "desktop, iPhone Mail on a phone)."))
        self._variants_label.setText(self.tr("A/B subject variants, one per line:"))
        self._refresh()
