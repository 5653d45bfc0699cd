"""The workspace settings dialog: the brand kit every template uses and the lifecycle thresholds.

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
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from composer.brand import BrandKit
from segments.lifecycle import LifecycleThresholds
from segments.query import lifecycle_counts
from ui.retranslate import Retranslating
from ui.settings.brand_tab import BrandTab
from ui.settings.lifecycle_tab import LifecycleTab
from ui.settings.problems import (
    Problem,
    brand_field_names,
    brand_problems,
    load_workspace_settings,
    save_workspace_settings,
    threshold_problems,
)
from ui.style import named
from ui.tasks import Debouncer, Pools, RequestCounter, Task, error_message
from workspace.money import set_workspace_currency, workspace_currency

__all__ = ["SettingsDialog"]

log = logging.getLogger(__name__)


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

        self.brand_tab = BrandTab()
        self.lifecycle_tab = LifecycleTab()
        self.brand_tab.edited.connect(self._on_brand_edited)
        self.lifecycle_tab.changed.connect(self._on_threshold_changed)
        # The fields, by name, for problems and focus (and tests).
        self.line_edits = self.brand_tab.line_edits
        self.color_fields = self.brand_tab.color_fields
        self.font_boxes = self.brand_tab.font_boxes
        self.footer_edit = self.brand_tab.footer_edit
        self.social_table = self.brand_tab.social_table
        self.preview = self.brand_tab.preview
        self.add_link_button = self.brand_tab.add_link_button
        self.remove_link_button = self.brand_tab.remove_link_button
        self.spins = self.lifecycle_tab.spins
        self.defaults_button = self.lifecycle_tab.defaults_button
        self.tabs = QTabWidget()
        self.tabs.addTab(self.brand_tab, "")
        self.tabs.addTab(self.lifecycle_tab, "")

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
        Task(workspace_currency, engine).owned_by(self).on_success(
            self._on_currency_loaded).start(pools.read)

    # -- building ----------------------------------------------------------------

    # -- public API --------------------------------------------------------------

    def currency(self) -> str:
        """The currency code chosen (RUB, USD, ...)."""
        return str(self.brand_tab.currency.currentData())

    def _on_currency_loaded(self, code: str) -> None:
        index = self.brand_tab.currency.findData(code)
        if index < 0:
            self.brand_tab.currency.addItem(code, code)
            index = self.brand_tab.currency.count() - 1
        self.brand_tab.currency.setCurrentIndex(index)

    def is_loaded(self) -> bool:
        """Whether the stored settings are in the fields."""
        return self._loaded

    def is_saving(self) -> bool:
        """Whether a save is running."""
        return self._saving

    def brand_kit(self) -> BrandKit:
        """The brand kit as the fields show it now (not validated)."""
        return self.brand_tab.kit()

    def thresholds(self) -> LifecycleThresholds:
        """The thresholds as the spin boxes show them now (not validated)."""
        return self.lifecycle_tab.thresholds()

    def set_brand_kit(self, kit: BrandKit) -> None:
        """Show ``kit`` in the Brand kit tab."""
        self.brand_tab.set_kit(kit)

    def set_thresholds(self, thresholds: LifecycleThresholds) -> None:
        """Show ``thresholds`` in the Lifecycle tab."""
        self.lifecycle_tab.set_thresholds(thresholds)

    def problems_now(self) -> list[Problem]:
        """What blocks saving the fields as they are."""
        return brand_problems(self.brand_kit()) + threshold_problems(self.thresholds())

    def status_counts(self) -> tuple[LifecycleThresholds | None, dict[str, int] | None]:
        """The live counts shown in the Lifecycle tab and the thresholds they were made with."""
        return self._counted_for, self._counts

    def restore_defaults(self) -> None:
        """Put the default thresholds (segments.md, "Lifecycle defaults") in the fields."""
        self.lifecycle_tab.restore_defaults()

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
        for name, label in self.brand_tab.labels.items():
            label.setText(mnemonics[name])
        self.brand_tab.shop_group.setTitle(self.tr("Shop"))
        self.brand_tab.look_group.setTitle(self.tr("Colours and fonts"))
        self.brand_tab.social_group.setTitle(self.tr("Social links"))
        self.line_edits["logo_url"].setPlaceholderText("https://…/logo.png")
        self.line_edits["shop_url"].setPlaceholderText("https://…")
        self.line_edits["from_name"].setToolTip(
            self.tr("The name recipients see in the From line"))
        self.brand_tab.fonts_hint.setText(self.tr(
            "Mail apps use the first font of the list that they have, so end it with serif "
            "or sans-serif. Colours are # and six hex digits; the colour buttons open a "
            "picker."))
        self.social_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Address")])
        self.add_link_button.setText(self.tr("Add l&ink"))
        self.remove_link_button.setText(self.tr("Remo&ve link"))
        for name, field in self.color_fields.items():
            field.swatch.setToolTip(self.tr("Pick the colour: {0}").format(
                brand_field_names()[name]))
        self.brand_tab.preview_title.setText(self.tr("Preview"))
        self.brand_tab.preview_hint.setText(self.tr(
            "A rough sketch of an email in these colours and fonts; the template editor "
            "shows the real one."))
        self.lifecycle_tab.intro.setText(self.tr(
            "Every contact has exactly one lifecycle status, used by segments and the "
            "dashboard chart. Buyers are grouped by how long ago they last bought; those "
            "who never bought, by what they did on the site recently."))
        self.lifecycle_tab.buyers_group.setTitle(self.tr("Customers who have bought"))
        self.lifecycle_tab.never_group.setTitle(self.tr("Contacts who have never bought"))
        spin_labels = {
            "active_days": self.tr("A&ctive: last purchase within"),
            "passive_days": self.tr("&Passive: last purchase within"),
            "inactive_days": self.tr("&Inactive: last purchase within"),
            "hot_days": self.tr("&Hot: cart abandoned within"),
            "warm_days": self.tr("&Warm: product views within"),
            "warm_view_days": self.tr("Warm: views on at l&east"),
        }
        for name, label in self.lifecycle_tab.spin_labels.items():
            label.setText(spin_labels[name])
        status_names = {
            "active": self.tr("Active"), "passive": self.tr("Passive"),
            "inactive": self.tr("Inactive"), "very_inactive": self.tr("Very inactive"),
            "hot": self.tr("Hot"), "warm": self.tr("Warm"), "cold": self.tr("Cold"),
        }
        for status, label in self.lifecycle_tab.status_names.items():
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
        for status, label in self.lifecycle_tab.status_texts.items():
            label.setText(texts[status])

    def _show_counts(self) -> None:
        counts = self._counts
        for status, label in self.lifecycle_tab.status_counts.items():
            if counts is None:
                label.setText("…")
            else:
                label.setText(self.tr("%Ln contact(s)", "", counts.get(status, 0)))
        self.lifecycle_tab.counts_hint.setText(self.tr(
            "Counts are for today with the values above; segments use them after saving."))

    # -- editing -----------------------------------------------------------------

    def _on_brand_edited(self) -> None:
        self._refresh_problems_if_shown()

    def _on_threshold_changed(self) -> None:
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
        Task(set_workspace_currency, self._engine, self.currency()).owned_by(self) \
            .start(self._pools.write)  # the one write pool: saved before the rest reports
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
