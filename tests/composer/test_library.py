"""Built-in scenario library: complete series, renders for every persona with no lint error."""

from __future__ import annotations

import pytest

from composer import (
    SCENARIOS,
    Template,
    builtin_templates,
    lint,
    render,
    render_preview,
    sample_personas,
)

TEMPLATES = builtin_templates()


def test_library_covers_the_scenarios() -> None:
    by_scenario: dict[str, list[Template]] = {}
    for template in TEMPLATES:
        assert template.scenario in SCENARIOS
        by_scenario.setdefault(str(template.scenario), []).append(template)
    for scenario in ("welcome", "abandoned_cart", "reactivation"):
        assert [t.position for t in by_scenario[scenario]] == [1, 2, 3]
    assert {t.name for t in by_scenario["post_purchase"]} == {
        "order_confirmation", "order_shipped", "review_request"}
    assert by_scenario["birthday"]
    assert next(t for t in TEMPLATES if t.name == "abandoned_cart_1").delay_hours == 1
    assert next(t for t in TEMPLATES if t.name == "abandoned_cart_2").delay_hours == 24
    assert all(t.subject and t.preheader for t in TEMPLATES)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_builtin_template_has_no_lint_error(template: Template) -> None:
    report = lint(template)
    assert report.errors == []


def test_personas_cover_edge_cases() -> None:
    personas = {p.id: p.context for p in sample_personas()}
    assert "first_name" not in personas["no_name"]
    assert len(personas["long_name"]["first_name"]) > 30
    assert len(personas["big_cart"]["cart"]["items"]) >= 10
    assert personas["new_subscriber"]["order"] is None
    assert personas["new_subscriber"]["cart"]["items"] == []


def test_cart_items_and_fallbacks_render() -> None:
    personas = {p.id: p.context for p in sample_personas()}
    cart = next(t for t in TEMPLATES if t.name == "abandoned_cart_1")
    big = render_preview(cart, personas["big_cart"])
    assert big.html.count("шт. ×") == 5
    assert f"Ещё товаров в корзине: {len(personas['big_cart']['cart']['items']) - 5}" in big.html
    nameless = render_preview(cart, personas["no_name"])
    assert "Здравствуйте, вы выбрали" in nameless.html
    empty = render_preview(cart, personas["new_subscriber"])
    assert "Перейти в каталог" in empty.html
    order = next(t for t in TEMPLATES if t.name == "order_confirmation")
    result = render(order, personas["typical"])
    assert "SZ-104582" in result.subject and "SZ-104582" in result.text


def test_block_template_round_trips_to_code() -> None:
    template = TEMPLATES[0]
    code = template.as_code()
    assert code.is_code and code.blocks == ()
    ctx = sample_personas()[0].context
    assert render_preview(code, ctx).html == render_preview(template, ctx).html
    again = Template.from_document(template.name, template.document(),
                                   subject=template.subject)
    assert again.blocks == template.blocks
