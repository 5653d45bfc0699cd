"""Workspace settings: the brand kit every template uses and the lifecycle thresholds.

A marketer edits here, without code, what :mod:`composer.brand` and
:mod:`segments.lifecycle` store in the workspace ``settings`` table. Loading
runs on the read pool, saving on the one-thread write pool (``ui.tasks``);
a failed save is shown in the dialog and the dialog stays open.

Open it from the main window (File → Workspace settings…, Ctrl+,)::

    dialog = SettingsDialog(engine, pools, today, parent=window)
    dialog.saved.connect(window.refresh_pages)
    dialog.open()
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields, replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from composer.brand import BrandKit, SocialLink, load_brand_kit, save_brand_kit
from composer.brand_problems import COLOR_FIELDS, FONT_FIELDS, font_families, is_hex_color
from composer.brand_problems import brand_problems as core_brand_problems
from segments.fields import LIFECYCLE_STATUSES
from segments.lifecycle import LifecycleThresholds, load_thresholds, save_thresholds
from segments.lifecycle import threshold_problems as core_threshold_problems
from segments.query import lifecycle_counts
from ui.retranslate import Retranslating
from ui.style import named
from ui.tasks import Debouncer, Pools, RequestCounter, Task, error_message

log = logging.getLogger(__name__)

LINE_FIELDS = ("shop_name", "from_name", "shop_url", "logo_url", "support_email", "phone",
               "address")
"""Brand kit fields edited in a one-line box, in the order they are shown."""

THRESHOLD_FIELDS = tuple(f.name for f in fields(LifecycleThresholds))

# Stacks every mail app can show: the first font it has is used.
FONT_STACKS = (
    "Georgia, 'Times New Roman', Times, serif",
    "'Times New Roman', Times, serif",
    "'Helvetica Neue', Helvetica, Arial, sans-serif",
    "Arial, Helvetica, sans-serif",
    "Verdana, Geneva, sans-serif",
    "Tahoma, Verdana, Segoe, sans-serif",
    "'Trebuchet MS', Helvetica, sans-serif",
    "'Courier New', Courier, monospace",
)

# Status order in the Lifecycle tab: buyers first, then those who never bought.
STATUS_ORDER = ("active", "passive", "inactive", "very_inactive", "hot", "warm", "cold")
assert set(STATUS_ORDER) == set(LIFECYCLE_STATUSES)

_MAX_DAYS = 3650


# -- plain logic (no widgets) ---------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something that blocks saving: the field it is about and what to do, in plain words.

    ``field`` is a BrandKit / LifecycleThresholds field name, or
    ``social.<row>.label`` / ``social.<row>.url`` for a social link.
    """

    field: str
    message: str


# Problem messages, collected by pyside6-lupdate, translated when shown.
_MESSAGES = {
    "shop_name": QT_TRANSLATE_NOOP("SettingsDialog", "Shop name: please fill it in."),
    "url": QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "{0}: enter a full address starting with https:// (for example "
        "https://shop.example.ru)."),
    "email": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Support email: this does not look like an email address."),
    "color": QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "{0}: a colour is # and six hex digits, like #C8553D; use the colour button to "
        "pick one."),
    "font": QT_TRANSLATE_NOOP("SettingsDialog", "{0}: choose a font."),
    "fallback": QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "{0}: end the list with serif or sans-serif, so mail apps without these fonts "
        "still show a similar one."),
    "link_label": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Social link {0}: give it a name (for example Telegram)."),
    "link_url": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Social link {0}: enter a full address starting with https://."),
    "passive": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Passive must end later than active: make it more than {0} days."),
    "inactive": QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "Inactive must end later than passive: make it more than {0} days."),
    "one_day": QT_TRANSLATE_NOOP("SettingsDialog", "Each period must be at least one day."),
    "warm_window": QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "Warm: a window of {0} days cannot have views on {1} different days."),
}


def _message(key: str, *args: object, english: str = "") -> str:
    if key not in _MESSAGES:  # a rule the dialog's fields cannot break (spin boxes hold ints)
        return english
    return QCoreApplication.translate("SettingsDialog", str(_MESSAGES[key])).format(*args)


def brand_problems(kit: BrandKit) -> list[Problem]:
    """What must be fixed in ``kit`` before it is saved, in the UI's language."""
    names = brand_field_names()
    problems = []
    for problem in core_brand_problems(kit):
        arg = names.get(str(problem.arg), problem.arg)
        message = _message(problem.code, arg, english=problem.message)
        problems.append(Problem(problem.field, message))
    return problems


def threshold_problems(t: LifecycleThresholds) -> list[Problem]:
    """What must be fixed in ``t`` before it is saved, in the UI's language."""
    return [
        Problem(
            problem.field, _message(problem.code, *problem.args, english=problem.message)
        )
        for problem in core_threshold_problems(t)
    ]


def brand_field_names() -> dict[str, str]:
    """Localised names of the brand kit fields (the form's labels, without mnemonics)."""
    return {
        "shop_name": QCoreApplication.translate("SettingsDialog", "Shop name"),
        "from_name": QCoreApplication.translate("SettingsDialog", "Sender name"),
        "shop_url": QCoreApplication.translate("SettingsDialog", "Shop website"),
        "logo_url": QCoreApplication.translate("SettingsDialog", "Logo address"),
        "support_email": QCoreApplication.translate("SettingsDialog", "Support email"),
        "phone": QCoreApplication.translate("SettingsDialog", "Phone"),
        "address": QCoreApplication.translate("SettingsDialog", "Postal address"),
        "footer_text": QCoreApplication.translate("SettingsDialog", "Footer text"),
        "primary_color": QCoreApplication.translate("SettingsDialog", "Main colour"),
        "accent_color": QCoreApplication.translate("SettingsDialog", "Button colour"),
        "background_color": QCoreApplication.translate("SettingsDialog", "Background"),
        "surface_color": QCoreApplication.translate("SettingsDialog", "Content background"),
        "text_color": QCoreApplication.translate("SettingsDialog", "Text colour"),
        "muted_color": QCoreApplication.translate("SettingsDialog", "Secondary text"),
        "heading_font": QCoreApplication.translate("SettingsDialog", "Heading font"),
        "body_font": QCoreApplication.translate("SettingsDialog", "Text font"),
    }


def load_workspace_settings(engine: Engine) -> tuple[BrandKit, LifecycleThresholds]:
    """The stored brand kit and lifecycle thresholds (own connection)."""
    kit = load_brand_kit(engine)
    with engine.connect() as conn:
        thresholds = load_thresholds(conn)
    return kit, thresholds


def save_workspace_settings(
    engine: Engine, kit: BrandKit, thresholds: LifecycleThresholds
) -> None:
    """Store both; the thresholds are validated before anything is written."""
    thresholds.validate()
    with engine.begin() as conn:
        save_thresholds(conn, thresholds)
    save_brand_kit(engine, kit)


def settings_action_text() -> str:
    """The main window's menu entry for this dialog."""
    return QCoreApplication.translate("SettingsDialog", "Workspace &settings…")


# -- widgets ----------------------------------------------------------------------


def _qfont(stack: str, pixel_size: int, bold: bool = False) -> QFont:
    families = font_families(stack) or ["sans-serif"]
    font = QFont()
    font.setFamilies(families)
    generic = families[-1].lower()
    font.setStyleHint(QFont.StyleHint.Serif if generic == "serif"
                      else QFont.StyleHint.Monospace if generic == "monospace"
                      else QFont.StyleHint.SansSerif)
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


class ColorField(QWidget):
    """A ``#RRGGBB`` box with a swatch button that opens the colour picker.

    Signals:
        text_changed(str): the text in the box changed.
    """

    text_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setMaxLength(7)
        self.edit.setPlaceholderText("#RRGGBB")
        self.edit.setFixedWidth(110)
        self.swatch = QPushButton()
        self.swatch.setFixedSize(44, 28)
        self.swatch.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.swatch)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.swatch.clicked.connect(self.pick)
        self._paint("")

    def text(self) -> str:
        """The colour as typed (stripped)."""
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        """Show ``text``."""
        self.edit.setText(text)

    def pick(self) -> None:
        """Open the colour picker on the current colour; a chosen colour replaces the text."""
        current = QColor(self.text()) if is_hex_color(self.text()) else QColor("#FFFFFF")
        chosen = QColorDialog.getColor(current, self, self.swatch.toolTip())
        if chosen.isValid():
            self.edit.setText(chosen.name(QColor.NameFormat.HexRgb).upper())

    def _paint(self, text: str) -> None:
        if is_hex_color(text):
            self.swatch.setStyleSheet(
                f"QPushButton {{ background: {text.strip()}; border: 1px solid #8a94a6; "
                "border-radius: 6px; } QPushButton:focus { border: 2px solid #2f6fde; }")
            self.swatch.setText("")
        else:
            self.swatch.setStyleSheet("QPushButton { border: 1px dashed #b3261e; "
                                      "border-radius: 6px; color: #b3261e; }")
            self.swatch.setText("?")

    def _on_edit_text_changed(self, text: str) -> None:
        self._paint(text)
        self.text_changed.emit(text)


class BrandPreview(QFrame):
    """A small mock email in the brand colours and fonts (no browser needed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("brandPreview")
        self.setMinimumWidth(300)
        self.card = QFrame()
        self.card.setObjectName("brandCard")
        self.shop = QLabel()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.divider = QFrame()
        self.divider.setFixedHeight(2)
        self.button = QLabel()
        self.button.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.link = QLabel()
        self.footer = QLabel()
        self.footer.setWordWrap(True)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(20, 16, 20, 18)
        card_layout.setSpacing(10)
        card_layout.addWidget(self.shop)
        card_layout.addWidget(self.divider)
        card_layout.addWidget(self.heading)
        card_layout.addWidget(self.body)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        card_layout.addLayout(row)
        card_layout.addWidget(self.link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.card)
        layout.addWidget(self.footer)
        layout.addStretch(1)
        self.show_kit(BrandKit())

    def show_kit(self, kit: BrandKit) -> None:
        """Draw ``kit``; a colour that is not ``#RRGGBB`` (yet) is drawn as the default."""
        default = BrandKit()

        def color(name: str) -> str:
            value = str(getattr(kit, name)).strip()
            return value if is_hex_color(value) else str(getattr(default, name))

        def font(name: str) -> str:
            value = str(getattr(kit, name))
            return value if font_families(value) else str(getattr(default, name))

        self.setStyleSheet(
            f"QFrame#brandPreview {{ background: {color('background_color')}; "
            "border: 1px solid #dde1e7; border-radius: 8px; }"
            f"QFrame#brandCard {{ background: {color('surface_color')}; border: none; "
            "border-radius: 4px; }")
        self.shop.setText(kit.shop_name.strip() or default.shop_name)
        self.shop.setFont(_qfont(font("heading_font"), 20, bold=True))
        self.shop.setStyleSheet(f"color: {color('primary_color')};")
        self.divider.setStyleSheet(f"background: {color('accent_color')}; border: none;")
        self.heading.setText(self.tr("New autumn collection"))
        self.heading.setFont(_qfont(font("heading_font"), 22, bold=True))
        self.heading.setStyleSheet(f"color: {color('primary_color')};")
        self.body.setText(self.tr(
            "Hello, Anna! Warm coats and knitwear have arrived. Pick yours before "
            "the sizes run out."))
        self.body.setFont(_qfont(font("body_font"), 14))
        self.body.setStyleSheet(f"color: {color('text_color')};")
        self.button.setText(self.tr("Go to the shop"))
        self.button.setFont(_qfont(font("body_font"), 15, bold=True))
        self.button.setStyleSheet(
            f"background: {color('accent_color')}; color: #FFFFFF; border-radius: 4px; "
            "padding: 10px 22px;")
        self.link.setText(self.tr("Product link and price: 4 990 ₽"))
        self.link.setFont(_qfont(font("body_font"), 13))
        self.link.setStyleSheet(f"color: {color('primary_color')}; text-decoration: underline;")
        self.footer.setText(kit.footer_text.strip() or default.footer_text)
        self.footer.setFont(_qfont(font("body_font"), 11))
        self.footer.setStyleSheet(f"color: {color('muted_color')};")


class SettingsDialog(Retranslating, QDialog):
    """Workspace settings: "Brand kit" and "Lifecycle" tabs with OK / Cancel / Apply.

    Args:
        engine: the open workspace.
        pools: the app's pools (loading on ``read``, saving on ``write``).
        today: the reference date for the live status counts.
        parent: the main window.

    Signals:
        loaded(): the stored settings are in the fields.
        saved(): OK or Apply stored the settings (open pages should refresh).
        counts_updated(): the live lifecycle counts were redrawn.
    """

    loaded = Signal()
    saved = Signal()
    counts_updated = Signal()

    def __init__(
        self, engine: Engine, pools: Pools, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._pools = pools
        self._today = today
        self._loaded = False
        self._saving = False
        self._close_after_save = False
        self._counts: dict[str, int] | None = None
        self._counted_for: LifecycleThresholds | None = None
        self._count_requests = RequestCounter()
        self._count_debouncer = Debouncer(300, self._start_count, self)
        self.setModal(True)
        self.resize(980, 700)
        self.setStyleSheet(
            "QLineEdit[invalid=\"true\"], QComboBox[invalid=\"true\"], "
            "QSpinBox[invalid=\"true\"], QPlainTextEdit[invalid=\"true\"] "
            "{ border: 1px solid #b3261e; background: #fdf1f0; }")

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_brand_tab(), "")
        self.tabs.addTab(self._build_lifecycle_tab(), "")

        self.status = named(QLabel(), "hint")
        self.problems = named(QLabel(), "errorText")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self._on_ok_button_clicked)
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.cancel_button.clicked.connect(self.reject)

        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problems)
        layout.addLayout(bottom)

        self._set_enabled(False)
        self._retranslate()
        self.status.setText(self.tr("Loading the settings…"))
        Task(load_workspace_settings, engine).owned_by(self).on_success(
            self._on_settings_loaded).on_failure(self._on_settings_load_failed).start(pools.read)

    # -- building ----------------------------------------------------------------

    def _build_brand_tab(self) -> QWidget:
        self._brand_labels: dict[str, QLabel] = {}
        self.line_edits: dict[str, QLineEdit] = {}
        self.color_fields: dict[str, ColorField] = {}
        self.font_boxes: dict[str, QComboBox] = {}

        form_widget = QWidget()
        form_layout = QVBoxLayout(form_widget)
        form_layout.setContentsMargins(4, 4, 12, 4)

        self._shop_group = QGroupBox()
        shop_form = QFormLayout(self._shop_group)
        for name in LINE_FIELDS:
            edit = QLineEdit()
            self.line_edits[name] = edit
            edit.textChanged.connect(self._on_brand_edited)
            shop_form.addRow(self._brand_label(name, edit), edit)
        self.footer_edit = QPlainTextEdit()
        self.footer_edit.setTabChangesFocus(True)
        self.footer_edit.setFixedHeight(64)
        self.footer_edit.textChanged.connect(self._on_brand_edited)
        shop_form.addRow(self._brand_label("footer_text", self.footer_edit), self.footer_edit)
        form_layout.addWidget(self._shop_group)

        self._look_group = QGroupBox()
        look_form = QFormLayout(self._look_group)
        for name in COLOR_FIELDS:
            color_field = ColorField()
            self.color_fields[name] = color_field
            color_field.text_changed.connect(self._on_brand_edited)
            look_form.addRow(self._brand_label(name, color_field.edit), color_field)
        for name in FONT_FIELDS:
            box = QComboBox()
            box.setEditable(True)
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            box.addItems(FONT_STACKS)
            box.setMinimumContentsLength(34)
            box.editTextChanged.connect(self._on_brand_edited)
            self.font_boxes[name] = box
            look_form.addRow(self._brand_label(name, box), box)
        self._fonts_hint = named(QLabel(), "hint")
        self._fonts_hint.setWordWrap(True)
        look_form.addRow(self._fonts_hint)
        form_layout.addWidget(self._look_group)

        self._social_group = QGroupBox()
        social_layout = QVBoxLayout(self._social_group)
        self.social_table = QTableWidget(0, 2)
        self.social_table.verticalHeader().hide()
        self.social_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.social_table.horizontalHeader().setStretchLastSection(True)
        self.social_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.social_table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.social_table.setTabKeyNavigation(False)
        self.social_table.setMinimumHeight(130)
        self.social_table.itemChanged.connect(self._on_brand_edited)
        self.add_link_button = QPushButton()
        self.remove_link_button = QPushButton()
        self.add_link_button.clicked.connect(self._on_add_link_button_clicked)
        self.remove_link_button.clicked.connect(self._on_remove_link_button_clicked)
        social_buttons = QHBoxLayout()
        social_buttons.addWidget(self.add_link_button)
        social_buttons.addWidget(self.remove_link_button)
        social_buttons.addStretch(1)
        social_layout.addWidget(self.social_table)
        social_layout.addLayout(social_buttons)
        form_layout.addWidget(self._social_group)
        form_layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_widget)

        self.preview = BrandPreview()
        self._preview_title = QLabel()
        self._preview_title.setStyleSheet("font-weight: 600;")
        self._preview_hint = named(QLabel(), "hint")
        self._preview_hint.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self._preview_title)
        right.addWidget(self.preview, 1)
        right.addWidget(self._preview_hint)

        tab = QWidget()
        layout = QHBoxLayout(tab)
        layout.addWidget(scroll, 3)
        layout.addLayout(right, 2)
        return tab

    def _brand_label(self, name: str, buddy: QWidget) -> QLabel:
        label = QLabel()
        label.setBuddy(buddy)
        self._brand_labels[name] = label
        return label

    def _build_lifecycle_tab(self) -> QWidget:
        self.spins: dict[str, QSpinBox] = {}
        self._spin_labels: dict[str, QLabel] = {}
        self._status_names: dict[str, QLabel] = {}
        self._status_texts: dict[str, QLabel] = {}
        self._status_counts: dict[str, QLabel] = {}
        limits = {"warm_view_days": 60, "hot_days": 365, "warm_days": 365}
        for name in THRESHOLD_FIELDS:
            spin = QSpinBox()
            spin.setRange(1, limits.get(name, _MAX_DAYS))
            spin.setAccelerated(True)
            spin.setMinimumWidth(120)
            spin.setValue(getattr(LifecycleThresholds(), name))
            spin.valueChanged.connect(self._on_threshold_changed)
            self.spins[name] = spin
            label = QLabel()
            label.setBuddy(spin)
            self._spin_labels[name] = label

        tab = QWidget()
        layout = QVBoxLayout(tab)
        self._lifecycle_intro = named(QLabel(), "hint")
        self._lifecycle_intro.setWordWrap(True)
        layout.addWidget(self._lifecycle_intro)

        self._buyers_group = QGroupBox()
        self._never_group = QGroupBox()
        groups = (
            (self._buyers_group, ("active_days", "passive_days", "inactive_days"),
             ("active", "passive", "inactive", "very_inactive")),
            (self._never_group, ("hot_days", "warm_days", "warm_view_days"),
             ("hot", "warm", "cold")),
        )
        for group, spin_names, statuses in groups:
            group_layout = QHBoxLayout(group)
            form = QFormLayout()
            for name in spin_names:
                form.addRow(self._spin_labels[name], self.spins[name])
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setColumnStretch(1, 1)
            for row, status in enumerate(statuses):
                name_label = QLabel()
                name_label.setStyleSheet("font-weight: 600;")
                text_label = QLabel()
                text_label.setWordWrap(True)
                count_label = named(QLabel(), "hint")
                count_label.setAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                name_label.setAlignment(Qt.AlignmentFlag.AlignTop)
                self._status_names[status] = name_label
                self._status_texts[status] = text_label
                self._status_counts[status] = count_label
                grid.addWidget(name_label, row, 0)
                grid.addWidget(text_label, row, 1)
                grid.addWidget(count_label, row, 2)
            group_layout.addLayout(form)
            group_layout.addSpacing(16)
            group_layout.addLayout(grid, 1)
            layout.addWidget(group)

        self.defaults_button = QPushButton()
        self.defaults_button.clicked.connect(self.restore_defaults)
        self._counts_hint = named(QLabel(), "hint")
        self._counts_hint.setWordWrap(True)
        row_layout = QHBoxLayout()
        row_layout.addWidget(self._counts_hint, 1)
        row_layout.addWidget(self.defaults_button)
        layout.addLayout(row_layout)
        layout.addStretch(1)
        return tab

    # -- public API --------------------------------------------------------------

    def is_loaded(self) -> bool:
        """Whether the stored settings are in the fields."""
        return self._loaded

    def is_saving(self) -> bool:
        """Whether a save is running."""
        return self._saving

    def brand_kit(self) -> BrandKit:
        """The brand kit as the fields show it now (not validated)."""
        values: dict[str, str] = {name: edit.text().strip()
                                  for name, edit in self.line_edits.items()}
        for name, field in self.color_fields.items():
            text = field.text()
            values[name] = text.upper() if is_hex_color(text) else text
        for name, box in self.font_boxes.items():
            values[name] = box.currentText().strip()
        values["footer_text"] = self.footer_edit.toPlainText().strip()
        links = []
        for row in range(self.social_table.rowCount()):
            label, url = (self._cell(row, 0), self._cell(row, 1))
            if label or url:  # an empty row is a link not started: left out
                links.append(SocialLink(label, url))
        return replace(BrandKit(), **values, social=tuple(links))

    def thresholds(self) -> LifecycleThresholds:
        """The thresholds as the spin boxes show them now (not validated)."""
        return LifecycleThresholds(**{name: spin.value() for name, spin in self.spins.items()})

    def problems_now(self) -> list[Problem]:
        """What blocks saving the fields as they are."""
        return brand_problems(self.brand_kit()) + threshold_problems(self.thresholds())

    def status_counts(self) -> tuple[LifecycleThresholds | None, dict[str, int] | None]:
        """The live counts shown in the Lifecycle tab and the thresholds they were made with."""
        return self._counted_for, self._counts

    def set_brand_kit(self, kit: BrandKit) -> None:
        """Show ``kit`` in the Brand kit tab."""
        for name, edit in self.line_edits.items():
            edit.setText(str(getattr(kit, name)))
        for name, field in self.color_fields.items():
            field.set_text(str(getattr(kit, name)))
        for name, box in self.font_boxes.items():
            box.setEditText(str(getattr(kit, name)))
        self.footer_edit.setPlainText(kit.footer_text)
        self.social_table.blockSignals(True)
        self.social_table.setRowCount(0)
        for link in kit.social:
            self._append_link(link.label, link.url)
        self.social_table.blockSignals(False)
        self._on_brand_edited()

    def set_thresholds(self, thresholds: LifecycleThresholds) -> None:
        """Show ``thresholds`` in the Lifecycle tab."""
        for name, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(getattr(thresholds, name))
            spin.blockSignals(False)
        self._on_threshold_changed()

    def restore_defaults(self) -> None:
        """Put the default thresholds (segments.md, "Lifecycle defaults") in the fields."""
        self.set_thresholds(LifecycleThresholds())

    def apply(self) -> bool:
        """Save if nothing blocks it; return whether a save started."""
        return self._save(close=False)

    # -- events ------------------------------------------------------------------

    def reject(self) -> None:
        # A running save still finishes (it is on the write pool); Cancel only closes.
        super().reject()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Workspace settings"))
        self.tabs.setTabText(0, self.tr("&Brand kit"))
        self.tabs.setTabText(1, self.tr("&Lifecycle"))
        self.apply_button.setText(self.tr("&Apply"))
        self.ok_button.setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))
        mnemonics = {
            "shop_name": self.tr("Shop &name"), "from_name": self.tr("Sen&der name"),
            "shop_url": self.tr("Shop &website"), "logo_url": self.tr("L&ogo address"),
            "support_email": self.tr("Support &email"), "phone": self.tr("P&hone"),
            "address": self.tr("Postal add&ress"), "footer_text": self.tr("Foo&ter text"),
            "primary_color": self.tr("&Main colour"), "accent_color": self.tr("B&utton colour"),
            "background_color": self.tr("Bac&kground"),
            "surface_color": self.tr("&Content background"),
            "text_color": self.tr("Te&xt colour"), "muted_color": self.tr("Secondar&y text"),
            "heading_font": self.tr("Headin&g font"), "body_font": self.tr("Text &font"),
        }
        for name, label in self._brand_labels.items():
            label.setText(mnemonics[name])
        self._shop_group.setTitle(self.tr("Shop"))
        self._look_group.setTitle(self.tr("Colours and fonts"))
        self._social_group.setTitle(self.tr("Social links"))
        self.line_edits["logo_url"].setPlaceholderText("https://…/logo.png")
        self.line_edits["shop_url"].setPlaceholderText("https://…")
        self.line_edits["from_name"].setToolTip(
            self.tr("The name recipients see in the From line"))
        self._fonts_hint.setText(self.tr(
            "Mail apps use the first font of the list that they have, so end it with serif "
            "or sans-serif. Colours are # and six hex digits; the colour buttons open a "
            "picker."))
        self.social_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Address")])
        self.add_link_button.setText(self.tr("Add l&ink"))
        self.remove_link_button.setText(self.tr("Remo&ve link"))
        for name, field in self.color_fields.items():
            field.swatch.setToolTip(self.tr("Pick the colour: {0}").format(
                brand_field_names()[name]))
        self._preview_title.setText(self.tr("Preview"))
        self._preview_hint.setText(self.tr(
            "A rough sketch of an email in these colours and fonts; the template editor "
            "shows the real one."))
        self._lifecycle_intro.setText(self.tr(
            "Every contact has exactly one lifecycle status, used by segments and the "
            "dashboard chart. Buyers are grouped by how long ago they last bought; those "
            "who never bought, by what they did on the site recently."))
        self._buyers_group.setTitle(self.tr("Customers who have bought"))
        self._never_group.setTitle(self.tr("Contacts who have never bought"))
        spin_labels = {
            "active_days": self.tr("A&ctive: last purchase within"),
            "passive_days": self.tr("&Passive: last purchase within"),
            "inactive_days": self.tr("&Inactive: last purchase within"),
            "hot_days": self.tr("&Hot: cart abandoned within"),
            "warm_days": self.tr("&Warm: product views within"),
            "warm_view_days": self.tr("Warm: views on at l&east"),
        }
        for name, label in self._spin_labels.items():
            label.setText(spin_labels[name])
        status_names = {
            "active": self.tr("Active"), "passive": self.tr("Passive"),
            "inactive": self.tr("Inactive"), "very_inactive": self.tr("Very inactive"),
            "hot": self.tr("Hot"), "warm": self.tr("Warm"), "cold": self.tr("Cold"),
        }
        for status, label in self._status_names.items():
            label.setText(status_names[status])
        self.defaults_button.setText(self.tr("&Restore defaults"))
        self.defaults_button.setToolTip(self.tr(
            "Active 90, passive 180, inactive 365 days; hot 14 days; warm: views on 3 days "
            "within 30 days"))
        self.preview.show_kit(self.brand_kit())
        self._update_threshold_texts()
        self._show_counts()
        if self.problems.isVisible():
            self._show_problems(self.problems_now())

    def _update_threshold_texts(self) -> None:
        t = self.thresholds()
        for spin in self.spins.values():
            spin.setSuffix(self.tr(" day(s)", "", spin.value()))
        texts = {
            "active": self.tr("bought within the last %n day(s).", "", t.active_days),
            "passive": self.tr("last purchase {0} to {1} days ago.").format(
                t.active_days + 1, t.passive_days),
            "inactive": self.tr("last purchase {0} to {1} days ago.").format(
                t.passive_days + 1, t.inactive_days),
            "very_inactive": self.tr(
                "last purchase more than %n day(s) ago.", "", t.inactive_days),
            "hot": self.tr("never bought; abandoned a cart within the last %n day(s).", "",
                           t.hot_days),
            "warm": self.tr(
                "never bought, not hot; viewed products on {0} or more different days "
                "within the last {1} days.").format(t.warm_view_days, t.warm_days),
            "cold": self.tr("never bought, neither hot nor warm."),
        }
        for status, label in self._status_texts.items():
            label.setText(texts[status])

    def _show_counts(self) -> None:
        counts = self._counts
        for status, label in self._status_counts.items():
            if counts is None:
                label.setText("…")
            else:
                label.setText(self.tr("%Ln contact(s)", "", counts.get(status, 0)))
        self._counts_hint.setText(self.tr(
            "Counts are for today with the values above; segments use them after saving."))

    # -- editing -----------------------------------------------------------------

    def _cell(self, row: int, column: int) -> str:
        item = self.social_table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _append_link(self, label: str, url: str) -> int:
        row = self.social_table.rowCount()
        self.social_table.insertRow(row)
        self.social_table.setItem(row, 0, QTableWidgetItem(label))
        self.social_table.setItem(row, 1, QTableWidgetItem(url))
        return row

    def _on_add_link_button_clicked(self) -> None:
        row = self._append_link("", "https://")
        self.social_table.setCurrentCell(row, 0)
        self.social_table.setFocus()
        item = self.social_table.item(row, 0)
        if item is not None:
            self.social_table.editItem(item)

    def _on_remove_link_button_clicked(self) -> None:
        row = self.social_table.currentRow()
        if row >= 0:
            self.social_table.removeRow(row)
            self._on_brand_edited()

    def _on_brand_edited(self, *_args: object) -> None:
        self.preview.show_kit(self.brand_kit())
        self._refresh_problems_if_shown()

    def _on_threshold_changed(self, *_args: object) -> None:
        self._update_threshold_texts()
        self._refresh_problems_if_shown()
        if self._loaded:
            self._count_debouncer.trigger()

    def _refresh_problems_if_shown(self) -> None:
        problems = self.problems_now()
        self._mark_fields(problems)
        if self.problems.isVisible():
            self._show_problems(problems)

    def _mark_fields(self, problems: list[Problem]) -> None:
        bad = {p.field for p in problems}
        widgets: dict[str, QWidget] = {
            **self.line_edits, **{n: f.edit for n, f in self.color_fields.items()},
            **self.font_boxes, **self.spins, "footer_text": self.footer_edit,
        }
        for name, widget in widgets.items():
            invalid = name in bad
            if bool(widget.property("invalid")) != invalid:
                widget.setProperty("invalid", invalid)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        for row in range(self.social_table.rowCount()):
            for column, part in ((0, "label"), (1, "url")):
                item = self.social_table.item(row, column)
                if item is not None:
                    invalid = f"social.{row}.{part}" in bad
                    item.setBackground(QBrush(QColor("#fdf1f0")) if invalid else QBrush())

    def _show_problems(self, problems: list[Problem]) -> None:
        if not problems:
            self.problems.hide()
            return
        lines = [self.tr("Please fix before saving:")]
        lines += ["• " + p.message for p in problems[:6]]
        if len(problems) > 6:
            lines.append(self.tr("…and %n more.", "", len(problems) - 6))
        self.problems.setText("\n".join(lines))
        self.problems.show()

    def _focus_problem(self, problem: Problem) -> None:
        if problem.field in self.spins:
            self.tabs.setCurrentIndex(1)
            self.spins[problem.field].setFocus()
            self.spins[problem.field].selectAll()
            return
        self.tabs.setCurrentIndex(0)
        if problem.field.startswith("social."):
            _, row, part = problem.field.split(".")
            self.social_table.setCurrentCell(int(row), 0 if part == "label" else 1)
            self.social_table.setFocus()
            return
        widget: QWidget | None = (
            self.line_edits.get(problem.field)
            or (self.color_fields[problem.field].edit if problem.field in self.color_fields
                else None)
            or self.font_boxes.get(problem.field))
        if problem.field == "footer_text":
            widget = self.footer_edit
        if widget is not None:
            widget.setFocus()

    # -- loading and saving -------------------------------------------------------

    def _set_enabled(self, enabled: bool) -> None:
        self.tabs.setEnabled(enabled)
        self.ok_button.setEnabled(enabled)
        self.apply_button.setEnabled(enabled)

    def _on_settings_loaded(self, result: tuple[BrandKit, LifecycleThresholds]) -> None:
        kit, thresholds = result
        self.set_brand_kit(kit)
        self.set_thresholds(thresholds)
        self._loaded = True
        self._set_enabled(True)
        self.status.setText("")
        self.line_edits["shop_name"].setFocus()
        self._start_count()
        self.loaded.emit()

    def _on_settings_load_failed(self, exc: BaseException) -> None:
        # Still editable: saving writes good values over what could not be read.
        self._loaded = True
        self.set_brand_kit(BrandKit())
        self.set_thresholds(LifecycleThresholds())
        self._set_enabled(True)
        self.status.setText("")
        self.problems.setText(self.tr(
            "Could not read the saved settings ({0}); the defaults are shown.").format(
                error_message(exc)))
        self.problems.show()
        self.loaded.emit()

    def _start_count(self) -> None:
        thresholds = self.thresholds()
        if threshold_problems(thresholds):
            self._counts = None
            self._show_counts()
            return
        Task(lifecycle_counts, self._engine, self._today, thresholds).owned_by(self) \
            .drop_if_stale(self._count_requests) \
            .on_success(lambda counts: self._on_counts_loaded(thresholds, counts)) \
            .on_failure(self._on_count_failed).start(self._pools.read)

    def _on_counts_loaded(
        self, thresholds: LifecycleThresholds, counts: dict[str, int]
    ) -> None:
        self._counted_for = thresholds
        self._counts = counts
        self._show_counts()
        self.counts_updated.emit()

    def _on_count_failed(self, exc: BaseException) -> None:
        # The counts are a hint: a failure leaves "…" and is only logged.
        log.warning("lifecycle counts failed: %s", error_message(exc))

    def _on_ok_button_clicked(self) -> None:
        self._save(close=True)

    def _on_apply_button_clicked(self) -> None:
        self._save(close=False)

    def _save(self, *, close: bool) -> bool:
        if not self._loaded or self._saving:
            return False
        problems = self.problems_now()
        self._mark_fields(problems)
        self._show_problems(problems)
        if problems:
            self._focus_problem(problems[0])
            return False
        self._saving = True
        self._close_after_save = close
        self._set_enabled(False)
        self.status.setText(self.tr("Saving…"))
        Task(save_workspace_settings, self._engine, self.brand_kit(), self.thresholds()) \
            .owned_by(self).on_success(self._on_saved).on_failure(self._on_save_failed) \
            .start(self._pools.write)
        return True

    def _on_saved(self, _result: None) -> None:
        self._saving = False
        self._set_enabled(True)
        self.status.setText(self.tr("Saved."))
        self.saved.emit()
        if self._close_after_save:
            self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._set_enabled(True)
        self.status.setText("")
        self.problems.setText(self.tr("Could not save: {0}").format(error_message(exc)))
        self.problems.show()
