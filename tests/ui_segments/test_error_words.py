"""Every segments error a window can show has its Russian (ui/error_words.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from segments import SegmentError
from segments.explain import explain, overlap
from segments.query import time_limited
from segments.store import delete_segment, load_segment_rules, save_new_segment, save_segment
from ui.error_words import localized, ru_error
from ui.tasks import error_message

TODAY = date(2026, 11, 22)
MOSCOW = {"field": "city", "op": "eq", "value": "Москва"}


class _Sqlite:
    class dialect:  # noqa: N801 - the shape of a SQLAlchemy connection's dialect
        name = "sqlite"


def _timeout() -> None:
    with time_limited(_Sqlite(), "comparing these segments"):  # type: ignore[arg-type]
        raise OperationalError("SELECT", {}, Exception("canceling statement due to "
                                                       "statement timeout"))


def _cases(engine: Engine) -> list[Callable[[], Any]]:
    def in_tx(fn: Callable[..., Any], *args: Any) -> Callable[[], Any]:
        def run() -> Any:
            with engine.begin() as conn:
                return fn(conn, *args)
        return run

    return [
        in_tx(save_new_segment, "  ", MOSCOW),
        in_tx(save_new_segment, "я" * 201, MOSCOW),
        in_tx(save_new_segment, "Москва", MOSCOW),  # saved below: already exists
        in_tx(load_segment_rules, "Нет такого"),
        in_tx(save_segment, "Ссылка", {"segment": "Нет такого"}),
        in_tx(save_segment, "Москва", {"segment": "Москва"}),  # a cycle
        in_tx(delete_segment, "Москва"),  # used by another
        lambda: explain(engine, MOSCOW, TODAY, "nobody@example.ru"),
        lambda: overlap(engine, ["Москва"], TODAY),
        lambda: overlap(engine, ["Москва", "Москва"], TODAY),
        _timeout,
    ]


@pytest.fixture
def engine(demo_engine: Engine) -> Engine:
    with demo_engine.begin() as conn:
        save_new_segment(conn, "Москва", MOSCOW)
        save_new_segment(conn, "Москвичи", {"segment": "Москва"})
    return demo_engine


def test_every_segments_error_has_its_russian(engine: Engine) -> None:
    said = []
    for case in _cases(engine):
        with pytest.raises(SegmentError) as raised:
            case()
        text = str(raised.value)
        russian = ru_error(text)
        assert russian is not None, text
        assert not any(word in russian for word in ("segment", "rule", "took")), russian
        said.append(russian)
    assert len(set(said)) == len(said)
    assert "«Москва» уже есть" in said[2]
    assert said[-1].startswith("Сравнение сегментов: дольше 30 с")


def test_a_russian_window_shows_the_russian_an_english_one_the_english(engine: Engine) -> None:
    with pytest.raises(SegmentError) as raised:
        explain(engine, MOSCOW, TODAY, "nobody@example.ru")
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    try:
        assert error_message(raised.value) == "контакта с почтой nobody@example.ru нет"
        assert localized("something new the core says") == "something new the core says"
    finally:
        QLocale.setDefault(old)
    assert error_message(raised.value) == "there is no contact with e-mail nobody@example.ru"
