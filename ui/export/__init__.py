"""The Export page: campaign → Unisender / Unisender Go with progress, cancel and history."""

from ui.export.page import ExportPage

__all__ = ["ExportPage"]
