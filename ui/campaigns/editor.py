"""One open campaign: set-up, plan and results tabs, undo, autosave, work off the GUI thread."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from campaigns import (
    LABELS,
    CampaignDraft,
    CampaignInfo,
    choose_winner,
    import_results_file,
    update_campaign,
)
from campaigns.edits import (
    CampaignForm,
    SetFields,
    add_variant,
    equal_test_shares,
    remove_variant,
    set_variant,
)
from campaigns.view import CampaignView, Choices, segment_positions, template_facts
from ui.campaigns.plan import PlanPane
from ui.campaigns.results import ResultsPane
from ui.style import named
from ui.tasks import Debouncer, Pools, RequestCounter, Task, error_message

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1500
_MERGE_ID = 0xCA7


class FormCommand(QUndoCommand):
    """The one Qt adapter from a Qt-free :class:`~campaigns.edits.SetFields` to the stack."""

    def __init__(self, form: CampaignForm, edit: SetFields) -> None:
        super().__init__(edit.label)
        self.form = form
        self.edit = edit

    def redo(self) -> None:
        self.edit.apply(self.form)

    def undo(self) -> None:
        self.edit.revert(self.form)

    def id(self) -> int:
        return _MERGE_ID if self.edit.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        return isinstance(other, FormCommand) and self.edit.merge(other.edit)


def draft_of(info: CampaignInfo) -> CampaignDraft:
    """The editable form of a stored campaign."""
    return CampaignDraft(
        name=info.name, template=info.template_name, segment=info.segment_name,
        subjects=tuple(v.subject for v in info.variants),
        preheaders=tuple(v.preheader for v in info.variants), shares=info.shares,
        metric=info.metric, send_at=info.send_at, timezone=info.timezone, plan=dict(info.plan))


class CampaignEditor(QWidget):
    """Edits one campaign; saves 1.5 s after the last edit (and on :meth:`flush`).

    Signals:
        saved(str, str): old name, new name (the list follows renames).
        bundle_requested(str): "Export review bundle…" for the campaign.
        status_changed(str): the save state in plain words.
    """

    saved = Signal(str, str)
    bundle_requested = Signal(str)
    reload_requested = Signal(str)

    def __init__(self, engine: Engine, pools: Pools, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._pools = pools
        self._today = today
        self._view: CampaignView | None = None
        self._saved_name = ""
        self._key = ""
        self.form = CampaignForm(CampaignDraft("", "", "", ("", "")), self._on_form_changed)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self._autosave = Debouncer(AUTOSAVE_MS, self.save_now, self)
        self._positions_counter = RequestCounter()
        self._save_error: str | None = None
        self._revision = 0

        self.title = named(QLabel(), "campaignTitle")
        self.state = named(QLabel(), "campaignState")
        self.status = named(QLabel(), "hint")
        self.bundle_button = QPushButton()
        self.bundle_button.clicked.connect(self._on_bundle_clicked)
        head = QHBoxLayout()
        self.title.setMinimumWidth(80)
        head.addWidget(self.title, 1)
        head.addWidget(self.state)
        head.addWidget(self.bundle_button)
        from ui.campaigns.setup import SetupPane

        self.setup = SetupPane()
        self.setup.changes_requested.connect(self._on_setup_changes_requested)
        self.plan = PlanPane()
        self.plan.plan_edited.connect(self._on_plan_edited)
        self.plan.shares_chosen.connect(self._on_plan_shares_chosen)
        self.results = ResultsPane()
        self.results.import_requested.connect(self._on_import_requested)
        self.results.winner_requested.connect(self._on_winner_requested)
        self.results.pull_requested.connect(lambda: self.pull_results())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.setup)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, "")
        self.tabs.addTab(self.plan, "")
        self.tabs.addTab(self.results, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.undo_stack.undo),
                           (QKeySequence.StandardKey.Redo, self.undo_stack.redo),
                           (QKeySequence.StandardKey.Save, self.save_now)):
            QShortcut(keys, self, activated=slot)  # type: ignore[call-overload]
        self._retranslate()

    # -- loading ------------------------------------------------------------------------

    def set_choices(self, choices: Choices) -> None:
        """Templates and segments to choose from."""
        self.setup.set_choices(choices)

    def show_view(self, view: CampaignView) -> None:
        """Open ``view``'s campaign (a fresh undo stack)."""
        self._view = view
        self._key = view.split_key
        self._saved_name = view.info.name
        self._save_error = None
        self.undo_stack.clear()
        self.form.draft = draft_of(view.info)
        self.setup.set_frozen(view.info.frozen)
        self.setup.set_context(view.sender, view.template_preheader, view.context)
        self.setup.show_draft(self.form.draft)
        self.setup.set_positions(view.positions, None if view.positions is not None
                                 else view.sizes)
        self.plan.show_inputs(view.plan)
        self.results.set_results(view.results, view.analysis, view.info.winner)
        self.results.pull_button.setEnabled(view.info.state != "draft")
        self._update_plan()
        self._update_head()

    def campaign_name(self) -> str:
        """The stored name of the open campaign ("" when none)."""
        return self._saved_name

    # -- edits ---------------------------------------------------------------------------

    def push(self, changes: dict[str, Any], merge_key: str = "", label: str = "") -> None:
        """Apply ``changes`` to the draft as one undoable edit."""
        self.undo_stack.push(FormCommand(self.form, SetFields(
            dict(changes), label=label, merge_key=merge_key or None)))

    def _on_setup_changes_requested(self, request: dict[str, Any], merge_key: str) -> None:
        draft = self.form.draft
        changes: dict[str, Any] = {}
        if "variant" in request:
            index, subject, preheader = request["variant"]
            changes = set_variant(draft, index, subject, preheader)
        elif "add_variant" in request:
            changes = add_variant(draft)
        elif "remove_variant" in request:
            changes = remove_variant(draft, request["remove_variant"])
        elif "test_share" in request:
            changes = equal_test_shares(draft, float(request["test_share"]),
                                        send_all=bool(request.get("send_all")))
        else:
            changes = dict(request)
        self.push(changes, merge_key, self.tr("Edit campaign"))

    def _on_plan_edited(self, plan: dict[str, Any]) -> None:
        self.push({"plan": plan}, "plan", self.tr("Change plan"))

    def _on_plan_shares_chosen(self, shares: tuple[float, ...]) -> None:
        self.push({"shares": shares}, "", self.tr("Use the planned split"))

    def _on_form_changed(self, draft: CampaignDraft) -> None:
        self._revision += 1
        previous = self.setup._draft
        self.setup.show_draft(draft)
        if previous is not None and (previous.segment != draft.segment) and self._key:
            self._reload_positions(draft.segment)
        if previous is not None and previous.template != draft.template:
            self._reload_template(draft.template)
        self._update_plan()
        self._autosave.trigger()
        self._update_head()

    def _reload_positions(self, segment: str) -> None:
        self.setup.set_positions(None)
        self._update_plan()
        Task(segment_positions, self._engine, segment, self._key, self._today) \
            .owned_by(self).drop_if_stale(self._positions_counter) \
            .on_success(self._on_positions_loaded).start(self._pools.read)

    def _on_positions_loaded(self, positions: tuple[float, ...]) -> None:
        self.setup.set_positions(positions)
        self._update_plan()

    def _reload_template(self, template: str) -> None:
        Task(template_facts, self._engine, template, self._today).owned_by(self) \
            .on_success(self._on_template_facts_loaded).start(self._pools.read)

    def _on_template_facts_loaded(self, facts: tuple[Any, str, str, dict[str, Any]]) -> None:
        _scenario, sender, preheader, context = facts
        self.setup.set_context(sender, preheader, context)

    def _update_plan(self) -> None:
        draft = self.form.draft
        shares = tuple(draft.shares) if draft.shares else ()
        self.plan.update_plan(draft.metric, self.setup.group_sizes(), shares,
                              len(draft.subjects))

    # -- saving --------------------------------------------------------------------------

    def save_now(self) -> None:
        """Save the draft now if it changed (on the write pool)."""
        self._autosave.cancel()
        if not self._saved_name or self.undo_stack.isClean():
            return
        revision = self._revision
        draft = self.form.draft
        self.status.setText(self.tr("Saving…"))
        Task(update_campaign, self._engine, self._saved_name, draft, self._today) \
            .owned_by(self) \
            .on_success(lambda info: self._on_saved(info, revision)) \
            .on_failure(self._on_save_failed).start(self._pools.write)

    def flush(self) -> None:
        """Save a pending edit now (closing, switching campaigns)."""
        if self._autosave.is_pending() or not self.undo_stack.isClean():
            self.save_now()

    def _on_saved(self, info: CampaignInfo, revision: int) -> None:
        old = self._saved_name
        self._saved_name = info.name
        self._save_error = None
        if revision == self._revision:
            self.undo_stack.setClean()
        self._update_head()
        if old != info.name:
            self.saved.emit(old, info.name)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._save_error = error_message(exc)
        self._update_head()

    def _on_undo_stack_clean_changed(self, _clean: bool) -> None:
        self._update_head()

    # -- results and winner ------------------------------------------------------------

    def _on_import_requested(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Results of the campaign"), "", self.tr("CSV files (*.csv *.txt)"))
        if path:
            self.import_results(Path(path))

    def import_results(self, path: Path) -> None:
        """Import a results CSV (off the GUI thread), then reload the campaign."""
        name = self._saved_name
        Task(import_results_file, self._engine, name, path).owned_by(self) \
            .on_success(lambda _results: self.reload_requested.emit(name)) \
            .on_failure(self._on_action_failed).start(self._pools.write)

    def pull_results(self, api_url: str | None = None) -> None:
        """Pull the variants' stats from Unisender (off the GUI thread), then reload.

        ``api_url`` replaces Unisender's address (a test server).
        """
        from esp.stats import pull_stats
        from ui.language import current_language

        name = self._saved_name
        self.status.setText(self.tr("Pulling results from Unisender…"))
        self.results.pull_button.setEnabled(False)
        Task(pull_stats, self._engine, name, api_url=api_url, lang=current_language()) \
            .owned_by(self) \
            .on_success(lambda _stats: self.reload_requested.emit(name)) \
            .on_failure(self._on_action_failed) \
            .on_finished(lambda: self.results.pull_button.setEnabled(True)) \
            .start(self._pools.write)

    def _on_winner_requested(self, label: str) -> None:
        name = self._saved_name
        Task(choose_winner, self._engine, name, label).owned_by(self) \
            .on_success(lambda _none: self.reload_requested.emit(name)) \
            .on_failure(self._on_action_failed).start(self._pools.write)

    def _on_action_failed(self, exc: BaseException) -> None:
        self.status.setText("⚠ " + error_message(exc))

    def _on_bundle_clicked(self) -> None:
        self.flush()
        if self._saved_name:
            self.bundle_requested.emit(self._saved_name)

    # -- head ----------------------------------------------------------------------------

    def _update_head(self) -> None:
        draft = self.form.draft
        self.title.setText(draft.name or self._saved_name)
        if self._view is not None:
            self.state.setText(state_text(self._view.info.state))
        if self._save_error:
            self.status.setText(self.tr("Not saved: {0}").format(self._save_error))
        elif not self.undo_stack.isClean():
            self.status.setText(self.tr("Unsaved changes…"))
        elif self._saved_name:
            self.status.setText(self.tr("All changes saved. Variants: {0}.").format(
                ", ".join(LABELS[:len(draft.subjects)])))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Set-up"))
        self.tabs.setTabText(1, self.tr("Plan"))
        self.tabs.setTabText(2, self.tr("Results"))
        self.bundle_button.setText(self.tr("Export review bundle…"))
        self._update_head()


def state_text(state: str) -> str:
    """A campaign state in plain words."""
    from PySide6.QtCore import QCoreApplication

    texts = {
        "draft": QCoreApplication.translate("CampaignState", "Draft"),
        "exported": QCoreApplication.translate("CampaignState", "Exported"),
        "results_in": QCoreApplication.translate("CampaignState", "Results in"),
        "winner_chosen": QCoreApplication.translate("CampaignState", "Winner chosen"),
        "winner_exported": QCoreApplication.translate("CampaignState", "Winner exported"),
    }
    return texts.get(state, state)
