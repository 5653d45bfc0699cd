"""The Templates page: the library by series on the left, the editor or a series timeline."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from sqlalchemy import Engine

from composer.brand import BrandKit, load_brand_kit
from composer.library import SCENARIOS
from composer.model import Template
from composer.templates import list_templates, load_template
from ui.editor.actions import EmailActions
from ui.editor.autosave import DraftStore, default_drafts_dir
from ui.editor.editor import TemplateEditor
from ui.editor.preview import UrlOpener
from ui.editor.scenario import ScenarioTimeline, scenario_titles
from ui.pages import PageContext
from ui.splitters import remember_sizes
from ui.style import named
from ui.tasks import Task

log = logging.getLogger(__name__)

DEFAULT_TEMPLATE = "abandoned_cart_1"
"""The template opened first (the richest built-in example)."""
LAST_TEMPLATE_KEY = "editor/last_template"

KIND_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def load_library(engine: Engine) -> tuple[BrandKit, list[Template]]:
    """Worker: the brand kit and every template (built-in and the workspace's own)."""
    return load_brand_kit(engine), list_templates(engine)


def load_for_editing(
    engine: Engine, name: str, drafts: DraftStore
) -> tuple[Template, tuple[Template, str] | None]:
    """Worker: the template as saved, and its recovery draft if the app died with edits."""
    return load_template(engine, name), drafts.read(name)


def _workspace_key(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


class TemplatesPage(QWidget):
    """The template library by series, the editor, and each series as a timeline.

    Implements the page protocol of :mod:`ui.pages`: ``ready``/``is_ready()``
    (the preview has painted the first template) and ``refresh()``.

    Signals:
        ready(): the first template is shown in the preview.
    """

    ready = Signal()

    def __init__(
        self,
        context: PageContext,
        parent: QWidget | None = None,
        *,
        drafts_dir: Path | None = None,
        open_url: UrlOpener | None = None,
        autosave_delay_ms: int = 1500,
        initial: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._engine = context.engine
        self._open_url = open_url
        self._autosave_delay_ms = autosave_delay_ms
        self._initial = initial
        self.drafts = DraftStore(drafts_dir or default_drafts_dir(),
                                 _workspace_key(context.engine))
        self.templates: list[Template] = []
        self.brand = BrandKit()
        self.editor: TemplateEditor | None = None
        self._ready = False
        self._opening = ""
        self.email_actions = EmailActions(context.engine, context.pools, context.settings,
                                    context.today, self, open_url=open_url)
        self.email_actions.message.connect(self._show_message)

        self.library = QTreeWidget()
        self.library.setHeaderHidden(True)
        self.library.setObjectName("templateLibrary")
        self.library.setMinimumWidth(150)
        self.library.itemClicked.connect(self._on_library_item_clicked)
        self.library.itemActivated.connect(self._on_library_item_clicked)

        self.timeline = ScenarioTimeline()
        self.timeline.step_opened.connect(self.open_template)
        self.timeline.export_requested.connect(self._on_timeline_export_requested)
        self._loading = named(QLabel(), "emptyState")
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._loading)
        self.stack.addWidget(self.timeline)

        # The library can be narrowed for the editor on a small screen.
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.library)
        split.addWidget(self.stack)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setCollapsible(1, False)
        split.setSizes([170, 10_000])
        self.splitter = split
        remember_sizes(split, context.settings, "templates/librarySplitter")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)
        self._retranslate()
        self.refresh()

    # -- page protocol -------------------------------------------------------------

    def is_ready(self) -> bool:
        """Whether the first template is painted in the preview and its checks listed."""
        return self._ready

    def refresh(self) -> None:
        """Reload the library (after an import or a demo generation)."""
        Task(load_library, self._engine).owned_by(self).on_success(
            self._on_library_loaded).start(self._context.pools.read)

    # -- public API ----------------------------------------------------------------

    def open_template(self, name: str) -> None:
        """Open template ``name`` in the editor (saving what the open one has pending)."""
        if self.editor is not None:
            self.editor.flush()
        self._opening = name
        Task(load_for_editing, self._engine, name, self.drafts).owned_by(self).on_success(
            lambda loaded: self._on_template_loaded(name, loaded)
        ).start(self._context.pools.write)  # after any pending save of the same template

    def show_series(self, scenario: str) -> None:
        """Show ``scenario`` as a timeline."""
        self.timeline.set_scenario(scenario, self.templates)
        self.stack.setCurrentWidget(self.timeline)
        self._select_in_library("scenario", scenario)

    # -- internals -----------------------------------------------------------------

    def _ensure_editor(self) -> TemplateEditor:
        if self.editor is None:
            self.editor = TemplateEditor(
                self._engine, self._context.pools, self.brand, self._context.today,
                self.drafts, actions=self.email_actions, open_url=self._open_url,
                autosave_delay_ms=self._autosave_delay_ms)
            self.editor.painted.connect(self._on_editor_painted)
            self.editor.checked.connect(self._on_editor_painted)
            self.editor.series_requested.connect(self.show_series)
            if self.editor.autosaver is not None:
                self.editor.autosaver.saved.connect(self._on_saved)
            self.stack.addWidget(self.editor)
            settings = self._context.settings
            remember_sizes(self.editor.splitter, settings, "templates/editorSplitter")
            remember_sizes(self.editor.left_splitter, settings, "templates/leftSplitter")
        return self.editor

    def _on_library_loaded(self, loaded: tuple[BrandKit, list[Template]]) -> None:
        brand, templates = loaded
        self.brand = brand
        self.templates = templates
        if self.editor is not None:
            self.editor.set_brand(brand)  # the brand kit may have changed in settings
        self._fill_library()
        if self.editor is None:
            names = {t.name for t in templates}
            saved = self._context.settings.value(LAST_TEMPLATE_KEY)
            for candidate in (self._initial, saved, DEFAULT_TEMPLATE):
                if candidate and str(candidate) in names:
                    self.open_template(str(candidate))
                    break
            else:
                if templates:
                    self.open_template(templates[0].name)
                else:
                    self._set_ready()

    def _fill_library(self) -> None:
        self.library.clear()
        titles = scenario_titles()
        groups: dict[str, QTreeWidgetItem] = {}
        order = list(SCENARIOS) + sorted({t.scenario for t in self.templates
                                          if t.scenario and t.scenario not in SCENARIOS})
        for scenario in order:
            if not any(t.scenario == scenario for t in self.templates):
                continue
            item = QTreeWidgetItem([titles.get(scenario, scenario)])
            item.setToolTip(0, titles.get(scenario, scenario))
            item.setData(0, KIND_ROLE, "scenario")
            item.setData(0, KEY_ROLE, scenario)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self.library.addTopLevelItem(item)
            groups[scenario] = item
        own = QTreeWidgetItem([self.tr("Own templates")])
        own.setData(0, KIND_ROLE, "own")
        for template in self.templates:
            parent = groups.get(template.scenario or "", own)
            label = template.title or template.name
            if parent is not own and template.position:
                label = f"{template.position}. {label.split(': ', 1)[-1]}"
            child = QTreeWidgetItem([label])
            # The list is narrow on a laptop: the whole title is in the tooltip.
            child.setToolTip(0, f"{template.title or template.name}\n{template.subject}")
            child.setData(0, KIND_ROLE, "template")
            child.setData(0, KEY_ROLE, template.name)
            parent.addChild(child)
        if own.childCount():
            self.library.addTopLevelItem(own)
        self.library.expandAll()
        if self.editor is not None and self.editor.template is not None:
            self._select_in_library("template", self.editor.template.name)

    def _select_in_library(self, kind: str, key: str) -> None:
        iterator = [self.library.topLevelItem(i) for i in range(self.library.topLevelItemCount())]
        for top in iterator:
            if top is None:
                continue
            items = [top] + [top.child(i) for i in range(top.childCount())]
            for item in items:
                if item is not None and item.data(0, KIND_ROLE) == kind \
                        and item.data(0, KEY_ROLE) == key:
                    self.library.setCurrentItem(item)
                    return

    def _on_library_item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind = item.data(0, KIND_ROLE)
        key = item.data(0, KEY_ROLE)
        if kind == "scenario":
            self.show_series(str(key))
        elif kind == "template":
            self.open_template(str(key))

    def _on_template_loaded(
        self, name: str, loaded: tuple[Template, tuple[Template, str] | None]
    ) -> None:
        if name != self._opening:
            return  # the user opened another one meanwhile
        template, draft = loaded
        if draft is not None and draft[0] == template:
            self.drafts.remove(name)  # saved after all (the app quit before it said so)
            draft = None
        editor = self._ensure_editor()
        editor.open_template(template, draft)
        self.stack.setCurrentWidget(editor)
        self._select_in_library("template", name)
        self._context.settings.setValue(LAST_TEMPLATE_KEY, name)

    def _on_editor_painted(self) -> None:
        editor = self.editor
        if editor is not None and editor.is_painted() and editor.lint_report is not None:
            self._set_ready()

    def _set_ready(self) -> None:
        if not self._ready:
            self._ready = True
            self.ready.emit()

    def _on_saved(self, name: str) -> None:
        # Keep the library's copy (titles, subjects in the timeline) up to date.
        editor = self.editor
        if editor is None or editor.template is None or editor.template.name != name:
            return
        self.templates = [editor.template if t.name == name else t for t in self.templates]

    def _on_timeline_export_requested(self, scenario: str) -> None:
        if self.editor is not None:
            self.editor.flush()
        self.email_actions.export_bundle(scenario, self)

    def _show_message(self, message: str) -> None:
        handler = getattr(self.window(), "show_message", None)
        if callable(handler):
            handler(message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.templates:
                self._fill_library()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._loading.setText(self.tr("Loading the templates…"))


def templates_page(context: PageContext) -> QWidget:
    """The page factory for :func:`ui.pages.default_pages`."""
    return TemplatesPage(context)
