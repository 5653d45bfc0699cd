"""The template editor: fields, blocks or code, lint, inbox view and the live preview."""

from __future__ import annotations

import html
import logging
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QShowEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from composer.brand import BrandKit
from composer.edits import Edit, restore_version, set_code, set_field
from composer.lint import LintReport
from composer.model import Template
from composer.render import RenderResult
from ui.editor.actions import EmailActions
from ui.editor.autosave import Autosaver, DraftStore
from ui.editor.blocks_pane import BlocksPane
from ui.editor.contacts import ContactSwitcher
from ui.editor.document import EditorDocument
from ui.editor.editor_parts import (
    CloseWatcher,
    CodeTab,
    EditorHeader,
    RecoveryBanner,
    block_at_line,
    run_lint,
    titled,
)
from ui.editor.inbox import InboxPreviewPane
from ui.editor.lint_list import LintListPane
from ui.editor.live_preview import LivePreviewPane
from ui.editor.preview import UrlOpener
from ui.editor.validation import ValidationLevelBox
from ui.editor.variables import VariablePicker
from ui.retranslate import Retranslating
from ui.tasks import Debouncer, Pools, RequestCounter, Task
from ui.undo_keys import UndoLineEdit

log = logging.getLogger(__name__)

LINT_DEBOUNCE_MS = 700
"""Quiet time before the checks run again (they render for every sample contact)."""

_FIELDS = ("from_name", "subject", "preheader")


class TemplateEditor(Retranslating, QWidget):
    """Edits one template at a time; every change is a command on its undo stack.

    Args:
        engine: the workspace (autosave target, contacts for the switcher).
        pools: the app's pools (renders and checks on ``read``, saves on ``write``).
        brand: the brand kit blocks are drawn with.
        today: date of sample data.
        drafts: where recovery drafts go.
        actions: test email and review bundle (None: buttons hidden).
        open_url: where links clicked in the preview go.
        autosave_delay_ms, draft_delay_ms: autosave clocks (tests shorten them).

    Signals:
        preview_updated(): a new render reached the preview.
        painted(): the preview painted the last render.
        checked(): the checks of the current version are listed.
        series_requested(str): show the timeline of that scenario.
        status_changed(str): the save status line changed.
    """

    preview_updated = Signal()
    painted = Signal()
    checked = Signal()
    series_requested = Signal(str)
    status_changed = Signal(str)

    def __init__(
        self,
        engine: Engine | None,
        pools: Pools,
        brand: BrandKit,
        today: date,
        drafts: DraftStore,
        parent: QWidget | None = None,
        *,
        actions: EmailActions | None = None,
        open_url: UrlOpener | None = None,
        autosave_delay_ms: int = 1500,
        draft_delay_ms: int = 300,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._pools = pools
        self.brand = brand
        self._today = today
        self._actions = actions
        self.document: EditorDocument | None = None
        self.lint_report: LintReport | None = None
        self._updating = False
        self._code_dirty = True
        self._status = ""
        self._save_error = ""
        self._broken = False  # the last render of the current text failed
        self._last_good_template: Template | None = None
        self._kept_good: Template | None = None  # the last good version kept on disk
        self._kept_good_asked = False
        self._lint_counter = RequestCounter()
        self._lint_debouncer = Debouncer(LINT_DEBOUNCE_MS, self._lint_now, self)
        # No Qt parent, owned by this object: a Qt child has its Python side torn down
        # before Qt has destroyed the editor, while Qt may still call it.
        self._close_watcher = CloseWatcher(self)
        self._watched_window: QWidget | None = None

        self.undo_group = QUndoGroup(self)
        self.undo_action: QAction = self.undo_group.createUndoAction(self)
        self.redo_action: QAction = self.undo_group.createRedoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.autosaver = (
            Autosaver(engine, pools, drafts, self, delay_ms=autosave_delay_ms,
                      draft_delay_ms=draft_delay_ms) if engine is not None else None
        )
        if self.autosaver is not None:
            self.autosaver.saved.connect(self._on_autosaver_saved)
            self.autosaver.save_failed.connect(self._on_autosaver_save_failed)

        # Header: title, series, status, undo/redo, actions.
        header = EditorHeader()
        self._title = header.title
        self.series_link = header.series_link
        self.status = header.status
        self.restore_link = header.restore_link
        self.undo_button = header.undo_button
        self.redo_button = header.redo_button
        self.send_test_button = header.send_test_button
        self.export_button = header.export_button
        self.series_link.linkActivated.connect(self._on_series_link_activated)
        self.restore_link.linkActivated.connect(self._on_restore_link_activated)
        self.undo_button.clicked.connect(self.undo_action.trigger)
        self.redo_button.clicked.connect(self.redo_action.trigger)
        self.undo_action.changed.connect(self._on_undo_action_changed)
        self.redo_action.changed.connect(self._on_undo_action_changed)
        self.contact = ContactSwitcher(engine, pools.read, brand, today)
        self.contact.context_changed.connect(self._on_contact_context_changed)
        self.send_test_button.clicked.connect(self.send_test)
        self.export_button.clicked.connect(self.export_bundle)
        for button in (self.send_test_button, self.export_button):
            button.setVisible(actions is not None)

        # Recovery banner.
        self.recovery_banner = RecoveryBanner()
        self._recovery_label = self.recovery_banner.label
        self.discard_draft_button = self.recovery_banner.discard_button
        self.discard_draft_button.clicked.connect(self._on_discard_draft_button_clicked)
        self._pristine: Template | None = None
        self._recovered_at = ""

        # Subject, preheader, from name, variable picker.
        self.field_edits: dict[str, QLineEdit] = {}
        self._field_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        positions = {"from_name": (0, 0), "subject": (0, 2), "preheader": (1, 2)}
        for name in _FIELDS:
            edit = UndoLineEdit()  # Ctrl+Z undoes the document (ui/undo_keys.py)
            edit.setObjectName(f"field_{name}")
            edit.textChanged.connect(
                lambda text, name=name: self._on_field_text_changed(name, text))
            label = QLabel()
            row, col = positions[name]
            grid.addWidget(label, row, col)
            grid.addWidget(edit, row, col + 1)
            self.field_edits[name] = edit
            self._field_labels[name] = label
        self.variable_picker = VariablePicker()
        self.variable_picker.tag_chosen.connect(self.insert_tag)
        grid.addWidget(self.variable_picker, 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 3)

        # Left: blocks / code / inbox tabs over the lint list.
        self.blocks = BlocksPane()
        self.blocks.edit_requested.connect(self.apply_edit)
        code_tab = CodeTab()
        self.code_view = code_tab.code_view
        self._code_hint = code_tab.hint
        self.to_code_button = code_tab.to_code_button
        self.code_view.textChanged.connect(self._on_code_view_text_changed)
        self.to_code_button.clicked.connect(self.switch_to_code)
        self.inbox = InboxPreviewPane()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.blocks, "")
        self.tabs.addTab(code_tab, "")
        self.tabs.addTab(self.inbox, "")
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.lint_list = LintListPane()
        self.lint_list.line_activated.connect(self.go_to_line)
        self.validation_box = ValidationLevelBox()
        self.validation_box.level_changed.connect(self._on_validation_level_changed)
        lint_body = QWidget()
        lint_layout = QVBoxLayout(lint_body)
        lint_layout.setContentsMargins(0, 0, 0, 0)
        lint_layout.addWidget(self.validation_box)
        lint_layout.addWidget(self.lint_list, 1)
        lint_box = titled(lint_body)
        self._lint_title = lint_box.title
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.tabs)
        left.addWidget(lint_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        left.setChildrenCollapsible(False)
        self.left_splitter = left

        # Right: the live preview.
        self.preview = LivePreviewPane(pools.read, open_url=open_url)
        self.preview.preview_updated.connect(self.preview_updated)
        self.preview.painted.connect(self.painted)
        self.preview.rendered.connect(self._on_preview_rendered)
        self.preview.preview_failed.connect(self._on_preview_failed)
        self.preview.error_line_activated.connect(self.go_to_line)
        self._contact_label = QLabel()
        self.preview.extra_toolbar.addWidget(self._contact_label)
        self.preview.extra_toolbar.addWidget(self.contact, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        # The preview has priority: it gets the growth, and the blocks and code
        # can be collapsed to the edge to give it the whole width.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, True)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([330, 10_000])
        left.setMinimumWidth(310)  # the block buttons and the tabs fit in both languages

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(header)
        layout.addWidget(self.recovery_banner)
        layout.addLayout(grid)
        layout.addWidget(self.splitter, 1)

        self._insert_target: QWidget = self.field_edits["subject"]
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)
        if actions is not None:
            actions.failed.connect(self._show_status_error)
        self._retranslate()

    # -- public API ------------------------------------------------------------

    @property
    def template(self) -> Template | None:
        """The template as it is now."""
        return self.document.template if self.document is not None else None

    def open_template(self, template: Template,
                      recovered: tuple[Template, str] | None = None) -> None:
        """Edit ``template`` (its draft ``recovered`` if the app was killed with edits)."""
        old = self.document
        if self.autosaver is not None:
            self.autosaver.watch(None)  # saves what is pending for the old one
        if old is not None:
            self.undo_group.removeStack(old.stack)
            old.dispose()
            old.deleteLater()
        self._pristine = template
        start = template
        self._recovered_at = ""
        if recovered is not None and recovered[0] != template:
            start, self._recovered_at = recovered
        document = EditorDocument(start, self)
        if self._recovered_at:
            document.stack.resetClean()  # unsaved: the draft is ahead of the workspace
        document.changed.connect(self._on_document_changed)
        document.stack.cleanChanged.connect(self._on_document_clean_changed)
        self.document = document
        self.undo_group.addStack(document.stack)
        self.undo_group.setActiveStack(document.stack)
        if self.autosaver is not None:
            self.autosaver.watch(document)
        self._save_error = ""
        self._kept_good = None
        self._kept_good_asked = False
        self.recovery_banner.setVisible(bool(self._recovered_at))
        self._code_dirty = True
        self._refresh_all()
        self.preview.render_now()
        self._lint_debouncer.flush()
        self._lint_now()

    def last_good_version(self) -> Template | None:
        """The open template's last version that rendered: of this session, else the one
        kept on disk when a broken version was saved (None if there is none)."""
        template = self.template
        if template is None:
            return None
        for good in (self._last_good_template, self._kept_good):
            if good is not None and good.name == template.name and good != template:
                return good
        return None

    def restore_last_good(self) -> None:
        """Put the last version without errors back, as one undoable step."""
        template, good = self.template, self.last_good_version()
        if template is not None and good is not None:
            self.apply_edit(restore_version(template, good))

    def _on_restore_link_activated(self, _link: str) -> None:
        self.restore_last_good()

    def _on_kept_good_loaded(self, kept: Template | None) -> None:
        self._kept_good = kept
        self._retranslate_status()

    def apply_edit(self, edit: Edit) -> None:
        """Make ``edit`` on the open template, as an undoable step."""
        if self.document is not None:
            self.document.apply(edit)

    def switch_to_code(self) -> None:
        """Turn the block template into MJML code (undo turns it back)."""
        template = self.template
        if template is None or template.is_code:
            return
        self.apply_edit(set_code(template, template.source(self.brand)))
        self.tabs.setCurrentIndex(1)

    def insert_tag(self, tag: str) -> None:
        """Insert ``tag`` at the cursor of the last text field used (subject by default)."""
        target = self._insert_target
        if not shiboken6.isValid(target):
            target = self.field_edits["subject"]
        if isinstance(target, QLineEdit) and not target.isReadOnly():
            target.insert(tag)
            target.setFocus()
        elif isinstance(target, QPlainTextEdit) and not target.isReadOnly():
            target.insertPlainText(tag)
            target.setFocus()

    def go_to_line(self, line: int) -> None:
        """Show the code view at ``line`` (and select the block it belongs to)."""
        template = self.template
        if template is None:
            return
        self.tabs.setCurrentIndex(1)
        self._refresh_code()
        self.code_view.go_to_line(line)
        index = block_at_line(template, self.brand, line)
        if index >= 0:
            self.blocks.select(index)

    def flush(self) -> None:
        """Save now what is pending (on close)."""
        if self.autosaver is not None:
            self.autosaver.flush()

    def is_painted(self) -> bool:
        """Whether the preview shows the template as it is now."""
        return self.preview.is_painted()

    def context(self) -> dict[str, Any]:
        """The rendering context of the contact chosen."""
        return self.contact.context

    def send_test(self) -> None:
        """Write the email for the chosen contact as an .eml and open it."""
        if self._actions is not None and self.template is not None:
            self._actions.send_test(self.template, self.context(), self.brand, self)

    def export_bundle(self) -> None:
        """Save, then build the review bundle of this template."""
        if self._actions is not None and self.template is not None:
            self.flush()
            self._actions.export_bundle(self.template.name, self)

    # -- reacting to the document ------------------------------------------------

    def _on_document_changed(self) -> None:
        self._refresh_all()

    def _refresh_all(self) -> None:
        template = self.template
        if template is None:
            return
        self._updating = True
        try:
            for name, edit in self.field_edits.items():
                value = getattr(template, name)
                if edit.text() != value:
                    position = edit.cursorPosition()
                    edit.setText(value)
                    edit.setCursorPosition(min(position, len(value)))
            self.field_edits["from_name"].setPlaceholderText(self.brand.from_name)
            if not template.is_code:
                self.blocks.set_template(template)
            self.tabs.setTabEnabled(0, not template.is_code)
            if template.is_code and self.tabs.currentIndex() == 0:
                self.tabs.setCurrentIndex(1)
            self._code_dirty = True
            if self.tabs.currentIndex() == 1 or template.is_code:
                self._refresh_code()
        finally:
            self._updating = False
        self.preview.request_render(template, self.context(), self.brand)
        self._lint_debouncer.trigger()
        self._retranslate_status()

    def _refresh_code(self) -> None:
        template = self.template
        if template is None or not self._code_dirty:
            return
        was_updating = self._updating
        self._updating = True
        try:
            self.code_view.setReadOnly(not template.is_code)
            self.code_view.set_source(template.source(self.brand))
        finally:
            self._updating = was_updating
        self._code_dirty = False
        self._retranslate_code_hint()

    def _on_field_text_changed(self, name: str, text: str) -> None:
        if self._updating or self.template is None:
            return
        self.apply_edit(set_field(self.template, name, text))

    def _on_code_view_text_changed(self) -> None:
        template = self.template
        if self._updating or template is None or not template.is_code:
            return
        self.apply_edit(set_code(template, self.code_view.toPlainText()))
        self._code_dirty = False

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == 1:
            self._refresh_code()

    def set_brand(self, brand: BrandKit) -> None:
        """Apply a changed brand kit (workspace settings): re-render and re-lint."""
        if brand == self.brand:
            return
        self.brand = brand
        self._refresh_all()
        self.contact.set_brand(brand)  # re-emits the context: the preview re-renders
        self._lint_debouncer.trigger()

    def _on_contact_context_changed(self, _context: object) -> None:
        if self.template is not None:
            self.preview.request_render(self.template, self.context(), self.brand)
            self.preview.render_now()

    def _on_preview_rendered(self, result: RenderResult) -> None:
        template = self.template
        self._last_good_template = template
        if self._broken:
            self._broken = False
            self._retranslate_status()
        if template is not None:
            self.inbox.set_message(template.sender(self.brand), result.subject,
                                   result.preheader, self.context())

    def _lint_now(self) -> None:
        template = self.template
        if template is None:
            return
        contexts = [(p.label, p.context) for p in self.contact.personas]
        self.lint_list.set_running(True)
        Task(run_lint, template, self.brand, contexts, self.validation_box.level()) \
            .drop_if_stale(self._lint_counter) \
            .owned_by(self).on_success(self._on_lint_finished) \
            .on_failure(lambda exc: log.warning("lint failed: %s", exc)) \
            .start(self._pools.read)

    def _on_validation_level_changed(self, level: str) -> None:
        self.preview.set_validation(level)
        self._lint_debouncer.cancel()
        self._lint_now()

    def _on_lint_finished(self, report: LintReport) -> None:
        self.lint_list.set_report(report)
        self.lint_report = report
        self.checked.emit()

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(new, QLineEdit | QPlainTextEdit) and self.isAncestorOf(new) \
                and not new.isReadOnly() and new is not self.inbox.variants:
            self._insert_target = new

    # -- save status -------------------------------------------------------------

    def _on_document_clean_changed(self, _clean: bool) -> None:
        self._retranslate_status()

    def _on_preview_failed(self, _message: str) -> None:
        self._broken = True
        self._retranslate_status()
        template = self.template
        if (self.last_good_version() is None and not self._kept_good_asked
                and self.autosaver is not None and template is not None):
            # Opened broken (saved so before a restart): the version kept on disk.
            self._kept_good_asked = True
            Task(self.autosaver.drafts.read_last_good, template.name).owned_by(self) \
                .on_success(self._on_kept_good_loaded).start(self._pools.read)

    def _on_autosaver_saved(self, _name: str) -> None:
        self._save_error = ""
        good = self._last_good_template
        if (self._broken and good is not None and self.autosaver is not None
                and self.template is not None and good.name == self.template.name):
            # The saved version does not render: keep the last one that did beside it.
            Task(self.autosaver.drafts.write_last_good, good).owned_by(self).on_failure(
                lambda exc: log.warning("last good version not kept: %s", exc)
            ).start(self._pools.read)
        if self.document is not None and not self.document.is_modified():
            self.recovery_banner.hide()
        self._retranslate_status()

    def _on_autosaver_save_failed(self, message: str) -> None:
        self._save_error = message
        self._retranslate_status()

    def _show_status_error(self, message: str) -> None:
        self._save_error = message
        self._retranslate_status()

    def _on_discard_draft_button_clicked(self) -> None:
        if self._pristine is None or self.autosaver is None:
            return
        pristine = self._pristine
        self.autosaver.drafts.remove(pristine.name)
        self._recovered_at = ""
        if self.document is not None:
            self.document.stack.setClean()  # nothing of the draft is to be saved
        self.open_template(pristine)

    def _on_series_link_activated(self, _link: str) -> None:
        if self.template is not None and self.template.scenario:
            self.series_requested.emit(self.template.scenario)

    def _on_undo_action_changed(self) -> None:
        self.undo_button.setEnabled(self.undo_action.isEnabled())
        self.redo_button.setEnabled(self.redo_action.isEnabled())

    # -- texts -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        window = self.window()
        if window is not self and window is not self._watched_window:
            if self._watched_window is not None and shiboken6.isValid(self._watched_window):
                self._watched_window.removeEventFilter(self._close_watcher)
            window.installEventFilter(self._close_watcher)
            self._watched_window = window
        super().showEvent(event)

    def window_closed(self) -> None:
        """The window holding the editor closed: it is watched again when shown again."""
        self._watched_window = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)

    def _retranslate(self) -> None:
        labels = {"from_name": self.tr("From"), "subject": self.tr("Subject"),
                  "preheader": self.tr("Preheader")}
        for name, label in self._field_labels.items():
            label.setText(labels[name])
        self.field_edits["preheader"].setToolTip(
            self.tr("The grey line after the subject in the inbox list"))
        # Icons, not words: the header must leave room for the save status.
        self.undo_button.setText("↶")
        self.redo_button.setText("↷")
        self.undo_button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.redo_button.setToolTip(self.tr("Redo (Ctrl+Shift+Z)"))
        self._contact_label.setText(self.tr("Preview for:"))
        self.send_test_button.setText(self.tr("Send test to myself"))
        self.send_test_button.setToolTip(
            self.tr("Writes the email as an .eml file and opens it in your mail app"))
        self.export_button.setText(self.tr("Export review bundle…"))
        self.export_button.setToolTip(
            self.tr("A folder and ZIP that open in any browser: every contact, desktop and "
                    "phone, screenshots and a PDF"))
        self.tabs.setTabText(0, self.tr("Blocks"))
        self.tabs.setTabText(1, self.tr("MJML code"))
        self.tabs.setTabText(2, self.tr("Inbox view"))
        self._lint_title.setText(self.tr("Checks before export"))
        self.to_code_button.setText(self.tr("Edit as code"))
        self._recovery_label.setText(
            self.tr("Recovered unsaved changes from {0} (the app was closed before they were "
                    "saved). They are kept; discard them to go back to the saved version.")
            .format(self._recovered_at.replace("T", " ")))
        self.discard_draft_button.setText(self.tr("Discard recovered changes"))
        self._retranslate_code_hint()
        self._retranslate_status()

    def _retranslate_code_hint(self) -> None:
        template = self.template
        code = template is not None and template.is_code
        self.to_code_button.setVisible(not code)
        if code:
            self._code_hint.setText(self.tr("MJML with Jinja variables. Undo returns to "
                                            "the blocks if you switched from them."))
        else:
            self._code_hint.setText(self.tr("The MJML the blocks make (read only). "
                                            "“Edit as code” turns the email into code."))

    def _retranslate_status(self) -> None:
        template = self.template
        if template is None:
            return
        self._title.setText(template.title or template.name)
        self._title.setToolTip(template.name)
        can_restore = self._broken and self.last_good_version() is not None
        self.series_link.setVisible(bool(template.scenario) and not can_restore)
        if template.scenario:
            from ui.editor.scenario import scenario_titles

            title = scenario_titles().get(template.scenario, template.scenario)
            label = html.escape(self.tr("Series: {0}").format(title))
            self.series_link.setText(f'<a href="series" style="color:#2f6fde">{label}</a>')
        if self._save_error:
            text = self.tr("⚠ Not saved: {0}").format(self._save_error)
            self.status.setStyleSheet("color:#b3261e")
        elif self.document is not None and self.document.is_modified():
            text = self.tr("Unsaved changes (saved automatically)")
            self.status.setStyleSheet("")
        elif self._broken:
            # With a version to restore, the link beside says the rest (and takes the room
            # of the series link: on a laptop screen the row cannot hold all three).
            text = self.tr("Saved with errors") if can_restore else self.tr(
                "Saved with errors: no version without errors to go back to")
            self.status.setStyleSheet("color:#7a4b00")
        else:
            text = self.tr("All changes saved")
            self.status.setStyleSheet("")
        self.status.setText(text)
        self.status.setToolTip(text)  # the status is cut on a narrow window
        restore = html.escape(self.tr("Restore the version without errors"))
        self.restore_link.setText(f'<a href="restore" style="color:#2f6fde">{restore}</a>')
        self.restore_link.setToolTip(self.tr(
            "Put back the last version of this template that rendered (Ctrl+Z undoes it)"))
        self.restore_link.setVisible(can_restore)
        if text != self._status:
            self._status = text
            self.status_changed.emit(text)
