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
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from segments import (
    PRESETS,
    PRESETS_BY_ID,
    SavedSegment,
    custom_fields,
    lifecycle_counts,
    list_segments,
)
from segments.edits import error_path, missing_value_paths, node_kind, path_text
from ui.pages import PageContext
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
from ui.segments.chart import ChartPane
from ui.segments.count_pane import CountBanner, MembersPane, work_area
from ui.segments.dialogs import ExplainDialog, OverlapDialog
from ui.segments.labels import field_label, is_russian, set_display_currency
from ui.segments.number_editors import MoneySpinBox
from ui.segments.saved_pane import SavedSegmentsPane
from ui.segments.suggest import Suggestions
from ui.segments.toolbar import SegmentToolbar
from ui.tasks import Debouncer, RequestCounter, Task, error_message
from workspace.money import workspace_currency

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
        self._preset_id = ""
        self.last_result: CountResult | None = None
        self.last_error = ""
        self.setStyleSheet(PAGE_STYLE)

        self._suggestions = Suggestions(self._engine, self._pools.read, self)
        self.builder = RuleBuilder(self._today, self._suggestions.suggest, self)
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
        layout.addWidget(self.saved_pane)
        layout.addWidget(self._right, 1)
        self._retranslate()

        self._load_custom_fields()
        self.reload_segments()
        self.load_chart()
        self.open_preset(PRESETS[0].id)

    # -- building -------------------------------------------------------------

    def _build_left(self) -> None:
        self.saved_pane = SavedSegmentsPane()
        self.saved_list = self.saved_pane.saved_list
        self.new_button = self.saved_pane.new_button
        self.presets_button = self.saved_pane.presets_button
        self._presets_menu = self.saved_pane.presets_menu
        self.compare_button = self.saved_pane.compare_button
        self.saved_list.itemClicked.connect(self._on_saved_list_item_clicked)
        self.saved_list.customContextMenuRequested.connect(
            self._on_saved_list_context_menu_requested)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.compare_button.clicked.connect(self.open_overlap)

    def _build_right(self) -> None:
        self._right = QWidget()
        right = QVBoxLayout(self._right)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(10)

        self.toolbar = SegmentToolbar(self.undo_stack)
        self.name_label = self.toolbar.name_label
        self.undo_button = self.toolbar.undo_button
        self.redo_button = self.toolbar.redo_button
        self.save_button = self.toolbar.save_button
        self.save_as_button = self.toolbar.save_as_button
        self.explain_button = self.toolbar.explain_button
        self.export_button = self.toolbar.export_button
        self.save_button.clicked.connect(self.save)
        self.save_as_button.clicked.connect(self._on_save_as_button_clicked)
        self.explain_button.clicked.connect(self.open_explain)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.undo_action, self.redo_action, self.save_action = self.toolbar.add_shortcuts(
            self, self.undo_stack)
        self.save_action.triggered.connect(self.save)
        right.addWidget(self.toolbar)

        self.count_banner = CountBanner()
        self.count_value = self.count_banner.value
        self.count_text = self.count_banner.text
        self.error_label = self.count_banner.error
        right.addWidget(self.count_banner)

        self.members_pane = MembersPane()
        self.sample_model = self.members_pane.model
        self.chart_pane = ChartPane()
        self.chart = self.chart_pane.chart
        self.chart.status_clicked.connect(self._on_chart_status_clicked)
        _, split = work_area(self.builder, self.members_pane, self.chart_pane)
        right.addWidget(split, 1)

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
        self.saved_pane.select(name)
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
        self.saved_pane.show_names(list(self._saved))
        self.builder.set_segment_names(list(self._saved))
        self.saved_pane.select(select if select is not None else self.builder.segment_name)
        if open_selected and select in self._saved:
            self.open_saved(select)
        self.segments_loaded.emit()

    def saved_names(self) -> list[str]:
        """Names in the saved segments list."""
        return list(self._saved)

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

    def _load_custom_fields(self) -> None:
        Task(custom_fields, self._engine).owned_by(self).on_success(
            self._on_custom_fields_loaded).start(self._pools.read)
        Task(workspace_currency, self._engine).owned_by(self).on_success(
            self._on_currency_loaded).start(self._pools.read)

    def _on_currency_loaded(self, code: str) -> None:
        set_display_currency(code)
        for box in self.findChildren(MoneySpinBox):
            box.set_currency(code)

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
        ready_made = {(p.title_ru if is_russian() else p.title_en): p.rules for p in PRESETS}
        dialog = OverlapDialog(self._engine, self._pools, self._today, list(self._saved), self,
                               ready_made=ready_made)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        if len(dialog.chosen()) >= 2:
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
                self.saved_pane.select(self.builder.segment_name)
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

    # -- texts ---------------------------------------------------------------------------

    def _update_title(self) -> None:
        name = self.builder.segment_name
        if name:
            title = name + ("  •" if not self.undo_stack.isClean() else "")
        elif self._preset_id:
            preset = PRESETS_BY_ID[self._preset_id]
            title = self.tr("Ready-made: {0}").format(
                preset.title_ru if is_russian() else preset.title_en)
            if not self.undo_stack.isClean():  # edited: no longer the ready-made rule
                title = self.tr("{0} (changed, not saved)").format(title)
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
        self.saved_pane.title.setText(self.tr("Saved segments"))
        self.saved_pane.empty.setText(self.tr("No saved segments yet: build one and press Save, "
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
        self.members_pane.title.setText(self.tr("First members"))
        self.sample_model.set_headers([self.tr("Email"), self.tr("Name"), self.tr("City")])
        self.chart_pane.hint.setText(self.tr("Click a bar to open that status as a segment."))
        self.saved_pane.fill_presets(self.open_preset)
        self._update_title()
        if self.last_result is not None:
            self.count_text.setText(self.tr("contacts match · {0} can be sent to").format(
                QLocale().toString(self.last_result.count.sendable)))

    def rule_path_text(self, path: tuple[int, ...]) -> str:
        """The core's name of a node of the open rule (for messages)."""
        return path_text(self.builder.document.root, path)
