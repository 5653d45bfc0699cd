"""Inbox view: truncation at the documented limits, desktop and mobile."""

from __future__ import annotations

import pytest

from previews import LIMITS, inbox_list_html, inbox_preview, truncate
from previews.inbox import MIN_PREHEADER_SHOWN, SEPARATOR, InboxMessage


def test_truncate_counts_the_ellipsis() -> None:
    assert truncate("абвгд", 5) == ("абвгд", False)
    assert truncate("абвгде", 5) == ("абвг…", True)
    assert truncate("аб вгде", 4) == ("аб…", True)  # no space before the ellipsis


def test_short_texts_are_shown_whole_on_both_devices() -> None:
    for device in ("desktop", "mobile"):
        line = inbox_preview("Сезон", "Корзина ждёт", "Мы сохранили товары", device=device)
        assert (line.sender, line.subject, line.preheader) == (
            "Сезон", "Корзина ждёт", "Мы сохранили товары")
        assert not line.subject_truncated and not line.preheader_truncated


def test_mobile_cuts_subject_at_one_line_and_preheader_at_two() -> None:
    subject = "Последний шанс: −15% и бесплатная доставка"  # 42 characters
    preheader = "Скоро корзину придётся очистить — успейте забрать своё. " * 3
    line = inbox_preview("Сезон", subject, preheader, device="mobile")
    limit = LIMITS["mobile"]
    assert line.subject_truncated
    assert len(line.subject) == limit.subject and line.subject.endswith("…")
    assert subject.startswith(line.subject[:-1])
    assert line.preheader_truncated and len(line.preheader) <= limit.preheader


def test_desktop_subject_and_preheader_share_one_line() -> None:
    subject = "Вы кое-что оставили в корзине"
    preheader = "Мы сохранили ваши товары — оформить заказ можно в пару кликов, а ещё " * 2
    line = inbox_preview("Сезон", subject, preheader, device="desktop")
    budget = LIMITS["desktop"].subject
    assert not line.subject_truncated and line.preheader_truncated
    assert len(line.subject) + len(SEPARATOR) + len(line.preheader) == budget


def test_desktop_long_subject_leaves_no_room_for_the_preheader() -> None:
    subject = "Очень длинная тема письма, " * 3  # over 75 characters
    line = inbox_preview("Сезон", subject.strip(), "Прехедер", device="desktop")
    free = LIMITS["desktop"].subject - len(line.subject) - len(SEPARATOR)
    assert free < MIN_PREHEADER_SHOWN
    assert line.preheader == "" and line.preheader_truncated


def test_empty_preheader_is_not_reported_as_cut_and_whitespace_collapses() -> None:
    line = inbox_preview("  Магазин\n «Сезон» ", "Тема\t письма", "", device="mobile")
    assert line.sender == "Магазин «Сезон»" and line.subject == "Тема письма"
    assert line.preheader == "" and not line.preheader_truncated


def test_long_sender_is_cut() -> None:
    line = inbox_preview("Интернет-магазин одежды и обуви «Сезон»", "Тема", "", device="desktop")
    assert line.sender_truncated and len(line.sender) == LIMITS["desktop"].sender


def test_unknown_device_is_refused() -> None:
    with pytest.raises(ValueError):
        inbox_preview("a", "b", "c", device="tablet")  # type: ignore[arg-type]


def test_inbox_html_escapes_and_marks_cuts() -> None:
    messages = [InboxMessage("<Сезон>", "Последний шанс: −15% и бесплатная доставка", "Текст",
                             when="+1 ч")]
    phone = inbox_list_html(messages, device="mobile")
    assert "&lt;Сезон&gt;" in phone and "<Сезон>" not in phone
    assert "тема обрезана" in phone
    desktop = inbox_list_html(messages, device="desktop")
    assert "тема обрезана" not in desktop and "+1 ч" in desktop
