"""The Campaigns page: the list of campaigns, "New campaign…", and the open campaign."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from campaigns import CampaignDraft, CampaignInfo, create_campaign, delete_campaign, list_campaigns
from campaigns.view import CampaignView, Choices, campaign_choices, load_campaign_view
from ui.campaigns.editor import CampaignEditor, state_text
from ui.pages import PageContext
from ui.style import named
from ui.tasks import RequestCounter, Task, error_message

log = logging.getLogger(__name__)


def _russian() -> bool:
    return QLocale().language() == QLocale.Language.Russian


class NewCampaignDialog(QDialog):
    """Name, template, segment and the first two subjects of a new campaign."""

    def __init__(self, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.template = QComboBox()
        for choice in choices.templates:
            self.template.addItem(choice.title, choice.name)
        self.segment = QComboBox()
        for choice in choices.segments:
            self.segment.addItem(choice.title, choice.name)
        for combo in (self.template, self.segment):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(28)
        self.subject_a = QLineEdit()
        self.subject_b = QLineEdit()
        self.error = named(QLabel(), "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self._labels = [QLabel() for _ in range(5)]
        for label, field in zip(self._labels, (self.name, self.template, self.segment,
                                               self.subject_a, self.subject_b), strict=True):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.template.currentIndexChanged.connect(self._on_template_changed)
        self._retranslate()

    def draft(self) -> CampaignDraft:
        """The campaign as typed (validated by the core when created)."""
        return CampaignDraft(
            name=self.name.text(), template=str(self.template.currentData() or ""),
            segment=str(self.segment.currentData() or ""),
            subjects=(self.subject_a.text(), self.subject_b.text()))

    def show_error(self, message: str) -> None:
        """Show why the campaign could not be created; the dialog stays open."""
        self.error.setText("⚠ " + message)
        self.error.setVisible(True)
        self.buttons.setEnabled(True)

    def _on_template_changed(self, _index: int) -> None:
        if not self.subject_a.isModified():
            self.subject_a.setText(self.template.currentText())

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New campaign"))
        for label, text in zip(self._labels, (self.tr("Name"), self.tr("Template"),
                                              self.tr("Segment"), self.tr("Subject A"),
                                              self.tr("Subject B")), strict=True):
            label.setText(text)
        self.name.setPlaceholderText(self.tr("e.g. Autumn collection, test of subjects"))
        self.subject_b.setPlaceholderText(self.tr("Another subject to test against A"))


class CampaignsPage(QWidget):
    """List of campaigns beside the open one; everything loads off the GUI thread.

    Signals:
        ready(): the list (and the first campaign, if any) is drawn.
    """

    ready = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._engine: Engine = context.engine
        self._choices: Choices | None = None
        self._dialog: NewCampaignDialog | None = None
        self._view_counter = RequestCounter()
        self._is_ready = False
        self._select_after_load: str | None = None

        self.list = QListWidget()
        self.list.setMinimumWidth(180)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.open_new_dialog)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self._on_delete_clicked)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.delete_button)

        self.editor = CampaignEditor(self._engine, context.pools, context.today)
        self.editor.saved.connect(self._on_editor_saved)
        self.editor.reload_requested.connect(self.open_campaign)
        self.editor.bundle_requested.connect(self._on_bundle_requested)
        self.empty = named(QLabel(), "emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.editor)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 800])
        splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self._actions: Any = None
        self._retranslate()
        self.refresh()

    # -- loading ------------------------------------------------------------------------

    def is_ready(self) -> bool:
        """Whether the page has drawn its data (for screenshots and tests)."""
        return self._is_ready

    def refresh(self, select: str | None = None) -> None:
        """Reload the choices and the list; open ``select`` (or the current one)."""
        self._select_after_load = select or self.editor.campaign_name() or None
        Task(_load_page, self._engine, _russian()).owned_by(self) \
            .on_success(self._on_page_loaded).start(self._context.pools.read)

    def _on_page_loaded(self, loaded: tuple[Choices, list[CampaignInfo]]) -> None:
        choices, campaigns = loaded
        self._choices = choices
        self.editor.set_choices(choices)
        self.list.blockSignals(True)
        self.list.clear()
        for info in campaigns:
            item = QListWidgetItem(f"{info.name}\n{state_text(info.state)}")
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [info.name for info in campaigns]
        target = self._select_after_load if self._select_after_load in names else (
            names[0] if names else None)
        self.delete_button.setEnabled(bool(names))
        if target is None:
            self.stack.setCurrentWidget(self.empty)
            self._mark_ready()
            return
        self.list.setCurrentRow(names.index(target))  # opens it

    def open_campaign(self, name: str) -> None:
        """Load campaign ``name`` into the editor."""
        self.editor.flush()
        Task(load_campaign_view, self._engine, name, self._context.today).owned_by(self) \
            .drop_if_stale(self._view_counter).on_success(self._on_view_loaded) \
            .start(self._context.pools.read)

    def _on_view_loaded(self, view: CampaignView) -> None:
        self.editor.show_view(view)
        self.stack.setCurrentWidget(self.editor)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == view.info.name:
                item.setText(f"{view.info.name}\n{state_text(view.info.state)}")
        self._mark_ready()

    def _mark_ready(self) -> None:
        if not self._is_ready:
            self._is_ready = True
            self.ready.emit()

    def _on_list_current_item_changed(self, current: QListWidgetItem | None,
                                      _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.open_campaign(str(current.data(Qt.ItemDataRole.UserRole)))

    def _on_editor_saved(self, old: str, new: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == old:
                item.setData(Qt.ItemDataRole.UserRole, new)
                item.setText(new + "\n" + item.text().split("\n", 1)[-1])

    # -- new and delete ------------------------------------------------------------------

    def open_new_dialog(self) -> NewCampaignDialog | None:
        """Ask for a new campaign's name, template, segment and two subjects."""
        if self._choices is None:
            return None
        dialog = NewCampaignDialog(self._choices, self)
        dialog.buttons.accepted.connect(lambda: self._create_from(dialog))
        self._dialog = dialog
        dialog.open()
        return dialog

    def _create_from(self, dialog: NewCampaignDialog) -> None:
        dialog.buttons.setEnabled(False)
        Task(create_campaign, self._engine, dialog.draft(), self._context.today).owned_by(self) \
            .on_success(lambda info: self._on_created(dialog, info)) \
            .on_failure(lambda exc: dialog.show_error(error_message(exc))) \
            .start(self._context.pools.write)

    def _on_created(self, dialog: NewCampaignDialog, info: CampaignInfo) -> None:
        dialog.accept()
        self._dialog = None
        self.refresh(select=info.name)

    def _on_delete_clicked(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        name = str(item.data(Qt.ItemDataRole.UserRole))
        answer = QMessageBox.question(
            self, self.tr("Delete campaign"),
            self.tr("Delete the campaign «{0}» with its groups and results? This cannot be "
                    "undone.").format(name))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(name)

    def delete(self, name: str) -> None:
        """Delete campaign ``name`` (off the GUI thread) and reload the list."""
        Task(delete_campaign, self._engine, name).owned_by(self) \
            .on_success(lambda _none: self.refresh()).start(self._context.pools.write)

    # -- review bundle ------------------------------------------------------------------

    def _on_bundle_requested(self, name: str) -> None:
        if self._actions is None:
            from ui.editor.actions import EmailActions

            self._actions = EmailActions(self._engine, self._context.pools,
                                         self._context.settings, self._context.today, self)
            window: Any = self.window()
            if hasattr(window, "show_error"):
                self._actions.failed.connect(window.show_error)
        self._actions.export_bundle(name, self)

    # -- language -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self._choices is not None:
                self.refresh()  # ready-made segments' titles and states in the new language
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.new_button.setText(self.tr("New campaign…"))
        self.delete_button.setText(self.tr("Delete"))
        self.empty.setText(self.tr(
            "No campaigns yet.\n\nA campaign is one template sent to one segment with two to "
            "five subject variants: a small test group per variant first, the winner to the "
            "rest.\n\nClick «New campaign…» to start."))


def _load_page(engine: Engine, russian: bool) -> tuple[Choices, list[CampaignInfo]]:
    return campaign_choices(engine, russian=russian), list_campaigns(engine)
