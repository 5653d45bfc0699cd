"""The Segments page: saved segments, ready-made ones, the builder, live count, sample, funnel.

Layout: the saved segments on the left (with Ready-made… and Compare…);
on the right the open segment's name and actions, the live count, the
builder, and under it the first members and the lifecycle chart.

Everything slow runs on the read pool (count and sample, suggestions,
chart, explain, overlap, CSV export) or the write pool (save, rename,
duplicate, delete). The live count is debounced and stale counts are
dropped, so typing never waits for the database.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QLocale, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from segments import (
    PRESETS,
    PRESETS_BY_ID,
    SavedSegment,
    custom_fields,
    distinct_values,
    lifecycle_counts,
    list_segments,
)
from segments.edits import error_path, missing_value_paths, node_kind, path_text
from ui.pages import PageContext, RecordsTableModel
from ui.retranslate import Retranslating
from ui.segments.actions import (
    CountResult,
    count_with_sample,
    duplicate_segment,
    export_members_csv,
    remove_segment,
    rename_segment,
    save_new,
    save_rule,
)
from ui.segments.builder import RuleBuilder
from ui.segments.chart import LifecycleChart
from ui.segments.dialogs import ExplainDialog, OverlapDialog
from ui.segments.labels import field_label, is_russian
from ui.style import named
from ui.tasks import Debouncer, RequestCounter, Task, error_message

log = logging.getLogger(__name__)

COUNT_DELAY_MS = 300
"""Pause in editing after which the live count runs."""

AUTOSAVE_DELAY_MS = 1500
"""Pause in editing after which a saved segment is saved again."""

PAGE_STYLE = """
QLabel#countValue { font-size: 22px; font-weight: 600; color: #1d2433; }
QLabel#segmentName { font-size: 16px; font-weight: 600; color: #1d2433; }
QLabel#sectionTitle { font-weight: 600; color: #3a4456; }
QListWidget#savedSegments { border: 1px solid #dde1e7; border-radius: 6px; }
QListWidget#savedSegments::item { padding: 5px 6px; }
QListWidget#savedSegments::item:selected { background: #dbe6fb; color: #10284f; }
"""


class SegmentsPage(Retranslating, QWidget):
    """The segment builder page (see the module doc).

    Signals:
        ready: the count of the open rule and the lifecycle chart are drawn.
        counted: a live count (or the reason there is none) was shown.
        segments_loaded: the list of saved segments was (re)loaded.
        saved(str): a segment was saved under this name.
        exported(int): a CSV export finished with this many contacts.
    """

    ready = Signal()
    counted = Signal()
    segments_loaded = Signal()
    saved = Signal(str)
    exported = Signal(int)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._engine = context.engine
        self._pools = context.pools
        self._today = context.today
        self._saved: dict[str, Any] = {}
        self._count_done = False
        self._chart_done = False
        self._count_counter = RequestCounter()
        self._suggestions: dict[tuple[str, str], list[str]] = {}
        self._suggest_latest: dict[int, str] = {}
        self._preset_id = ""
        self.last_result: CountResult | None = None
        self.last_error = ""
        self.setStyleSheet(PAGE_STYLE)

        self.builder = RuleBuilder(self._today, self._suggest, self)
        self.builder.rule_changed.connect(self._on_builder_rule_changed)
        self.undo_stack = self.builder.undo_stack
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        self._debouncer = Debouncer(COUNT_DELAY_MS, self._run_count, self)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self._on_autosave_timeout)

        self._build_left()
        self._build_right()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self._left)
        layout.addWidget(self._right, 1)
        self._retranslate()

        self._load_custom_fields()
        self.reload_segments()
        self.load_chart()
        self.open_preset(PRESETS[0].id)

    # -- building -------------------------------------------------------------

    def _build_left(self) -> None:
        self._left = QWidget()
        self._left.setFixedWidth(210)
        left = QVBoxLayout(self._left)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(8)
        self._saved_title = named(QLabel(), "sectionTitle")
        self.saved_list = named(QListWidget(), "savedSegments")
        self.saved_list.itemClicked.connect(self._on_saved_list_item_clicked)
        self.saved_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.saved_list.customContextMenuRequested.connect(
            self._on_saved_list_context_menu_requested)
        self._saved_empty = named(QLabel(), "hint")
        self._saved_empty.setWordWrap(True)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.presets_button = QToolButton()
        self.presets_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.presets_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._presets_menu = QMenu(self.presets_button)
        self.presets_button.setMenu(self._presets_menu)
        self.presets_button.setSizePolicy(self.new_button.sizePolicy())
        self.compare_button = QPushButton()
        self.compare_button.clicked.connect(self.open_overlap)
        left.addWidget(self._saved_title)
        left.addWidget(self.saved_list, 1)
        left.addWidget(self._saved_empty)
        left.addWidget(self.new_button)
        left.addWidget(self.presets_button)
        left.addWidget(self.compare_button)

    def _build_right(self) -> None:
        self._right = QWidget()
        right = QVBoxLayout(self._right)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(10)

        top = QHBoxLayout()
        self.name_label = named(QLabel(), "segmentName")
        top.addWidget(self.name_label, 1)
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        # Plain buttons: the actions' texts grow with the command name ("Undo Move").
        self.undo_button = QToolButton()
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button = QToolButton()
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.redo_button.setEnabled(False)
        self.save_button = named(QPushButton(), "primary")
        self.save_button.clicked.connect(self.save)
        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.save_as_button = QPushButton()
        self.save_as_button.clicked.connect(self._on_save_as_button_clicked)
        self.explain_button = QPushButton()
        self.explain_button.clicked.connect(self.open_explain)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._on_export_button_clicked)
        for widget in (self.undo_button, self.redo_button, self.save_button,
                       self.save_as_button, self.explain_button, self.export_button):
            top.addWidget(widget)
        right.addLayout(top)

        banner = named(QFrame(), "infoBanner")
        row = QHBoxLayout(banner)
        row.setContentsMargins(16, 8, 16, 8)
        row.setSpacing(10)
        self.count_value = named(QLabel("…"), "countValue")
        self.count_text = QLabel()
        self.error_label = named(QLabel(), "errorText")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.count_value)
        row.addWidget(self.count_text)
        row.addWidget(self.error_label, 1)
        right.addWidget(banner)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumHeight(200)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 6, 0)
        holder_layout.addWidget(self.builder)
        holder_layout.addStretch(1)
        scroll.setWidget(holder)
        self._scroll = scroll

        bottom = QSplitter(Qt.Orientation.Horizontal)
        members = QWidget()
        members_layout = QVBoxLayout(members)
        members_layout.setContentsMargins(0, 0, 0, 0)
        self._members_title = named(QLabel(), "sectionTitle")
        self.sample_model = RecordsTableModel(self)
        self.sample_table = QTableView()
        self.sample_table.setModel(self.sample_model)
        self.sample_table.verticalHeader().hide()
        self.sample_table.verticalHeader().setDefaultSectionSize(24)
        self.sample_table.setShowGrid(False)
        self.sample_table.setAlternatingRowColors(True)
        self.sample_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sample_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.sample_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(150)
        # The columns exist only once the first sample arrives: a per-section mode
        # set now would be lost, so the email column is stretched on every reset.
        self.sample_model.modelReset.connect(self._on_sample_model_reset)
        members_layout.addWidget(self._members_title)
        members_layout.addWidget(self.sample_table, 1)
        self.chart = LifecycleChart()
        self.chart.status_clicked.connect(self._on_chart_status_clicked)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(8, 0, 0, 0)
        chart_layout.addWidget(self.chart)
        self._chart_hint = named(QLabel(), "hint")
        self._chart_hint.setWordWrap(True)
        chart_layout.addWidget(self._chart_hint)
        chart_layout.addStretch(1)
        bottom.addWidget(members)
        bottom.addWidget(chart_box)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(scroll)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        split.setSizes([640, 300])
        self._split = split
        right.addWidget(split, 1)

    def _on_sample_model_reset(self) -> None:
        header = self.sample_table.horizontalHeader()
        if header.count():
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    # -- the page protocol --------------------------------------------------------

    def is_ready(self) -> bool:
        """Whether the live count (or its error) and the chart are drawn."""
        return self._count_done and self._chart_done and not self._debouncer.is_pending()

    def refresh(self) -> None:
        """The workspace changed (an import): reload everything and count again."""
        self._suggestions.clear()
        self._load_custom_fields()
        self.reload_segments()
        self.load_chart()
        self._start_count()

    # -- opening documents ------------------------------------------------------------

    def open_rule(self, rule: Any, name: str = "") -> None:
        """Edit ``rule``; ``name`` is the saved segment it comes from ("" for a new one)."""
        self._flush_autosave()
        self._preset_id = ""
        self.builder.load(rule, name)
        self._select_in_list(name)
        self._update_title()

    def open_preset(self, preset_id: str) -> None:
        """Open a ready-made segment as a new, unsaved one."""
        preset = PRESETS_BY_ID[preset_id]
        self.open_rule(preset.rules)
        self._preset_id = preset_id
        self._update_title()

    def open_saved(self, name: str) -> None:
        """Open saved segment ``name`` (as last loaded in the list)."""
        if name in self._saved:
            self.open_rule(self._saved[name], name)

    def current_name(self) -> str:
        """The saved segment being edited ("" for a new one)."""
        return self.builder.segment_name

    def is_modified(self) -> bool:
        """Whether the open segment has changes that are not saved."""
        return not self.undo_stack.isClean() or not self.builder.segment_name

    # -- saving and the list ---------------------------------------------------------------

    def save(self) -> None:
        """Save the open segment; a new one asks for a name first."""
        if self.builder.segment_name:
            self._save_current()
            return
        suggested = ""
        if self._preset_id:
            preset = PRESETS_BY_ID[self._preset_id]
            suggested = preset.title_ru if is_russian() else preset.title_en
        name, ok = QInputDialog.getText(self, self.tr("Save segment"), self.tr("Segment name:"),
                                        text=suggested)
        if ok and name.strip():
            self.save_as(name)

    def save_as(self, name: str) -> None:
        """Save the open rule as a new segment ``name`` and go on editing that one."""
        index = self.undo_stack.index()
        Task(save_new, self._engine, name, self.builder.rule()).owned_by(self).on_success(
            lambda saved: self._on_saved(saved, index)).on_failure(
            self._on_save_failed).start(self._pools.write)

    def _save_current(self) -> None:
        index = self.undo_stack.index()
        Task(save_rule, self._engine, self.builder.segment_name, self.builder.rule()).owned_by(
            self).on_success(lambda saved: self._on_saved(saved, index)).on_failure(
            self._on_save_failed).start(self._pools.write)

    def _on_saved(self, name: str, index: int) -> None:
        self.builder.segment_name = name
        self._preset_id = ""
        # Clean only if nothing changed while saving; else the newer edits stay unsaved.
        if self.undo_stack.index() == index:
            self.undo_stack.setClean()
        self._update_title()
        self._show_message(self.tr("Segment “{0}” saved.").format(name))
        self.reload_segments(select=name)
        self.saved.emit(name)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._show_error(self.tr("Not saved: {0}").format(error_message(exc)))

    def rename(self, old: str, new: str) -> None:
        """Rename saved segment ``old`` to ``new``."""
        Task(rename_segment, self._engine, old, new).owned_by(self).on_success(
            lambda name: self._on_renamed(old, name)).start(self._pools.write)

    def _on_renamed(self, old: str, new: str) -> None:
        if self.builder.segment_name == old:
            self.builder.segment_name = new
            self._update_title()
        self.reload_segments(select=new if self.builder.segment_name == new else None)

    def duplicate(self, name: str) -> None:
        """Save a copy of saved segment ``name`` and open it."""
        Task(duplicate_segment, self._engine, name, self.tr("copy")).owned_by(self).on_success(
            self._on_duplicated).start(self._pools.write)

    def _on_duplicated(self, name: str) -> None:
        self.reload_segments(select=name, open_selected=True)

    def delete(self, name: str) -> None:
        """Delete saved segment ``name`` (no question asked; the menu asks first)."""
        Task(remove_segment, self._engine, name).owned_by(self).on_success(
            self._on_deleted).start(self._pools.write)

    def _on_deleted(self, name: str) -> None:
        if self.builder.segment_name == name:
            # The rule stays open as a new, unsaved segment.
            self.builder.segment_name = ""
            self._update_title()
        self.reload_segments()

    def reload_segments(self, select: str | None = None, open_selected: bool = False) -> None:
        """Load the saved segments list (off the GUI thread)."""
        Task(list_segments, self._engine).owned_by(self).on_success(
            lambda segments: self._on_segments_loaded(segments, select, open_selected)
        ).start(self._pools.read)

    def _on_segments_loaded(self, segments: list[SavedSegment], select: str | None,
                            open_selected: bool) -> None:
        self._saved = {s.name: s.rules for s in segments}
        self.saved_list.clear()
        for segment in segments:
            item = QListWidgetItem(segment.name)
            item.setData(Qt.ItemDataRole.UserRole, segment.name)
            self.saved_list.addItem(item)
        self._saved_empty.setVisible(not segments)
        self.builder.set_segment_names(list(self._saved))
        self._select_in_list(select if select is not None else self.builder.segment_name)
        if open_selected and select in self._saved:
            self.open_saved(select)
        self.segments_loaded.emit()

    def saved_names(self) -> list[str]:
        """Names in the saved segments list."""
        return list(self._saved)

    def _select_in_list(self, name: str | None) -> None:
        self.saved_list.clearSelection()
        for i in range(self.saved_list.count()):
            item = self.saved_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                self.saved_list.setCurrentItem(item)

    # -- autosave ----------------------------------------------------------------

    def _on_undo_stack_index_changed(self, _index: int) -> None:
        if self.builder.segment_name and not self.undo_stack.isClean():
            self._autosave.start()

    def _on_autosave_timeout(self) -> None:
        if (self.builder.segment_name and not self.undo_stack.isClean()
                and not missing_value_paths(self.builder.rule())):
            self._save_current()

    def _flush_autosave(self) -> None:
        if self._autosave.isActive():
            self._autosave.stop()
            self._on_autosave_timeout()

    # -- live count -----------------------------------------------------------------

    def _on_builder_rule_changed(self) -> None:
        self._count_done = False
        self.count_value.setText("…")
        self._debouncer.trigger()
        self._update_title()

    def _start_count(self) -> None:
        self._count_done = False
        self.count_value.setText("…")
        self._debouncer.trigger()

    def count_now(self) -> None:
        """Run the pending count at once (tests, Enter)."""
        self._debouncer.flush()

    def _run_count(self) -> None:
        rule = self.builder.rule()
        missing = missing_value_paths(rule)
        if missing:
            self._count_counter.invalidate()
            node = self.builder.document.node(missing[0])
            what = (field_label(str(node.get("field"))) if node_kind(node) == "condition"
                    else self.tr("In segment"))
            self._show_count_error(self.tr("Fill in the value of “{0}” to count.").format(what),
                                   missing[0])
            return
        Task(count_with_sample, self._engine, rule, self._today).owned_by(self).drop_if_stale(
            self._count_counter).on_success(self._on_count_loaded).on_failure(
            self._on_count_failed).start(self._pools.read)

    def _on_count_loaded(self, result: CountResult) -> None:
        self.last_result = result
        self.last_error = ""
        locale = QLocale()
        self.count_value.setText(locale.toString(result.count.count))
        self.count_text.setText(self.tr("contacts match · {0} can be sent to").format(
            locale.toString(result.count.sendable)))
        self.error_label.setText("")
        self.builder.mark_invalid(None)
        self.sample_model.set_rows([[m.email, " ".join(p for p in (m.first_name, m.last_name)
                                                       if p), m.city] for m in result.sample])
        self._finish_count()

    def _on_count_failed(self, exc: BaseException) -> None:
        message = error_message(exc)
        path = error_path(message)
        if path is not None:
            rest = message.partition(": ")[2]
            try:
                node = self.builder.document.node(path)
            except (IndexError, KeyError, ValueError):
                node = {}
            if node and node_kind(node) == "condition":
                message = f"{field_label(str(node.get('field')))}: {rest}"
            else:
                message = rest or message
        self._show_count_error(message, path)

    def _show_count_error(self, message: str, path: tuple[int, ...] | None) -> None:
        self.last_result = None
        self.last_error = message
        self.count_value.setText("—")
        self.count_text.setText("")
        self.error_label.setText(message)
        self.builder.mark_invalid(path)
        self.sample_model.set_rows([])
        self._finish_count()

    def _finish_count(self) -> None:
        self._count_done = True
        self.counted.emit()
        if self.is_ready():
            self.ready.emit()

    # -- chart ----------------------------------------------------------------------------

    def load_chart(self) -> None:
        """Count contacts per lifecycle status (off the GUI thread)."""
        self._chart_done = False
        self.chart.set_counts(None)
        Task(lifecycle_counts, self._engine, self._today).owned_by(self).on_success(
            self._on_chart_loaded).start(self._pools.read)

    def _on_chart_loaded(self, counts: dict[str, int]) -> None:
        self.chart.set_counts(counts)
        self._chart_done = True
        if self.is_ready():
            self.ready.emit()

    def _on_chart_status_clicked(self, status: str) -> None:
        preset_id = f"lifecycle_{status}"
        if preset_id in PRESETS_BY_ID:
            self.open_preset(preset_id)

    # -- suggestions -------------------------------------------------------------

    def _suggest(self, field: str, prefix: str, deliver: Any) -> None:
        owner = getattr(deliver, "__self__", None)
        key = (field, prefix.strip().casefold())
        self._suggest_latest[id(owner)] = key[1]
        cached = self._suggestions.get(key)
        if cached is not None:
            deliver(cached)
            return

        def on_loaded(values: list[str]) -> None:
            self._suggestions[key] = values
            alive = owner is None or (isinstance(owner, QObject) and shiboken6.isValid(owner))
            if alive and self._suggest_latest.get(id(owner)) == key[1]:
                deliver(values)

        Task(distinct_values, self._engine, field, prefix, 30).owned_by(self).on_success(
            on_loaded).on_failure(lambda exc: log.info("no suggestions: %s", exc)).start(
            self._pools.read)

    def _load_custom_fields(self) -> None:
        Task(custom_fields, self._engine).owned_by(self).on_success(
            self._on_custom_fields_loaded).start(self._pools.read)

    def _on_custom_fields_loaded(self, names: list[str]) -> None:
        self.builder.custom_fields = names

    # -- dialogs and export ---------------------------------------------------------------

    def open_explain(self) -> ExplainDialog:
        """Open the "why is this contact in the segment" dialog."""
        emails = [str(self.sample_model.data(self.sample_model.index(r, 0)))
                  for r in range(self.sample_model.rowCount())]
        dialog = ExplainDialog(self._engine, self._pools, self._today, self.builder.rule(),
                               emails, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        if emails:
            dialog.run()
        return dialog

    def open_overlap(self) -> OverlapDialog:
        """Open the comparison of two or three saved segments."""
        dialog = OverlapDialog(self._engine, self._pools, self._today, list(self._saved), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        if len(self._saved) >= 2:
            dialog.run()
        return dialog

    def export_csv(self, path: Path) -> None:
        """Write the members of the open rule to ``path`` (off the GUI thread)."""
        self._show_message(self.tr("Exporting members…"))
        Task(export_members_csv, self._engine, self.builder.rule(), self._today, path).owned_by(
            self).on_success(lambda n: self._on_exported(n, path)).start(self._pools.read)

    def _on_exported(self, written: int, path: Path) -> None:
        self._show_message(self.tr("{0} contacts written to {1}").format(
            QLocale().toString(written), str(path)))
        self.exported.emit(written)

    def _on_export_button_clicked(self) -> None:
        base = self.builder.segment_name or self.tr("segment")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export members to CSV"), f"{base}.csv",
            self.tr("CSV files (*.csv)"))
        if name:
            self.export_csv(Path(name))

    def _on_save_as_button_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as a new segment"),
                                        self.tr("Segment name:"))
        if ok and name.strip():
            self.save_as(name)

    # -- list and menus ---------------------------------------------------------------

    def _on_saved_list_item_clicked(self, item: QListWidgetItem) -> None:
        name = str(item.data(Qt.ItemDataRole.UserRole))
        if name == self.builder.segment_name:
            return
        if not self.builder.segment_name and not self.undo_stack.isClean():
            answer = QMessageBox.question(
                self, self.tr("Unsaved segment"),
                self.tr("The open segment is not saved. Open “{0}” and drop it?").format(name))
            if answer != QMessageBox.StandardButton.Yes:
                self._select_in_list(self.builder.segment_name)
                return
        self.open_saved(name)

    def _on_saved_list_context_menu_requested(self, pos: QPoint) -> None:
        item = self.saved_list.itemAt(pos)
        if item is None:
            return
        name = str(item.data(Qt.ItemDataRole.UserRole))
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_saved(name))
        menu.addAction(self.tr("Rename…"), lambda: self._ask_rename(name))
        menu.addAction(self.tr("Duplicate"), lambda: self.duplicate(name))
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self._ask_delete(name))
        menu.exec(self.saved_list.viewport().mapToGlobal(pos))

    def _ask_rename(self, name: str) -> None:
        new, ok = QInputDialog.getText(self, self.tr("Rename segment"),
                                       self.tr("New name:"), text=name)
        if ok and new.strip() and new.strip() != name:
            self.rename(name, new)

    def _ask_delete(self, name: str) -> None:
        answer = QMessageBox.question(self, self.tr("Delete segment"),
                                      self.tr("Delete the segment “{0}”?").format(name))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(name)

    def _on_new_button_clicked(self) -> None:
        self.open_rule({"all": [{"field": "city", "op": "in", "value": []}]})

    def _fill_presets_menu(self) -> None:
        self._presets_menu.clear()
        russian = is_russian()
        for preset in PRESETS:
            title = preset.title_ru if russian else preset.title_en
            self._presets_menu.addAction(title, partial(self.open_preset, preset.id))

    # -- texts ---------------------------------------------------------------------------

    def _update_title(self) -> None:
        name = self.builder.segment_name
        if name:
            title = name + ("  •" if not self.undo_stack.isClean() else "")
        elif self._preset_id:
            preset = PRESETS_BY_ID[self._preset_id]
            title = self.tr("Ready-made: {0}").format(
                preset.title_ru if is_russian() else preset.title_en)
        else:
            title = self.tr("New segment")
        self.name_label.setText(title)
        self.name_label.setToolTip(self.tr("Not saved yet") if self.is_modified() else "")

    def _on_undo_stack_clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _show_message(self, text: str) -> None:
        window: Any = self.window()
        handler = getattr(window, "show_message", None)
        if callable(handler):
            handler(text)

    def _show_error(self, text: str) -> None:
        window: Any = self.window()
        handler = getattr(window, "show_error", None)
        if callable(handler):
            handler(text)
        self.error_label.setText(text)

    def _retranslate(self) -> None:
        self._saved_title.setText(self.tr("Saved segments"))
        self._saved_empty.setText(self.tr("No saved segments yet: build one and press Save, "
                                          "or start from a ready-made one."))
        self.new_button.setText(self.tr("New segment"))
        self.presets_button.setText(self.tr("Ready-made…"))
        self.compare_button.setText(self.tr("Compare segments…"))
        self.undo_button.setText("↶")
        self.redo_button.setText("↷")
        self.undo_button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.redo_button.setToolTip(self.tr("Redo (Ctrl+Shift+Z)"))
        self.save_button.setText(self.tr("Save"))
        self.save_as_button.setText(self.tr("Save as…"))
        self.explain_button.setText(self.tr("Why in / not in?"))
        self.explain_button.setToolTip(self.tr("Check a contact against every condition"))
        self.export_button.setText(self.tr("Export CSV…"))
        self._members_title.setText(self.tr("First members"))
        self.sample_model.set_headers([self.tr("Email"), self.tr("Name"), self.tr("City")])
        self._chart_hint.setText(self.tr("Click a bar to open that status as a segment."))
        self._fill_presets_menu()
        self._update_title()
        if self.last_result is not None:
            self.count_text.setText(self.tr("contacts match · {0} can be sent to").format(
                QLocale().toString(self.last_result.count.sendable)))

    def rule_path_text(self, path: tuple[int, ...]) -> str:
        """The core's name of a node of the open rule (for messages)."""
        return path_text(self.builder.document.root, path)
