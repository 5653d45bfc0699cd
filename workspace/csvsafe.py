"""CSV files for people: cells a spreadsheet would run as a formula are neutralised.

Excel, LibreOffice and Google Sheets treat a cell that starts with ``=``,
``+``, ``-`` or ``@`` as a formula, and a leading tab or carriage return
can hide one (OWASP, "CSV Injection"). A contact named
``=HYPERLINK("http://…")`` must not become a live link in a marketer's
spreadsheet, so every text cell Konvert writes into a CSV meant to be
opened by a person (segment members, import reports) that starts with one
of these characters gets a leading apostrophe: the spreadsheet shows it as
text. Numbers Konvert computed itself (counts, amounts) are not text and
are written as they are. E-mail addresses can never start with these
characters (the import rejects them), so the address column is never
changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP)."""


def safe_cell(value: Any) -> Any:
    """``value`` with a leading apostrophe when it is text starting like a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """Every cell of ``values`` through :func:`safe_cell`."""
    return [safe_cell(value) for value in values]
