"""API keys: the operating system's keychain (``keyring``) or the environment.

A key is never stored in the workspace, logged, put in an exception message
or printed. :func:`mask` is what output shows instead.
"""

from __future__ import annotations

import logging
import os

from esp.errors import ExportUsageError, KeyMissingError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Konvert"
#: Service name -> environment variable that overrides the keychain.
ENV_VARS = {
    "unisender": "KONVERT_UNISENDER_KEY",
    "unisender-go": "KONVERT_UNISENDER_GO_KEY",
    "mindbox": "KONVERT_MINDBOX_KEY",
}


def _env_var(service: str) -> str:
    try:
        return ENV_VARS[service]
    except KeyError:
        raise ExportUsageError(f"unknown service {service!r}") from None


def get_key(service: str) -> str:
    """The API key of ``service`` from the environment or the keychain.

    Raises :class:`KeyMissingError` with what to do when there is none, and a
    plain message (never a traceback) when no keychain backend is available.
    """
    env = _env_var(service)
    value = os.environ.get(env, "").strip()
    if value:
        return value
    try:
        import keyring
        import keyring.errors

        stored = keyring.get_password(KEYRING_SERVICE, service)
    except Exception as exc:  # no backend, locked keychain, D-Bus missing...
        log.debug("keychain unavailable: %s", type(exc).__name__)
        raise KeyMissingError(
            f"no API key for {service}: this computer has no usable keychain "
            f"({type(exc).__name__}); set the environment variable {env} instead"
        ) from None
    if not stored:
        raise KeyMissingError(
            f"no API key for {service}: save it in Settings → ESP keys or set {env}"
        )
    return str(stored)


def set_key(service: str, key: str) -> None:
    """Save ``key`` for ``service`` in the keychain (plain error when there is none)."""
    _env_var(service)
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, service, key)
    except Exception as exc:
        raise ExportUsageError(
            f"cannot save the {service} key: this computer has no usable keychain "
            f"({type(exc).__name__}); set the environment variable {_env_var(service)} instead"
        ) from None


def delete_key(service: str) -> None:
    """Forget the stored key of ``service`` (nothing happens when there is none)."""
    _env_var(service)
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, service)
    except Exception as exc:
        log.debug("no key deleted for %s: %s", service, type(exc).__name__)


def mask(key: str) -> str:
    """What output shows instead of a key: its last 4 characters at most."""
    if len(key) <= 8:
        return "****"
    return "****" + key[-4:]
