"""The Export page: choose a campaign and a target, check it, export it, see the history.

Everything slow runs off the GUI thread (:mod:`ui.tasks`): the preview
(translation and groups) on the read pool, the export itself on the write
pool with a progress bar, a step log and a Cancel button. Cancelling stops
after the current request; what was created is recorded, so exporting again
resumes (esp.steps).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from esp.history import ExportRecord
from esp.http import ExportCancelled
from esp.steps import describe
from ui.export.data import (
    CampaignChoice,
    HistoryData,
    Preview,
    created_counts,
    load_campaigns,
    load_history,
    load_preview,
)
from ui.language import current_language
from ui.pages import PageContext
from ui.style import named
from ui.tasks import RequestCounter, Task, error_message

log = logging.getLogger(__name__)

TARGETS = (("unisender", "Unisender"), ("unisender-go", "Unisender Go"))
TARGET_NAMES = dict(TARGETS)


class _StepRelay(QObject):
    """Carries step-log lines from the export's worker thread to the page (queued)."""

    line = Signal(str)


def _ru() -> bool:
    return QLocale().language() == QLocale.Language.Russian


class ExportPage(QWidget):
    """Campaign + target → check → export with progress → history.

    Signals:
        ready(): the campaigns, the preview and the history are drawn.
    """

    ready = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._engine = context.engine
        self._campaigns: list[CampaignChoice] = []
        self._preview: Preview | None = None
        self._history: HistoryData = HistoryData()
        self._task: Task[Any] | None = None
        self._preview_counter = RequestCounter()
        self._loaded = {"campaigns": False, "history": False, "preview": False}
        self._relay = _StepRelay(self)
        self._relay.line.connect(self._on_relay_line)
        self._last_status = ("", "")

        # -- the chooser row
        self.campaign = QComboBox()
        self.campaign.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.campaign.setMinimumContentsLength(22)
        self.target = QComboBox()
        for key, title in TARGETS:
            self.target.addItem(title, key)
        self.winner = QCheckBox()
        self.api_url = QLineEdit()
        self.api_url.setClearButtonEnabled(True)
        self.api_url.setMinimumWidth(170)
        self.dry_run_button = QPushButton()
        self.export_button = named(QPushButton(), "primary")
        self.export_button.setStyleSheet(
            "QPushButton#primary:disabled { background: #a9bfe8; border-color: #a9bfe8; }")
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.pull_button = QPushButton()
        self._campaign_label = QLabel()
        self._target_label = QLabel()
        self._url_label = QLabel()
        row = QHBoxLayout()
        row.setSpacing(8)
        for widget in (self._campaign_label, self.campaign, self._target_label, self.target,
                       self.winner):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.pull_button)
        url_row = QHBoxLayout()
        url_row.setSpacing(8)
        url_row.addWidget(self._url_label)
        url_row.addWidget(self.api_url, 1)
        url_row.addSpacing(12)
        url_row.addWidget(self.dry_run_button)
        url_row.addWidget(self.export_button)
        url_row.addWidget(self.cancel_button)
        self.setStyleSheet("QPushButton:disabled { color: #a3abb8; }")

        # -- before sending: groups and the translation report
        self._groups_title = named(QLabel(), "sectionTitle")
        self.groups = QTableWidget(0, 3)
        self.groups.verticalHeader().hide()
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.groups.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.groups.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.groups.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.groups.horizontalHeader().setStretchLastSection(True)
        self.groups.setShowGrid(False)
        self.groups.verticalHeader().setDefaultSectionSize(26)
        self.groups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_groups(3)
        self._report_title = named(QLabel(), "sectionTitle")
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.notice = QLabel(wordWrap=True)
        before = QWidget()
        before_layout = QVBoxLayout(before)
        before_layout.setContentsMargins(0, 0, 6, 0)
        before_layout.addWidget(self._groups_title)
        before_layout.addWidget(self.groups)
        before_layout.addWidget(self.notice)
        before_layout.addWidget(self._report_title)
        before_layout.addWidget(self.report, 1)

        # -- progress and step log
        self._progress_title = named(QLabel(), "sectionTitle")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step_log = QPlainTextEdit()
        self.step_log.setReadOnly(True)
        self.step_log.setMaximumBlockCount(5000)
        self.step_log.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        running = QWidget()
        running_layout = QVBoxLayout(running)
        running_layout.setContentsMargins(6, 0, 0, 0)
        running_layout.addWidget(self._progress_title)
        running_layout.addWidget(self.progress)
        running_layout.addWidget(self.status)
        running_layout.addWidget(self.step_log, 1)

        top_split = QSplitter(Qt.Orientation.Horizontal)
        top_split.addWidget(before)
        top_split.addWidget(running)
        top_split.setSizes([480, 520])
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 6)
        top_layout.addLayout(row)
        top_layout.addLayout(url_row)
        top_layout.addWidget(top_split, 1)

        # -- history
        self._history_title = named(QLabel(), "sectionTitle")
        self.history = QTableWidget(0, 5)
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setAlternatingRowColors(True)
        self.history.setShowGrid(False)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.setWordWrap(False)
        header = self.history.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        self.history_details = QTextBrowser()
        self.history_details.setOpenLinks(False)
        self.history_details.setStyleSheet(
            "QTextBrowser { background: #f4f7fd; border: 1px solid #d6e0f5; "
            "border-radius: 6px; padding: 4px; }")
        self.history_empty = named(QLabel(wordWrap=True), "emptyState")
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 6, 0, 0)
        bottom_layout.addWidget(self._history_title)
        history_row = QHBoxLayout()
        history_row.addWidget(self.history, 3)
        history_row.addWidget(self.history_details, 2)
        bottom_layout.addLayout(history_row, 1)
        bottom_layout.addWidget(self.history_empty)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([400, 190])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self.campaign.currentIndexChanged.connect(self._on_choice_changed)
        self.target.currentIndexChanged.connect(self._on_choice_changed)
        self.winner.toggled.connect(self._update_buttons)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.dry_run_button.clicked.connect(self._on_dry_run_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.pull_button.clicked.connect(self._on_pull_clicked)
        self.history.itemSelectionChanged.connect(self._on_history_selection_changed)
        self._retranslate()
        self.refresh()

    # -- public ---------------------------------------------------------------

    def is_ready(self) -> bool:
        """Whether campaigns, preview and history are drawn."""
        return all(self._loaded.values())

    def is_running(self) -> bool:
        """Whether an export runs now."""
        return self._task is not None

    def refresh(self) -> None:
        """Reload the campaigns and the history (after a change elsewhere)."""
        self._loaded = {"campaigns": False, "history": False, "preview": False}
        Task(load_campaigns, self._engine).owned_by(self).on_success(
            self._on_campaigns_loaded).start(self._context.pools.read)
        self._load_history()

    def select(self, campaign: str, target: str = "unisender") -> None:
        """Choose ``campaign`` and ``target`` (as the user would)."""
        index = self.campaign.findData(campaign)
        if index >= 0:
            self.campaign.setCurrentIndex(index)
        index = self.target.findData(target)
        if index >= 0:
            self.target.setCurrentIndex(index)

    def start_export(self, *, dry_run: bool = False) -> None:
        """Export the chosen campaign to the chosen target (off the GUI thread)."""
        name = self._campaign_name()
        if name is None or self._task is not None:
            return
        from esp.push import push_campaign

        target = str(self.target.currentData())
        winner = self.winner.isChecked()
        self.step_log.clear()
        self.progress.setRange(0, 0)  # busy until the first progress report
        self._set_status(self.tr("Preparing {0}…").format(name), "")
        task: Task[Any] = (
            Task(push_campaign, self._engine, name, target, self._context.today,
                 api_url=self.api_url.text().strip() or None, dry_run=dry_run, winner=winner,
                 lang=current_language(), on_step=self._relay.line.emit)
            .with_progress(self._on_export_progressed)
            .cancellable()
            .owned_by(self)
            .on_success(self._on_export_finished)
            .on_failure(self._on_export_failed)
            .on_finished(self._on_export_ended))
        self._task = task
        self._dry_run = dry_run
        self._update_buttons()
        task.start(self._context.pools.write)

    def pull_results(self) -> None:
        """Read each variant's Unisender stats into the campaign's results (off the GUI thread)."""
        name = self._campaign_name()
        if name is None or self._task is not None:
            return
        from esp.stats import pull_stats

        self.step_log.clear()
        self.progress.setRange(0, 0)
        self._set_status(self.tr("Pulling the results of {0} from Unisender…").format(name), "")
        task: Task[Any] = (
            Task(pull_stats, self._engine, name,
                 api_url=self.api_url.text().strip() or None, lang=current_language())
            .owned_by(self)
            .on_success(self._on_results_pulled)
            .on_failure(self._on_export_failed)
            .on_finished(self._on_export_ended))
        self._task = task
        self._update_buttons()
        task.start(self._context.pools.write)

    def cancel(self) -> None:
        """Stop after the current request; what was created stays recorded."""
        if self._task is not None:
            self._task.cancel()
            self._set_status(self.tr("Cancelling after the current request…"), "")
            self.cancel_button.setEnabled(False)

    # -- loading --------------------------------------------------------------

    def _campaign_name(self) -> str | None:
        data = self.campaign.currentData()
        return str(data) if data else None

    def _on_campaigns_loaded(self, campaigns: list[CampaignChoice]) -> None:
        current = self._campaign_name()
        self._campaigns = campaigns
        self.campaign.blockSignals(True)
        self.campaign.clear()
        for choice in campaigns:
            self.campaign.addItem(choice.name, choice.name)
        index = self.campaign.findData(current) if current else 0
        self.campaign.setCurrentIndex(max(index, 0))
        self.campaign.blockSignals(False)
        self._loaded["campaigns"] = True
        self._on_choice_changed()

    def _reload_preview(self) -> None:
        """Load the preview again, keeping the old one on screen until it arrives."""
        name = self._campaign_name()
        if name is None:
            return
        self._loaded["preview"] = False
        (Task(load_preview, self._engine, name, str(self.target.currentData()),
              self._context.today)
         .owned_by(self).drop_if_stale(self._preview_counter)
         .on_success(self._on_preview_loaded)
         .on_failure(self._on_preview_failed)
         .start(self._context.pools.read))

    def _fit_groups(self, rows: int) -> None:
        height = self.groups.horizontalHeader().sizeHint().height() + 26 * max(rows, 3) + 4
        self.groups.setFixedHeight(height)

    def _on_choice_changed(self, *_args: Any) -> None:
        name = self._campaign_name()
        choice = next((c for c in self._campaigns if c.name == name), None)
        self.winner.setEnabled(bool(choice and choice.winner))
        if not (choice and choice.winner):
            self.winner.setChecked(False)
        self._preview = None
        self.groups.setRowCount(0)
        self.report.clear()
        self.notice.clear()
        if name is None:
            self.notice.setText(self.tr("No campaigns yet: create one on the Campaigns page."))
            self.notice.setVisible(True)
            self._loaded["preview"] = True
            self._update_buttons()
            self._emit_if_ready()
            return
        self._loaded["preview"] = False
        self.notice.setVisible(True)
        self.notice.setText(self.tr("Checking the campaign for {0}…").format(
            TARGET_NAMES.get(str(self.target.currentData()), "")))
        (Task(load_preview, self._engine, name, str(self.target.currentData()),
              self._context.today)
         .owned_by(self).drop_if_stale(self._preview_counter)
         .on_success(self._on_preview_loaded)
         .on_failure(self._on_preview_failed)
         .start(self._context.pools.read))
        self._update_buttons()

    def _on_preview_loaded(self, preview: Preview) -> None:
        self._preview = preview
        self._show_preview()
        self._loaded["preview"] = True
        self._update_buttons()
        self._emit_if_ready()

    def _on_preview_failed(self, exc: BaseException) -> None:
        self.notice.setText("⚠ " + error_message(exc))
        self.notice.setVisible(True)
        self._loaded["preview"] = True
        self._update_buttons()
        self._emit_if_ready()

    def _load_history(self) -> None:
        self._loaded["history"] = False
        Task(load_history, self._engine).owned_by(self).on_success(
            self._on_history_loaded).start(self._context.pools.read)

    def _on_history_loaded(self, history: HistoryData) -> None:
        self._history = history
        self._show_history()
        self._loaded["history"] = True
        self._emit_if_ready()

    def _emit_if_ready(self) -> None:
        if self.is_ready():
            self.ready.emit()

    # -- drawing --------------------------------------------------------------

    def _show_preview(self) -> None:
        preview = self._preview
        self.groups.setRowCount(0)
        self.report.clear()
        if preview is None:
            return
        if preview.error:
            self.notice.setText("⚠ " + preview.error)
            self.notice.setVisible(True)
            return
        self.groups.setRowCount(len(preview.groups))
        self._fit_groups(len(preview.groups))
        locale = QLocale()
        for row, group in enumerate(preview.groups):
            label = self.tr("Remainder (winner {0})").format(preview.winner) \
                if group.label == "rest" and preview.winner else (
                    self.tr("Remainder") if group.label == "rest"
                    else self.tr("Variant {0}").format(group.label))
            count = QTableWidgetItem(locale.toString(group.contacts))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            subject = group.subject or ("—" if group.label == "rest" else "")
            for column, item in enumerate((QTableWidgetItem(label), count,
                                           QTableWidgetItem(subject))):
                self.groups.setItem(row, column, item)
        notices = []
        where = TARGET_NAMES.get(preview.target, "")
        if preview.complete:
            notices.append(self.tr("Exported to {1}: {0} object(s) recorded. Exporting again "
                                   "creates nothing.").format(preview.recorded, where))
        elif preview.recorded:
            notices.append(self.tr("{0} object(s) already created at {1} by an earlier export: "
                                   "exporting again resumes and creates nothing twice.")
                           .format(preview.recorded, where))
        if not any(g.label == "rest" and g.contacts for g in preview.groups):
            pass
        elif not preview.winner:
            notices.append(self.tr("The remainder gets the winner later: choose it on the "
                                   "Campaigns page, then export with “Winner to the "
                                   "remainder”."))
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        self.report.setPlainText(self._report_text(preview.report))

    def _report_text(self, report: dict[str, Any]) -> str:
        ru = _ru()
        lines: list[str] = []
        problems = report.get("problems") or []
        if not report:
            return ""
        errors = [p for p in problems if p.get("severity") == "error"]
        if errors:
            lines.append(self.tr("✗ Cannot be exported as it is:"))
        elif problems:
            lines.append(self.tr("✓ Can be exported, with remarks:"))
        else:
            lines.append(self.tr("✓ Everything in the template can be expressed."))
        seen: set[tuple[str, str, str]] = set()
        for problem in problems:
            mark = "✗" if problem.get("severity") == "error" else "!"
            text = problem.get("message_ru") if ru and problem.get("message_ru") else \
                problem.get("message", "")
            where = problem.get("where") or ""
            if (str(problem.get("code")), where, text) in seen:
                continue  # the same remark at another place of the same part
            seen.add((str(problem.get("code")), where, text))
            lines.append(f"  {mark} [{problem.get('code')}] {where}: {text}")
            for way in problem.get("ways_out") or []:
                lines.append("      → " + str(way.get("ru" if ru else "en", way.get("id"))))
        variables = report.get("variables") or []
        if variables:
            lines.append("")
            lines.append(self.tr("Variables:"))
            for use in variables:
                became = str(use.get("became"))
                if became == "(filled in by Konvert)":  # esp/translate.py's marker
                    became = self.tr("(filled in by Konvert)")
                lines.append(f"  {use.get('name')} → {became}")
        return "\n".join(lines)

    def _show_history(self) -> None:
        records = self._history.records
        self.history.setRowCount(len(records))
        for row, record in enumerate(records):
            values = (record.at.strftime("%Y-%m-%d %H:%M"),
                      TARGET_NAMES.get(record.target, record.target), record.subject,
                      self._result_text(record.result), self._created_text(record))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                item.setToolTip(value)
                if column == 3 and record.result in ("failed", "cancelled"):
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.history.setItem(row, column, item)
        self.history.setVisible(bool(records))
        self.history_details.setVisible(bool(records))
        self.history_empty.setVisible(not records)
        if records and not self.history.selectedItems():
            self.history.selectRow(0)
        self._on_history_selection_changed()

    def _result_text(self, result: str) -> str:
        return {"ok": self.tr("done"), "failed": self.tr("failed"),
                "cancelled": self.tr("cancelled"), "running": self.tr("running or interrupted"),
                "dry-run": self.tr("dry run")}.get(result, result)

    def _created_text(self, record: ExportRecord) -> str:
        counts = created_counts(record)
        if not counts:
            return self.tr("nothing new") if record.result == "ok" else ""
        names = {"list": self.tr("lists: {0}"), "import": self.tr("contact batches: {0}"),
                 "message": self.tr("messages: {0}"), "campaign": self.tr("campaigns: {0}"),
                 "template": self.tr("templates: {0}"), "send": self.tr("send batches: {0}")}
        return ", ".join(names.get(kind, kind + ": {0}").format(n)
                         for kind, n in counts.items())

    def _on_history_selection_changed(self) -> None:
        items = self.history.selectedItems()
        if not items:
            self.history_details.setHtml("")
            return
        record_id = items[0].data(Qt.ItemDataRole.UserRole)
        record = next((r for r in self._history.records if r.id == record_id), None)
        if record is None:
            return
        lines = [f"<b>{_html(record.subject)}</b> → {TARGET_NAMES.get(record.target, '')}"
                 f" · {self._result_text(record.result)}"]
        created = record.details.get("created") or []
        if created:
            lines.append(self.tr("Created:"))
            for item in created[:12]:
                ident = f" — id {item.get('id')}" if item.get("id") else ""
                what = describe(str(item.get("key", "")), current_language(),
                                item.get("details") or {})
                lines.append("• " + _html(what) + ident)
            if len(created) > 12:
                lines.append(self.tr("… and {0} more").format(len(created) - 12))
        if record.message:
            lines.append(f"<span style='color:#b3261e'>{_html(record.message)}</span>")
        self.history_details.setHtml("<br>".join(lines))

    # -- running --------------------------------------------------------------

    def _on_export_clicked(self) -> None:
        self.start_export()

    def _on_dry_run_clicked(self) -> None:
        self.start_export(dry_run=True)

    def _on_cancel_clicked(self) -> None:
        self.cancel()

    def _on_pull_clicked(self) -> None:
        self.pull_results()

    @Slot(str)
    def _on_relay_line(self, line: str) -> None:
        self._append_log(line)
        if line.startswith(("+", "=")):
            self.status.setText(line[2:])

    def _append_log(self, line: str, color: str | None = None) -> None:
        cursor = self.step_log.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        fmt = QTextCharFormat()
        if color is None:
            color = {"~": "#8a5a00", "!": "#8a5a00", "=": "#5f6b7c"}.get(line[:1], "#1d2433")
        fmt.setForeground(QColor(color))
        if not self.step_log.document().isEmpty():
            cursor.insertBlock()
        cursor.insertText(line, fmt)
        self.step_log.setTextCursor(cursor)
        self.step_log.ensureCursorVisible()

    def _on_export_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_export_finished(self, result: tuple[Any, Any]) -> None:
        outcome = result[0]
        if outcome.dry_run:
            for request in outcome.requests:
                self._append_log(request, "#2b3445")
            self._set_status(self.tr("Dry run: {0} request(s) would be made; nothing was sent.")
                             .format(len(outcome.requests)), "")
        else:
            created = len(outcome.created)
            ids = [f"{v.get('group')}: {v.get('campaign_id')}" for v in outcome.variants
                   if v.get("campaign_id")]
            text = self.tr("Done: {0} object(s) created.").format(created) if created else \
                self.tr("Everything was already done: nothing created.")
            if ids:
                text += " " + self.tr("Campaign ids: {0}").format(", ".join(ids))
            self._set_status(text, "ok")
        self.progress.setRange(0, 1)
        self.progress.setValue(1)

    def _on_results_pulled(self, stats: list[Any]) -> None:
        locale = QLocale()

        def pct(value: float | None) -> str:
            return "—" if value is None else locale.toString(value * 100, "f", 1) + " %"

        for s in stats:
            self._append_log(self.tr("{0}: delivered {1}, opened {2} ({3}), clicked {4} ({5})")
                             .format(s.variant, locale.toString(s.delivered),
                                     locale.toString(s.read_unique), pct(s.open_rate),
                                     locale.toString(s.clicked_unique), pct(s.click_rate)))
        self._set_status(self.tr("Results stored in the campaign: see them on the Campaigns "
                                 "page."), "ok")
        self.progress.setRange(0, 1)
        self.progress.setValue(1)

    def _on_export_failed(self, exc: BaseException) -> None:
        message = error_message(exc)
        if isinstance(exc, ExportCancelled):
            self._set_status(self.tr("Cancelled. What was created is recorded: export again to "
                                     "continue."), "warning")
        else:
            self._set_status("⚠ " + message, "error")
        self._append_log("✗ " + message, "#b3261e")
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)

    def _on_export_ended(self) -> None:
        self._task = None
        self.cancel_button.setEnabled(False)
        self._update_buttons()
        self._load_history()
        self._reload_preview()

    def _set_status(self, text: str, kind: str) -> None:
        self._last_status = (text, kind)
        self.status.setText(text)
        self.status.setObjectName({"error": "error", "warning": "warning"}.get(kind, ""))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _update_buttons(self, *_args: Any) -> None:
        running = self._task is not None
        blocked = bool(self._preview and self._preview.report
                       and self._preview.report.get("problems")
                       and any(p.get("severity") == "error"
                               for p in self._preview.report["problems"]))
        have = self._campaign_name() is not None and not (self._preview and self._preview.error)
        self.export_button.setEnabled(have and not running and not blocked)
        self.dry_run_button.setEnabled(have and not running and not blocked)
        self.cancel_button.setEnabled(running and not (self._task and self._task.is_cancelled()))
        self.pull_button.setEnabled(
            not running and bool(self._preview and self._preview.target == "unisender"
                                 and self._preview.complete))
        for widget in (self.campaign, self.target, self.api_url):
            widget.setEnabled(not running)
        self.winner.setEnabled(not running and bool(self._preview and self._preview.winner))

    # -- language -------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._campaign_label.setText(self.tr("Campaign"))
        self._target_label.setText(self.tr("Send to"))
        self.winner.setText(self.tr("Winner to the remainder"))
        self.winner.setToolTip(self.tr("Send the chosen winner to the rest of the segment "
                                       "(after the test)"))
        self._url_label.setText(self.tr("API address"))
        self.api_url.setPlaceholderText(self.tr("the service's own address (change only for "
                                                "a test server, e.g. http://127.0.0.1:8080)"))
        self.dry_run_button.setText(self.tr("Dry run"))
        self.dry_run_button.setToolTip(self.tr("List every request without sending anything"))
        self.export_button.setText(self.tr("Export"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.pull_button.setText(self.tr("Pull results"))
        self.pull_button.setToolTip(self.tr("Read opens and clicks of each variant from "
                                            "Unisender into the campaign's results"))
        self._groups_title.setText(self.tr("Groups"))
        self.groups.setHorizontalHeaderLabels([self.tr("Group"), self.tr("Contacts"),
                                               self.tr("Subject")])
        self._report_title.setText(self.tr("Translation report"))
        self._progress_title.setText(self.tr("Progress"))
        self._history_title.setText(self.tr("Export history"))
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Where"),
                                                self.tr("Campaign"), self.tr("Result"),
                                                self.tr("Created")])
        self.history_empty.setText(self.tr("Nothing has been exported yet."))
        if not self.status.text():
            self.status.setText(self.tr("Choose a campaign and where to send it, then Export. "
                                        "Cancel stops safely: exporting again resumes."))
        if self._preview is not None:
            self._show_preview()
        self._show_history()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
