"""The results pane: per-variant figures, intervals chart, the verdict and the winner."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBoxPlotSeries,
    QBoxSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from campaigns import Analysis, VariantResult
from ui.campaigns.words import analysis_verdict, number, p_text, pct, warning_text
from ui.style import named

Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractTableModel):
    """Rows: variants; columns: sent, opens, clicks, conversions, rate, interval, p-value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results: list[VariantResult] = []
        self._analysis: Analysis | None = None

    def set_results(self, results: Sequence[VariantResult], analysis: Analysis | None) -> None:
        """Show ``results`` with the figures of ``analysis``."""
        self.beginResetModel()
        self._results = list(results)
        self._analysis = analysis
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._results)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (self.tr("Variant"), self.tr("Sent"), self.tr("Opens"), self.tr("Clicks"),
                   self.tr("Conversions"), self.tr("Rate"), self.tr("95 % interval"),
                   self.tr("p-value"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        result = self._results[index.row()]
        figures = None
        if self._analysis is not None:
            figures = next((v for v in self._analysis.variants if v.variant == result.variant),
                           None)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._analysis is not None \
                and result.variant == self._analysis.winner:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return result.variant if result.variant != "rest" else self.tr("remainder")
        if column in (1, 2, 3, 4):
            value = (result.sent, result.opens, result.clicks, result.conversions)[column - 1]
            return "—" if value is None else number(value)
        if figures is None:
            return "—"
        if column == 5:
            return pct(figures.rate, 2)
        if column == 6:
            return f"{pct(figures.ci[0], 2)} – {pct(figures.ci[1], 2)}"
        return p_text(figures.p_value)


class IntervalChart(QChartView):
    """Each variant's rate with its 95 % interval (a box from low to high, a line at the rate)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._chart.legend().setVisible(False)
        self._chart.setMargins(self._chart.margins())
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.series: QBoxPlotSeries | None = None

    def sizeHint(self) -> QSize:
        return QSize(360, 240)

    def set_analysis(self, analysis: Analysis | None, title: str) -> None:
        """Draw ``analysis`` (None clears the chart)."""
        self._chart.removeAllSeries()
        for axis in self._chart.axes():
            self._chart.removeAxis(axis)
        self._chart.setTitle(title)
        self.series = None
        if analysis is None:
            return
        series = QBoxPlotSeries()
        series.setBoxWidth(0.35)
        top = 0.0
        for v in analysis.variants:
            box = QBoxSet(v.ci[0] * 100, v.ci[0] * 100, v.rate * 100, v.ci[1] * 100,
                          v.ci[1] * 100, v.variant)
            if v.variant == analysis.winner:
                box.setBrush(QColor("#7cc49a"))
            else:
                box.setBrush(QColor("#a9bfdc"))
            series.append(box)
            top = max(top, v.ci[1] * 100)
        self._chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([v.variant for v in analysis.variants])
        values = QValueAxis()
        values.setRange(0, max(1.0, top * 1.15))
        values.applyNiceNumbers()
        values.setLabelFormat("%.1f %")  # localized: no printf escapes, "%%" stays double
        self._chart.setLocale(QLocale())  # "6,0 %" in Russian
        self._chart.setLocalizeNumbers(True)
        self._chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self._chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.series = series


class ResultsPane(QWidget):
    """Results table, interval chart, verdict, warnings, and the winner.

    Signals:
        import_requested(): "Import results…" was clicked.
        winner_requested(str): "Choose the winner" for this variant.
    """

    import_requested = Signal()
    pull_requested = Signal()
    winner_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._analysis: Analysis | None = None
        self._has_results = False
        self._winner: str | None = None
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_requested)
        self.pull_button = QPushButton()
        self.pull_button.clicked.connect(self.pull_requested)
        self.winner_button = QPushButton()
        self.winner_button.clicked.connect(self._on_winner_clicked)
        self.winner_button.setVisible(False)
        bar = QHBoxLayout()
        bar.addWidget(self.import_button)
        bar.addWidget(self.pull_button)
        bar.addWidget(self.winner_button)
        bar.addStretch(1)
        self.empty = named(QLabel(), "hint")
        self.empty.setWordWrap(True)
        self.model = ResultsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(150)
        self.verdict = named(QLabel(), "verdict")
        self.verdict.setWordWrap(True)
        self.warnings = named(QLabel(), "warning")
        self.warnings.setWordWrap(True)
        self.chart = IntervalChart()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.verdict)
        layout.addWidget(self.warnings)
        layout.addWidget(self.table)
        layout.addWidget(self.chart, 1)
        self._retranslate()
        self.set_results((), None, None)

    def set_results(self, results: Sequence[VariantResult], analysis: Analysis | None,
                    winner: str | None) -> None:
        """Show the results, their analysis and the chosen winner (if any)."""
        self._analysis = analysis
        self._has_results = bool(results)
        self._winner = winner
        self.model.set_results(results, analysis)
        for widget in (self.table, self.chart, self.verdict):
            widget.setVisible(self._has_results)
        self.empty.setVisible(not self._has_results)
        self._show_verdict()

    def _show_verdict(self) -> None:
        analysis = self._analysis
        if analysis is None:
            self.verdict.setText(self.tr("These results cannot be analysed on the deciding "
                                         "metric.") if self._has_results else "")
            self.warnings.setVisible(False)
            self.winner_button.setVisible(False)
            self.chart.set_analysis(None, "")
            return
        text = analysis_verdict(analysis)
        if self._winner:
            text += " " + self.tr("Chosen winner: {0}.").format(self._winner)
        self.verdict.setText(text)
        warnings = [warning_text(code) for code in analysis.warnings]
        self.warnings.setText("\n".join("⚠ " + w for w in warnings))
        self.warnings.setVisible(bool(warnings))
        self.winner_button.setVisible(bool(analysis.winner) and analysis.winner != self._winner)
        if analysis.winner:
            self.winner_button.setText(self.tr("Choose {0} as the winner").format(
                analysis.winner))
        self.chart.set_analysis(analysis, self.tr("Rate of {0} with its 95 % interval").format(
            _metric(analysis.metric)))

    def _on_winner_clicked(self) -> None:
        if self._analysis is not None and self._analysis.winner:
            self.winner_requested.emit(self._analysis.winner)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.import_button.setText(self.tr("Import results…"))
        self.pull_button.setText(self.tr("Pull results from Unisender"))
        self.pull_button.setToolTip(self.tr(
            "Reads each variant's delivered, unique opens and unique clicks from the "
            "Unisender campaigns this campaign was exported to"))
        self.import_button.setToolTip(self.tr(
            "A CSV with the columns variant,sent,opens,clicks,conversions"))
        self.empty.setText(self.tr(
            "No results yet. After the send, import a CSV (variant, sent, opens, clicks, "
            "conversions) or pull them from Unisender."))
        self._show_verdict()


def _metric(metric: str) -> str:
    from ui.campaigns.words import metric_name

    return metric_name(metric)
