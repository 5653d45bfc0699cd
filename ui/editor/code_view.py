"""The MJML code view: a plain-text editor with MJML, HTML and Jinja highlighting."""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from ui.undo_keys import UndoPlainTextEdit


def _format(colour: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class MjmlHighlighter(QSyntaxHighlighter):
    """Colours MJML tags, other HTML tags, attributes, values, comments and Jinja markup."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._mj_tag = _format("#1f5fbf", bold=True)
        self._html_tag = _format("#7a3e9d")
        self._attr = _format("#9a5b00")
        self._value = _format("#22863a")
        self._jinja = _format("#b3261e", bold=True)
        self._comment = _format("#8a94a6", italic=True)
        self._tag_re = re.compile(r"</?([a-zA-Z][\w-]*)")
        self._attr_re = re.compile(r"\s([\w:-]+)(?==)")
        self._value_re = re.compile(r"=\s*(\"[^\"]*\"|'[^']*')")
        self._jinja_re = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")

    def highlightBlock(self, text: str) -> None:
        for match in self._tag_re.finditer(text):
            fmt = self._mj_tag if match.group(1).startswith("mj") else self._html_tag
            self.setFormat(match.start(), match.end() - match.start(), fmt)
        for match in self._attr_re.finditer(text):
            self.setFormat(match.start(1), len(match.group(1)), self._attr)
        for match in self._value_re.finditer(text):
            self.setFormat(match.start(1), len(match.group(1)), self._value)
        for match in self._jinja_re.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self._jinja)
        self._comments(text)

    def _comments(self, text: str) -> None:
        # Multi-line <!-- --> comments: block state 1 means "inside a comment".
        start = 0 if self.previousBlockState() == 1 else text.find("<!--")
        self.setCurrentBlockState(0)
        while start >= 0:
            end = text.find("-->", start)
            if end < 0:
                self.setCurrentBlockState(1)
                self.setFormat(start, len(text) - start, self._comment)
                return
            self.setFormat(start, end + 3 - start, self._comment)
            start = text.find("<!--", end + 3)


class _LineNumbers(QWidget):
    def __init__(self, view: CodeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(self._view.line_number_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._view.paint_line_numbers(event)


class CodeView(UndoPlainTextEdit):
    """MJML source with line numbers, highlighting and :meth:`go_to_line`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10))
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 2)
        self.highlighter = MjmlHighlighter(self.document())
        self._numbers = _LineNumbers(self)
        self.blockCountChanged.connect(self._on_self_block_count_changed)
        self.updateRequest.connect(self._on_self_update_request)
        self._on_self_block_count_changed(0)

    def set_source(self, text: str) -> None:
        """Replace the text, keeping the cursor line and the scroll position when it can."""
        if text == self.toPlainText():
            return
        line = self.textCursor().blockNumber()
        scroll = self.verticalScrollBar().value()
        self.setPlainText(text)
        block = self.document().findBlockByNumber(min(line, self.document().blockCount() - 1))
        self.setTextCursor(QTextCursor(block))
        self.verticalScrollBar().setValue(scroll)

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of 1-based ``line``, show it and mark it."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#fff3c4"))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.format = fmt
        selection.cursor = QTextCursor(block)
        self.setExtraSelections([selection])

    def current_line(self) -> int:
        """The 1-based line of the cursor."""
        return self.textCursor().blockNumber() + 1

    # -- line numbers ---------------------------------------------------------------

    def line_number_width(self) -> int:
        """Width of the line-number margin."""
        digits = len(str(max(1, self.blockCount())))
        return 12 + self.fontMetrics().horizontalAdvance("9") * digits

    def paint_line_numbers(self, event: QPaintEvent) -> None:
        """Draw the numbers of the visible lines."""
        painter = QPainter(self._numbers)
        painter.fillRect(event.rect(), QColor("#f6f7f9"))
        painter.setPen(QColor("#8a94a6"))
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible():
                painter.drawText(0, top, self._numbers.width() - 6, height,
                                 Qt.AlignmentFlag.AlignRight, str(block.blockNumber() + 1))
            top += round(self.blockBoundingRect(block).height())
            block = block.next()
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._numbers.setGeometry(QRect(rect.left(), rect.top(), self.line_number_width(),
                                        rect.height()))

    def _on_self_block_count_changed(self, _count: int) -> None:
        self.setViewportMargins(self.line_number_width(), 0, 0, 0)

    def _on_self_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._numbers.scroll(0, dy)
        else:
            self._numbers.update(0, rect.y(), self._numbers.width(), rect.height())
