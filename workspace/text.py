"""Text normalisation used at write time and by queries."""

from __future__ import annotations


def fold(value: str | None) -> str | None:
    """Case- and space-insensitive form of ``value`` (Cyrillic too); empty → None.

    ``ё`` is kept distinct from ``е``: they are different letters in data.
    """
    if value is None:
        return None
    folded = value.strip().casefold()
    return folded or None


def clean(value: str | None) -> str | None:
    """Trim surrounding white space; an empty string becomes None."""
    if value is None:
        return None
    stripped = value.strip()
    return stripped or None
