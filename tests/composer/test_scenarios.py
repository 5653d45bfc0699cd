"""The triggered emails of the library: price drop, back in stock, expiring discount,
points, sale start; their variables, sample contacts, audiences and workspace contexts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from composer import (
    CANONICAL_VARIABLES,
    SCENARIOS,
    Template,
    build_context,
    builtin_templates,
    lint,
    render,
    render_preview,
    sample_personas,
)
from composer.jinja import environment
from composer.library import SCENARIO_AUDIENCES
from segments import PRESETS, count, members
from segments.presets import PRESETS_BY_ID
from tests.conftest import DEMO_TODAY, copy_workspace

NEW = ("price_drop", "back_in_stock", "promo_expiring", "loyalty_points", "sale_start")
TEMPLATES = {t.name: t for t in builtin_templates()}
PERSONAS = {p.id: p.context for p in sample_personas(today=date(2025, 12, 1))}


def _render(name: str, persona: str | dict[str, Any]) -> tuple[str, str, str]:
    context = PERSONAS[persona] if isinstance(persona, str) else persona
    result = render(TEMPLATES[name], context)
    return result.subject, result.preheader, result.text


def test_the_library_has_the_five_new_series_each_with_its_audience() -> None:
    assert len(TEMPLATES) >= 18
    for name in NEW:
        template = TEMPLATES[name]
        assert template.scenario == name and name in SCENARIOS
        assert (template.position, template.delay_hours) == (1, 0)
        assert template.subject and template.preheader and template.title
    for scenario, preset in SCENARIO_AUDIENCES.items():
        assert scenario in SCENARIOS and preset in PRESETS_BY_ID


def test_new_variables_are_canonical() -> None:
    for name in ("product.name", "product.url", "product.image_url", "product.price",
                 "product.old_price", "product.size", "top_categories", "promo_days_left",
                 "promo_discount", "bonus_expires"):
        assert name in CANONICAL_VARIABLES


@pytest.mark.parametrize("template", [TEMPLATES[n] for n in TEMPLATES],
                         ids=lambda t: t.name)
def test_every_builtin_email_lints_without_a_warning(template: Template) -> None:
    report = lint(template)
    assert report.errors == [] and report.warnings == [], report.to_json()


@pytest.mark.parametrize("persona", list(PERSONAS))
@pytest.mark.parametrize("name", NEW)
def test_each_new_email_renders_for_every_sample_contact(name: str, persona: str) -> None:
    context = PERSONAS[persona]
    result = render(TEMPLATES[name], context)
    for part in (result.subject, result.preheader, result.text, result.html):
        assert "{{" not in part and "{%" not in part and "None" not in part
    assert 0 < len(result.subject) <= 60
    assert context["email"] not in result.subject
    # With images off every picture leaves words behind: each <img> has an alt text.
    for img in re.findall(r"<img\b[^>]*>", result.html):
        assert re.search(r'alt="[^"]+"', img), img
    assert context["unsubscribe_url"].replace("&", "&amp;") in result.html
    # The preview (no inlining) says the same words.
    assert render_preview(TEMPLATES[name], context).subject == result.subject


def test_price_drop_shows_old_and_new_price_or_falls_back() -> None:
    subject, preheader, text = _render("price_drop", "typical")
    assert subject == "Цена снизилась: Платье-миди из льна"
    assert preheader.startswith("Было 7\u00a0990\u00a0₽, стало 5\u00a0990\u00a0₽")
    assert "Минус 25% на то, что вы присматривали" in text
    assert "Ваш размер S пока есть на складе" in text
    assert "Похожие вещи" in text and "Рубашка из хлопка" in text
    subject, preheader, text = _render("price_drop", "no_name")  # no product at all
    assert subject == "Цены на то, что вы смотрели, снизились"
    assert "Здравствуйте, цены на вещи, которые вы недавно смотрели" in text
    subject, _preheader, text = _render("price_drop", "new_subscriber")  # no old price
    assert subject == "Цены на то, что вы смотрели, снизились"
    assert "«Сумка-шопер из кожи» всё ещё ждёт вас" in text
    assert "Минус" not in text and "вместо" not in text and "теперь стоит" not in text
    assert "Размеры по сниженной цене разбирают быстрее всего" in text  # size unknown
    subject, _preheader, _text = _render("price_drop", "long_name")
    assert subject.endswith("…") and len(subject) <= 60


def test_back_in_stock_names_the_size_only_when_known() -> None:
    subject, _preheader, text = _render("back_in_stock", "typical")
    assert subject == "Размер S снова в наличии"
    assert "и в вашем размере S" in text and "придержим ваш размер 48 часов" in text
    subject, _preheader, text = _render("back_in_stock", "new_subscriber")
    assert subject == "Снова в наличии — то, что вы ждали"
    assert "«Сумка-шопер из кожи» снова на складе" in text and "размере" not in text
    assert "придержим товар для вас 48 часов" in text
    _subject, preheader, text = _render("back_in_stock", "no_name")
    assert preheader == "Вещи из вашего списка вернулись на склад"
    assert "вещи, которые вы смотрели, снова на складе" in text


def test_the_countdown_counts_days_and_degrades_to_the_date() -> None:
    expected = {
        "typical": ("Ваша скидка 15% сгорает 3 декабря", "02 дня", "3 декабря"),
        "long_name": ("Ваша скидка 20% сгорает завтра", "01 день", "2 декабря"),
        "new_subscriber": ("Ваша скидка 15% сгорает 6 декабря", "05 дней", "6 декабря"),
    }
    for persona, (subject, line, day) in expected.items():
        got, _preheader, text = _render("promo_expiring", persona)
        assert got == subject
        assert f"До конца скидки\n{line}\nдо 23:59 {day}" in text
    subject, _preheader, text = _render("promo_expiring", "big_cart")
    assert subject == "Ваша скидка 10% сгорает сегодня"
    assert "Сегодня последний день" in text and "До конца скидки" not in text
    subject, _preheader, text = _render("promo_expiring", "no_name")  # no day count, no %
    assert subject == "Ваша персональная скидка сгорает 8 декабря"
    assert "Скидка действует до 23:59 8 декабря" in text and "До конца скидки" not in text
    # The countdown is text, not a picture: nothing of it is lost with images off.
    html = render(TEMPLATES["promo_expiring"], PERSONAS["typical"]).html
    box = html[html.index("До конца скидки"):html.index("Скидка 15% по промокоду")]
    assert "<img" not in box and "02" in box


def test_points_balance_with_plural_forms_burn_date_and_zero() -> None:
    assert _render("loyalty_points", "typical")[0] == "У вас 740 бонусных баллов"
    assert _render("loyalty_points", "big_cart")[0] == "У вас 2\u00a0352 бонусных балла"
    subject, preheader, text = _render("loyalty_points", "long_name")
    assert subject == "У вас 12\u00a0345 бонусных баллов"
    assert preheader.startswith("Баллы сгорят 2 декабря")
    assert "сгорят 2 декабря 2025" in text
    # 30 % of 2 990 ₽ is 897 ₽; 740 points pay 740 of it.
    assert "с вашими баллами обойдётся в 2 250 ₽" in _render("loyalty_points", "typical")[2]
    _subject, preheader, text = _render("loyalty_points", "no_name")  # no burn date
    assert preheader.startswith("1 балл = 1 ₽")
    assert "Баллы действуют год с момента начисления" in text
    broke = dict(PERSONAS["typical"], bonus_points=0)
    subject, _preheader, text = _render("loyalty_points", broke)
    assert subject == "Как копить баллы в «Сезоне»"
    assert "Пока на вашем счёте нет баллов" in text and "обойдётся" not in text


def test_sale_start_names_the_contacts_categories_or_falls_back() -> None:
    _subject, preheader, text = _render("sale_start", "typical")
    assert preheader == "Хиты распродажи: платья и рубашки"
    assert "которые вы выбираете чаще всего: платья и рубашки" in text
    _subject, preheader, text = _render("sale_start", "new_subscriber")
    assert preheader == "Бестселлеры сезона по лучшим ценам года"
    assert "бестселлеры, которые покупатели «Сезона» выбирают чаще всего" in text


def test_ru_plural() -> None:
    words = "{{ n }} {{ n | ru_plural('балл', 'балла', 'баллов') }}"
    template = environment(False).from_string(words)
    rendered = [template.render(n=n) for n in (0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 1.5)]
    assert rendered == ["0 баллов", "1 балл", "2 балла", "4 балла", "5 баллов", "11 баллов",
                        "12 баллов", "14 баллов", "21 балл", "22 балла", "25 баллов",
                        "101 балл", "1.5 балла"]


def test_personas_show_each_new_line_both_ways() -> None:
    products = [c["product"] for c in PERSONAS.values()]
    assert None in products
    assert any(p and p.get("size") for p in products)
    assert any(p and "size" not in p for p in products)
    assert any(p and p.get("old_price") for p in products)
    assert any(p and not p.get("old_price") for p in products)
    days = {c.get("promo_days_left") for c in PERSONAS.values()}
    assert {0, 1, 2, None} <= days
    assert any("bonus_expires" in c for c in PERSONAS.values())
    assert any("bonus_expires" not in c for c in PERSONAS.values())
    assert any("top_categories" in c for c in PERSONAS.values())
    assert any("top_categories" not in c for c in PERSONAS.values())
    for context in PERSONAS.values():
        if context.get("product"):
            skus = [r["sku"] for r in context["recommended"]]
            assert context["product"]["sku"] not in skus  # "similar" never repeats it


@pytest.fixture
def demo(demo_shop_files: Callable[[int], Path], tmp_path: Path) -> Iterator[Engine]:
    yield from copy_workspace(demo_shop_files(300), tmp_path)


def test_workspace_contexts_fill_the_new_variables(demo: Engine) -> None:
    from workspace.models import Contact, ContactAttribute, Order, OrderLine

    with Session(demo) as session:
        contacts = session.scalars(select(Contact).order_by(Contact.id)).all()
        emails = [c.email for c in contacts]
        ids = {c.email: c.id for c in contacts}
    contexts = {e: build_context(demo, e, today=DEMO_TODAY) for e in emails[:80]}
    with_product = [c for c in contexts.values() if c["product"]]
    assert with_product and any(c["product"].get("size") for c in with_product)
    for context in with_product:
        product = context["product"]
        assert product["url"].startswith("https://") and product["image_url"]
        assert product["sku"] not in [r["sku"] for r in context["recommended"]]
        names = [r["name"] for r in context["recommended"]]
        assert len(names) == len(set(names))
    buyer = next(c for c in contexts.values() if c.get("top_categories"))
    with Session(demo) as session:
        bought = set(session.scalars(
            select(OrderLine.category).join(Order, Order.id == OrderLine.order_pk)
            .where(Order.contact_id == ids[buyer["email"]])))
    assert all(word.capitalize() in bought
               for word in re.split(r", | и ", buyer["top_categories"]))
    assert all(c["promo_days_left"] == 7 for c in contexts.values())

    # A loyalty balance and a promo imported as custom attributes win over the defaults.
    email = emails[0]
    with Session(demo) as session, session.begin():
        for name, value in (("bonus_points", "1 250"), ("bonus_expires", "2026-12-31"),
                            ("promo_code", "VIP-20"), ("promo_expires", "2026-11-24"),
                            ("promo_discount", "20%")):
            session.add(ContactAttribute(contact_id=ids[email], name=name, value=value,
                                         value_ci=value.casefold()))
    context = build_context(demo, email, today=DEMO_TODAY)
    assert context["bonus_points"] == 1250 and context["bonus_expires"] == "2026-12-31"
    assert (context["promo_code"], context["promo_discount"]) == ("VIP-20", 20)
    assert context["promo_days_left"] == 2
    subject, _preheader, text = _render("promo_expiring", context)
    assert subject == "Ваша скидка 20% сгорает 24 ноября" and "VIP-20" in text
    for name in NEW:
        report = lint(TEMPLATES[name], contexts=[(e, c) for e, c in list(contexts.items())[:12]])
        assert report.errors == [], (name, report.to_json())


def test_the_audience_presets_select_what_they_say(demo: Engine) -> None:
    from workspace.models import Contact

    assert {p.id for p in PRESETS} >= set(SCENARIO_AUDIENCES.values())
    for preset_id in SCENARIO_AUDIENCES.values():
        rules = PRESETS_BY_ID[preset_id].rules
        inside = count(demo, rules, DEMO_TODAY).count
        outside = count(demo, {"not": rules}, DEMO_TODAY).count
        assert inside > 0 and inside + outside == 300, preset_id
    expiring = members(demo, PRESETS_BY_ID["first_order_promo_expiring_3_days"].rules,
                       DEMO_TODAY)
    with Session(demo) as session:
        for contact in session.scalars(select(Contact).where(Contact.email.in_(expiring))):
            assert contact.orders_count == 0
            assert contact.registered_at is not None
            assert 27 <= (DEMO_TODAY - contact.registered_at.date()).days <= 30
    points = PRESETS_BY_ID["buyers_with_points"].rules
    before = count(demo, points, DEMO_TODAY).count
    with Session(demo) as session, session.begin():
        buyer = session.scalars(select(Contact).where(Contact.orders_count > 0)).first()
        assert buyer is not None
        from workspace.models import ContactAttribute

        session.add(ContactAttribute(contact_id=buyer.id, name="bonus_points", value="0",
                                     value_ci="0"))
    assert count(demo, points, DEMO_TODAY).count == before - 1
