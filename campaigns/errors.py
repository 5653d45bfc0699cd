"""The campaigns layer's error base."""

from __future__ import annotations

from workspace.errors import KonvertError


class CampaignError(KonvertError):
    """A campaign cannot be created, found or changed as asked (exit 2)."""


class ResultsFileError(CampaignError):
    """A results file is malformed; the message names its line and the reason."""
