"""Calendar arithmetic behind the today-relative fields (age, birthdays, day counts).

A 29 February birthday counts as 28 February in years without a 29
February, for age and for the next birthday (segments.md).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# Every month-day a birthday can have, as month*100+day, in calendar order.
ALL_MMDD: tuple[int, ...] = tuple(
    m * 100 + d for m in range(1, 13) for d in range(1, calendar.monthrange(2000, m)[1] + 1)
)


def shift_days(day: date, days: int) -> date:
    """``day + days``, clamped to the range :class:`date` can hold."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def age_cutoff(today: date, years: int) -> date:
    """The latest birth date of someone at least ``years`` old on ``today``.

    ``age >= years`` exactly when ``birth_date <= age_cutoff(today, years)``.
    """
    year = today.year - years
    if year < date.min.year:
        return date.min
    if year > date.max.year:
        return date.max
    if (today.month, today.day) == (2, 28) and not calendar.isleap(today.year) \
            and calendar.isleap(year):
        # Born 29 February: the birthday is 28 February this year.
        return date(year, 2, 29)
    if (today.month, today.day) == (2, 29) and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, today.month, today.day)


def age_on(birth: date, today: date) -> int:
    """Whole years of someone born on ``birth`` at ``today`` (reference implementation)."""
    years = today.year - birth.year
    return years if birth <= age_cutoff(today, years) else years - 1


def _celebrated_on(day: date) -> tuple[int, ...]:
    """Birthday month-days celebrated on ``day``."""
    mmdd = day.month * 100 + day.day
    if mmdd == 228 and not calendar.isleap(day.year):
        return (228, 229)
    return (mmdd,)


def days_to_birthday(today: date) -> dict[int, int]:
    """For every month-day, the days from ``today`` to the next such birthday (0 today)."""
    result: dict[int, int] = {}
    for k in range(0, 367):
        for mmdd in _celebrated_on(shift_days(today, k)):
            result.setdefault(mmdd, k)
        if len(result) == len(ALL_MMDD):
            break
    return result


def mmdd_runs(selected: set[int]) -> list[tuple[int, int]]:
    """``selected`` month-days as maximal runs ``(first, last)`` in calendar order."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    prev: int | None = None
    for mmdd in ALL_MMDD:
        if mmdd in selected:
            if start is None:
                start = mmdd
            prev = mmdd
        elif start is not None and prev is not None:
            runs.append((start, prev))
            start = None
    if start is not None and prev is not None:
        runs.append((start, prev))
    return runs
