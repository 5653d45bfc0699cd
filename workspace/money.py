"""Money, numbers and dates the way the user reads them: "12 060 ₽", "1 234", "05.03.2026".

One place for the UI and the CLI. The workspace's currency is a setting
(``currency``, default RUB); amounts show kopecks only when they have them.
Russian groups thousands with a no-break space and writes decimals after a
comma; English groups with commas.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from workspace.models import Setting

CURRENCY_KEY = "currency"
"""The settings key of the workspace's currency (ISO 4217 code)."""
DEFAULT_CURRENCY = "RUB"
CURRENCY_SIGNS: dict[str, str] = {"RUB": "₽", "USD": "$", "EUR": "€", "KZT": "₸", "BYN": "Br",
                                  "UAH": "₴", "GBP": "£", "CNY": "¥"}
"""Signs of the currencies offered; another code is shown as the code itself."""
_PREFIXED = frozenset({"USD", "GBP"})
"""Currencies whose sign goes before the amount in English ("$12,060")."""
NBSP = "\u00a0"


def _decimal(amount: float | int | Decimal | str) -> Decimal:
    try:
        return Decimal(str(amount))
    except InvalidOperation:
        raise ValueError(f"not an amount: {amount!r}") from None


def format_number(value: float | int | Decimal, lang: str = "ru", *, decimals: int | None = None
                  ) -> str:
    """``value`` with thousands grouped; ``decimals`` None shows only the decimals it has (max 2).

    >>> format_number(12060, "ru")
    '12\\xa0060'
    >>> format_number(1234.5, "en")
    '1,234.5'
    """
    number = _decimal(value)
    if decimals is None:
        number = number.quantize(Decimal("0.01"))
        decimals = 0 if number == number.to_integral_value() else (
            1 if number * 10 == (number * 10).to_integral_value() else 2)
    text = f"{number:,.{decimals}f}"
    if lang == "ru":
        text = text.replace(",", NBSP).replace(".", ",")
    return text.replace("-", "−") if text.startswith("-") else text


def format_money(amount: float | int | Decimal, lang: str = "ru",
                 currency: str = DEFAULT_CURRENCY) -> str:
    """An amount with its currency sign: "12 060 ₽", "12 060,50 ₽"; no kopecks unless present.

    >>> format_money(12060, "ru")
    '12\\xa0060\\xa0₽'
    >>> format_money(1999.5, "en", "USD")
    '$1,999.50'
    """
    number = _decimal(amount).quantize(Decimal("0.01"))
    whole = number == number.to_integral_value()
    text = format_number(number, lang, decimals=0 if whole else 2)
    sign = CURRENCY_SIGNS.get(currency.upper(), currency.upper())
    if lang != "ru" and currency.upper() in _PREFIXED:
        return f"−{sign}{text[1:]}" if text.startswith("−") else f"{sign}{text}"
    return f"{text}{NBSP}{sign}"


def format_date(value: date | datetime | None, lang: str = "ru") -> str:
    """dd.mm.yyyy in Russian, yyyy-mm-dd (ISO) in English; "" for None."""
    if value is None:
        return ""
    return value.strftime("%d.%m.%Y") if lang == "ru" else value.strftime("%Y-%m-%d")


def workspace_currency(engine: Engine) -> str:
    """The workspace's currency code (RUB until it is set)."""
    with Session(engine) as session:
        value = session.scalar(select(Setting.value).where(Setting.key == CURRENCY_KEY))
    return str(value).upper() if isinstance(value, str) and value.strip() else DEFAULT_CURRENCY


def set_workspace_currency(engine: Engine, currency: str) -> None:
    """Make ``currency`` (a three-letter ISO code) the workspace's currency."""
    code = currency.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise ValueError(f"a currency is a three-letter code such as RUB, not {currency!r}")
    with Session(engine) as session, session.begin():
        row = session.get(Setting, CURRENCY_KEY)
        if row is None:
            session.add(Setting(key=CURRENCY_KEY, value=code))
        else:
            row.value = code
