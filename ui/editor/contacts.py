"""The contact switcher: which recipient the preview is rendered for."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy import Engine

from composer.brand import BrandKit
from composer.context import Persona, build_context, sample_personas
from ui.retranslate import Retranslating
from ui.tasks import Task
from workspace.contacts import named_contacts

WORKSPACE_CONTACTS = 25
"""How many workspace contacts the switcher lists after the sample personas."""


def load_contact_choices(engine: Engine, limit: int = WORKSPACE_CONTACTS) -> list[tuple[str, str]]:
    """Worker: ``(email, label)`` of the first workspace contacts with a name."""
    choices = []
    for email, first, last, city in named_contacts(engine, limit):
        name = " ".join(part for part in (first, last) if part)
        label = f"{name} <{email}>" + (f", {city}" if city else "")
        choices.append((str(email), label))
    return choices


class ContactSwitcher(Retranslating, QComboBox):
    """Sample personas (empty fields, long names, big carts), then workspace contacts.

    Signals:
        context_changed(object): the rendering context of the chosen recipient.
        context_failed(str): the chosen contact's context could not be built.
    """

    context_changed = Signal(object)
    context_failed = Signal(str)

    def __init__(
        self,
        engine: Engine | None,
        pool: QThreadPool,
        brand: BrandKit,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._pool = pool
        self._brand = brand
        self._today = today
        self.personas: list[Persona] = sample_personas(brand, today)
        self.context: dict[str, Any] = dict(self.personas[0].context)
        self.setMinimumContentsLength(10)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for persona in self.personas:
            self.addItem(persona.label, ("persona", persona.id))
        self.currentIndexChanged.connect(self._on_self_current_index_changed)
        if engine is not None:
            Task(load_contact_choices, engine).owned_by(self).on_success(
                self._on_contacts_loaded).on_failure(lambda _exc: None).start(pool)
        self._retranslate()

    def set_brand(self, brand: BrandKit) -> None:
        """Use ``brand`` for the sample personas (shop name, links) and re-emit."""
        self._brand = brand
        self.personas = sample_personas(brand, self._today)
        self._on_self_current_index_changed(self.currentIndex())

    def choose(self, key: str) -> None:
        """Select a persona by id or a workspace contact by email."""
        for index in range(self.count()):
            data = self.itemData(index)
            if data and data[1] == key:
                self.setCurrentIndex(index)
                return
        raise KeyError(key)

    def _on_contacts_loaded(self, choices: list[tuple[str, str]]) -> None:
        if not choices:
            return
        self.insertSeparator(self.count())
        for email, label in choices:
            self.addItem(label, ("contact", email))

    def _on_self_current_index_changed(self, index: int) -> None:
        data = self.itemData(index)
        if not data:
            return
        kind, key = data
        if kind == "persona":
            persona = next(p for p in self.personas if p.id == key)
            self.context = dict(persona.context)
            self.context_changed.emit(self.context)
        elif self._engine is not None:
            Task(build_context, self._engine, key, today=self._today, brand=self._brand) \
                .owned_by(self).on_success(self._on_context_built) \
                .on_failure(lambda exc: self.context_failed.emit(str(exc))).start(self._pool)

    def _on_context_built(self, context: dict[str, Any]) -> None:
        self.context = context
        self.context_changed.emit(context)

    def _retranslate(self) -> None:
        self.setToolTip(self.tr("Render the preview for another contact: sample contacts "
                                "with empty fields, long names and big carts, or your own"))
