"""Money, numbers and dates as the user reads them, and the workspace's currency."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from workspace.money import (
    format_date,
    format_money,
    format_number,
    set_workspace_currency,
    workspace_currency,
)

NB = "\u00a0"


@pytest.mark.parametrize(("amount", "ru", "en"), [
    (12060, f"12{NB}060{NB}₽", f"12,060{NB}₽"),
    (Decimal("12060.00"), f"12{NB}060{NB}₽", f"12,060{NB}₽"),
    (12060.5, f"12{NB}060,50{NB}₽", f"12,060.50{NB}₽"),
    (999, f"999{NB}₽", f"999{NB}₽"),
    (-1500, f"−1{NB}500{NB}₽", f"−1,500{NB}₽"),
    (1234567.891, f"1{NB}234{NB}567,89{NB}₽", f"1,234,567.89{NB}₽"),
])
def test_roubles_group_with_no_break_spaces_and_show_kopecks_only_when_present(
    amount: float, ru: str, en: str
) -> None:
    assert format_money(amount, "ru") == ru
    assert format_money(amount, "en") == en


def test_other_currencies() -> None:
    assert format_money(1999.5, "en", "USD") == "$1,999.50"
    assert format_money(1999.5, "ru", "USD") == f"1{NB}999,50{NB}$"
    assert format_money(10, "ru", "EUR") == f"10{NB}€"
    assert format_money(10, "ru", "CHF") == f"10{NB}CHF"


def test_numbers_and_dates() -> None:
    assert format_number(1234, "ru") == f"1{NB}234"
    assert format_number(1234.5, "ru") == f"1{NB}234,5"
    assert format_number(1234, "en") == "1,234"
    assert format_date(date(2026, 3, 5), "ru") == "05.03.2026"
    assert format_date(date(2026, 3, 5), "en") == "2026-03-05"
    assert format_date(None, "ru") == ""


def test_currency_is_a_workspace_setting(sqlite_engine: Engine) -> None:
    assert workspace_currency(sqlite_engine) == "RUB"
    set_workspace_currency(sqlite_engine, "usd")
    assert workspace_currency(sqlite_engine) == "USD"
    set_workspace_currency(sqlite_engine, "EUR")
    assert workspace_currency(sqlite_engine) == "EUR"
    with pytest.raises(ValueError, match="three-letter"):
        set_workspace_currency(sqlite_engine, "roubles")
