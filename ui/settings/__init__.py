"""Workspace settings: the brand kit every template uses and the lifecycle thresholds.

One module per part: ``dialog`` (the dialog: loading, checking, saving),
``brand_tab`` and ``lifecycle_tab`` (the two tabs' fields), ``widgets``
(colour field, brand sketch) and ``problems`` (what blocks saving, worded
for the UI).
"""

from ui.settings.dialog import SettingsDialog
from ui.settings.problems import settings_action_text

__all__ = ["SettingsDialog", "settings_action_text"]
