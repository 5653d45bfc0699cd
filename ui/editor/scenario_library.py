"""What the series timeline says about each series besides its emails (localised).

The start of a series: its trigger and the ready-made segment that selects its
audience (``composer.library.SCENARIO_AUDIENCES`` -> ``segments.presets``);
titles and exit conditions of the series added after the first five. Texts
are translated in ``ui/i18n/scenarios_ru.ts``::

    pyside6-lupdate ui/editor/scenario_library.py -no-obsolete -target-language ru_RU \
        -ts ui/i18n/scenarios_ru.ts
    python -m ui.i18n.ru_scenarios && pyside6-lrelease ui/i18n/scenarios_ru.ts
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QCoreApplication

from composer.context import sample_personas
from composer.library import SCENARIO_AUDIENCES
from composer.render import render_jinja
from segments.presets import PRESETS_BY_ID
from ui.language import current_language


def more_titles() -> dict[str, str]:
    """Localised titles of the triggered single-email series."""
    return {
        "price_drop": QCoreApplication.translate("ScenarioLibrary", "Price drop on a viewed item"),
        "back_in_stock": QCoreApplication.translate("ScenarioLibrary", "Back in stock"),
        "promo_expiring": QCoreApplication.translate(
            "ScenarioLibrary", "Personal discount expiring"
        ),
        "loyalty_points": QCoreApplication.translate("ScenarioLibrary", "Bonus points balance"),
        "sale_start": QCoreApplication.translate("ScenarioLibrary", "Sale start"),
    }


def more_exit_conditions() -> dict[str, str]:
    """When a contact leaves each of those series (localised)."""
    return {
        "price_drop": QCoreApplication.translate(
            "ScenarioLibrary", "bought the product or its price went back up"
        ),
        "back_in_stock": QCoreApplication.translate(
            "ScenarioLibrary", "bought the product or it sold out again"
        ),
        "promo_expiring": QCoreApplication.translate(
            "ScenarioLibrary", "used the promo code (placed an order)"
        ),
        "loyalty_points": QCoreApplication.translate(
            "ScenarioLibrary", "spent the points; one email, no chain"
        ),
        "sale_start": QCoreApplication.translate("ScenarioLibrary", "one email, no chain"),
    }


def triggers() -> dict[str, str]:
    """What starts each built-in series (localised)."""
    return {
        "welcome": QCoreApplication.translate("ScenarioLibrary", "subscribed to the newsletter"),
        "abandoned_cart": QCoreApplication.translate(
            "ScenarioLibrary", "left items in the cart without ordering"
        ),
        "reactivation": QCoreApplication.translate("ScenarioLibrary", "no purchase for 6 months"),
        "post_purchase": QCoreApplication.translate("ScenarioLibrary", "placed an order"),
        "birthday": QCoreApplication.translate("ScenarioLibrary", "the contact's birthday"),
        "price_drop": QCoreApplication.translate(
            "ScenarioLibrary",
            "the price of a product the contact viewed in the last 14 days went down",
        ),
        "back_in_stock": QCoreApplication.translate(
            "ScenarioLibrary", "a product the contact viewed is back in stock in their size"
        ),
        "promo_expiring": QCoreApplication.translate(
            "ScenarioLibrary", "3 days before the personal promo code expires"
        ),
        "loyalty_points": QCoreApplication.translate(
            "ScenarioLibrary", "once a month, and 14 days before the points burn"
        ),
        "sale_start": QCoreApplication.translate(
            "ScenarioLibrary", "the first day of a sale, sent to a segment"
        ),
    }


def audience_title(scenario: str) -> str:
    """The title of the ready-made segment for ``scenario`` in the UI language, or ""."""
    preset = PRESETS_BY_ID.get(SCENARIO_AUDIENCES.get(scenario, ""))
    if preset is None:
        return ""
    return preset.title_ru if current_language() == "ru" else preset.title_en


def start_text(scenario: str) -> str:
    """Rich text of the timeline's start card: the trigger and the audience ("" if unknown)."""
    trigger = triggers().get(scenario, "")
    if not trigger:
        return ""
    text = QCoreApplication.translate("ScenarioLibrary", "<b>Start</b><br>{0}").format(
        html.escape(trigger)
    )
    audience = audience_title(scenario)
    if audience:
        text += "<br><br>" + QCoreApplication.translate(
            "ScenarioLibrary", "<b>Audience</b><br>ready-made segment “{0}”"
        ).format(html.escape(audience))
    return text


@lru_cache(maxsize=1)
def _typical_context() -> dict[str, Any]:
    return sample_personas()[0].context


def as_sent(source: str) -> str:
    """A subject or preheader as the typical sample contact gets it (the source if it fails).

    Subjects with fallbacks (``{% if product %}…``) read as text on the cards.
    """
    if "{" not in source:
        return source
    try:
        return render_jinja(source, _typical_context(), autoescape=False).strip()
    except Exception:  # a broken workspace template shows its source
        return source
