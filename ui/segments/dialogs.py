"""Explain a contact against the rule, and compare two or three saved segments (Venn)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from segments import explain, overlap
from segments.edits import Node, children, node_kind
from ui.segments.labels import describe
from ui.style import named
from ui.tasks import Pools, RequestCounter, Task, error_message

MATCHED = QColor("#1e7d45")
UNMATCHED = QColor("#b3261e")
VENN_COLORS = ("#2f6fde", "#e08a1e", "#2e9e5b")


class ExplainDialog(QDialog):
    """"Why is this contact in (or not in) the segment": the rule tree with ✓/✗ per node.

    Args:
        engine: the workspace.
        pools: the app's thread pools (the query runs on ``pools.read``).
        today: the reference date.
        rule: the rule JSON to explain.
        emails: e-mails to suggest (e.g. the members sample).

    Signals:
        explained(): the tree for a contact is drawn (or its error shown).
    """

    explained = Signal()

    def __init__(self, engine: Engine, pools: Pools, today: date, rule: Node,
                 emails: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._requests = RequestCounter()
        self._engine = engine
        self._pools = pools
        self._today = today
        self._rule = rule
        self.setWindowTitle(self.tr("Why is this contact in the segment?"))
        self.resize(720, 520)
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("Contact e-mail"))
        completer = QCompleter(QStringListModel(emails, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.email.setCompleter(completer)
        if emails:
            self.email.setText(emails[0])
        self.email.returnPressed.connect(self.run)
        self._run_button = named(QPushButton(self.tr("Explain")), "primary")
        self._run_button.clicked.connect(self.run)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        bold = QFont(self.verdict.font())
        bold.setBold(True)
        self.verdict.setFont(bold)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.email, 1)
        top.addWidget(self._run_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.verdict)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def run(self) -> None:
        """Explain the rule for the e-mail typed."""
        email = self.email.text().strip()
        if not email:
            return
        self.verdict.setText(self.tr("Checking…"))
        self.verdict.setStyleSheet("")
        Task(explain, self._engine, self._rule, self._today, email).owned_by(self).drop_if_stale(
            self._requests).on_success(
            lambda tree: self._on_explained(email, tree)).on_failure(
            self._on_explain_failed).start(self._pools.read)

    def _on_explained(self, email: str, tree: dict[str, Any]) -> None:
        self.tree.clear()
        root = self._item(tree)
        self.tree.addTopLevelItem(root)
        self.tree.expandAll()
        if tree["matched"]:
            self.verdict.setText(self.tr("✓ {0} is in the segment.").format(email))
            self.verdict.setStyleSheet(f"color: {MATCHED.name()}")
        else:
            self.verdict.setText(self.tr("✗ {0} is not in the segment: the conditions marked ✗ "
                                         "are why.").format(email))
            self.verdict.setStyleSheet(f"color: {UNMATCHED.name()}")
        self.explained.emit()

    def _on_explain_failed(self, exc: BaseException) -> None:
        self.tree.clear()
        self.verdict.setText(error_message(exc))
        self.verdict.setStyleSheet(f"color: {UNMATCHED.name()}")
        self.explained.emit()

    def _item(self, node: Node) -> QTreeWidgetItem:
        matched = bool(node.get("matched"))
        plain = {k: v for k, v in node.items() if k != "matched"}
        item = QTreeWidgetItem([("✓  " if matched else "✗  ") + describe(plain)])
        item.setForeground(0, QBrush(MATCHED if matched else UNMATCHED))
        item.setData(0, Qt.ItemDataRole.UserRole, matched)
        if node_kind(plain) in ("all", "any", "not"):
            for child in children(node):
                item.addChild(self._item(child))
        return item


class VennDiagram(QWidget):
    """Two or three overlapping circles with the count of every region (``overlap`` result)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: dict[str, Any] | None = None
        self.setMinimumSize(360, 300)

    def sizeHint(self) -> QSize:
        return QSize(460, 360)

    def set_result(self, result: dict[str, Any] | None) -> None:
        """Draw an :func:`segments.overlap` result (None: nothing)."""
        self._result = result
        self.update()

    def label_positions(self) -> dict[frozenset[int], QPointF]:
        """Where each region's count is written (by the set of segment indexes)."""
        return self._layout()[1]

    def _layout(self) -> tuple[list[tuple[QPointF, float]], dict[frozenset[int], QPointF]]:
        n = len(self._result["segments"]) if self._result else 0
        w, h = self.width(), self.height() - 40
        cx, cy = w / 2, 20 + h / 2
        if n == 2:
            r = min(w / 3.2, h / 2.3)
            d = r * 0.55
            centres = [QPointF(cx - d, cy), QPointF(cx + d, cy)]
            pair = {frozenset({0}): QPointF(cx - d - r * 0.5, cy),
                    frozenset({1}): QPointF(cx + d + r * 0.5, cy),
                    frozenset({0, 1}): QPointF(cx, cy)}
            return [(c, r) for c in centres], pair
        # Room for the names above the top circles, below the bottom one and
        # the "in none" line: the three circles span 2.93 r from top to bottom.
        r = min(w / 3.4, (self.height() - 72) / 2.93)
        d = r * 0.62
        cy = 24 + 1.31 * r
        angles = (-150.0, -30.0, 90.0)
        centres = [QPointF(cx + d * math.cos(math.radians(a)), cy + d * math.sin(math.radians(a)))
                   for a in angles]
        labels: dict[frozenset[int], QPointF] = {frozenset({0, 1, 2}): QPointF(cx, cy)}
        for i, a in enumerate(angles):
            labels[frozenset({i})] = QPointF(cx + 1.75 * d * math.cos(math.radians(a)),
                                             cy + 1.75 * d * math.sin(math.radians(a)))
        for i in range(3):
            for j in range(i + 1, 3):
                k = 3 - i - j  # the third circle: push the label away from it
                a = angles[k] + 180
                labels[frozenset({i, j})] = QPointF(cx + 1.0 * d * math.cos(math.radians(a)),
                                                    cy + 1.0 * d * math.sin(math.radians(a)))
        return [(c, r) for c in centres], labels

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._result:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        names: list[str] = self._result["segments"]
        circles, labels = self._layout()
        for i, (centre, r) in enumerate(circles):
            color = QColor(VENN_COLORS[i])
            fill = QColor(color)
            fill.setAlpha(50)
            painter.setPen(QPen(color, 2))
            painter.setBrush(fill)
            painter.drawEllipse(centre, r, r)
        locale = QLocale()
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(self.font().pointSizeF() + 2)
        painter.setFont(bold)
        painter.setPen(QColor("#1d2433"))
        for region in self._result["regions"]:
            key = frozenset(names.index(n) for n in region["in"])
            point = labels[key]
            painter.drawText(QRectF(point.x() - 50, point.y() - 12, 100, 24),
                             Qt.AlignmentFlag.AlignCenter, locale.toString(int(region["count"])))
        painter.setFont(self.font())
        for i, (centre, r) in enumerate(circles):
            painter.setPen(QColor(VENN_COLORS[i]).darker(130))
            top = centre.y() - r - 22
            if len(circles) == 3 and i == 2:
                top = centre.y() + r + 2
            # No wider than the gap to the nearest other centre: long names must not overlap.
            gaps = [abs(centre.x() - other.x()) for j, (other, _r) in enumerate(circles)
                    if j != i and abs(other.y() - centre.y()) < r]
            half = min([r, *[g / 2 - 4 for g in gaps]])
            painter.drawText(QRectF(centre.x() - half, top, 2 * half, 20),
                             Qt.AlignmentFlag.AlignCenter,
                             painter.fontMetrics().elidedText(
                                 f"{names[i]} ({locale.toString(self._result['sizes'][names[i]])})",
                                 Qt.TextElideMode.ElideRight, int(2 * half)))
        painter.setPen(QColor("#5f6b7c"))
        painter.drawText(QRectF(0, self.height() - 20, self.width(), 20),
                         Qt.AlignmentFlag.AlignCenter,
                         self.tr("In none of them: {0} of {1} contacts").format(
                             locale.toString(int(self._result["outside"])),
                             locale.toString(int(self._result["total"]))))


class OverlapDialog(QDialog):
    """Pick two or three saved segments; see every region's count as a diagram and a table.

    Signals:
        compared(): a result (or an error) is shown.
    """

    compared = Signal()

    def __init__(self, engine: Engine, pools: Pools, today: date, names: list[str],
                 parent: QWidget | None = None, *,
                 ready_made: Mapping[str, Any] | None = None) -> None:
        super().__init__(parent)
        self._requests = RequestCounter()
        self._engine = engine
        self._pools = pools
        self._today = today
        # Ready-made segments (title -> rule) are offered after the saved ones:
        # with fewer than two saved segments there would be nothing to compare.
        self._ready_made = {t: r for t, r in (ready_made or {}).items() if t not in names}
        offered = list(names) + list(self._ready_made)
        self.setWindowTitle(self.tr("Compare segments"))
        self.resize(960, 540)
        self.combos: list[QComboBox] = []
        pick = QHBoxLayout()
        for i in range(3):
            combo = QComboBox()
            combo.setMinimumWidth(170)
            if i == 2:
                combo.addItem(self.tr("— no third —"), "")
            for name in offered:
                combo.addItem(name, name)
                if name in self._ready_made:
                    combo.setItemData(combo.count() - 1, self.tr("Ready-made segment"),
                                      Qt.ItemDataRole.ToolTipRole)
            if i < 2 and len(offered) > i:
                combo.setCurrentIndex(i)
            self.combos.append(combo)
            pick.addWidget(combo)
        self._run_button = named(QPushButton(self.tr("Compare")), "primary")
        self._run_button.clicked.connect(self.run)
        pick.addWidget(self._run_button)
        pick.addStretch(1)
        self.message = named(QLabel(), "hint")
        self.message.setWordWrap(True)
        self.venn = VennDiagram()
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Region"), self.tr("Contacts")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumWidth(300)
        body = QHBoxLayout()
        body.addWidget(self.venn, 1)
        body.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.advice = named(QLabel(), "hint")  # stays while results come and go
        self.advice.setWordWrap(True)
        self.advice.setVisible(len(names) < 2)
        layout.insertWidget(1, self.advice)
        if len(names) < 2:
            self.advice.setText(self.tr(
                "You have fewer than two saved segments, so the lists offer the ready-made "
                "ones. To compare your own, build a segment and press “Save as…”, then "
                "open this window again."))

    def chosen(self) -> list[str]:
        """The segments picked (two or three)."""
        return [str(c.currentData()) for c in self.combos if c.currentData()]

    def run(self) -> None:
        """Count the regions off the GUI thread."""
        names = self.chosen()
        self.message.setText(self.tr("Counting…"))
        # A result for an earlier choice of segments must not overwrite a newer one.
        rules = {n: self._ready_made[n] for n in names if n in self._ready_made}
        Task(overlap, self._engine, names, self._today, rules).owned_by(self).drop_if_stale(
            self._requests).on_success(
            self._on_overlap_loaded).on_failure(self._on_overlap_failed).start(self._pools.read)

    def _on_overlap_loaded(self, result: dict[str, Any]) -> None:
        self.message.setText("")
        self.venn.set_result(result)
        rows = [(self._region_name(r["in"], result["segments"]), r["count"])
                for r in result["regions"]]
        rows.append((self.tr("in none of them"), result["outside"]))
        self.table.setRowCount(len(rows))
        locale = QLocale()
        for i, (name, count) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(name))
            number = QTableWidgetItem(locale.toString(int(count)))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 1, number)
        self.compared.emit()

    def _region_name(self, inside: list[str], names: list[str]) -> str:
        if len(inside) == 1:
            return self.tr("only “{0}”").format(inside[0])
        joined = self.tr(" and ").join(self.tr("“{0}”").format(n) for n in inside)
        if len(inside) < len(names):
            return self.tr("{0}, not the other").format(joined)
        return self.tr("in all: {0}").format(joined)

    def _on_overlap_failed(self, exc: BaseException) -> None:
        self.venn.set_result(None)
        self.table.setRowCount(0)
        self.message.setText(error_message(exc))
        self.compared.emit()
