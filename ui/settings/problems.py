"""What blocks saving the settings, in the UI's language, and loading and saving them.

The rules are the cores' (:mod:`composer.brand_problems`,
:func:`segments.lifecycle.threshold_problems`); this module words them with
the dialog's translations and names the fields as the form labels them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlalchemy import Engine

from composer.brand import BrandKit, load_brand_kit, save_brand_kit
from composer.brand_problems import brand_problems as core_brand_problems
from segments.lifecycle import LifecycleThresholds, load_thresholds, save_thresholds
from segments.lifecycle import threshold_problems as core_threshold_problems

__all__ = [
    "Problem",
    "brand_field_names",
    "brand_problems",
    "load_workspace_settings",
    "save_workspace_settings",
    "settings_action_text",
    "threshold_problems",
]


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
