"""Errors of the export layer."""

from __future__ import annotations

from workspace.errors import KonvertError


class ExportError(KonvertError):
    """An export could not be done; the message says why in plain words.

    Exit 1 on the command line: the command ran and the export failed (bad
    key, refused by the ESP, network down). Bad usage stays exit 2
    (:class:`ExportUsageError`).
    """

    exit_code = 1


class ExportUsageError(KonvertError):
    """Bad input to an export (unknown campaign, inexpressible template, no key)."""


class KeyMissingError(ExportUsageError):
    """No API key is configured for a service."""
