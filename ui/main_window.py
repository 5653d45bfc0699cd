"""The main window: sidebar navigation, the pages, menus and the status bar."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from ui.language import LANGUAGES, SETTINGS_KEY, LanguageSwitcher
from ui.pages import PageContext, PageFrame, PageSpec, default_pages
from ui.retranslate import Retranslating
from ui.settings_dialog import settings_action_text
from ui.style import named
from ui.tasks import Pools, Task
from workspace.contacts import count_all_contacts

ERROR_TIMEOUT_MS = 15000
"""How long an error stays in the status bar."""

_LANGUAGE_NAMES = {"ru": "Русский", "en": "English"}  # each in its own language


class MainWindow(Retranslating, QMainWindow):
    """Konvert's main window.

    Args:
        engine: the open workspace.
        today: reference date for relative conditions.
        pages: page specs by key, in navigation order (default: :func:`default_pages`).
        settings: where the language choice is remembered.
        language: the switcher whose language the menu changes (one is made if None).
        workspace_label: where the workspace lives, shown in the status bar.

    Signals:
        page_changed(str): the key of the page now shown.
        data_imported(): an import changed the workspace; pages were refreshed.
    """

    page_changed = Signal(str)
    data_imported = Signal()

    def __init__(
        self,
        engine: Engine,
        today: date,
        *,
        pages: Mapping[str, PageSpec] | None = None,
        settings: QSettings | None = None,
        language: LanguageSwitcher | None = None,
        workspace_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.today = today
        self.settings = settings if settings is not None else QSettings("Konvert", "Konvert")
        self.language = language if language is not None else LanguageSwitcher(self)
        self.pools = Pools.create(self)
        self._workspace_label = workspace_label
        self._contact_count: int | None = None
        self._specs = dict(pages if pages is not None else default_pages())
        self._context = PageContext(
            engine=engine,
            today=today,
            pools=self.pools,
            settings=self.settings,
            request_import=self.open_import_dialog,
        )
        self.resize(1360, 820)

        # Sidebar and pages.
        self.navigation = named(QListWidget(), "navigation")
        self.navigation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget()
        self.frames: dict[str, PageFrame] = {}
        for key, spec in self._specs.items():
            frame = PageFrame(spec, self._context)
            self.frames[key] = frame
            self.stack.addWidget(frame)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)

        self._app_name = named(QLabel("Konvert"), "appName")
        sidebar = named(QWidget(), "sidebar")
        sidebar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        sidebar.setFixedWidth(210)
        side_layout = QVBoxLayout(sidebar)
        side_layout.setContentsMargins(0, 0, 0, 12)
        side_layout.setSpacing(0)
        side_layout.addWidget(self._app_name)
        side_layout.addWidget(self.navigation, 1)

        central = QWidget()
        central_layout = QHBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(sidebar)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # Status bar: messages on the left, workspace and contact count on the right.
        self._workspace_status = QLabel()
        self._count_status = QLabel()
        self.statusBar().addPermanentWidget(self._workspace_status)
        self.statusBar().addPermanentWidget(self._count_status)
        self.statusBar().setSizeGripEnabled(False)

        self._build_actions()
        self._retranslate()
        self.refresh_contact_count()
        if self._specs:
            self.show_page(next(iter(self._specs)))

    # -- public API -----------------------------------------------------------

    def page_keys(self) -> list[str]:
        """Keys of the pages in navigation order."""
        return list(self._specs)

    def current_page_key(self) -> str:
        """Key of the page shown."""
        frame = self.stack.currentWidget()
        return frame.spec.key if isinstance(frame, PageFrame) else ""

    def page(self, key: str) -> QWidget:
        """The page widget for ``key`` (built if needed)."""
        return self.frames[key].ensure_page()

    def show_page(self, key: str) -> QWidget:
        """Switch to the page ``key`` and return its widget."""
        if key not in self.frames:
            raise KeyError(f"no page {key!r}; pages: {', '.join(self._specs)}")
        widget = self.page(key)
        self.stack.setCurrentWidget(self.frames[key])
        row = list(self._specs).index(key)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)
        self.page_changed.emit(key)
        return widget

    def show_error(self, message: str) -> None:
        """Show an error without a modal dialog (the default for failed tasks)."""
        self.statusBar().showMessage("⚠ " + message, ERROR_TIMEOUT_MS)

    def show_message(self, message: str, timeout_ms: int = 6000) -> None:
        """Show a passing message in the status bar."""
        self.statusBar().showMessage(message, timeout_ms)

    def switch_language(self, language: str) -> None:
        """Switch the UI to ``ru`` or ``en`` and remember the choice."""
        self.language.apply(language)
        self.settings.setValue(SETTINGS_KEY, language)
        for lang, action in self._language_actions.items():
            action.setChecked(lang == language)

    def refresh_contact_count(self) -> None:
        """Count the workspace's contacts for the status bar."""
        Task(count_all_contacts, self.engine).owned_by(self).on_success(
            self._on_contact_count_loaded
        ).start(self.pools.read)

    def refresh_pages(self) -> None:
        """Tell every built page that the data changed."""
        for frame in self.frames.values():
            refresh = getattr(frame.page, "refresh", None)
            if callable(refresh):
                refresh()
        self.refresh_contact_count()

    def open_import_dialog(self) -> None:
        """Open the import wizard; pages refresh after a successful import."""
        from ui.importing import ImportDialog

        dialog = ImportDialog(self.engine, self.pools, self.settings, parent=self)
        dialog.imported.connect(self._on_import_dialog_imported)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    def open_settings_dialog(self) -> None:
        """Open the workspace settings; open pages refresh after a save."""
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.engine, self.pools, self.today, parent=self)
        dialog.saved.connect(self.refresh_pages)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    def focus_search(self) -> None:
        """Ctrl+F: go to Contacts and put the cursor in its search box."""
        if "contacts" not in self.frames:
            return
        page = self.show_page("contacts")
        focus = getattr(page, "focus_search", None)
        if callable(focus):
            focus()

    # -- building -------------------------------------------------------------

    def _build_actions(self) -> None:
        self._file_menu = QMenu(self)
        self._go_menu = QMenu(self)
        self._language_menu = QMenu(self)
        self.menuBar().addMenu(self._file_menu)
        self.menuBar().addMenu(self._go_menu)

        self.import_action = QAction(self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.open_import_dialog)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.focus_search)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings_dialog)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        group = QActionGroup(self)
        self._language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = QAction(_LANGUAGE_NAMES[lang], self, checkable=True)
            action.setChecked(lang == self.language.language)
            action.triggered.connect(lambda _checked=False, lang=lang: self.switch_language(lang))
            group.addAction(action)
            self._language_menu.addAction(action)
            self._language_actions[lang] = action

        self._file_menu.addAction(self.import_action)
        self._file_menu.addAction(self.find_action)
        self._file_menu.addSeparator()
        self._file_menu.addAction(self.settings_action)
        self._file_menu.addMenu(self._language_menu)
        self._file_menu.addSeparator()
        self._file_menu.addAction(self.quit_action)

        self._page_actions: dict[str, QAction] = {}
        for number, key in enumerate(self._specs, start=1):
            action = QAction(self)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, key=key: self.show_page(key))
            self._go_menu.addAction(action)
            self._page_actions[key] = action
        # Actions with shortcuts work even while their menu is closed only if
        # they belong to a visible widget: the window.
        self.addActions(
            [self.import_action, self.find_action, self.settings_action, self.quit_action])
        self.addActions(list(self._page_actions.values()))

    # -- events ---------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # Let running queries finish so no worker outlives the engine's user.
        self.pools.wait(5000)
        super().closeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Konvert"))
        self._file_menu.setTitle(self.tr("&File"))
        self._go_menu.setTitle(self.tr("&Go"))
        self._language_menu.setTitle(self.tr("&Language"))
        self.import_action.setText(self.tr("&Import…"))
        self.find_action.setText(self.tr("&Find contacts"))
        self.quit_action.setText(self.tr("&Quit"))
        self.settings_action.setText(settings_action_text())
        for row, (key, spec) in enumerate(self._specs.items()):
            title = spec.title()
            self.navigation.item(row).setText(title)
            self._page_actions[key].setText(title)
        self._workspace_status.setText(self.tr("Workspace: {0}").format(self._workspace_label))
        self._workspace_status.setVisible(bool(self._workspace_label))
        self._update_count_status()

    def _update_count_status(self) -> None:
        if self._contact_count is None:
            self._count_status.setText("")
        else:
            self._count_status.setText(self.tr("%Ln contact(s)", "", self._contact_count))

    def _on_contact_count_loaded(self, count: int) -> None:
        self._contact_count = count
        self._update_count_status()

    def _on_navigation_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._specs):
            key = list(self._specs)[row]
            if self.current_page_key() != key:
                self.show_page(key)

    def _on_import_dialog_imported(self) -> None:
        self.refresh_pages()
        self.data_imported.emit()
