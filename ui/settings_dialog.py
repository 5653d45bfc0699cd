"""Where the settings dialog used to live: it is the :mod:`ui.settings` package now."""

from ui.settings.dialog import SettingsDialog
from ui.settings.problems import (
    Problem,
    brand_field_names,
    brand_problems,
    load_workspace_settings,
    save_workspace_settings,
    settings_action_text,
    threshold_problems,
)

__all__ = [
    "Problem",
    "SettingsDialog",
    "brand_field_names",
    "brand_problems",
    "load_workspace_settings",
    "save_workspace_settings",
    "settings_action_text",
    "threshold_problems",
]
