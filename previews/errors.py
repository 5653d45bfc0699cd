"""Errors of the previews core: mistakes the user can fix, reported in plain words."""

from __future__ import annotations

from kerrors import KonvertError


class PreviewError(KonvertError):
    """Base of every previews error (bundle, screenshots, test email)."""


class BundleTargetError(PreviewError):
    """No template or scenario has the name given to the bundle (exit 2)."""


class BundleCancelledError(PreviewError):
    """The user cancelled the bundle while it was being built."""

    exit_code = 1


class ShotError(PreviewError):
    """A screenshot or the PDF could not be made (no web engine, page failed)."""
