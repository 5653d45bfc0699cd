"""Merge-tag translation per target: built-in templates, variant subjects, constructs."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import liquid
import pybars
import pytest
from sqlalchemy import Engine, insert

from composer import builtin_templates, html_to_text, render, sample_personas
from esp.errors import ExportUsageError
from esp.prepare import prepare_campaign, prepare_template
from esp.translate import (
    GMAIL_CLIP_BYTES,
    STATIC_ROOTS,
    TARGETS,
    UNSUBSCRIBE,
    TranslationReport,
    check_html,
    default_field_mapping,
    field_mapping,
    save_field_mapping,
    static_context,
    translate,
)

TODAY = date(2026, 11, 22)
TEMPLATES = {t.name: t for t in builtin_templates()}
STATIC = static_context(None, TODAY)
# Recommended products are filled in once per export (the same for every recipient).
PERSONAS = {p.id: p for p in sample_personas(None, TODAY)}
for _persona in PERSONAS.values():
    _persona.context["recommended"] = STATIC["recommended"]
# Templates with only contact fields and static values: every target expresses them.
SIMPLE = ("welcome_1", "welcome_2", "welcome_3", "reactivation_1", "reactivation_2",
          "reactivation_3", "birthday")
CARTS = ("abandoned_cart_1", "abandoned_cart_2", "abandoned_cart_3")
ORDERS = ("order_confirmation", "order_shipped")


def _prepared(name: str, target: str) -> tuple[Any, TranslationReport]:
    return prepare_template(None, name, target, TODAY, per_recipient=True,
                            template=TEMPLATES[name])


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _text(html: str) -> str:
    return _norm(html_to_text(html))


# --- every built-in template, every target ------------------------------------------------


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_every_builtin_template_translates(name: str, target: str) -> None:
    variant, report = _prepared(name, target)
    # The unsubscribe link is in the target's own form, inside an href, unchanged by inlining.
    assert re.search(r'href="' + re.escape(UNSUBSCRIBE[target]), variant.html)
    assert "missing-unsubscribe" not in report.codes()
    # Konvert filled in the brand kit; no canonical Jinja is left for other targets.
    assert "+7 495 123-45-67" in variant.html
    if target not in ("unisender-go", "sendgrid"):
        assert "{{ " not in variant.html and "{%" not in variant.html
    assert "unsubscribe_url" in {v.name for v in report.variables}
    errors = set(report.codes("error"))
    if name in SIMPLE:
        assert errors == set(), report.summary()
    if name in CARTS:
        if target in ("unisender", "mailchimp"):
            assert "loop-unsupported" in errors
        if target == "unisender-go":
            assert errors == set(), report.summary()
            assert "{% for item in cart.items limit:5 %}" in variant.html
    if name in ORDERS and target == "unisender-go":
        assert errors == set(), report.summary()
    if name == "review_request":  # a grid of the order's items in rows of two: batch
        if target in ("unisender-go", "sendgrid"):  # unrolled: items picked by position
            assert errors == set(), report.summary()
        else:
            assert "filter-unsupported" in errors


@pytest.mark.parametrize("target", ["unisender", "mindbox", "mailchimp"])
def test_refused_without_per_recipient(target: str) -> None:
    with pytest.raises(ExportUsageError) as caught:
        prepare_template(None, "review_request", target, TODAY, template=TEMPLATES[
            "review_request"])
    assert "filter-unsupported" in str(caught.value)
    assert "Unisender Go" in str(caught.value) and "plain" in str(caught.value)


# --- what the ESP would show: the translation rendered by a real engine ------------------------


def _liquid_text(html: str, context: dict[str, Any]) -> str:
    return _text(liquid.Environment().from_string(html).render(**context))


@pytest.mark.parametrize("persona", ["typical", "no_name", "long_name", "new_subscriber"])
@pytest.mark.parametrize("name", SIMPLE)
def test_liquid_shows_what_konvert_renders(name: str, persona: str) -> None:
    """python-liquid renders the Unisender Go translation exactly like Konvert's preview."""
    context = dict(PERSONAS[persona].context)
    # What Konvert fills in at export time is the same for everyone (STATIC_ROOTS).
    context.update({k: v for k, v in STATIC.items() if k in STATIC_ROOTS})
    if persona == "long_name":  # HTML in a name is escaped as Jinja escapes it
        context["first_name"] = "<b>Анна & Co</b>"
    variant, report = _prepared(name, "unisender-go")
    assert report.warnings == []
    expected = render(TEMPLATES[name], context)
    assert _liquid_text(variant.html, context) == _text(expected.html)
    assert liquid.Environment().from_string(variant.subject).render(**context) == \
        expected.subject


@pytest.mark.parametrize("name", CARTS)
def test_liquid_cart_loop_fallbacks_and_limit(name: str) -> None:
    variant, report = _prepared(name, "unisender-go")
    assert report.codes("warning") == ["filter-approximated"]  # money: no thousands spaces
    for persona in ("typical", "big_cart", "no_name"):
        context = PERSONAS[persona].context
        shown = _liquid_text(variant.html, context)
        expected = _text(render(TEMPLATES[name], context).html)
        items = context["cart"]["items"]
        for item in items[:5]:
            assert shown.count(item["name"]) == expected.count(item["name"]) > 0
        # Money is the only difference: compare with digits and spaces taken out.
        assert re.sub(r"[\d\s]", "", shown) == re.sub(r"[\d\s]", "", expected)
        # The expanded HTML has Konvert's structure (only Outlook comments are split).
        html = liquid.Environment().from_string(variant.html).render(**context)
        reference = render(TEMPLATES[name], context).html
        for tag in ("<table", "</table>", "<tr", "</tr>", "<td", "</td>", "<div", "</div>"):
            assert html.count(tag) == reference.count(tag), tag
        assert html.count("<!--[if") == html.count("<![endif]-->")
    big = _liquid_text(variant.html, PERSONAS["big_cart"].context)
    assert "Ещё товаров в корзине: 7" in big
    empty = dict(PERSONAS["typical"].context, cart={"items": [], "total": 0, "url": "u"})
    assert "Ваша корзина ждёт новых находок." in _liquid_text(variant.html, empty)


@pytest.mark.parametrize("name", ORDERS)
def test_liquid_order_table_and_subject_condition(name: str) -> None:
    variant, _ = _prepared(name, "unisender-go")
    context = PERSONAS["typical"].context
    shown = _liquid_text(variant.html, context)
    for item in context["order"]["items"]:
        assert item["name"] in shown
    assert context["order"]["number"] in shown
    env = liquid.Environment()
    assert env.from_string(variant.subject).render(**context) == render(
        TEMPLATES[name], context).subject
    assert env.from_string(variant.subject).render(order=None).startswith("Заказ ")
    assert "№" not in env.from_string(variant.subject).render(order=None)


def _handlebars(html: str, context: dict[str, Any]) -> str:
    helpers = {
        "greaterThan": lambda this, options, a, b: options["fn"](this) if (a or 0) > b
        else options["inverse"](this),
        "formatDate": lambda this, value, fmt: str(value),
    }
    return str(pybars.Compiler().compile(html)(context, helpers=helpers))


@pytest.mark.parametrize("persona", ["typical", "no_name"])
@pytest.mark.parametrize("name", SIMPLE)
def test_handlebars_shows_what_konvert_renders(name: str, persona: str) -> None:
    context = dict(PERSONAS[persona].context, unsubscribe="UNSUB-LINK")
    context.update({k: v for k, v in STATIC.items() if k in STATIC_ROOTS})
    variant, _ = _prepared(name, "sendgrid")
    expected = render(TEMPLATES[name], context)
    shown = _text(_handlebars(variant.html, context))
    assert shown == _text(expected.html).replace(PERSONAS[persona].context[
        "unsubscribe_url"], "UNSUB-LINK")


def _unisender(text: str, fields: dict[str, str]) -> str:
    """Unisender's documented substitution: {{Field}}, {{Field|fallback}}, {{Field?text}}."""

    def sub(match: re.Match[str]) -> str:
        parts = re.match(r"([A-Za-z]\w*)(?:([|?])(.*))?$", match.group(1), re.DOTALL)
        assert parts is not None
        name, sep, rest = parts.group(1), parts.group(2) or "", parts.group(3) or ""
        value = fields.get(name, "")
        if sep == "?":
            return rest if value else ""
        return value or rest

    return re.sub(r"\{\{([A-Za-z][\w]*(?:[|?][^}]*)?)\}\}", sub, text)


def _mailchimp(text: str, fields: dict[str, str]) -> str:
    text = re.sub(r"\*\|IF:(\w+)\|\*(.*?)\*\|ELSE:\|\*(.*?)\*\|END:IF\|\*",
                  lambda m: m.group(2) if fields.get(m.group(1)) else m.group(3), text,
                  flags=re.DOTALL)
    return re.sub(r"\*\|(\w+)\|\*", lambda m: fields.get(m.group(1), ""), text)


def _mindbox(text: str, fields: dict[str, str]) -> str:
    text = re.sub(r"@\{ if IsEmpty\(([\w.]+)\) \}(.*?)@\{ else \}(.*?)@\{ end if \}",
                  lambda m: m.group(3) if fields.get(m.group(1)) else m.group(2), text,
                  flags=re.DOTALL)
    return re.sub(r"\$\{ ([\w.]+) \}", lambda m: fields.get(m.group(1), ""), text)


@pytest.mark.parametrize(("target", "fill", "field"), [
    ("unisender", _unisender, "Name"),
    ("mailchimp", _mailchimp, "FNAME"),
    ("mindbox", _mindbox, "Recipient.FirstName"),
])
@pytest.mark.parametrize("persona", ["typical", "no_name"])
@pytest.mark.parametrize("name", SIMPLE)
def test_fallbacks_show_what_konvert_renders(name: str, persona: str, target: str,
                                             fill: Any, field: str) -> None:
    context = dict(PERSONAS[persona].context)
    # What Konvert fills in at export time is the same for everyone (STATIC_ROOTS).
    context.update({k: v for k, v in STATIC.items() if k in STATIC_ROOTS})
    fields = {field: context["first_name"]} if "first_name" in context else {}
    fields.update(UnsubscribeUrl=context["unsubscribe_url"], UNSUB=context["unsubscribe_url"])
    variant, _ = _prepared(name, target)
    expected = render(TEMPLATES[name], context)
    shown = _text(fill(variant.html, fields)).replace(UNSUBSCRIBE[target],
                                                      context["unsubscribe_url"])
    assert shown == _text(expected.html)
    assert fill(variant.subject, fields) == expected.subject


# --- variant subjects ----------------------------------------------------------------------------


def test_campaign_variant_subjects_per_target(shop: Engine) -> None:
    expected = {
        "unisender": "{{Name|Друг}}, добро пожаловать",
        "unisender-go": "{{ first_name | default: 'Друг' }}, добро пожаловать",
        "mindbox": "@{ if IsEmpty(Recipient.FirstName) }Друг@{ else }"
                   "${ Recipient.FirstName }@{ end if }, добро пожаловать",
        "mailchimp": "*|IF:FNAME|**|FNAME|**|ELSE:|*Друг*|END:IF|*, добро пожаловать",
        "sendgrid": "{{#if first_name}}{{first_name}}{{else}}Друг{{/if}}, добро пожаловать",
    }
    for target, subject in expected.items():
        payload, report = prepare_campaign(shop, "Приветствие", target, TODAY, freeze=False)
        assert report.ok, report.summary()
        a, b = payload.variants
        assert (a.subject, b.subject) == (subject, "−15% на первый заказ")
        assert a.preheader == "Промокод внутри"
        assert b.preheader == TEMPLATES["welcome_1"].preheader
        assert "Промокод внутри" in a.html and "Промокод внутри" not in b.html
        assert any(u.name == "first_name" and "subject A" in u.where for u in report.variables)
    assert sum(len(g.recipients) for g in payload.groups) == 40


def test_campaign_refused_with_codes_then_allowed_per_recipient(shop: Engine) -> None:
    with pytest.raises(ExportUsageError) as caught:
        prepare_campaign(shop, "Корзина", "unisender", TODAY, freeze=False)
    assert "loop-unsupported" in str(caught.value)
    payload, report = prepare_campaign(shop, "Корзина", "unisender", TODAY, freeze=False,
                                       per_recipient=True)
    assert "loop-unsupported" in report.codes("error")
    assert len(payload.variants) == 2


# --- constructs and their codes ------------------------------------------------------------------


def _one(source: str, target: str, mapping: dict[str, str] | None = None,
         mjml: bool = False) -> tuple[str, TranslationReport]:
    result = translate(source, target, STATIC, mapping=mapping, mjml=mjml)
    return result.text, result.report


@pytest.mark.parametrize(("target", "code"), [
    ("unisender", "loop-unsupported"), ("mailchimp", "loop-unsupported"),
    ("unisender-go", None), ("sendgrid", None), ("mindbox", None)])
def test_cart_loop(target: str, code: str | None) -> None:
    text, report = _one("{% for item in cart.items %}{{ item.name }};{% endfor %}", target)
    if code:
        assert report.codes("error") == [code]
        assert report.errors[0].ways_out == ("change-template", "unisender-go",
                                             "per-recipient-files")
    else:
        assert report.ok
        expected = {"unisender-go": "{% for item in cart.items %}{{ item.name }};{% endfor %}",
                    "sendgrid": "{{#each cart.items}}{{this.name}};{{/each}}",
                    "mindbox": "@{ for item in CustomParameters.Items }${ item.name };"
                               "@{ end for }"}[target]
        assert text == expected


@pytest.mark.parametrize("target", TARGETS)
def test_filter_without_equivalent(target: str) -> None:
    _, report = _one("{{ first_name | wordcount }}", target)
    assert report.codes("error") == ["filter-unsupported"]
    assert report.errors[0].variable == "first_name"


def test_no_field_mapping_then_mapped(shop: Engine) -> None:
    _, report = _one("{{ city }}", "unisender", field_mapping(shop, "unisender"))
    assert report.codes() == ["no-field-mapping"]
    assert report.errors[0].ways_out[0] == "field-mapping"
    save_field_mapping(shop, "unisender", {"city": "City"})
    text, report = _one("{{ city }} {{ first_name }}", "unisender",
                        field_mapping(shop, "unisender"))
    assert (text, report.ok) == ("{{City}} {{Name}}", True)
    save_field_mapping(shop, "unisender", {"city": "City", "first_name": "FirstName"})
    assert field_mapping(shop, "unisender")["first_name"] == "FirstName"
    save_field_mapping(shop, "unisender", {"first_name": ""})  # removes the default
    assert "first_name" not in field_mapping(shop, "unisender")
    assert default_field_mapping("unisender")["first_name"] == "Name"
    with pytest.raises(ExportUsageError):
        save_field_mapping(shop, "unisender", {"city": "1bad name"})
    with pytest.raises(ExportUsageError):
        save_field_mapping(shop, "mailchimp", {"nickname": "NICK"})


def test_fallback_in_link() -> None:
    source = ('<mj-text><a href="https://x.ru/?n={{ first_name | default(\'друг\') }}">'
              "{{ first_name | default('друг') }}</a></mj-text>")
    text, report = _one(source, "unisender", mjml=True)
    assert report.codes() == ["fallback-in-link"]
    assert ">{{Name|друг}}</a>" in text  # outside the link the fallback is fine
    text, report = _one(source, "mailchimp", mjml=True)
    assert report.ok and 'href="https://x.ru/?n=*|IF:FNAME|*' in text


def test_conditions() -> None:
    assert _one("{% if first_name %}Привет!{% endif %}", "unisender")[0] == "{{Name?Привет!}}"
    _, report = _one("{% if first_name %}Привет, {{ first_name }}{% endif %}", "unisender")
    assert report.codes() == ["condition-unsupported"]
    source = "{% if first_name == 'Анна' %}А{% else %}Б{% endif %}"
    assert _one(source, "mailchimp")[0] == "*|IF:FNAME=Анна|*А*|ELSE:|*Б*|END:IF|*"
    assert _one(source, "unisender-go")[0] == \
        "{% if first_name == 'Анна' %}А{% else %}Б{% endif %}"
    assert _one(source, "sendgrid")[0] == "{{#equals first_name 'Анна'}}А{{else}}Б{{/equals}}"
    assert _one(source, "mindbox")[1].codes() == ["condition-unsupported"]
    assert _one("{% if city %}A{% else %}B{% endif %}", "mindbox",
                {"city": "Recipient.CustomField.City"})[0] == \
        "@{ if IsEmpty(Recipient.CustomField.City) }B@{ else }A@{ end if }"
    _, report = _one("{% if first_name and city or last_name %}x{% endif %}", "unisender-go")
    assert report.codes() == ["condition-unsupported"]


def test_static_values_are_filled_in_and_unknown_names_reported() -> None:
    text, report = _one("{{ shop.name }} {{ promo_code }} {% if shop.url %}ok{% endif %}",
                        "unisender")
    assert text == f"Сезон {STATIC['promo_code']} ok" and report.ok
    assert {v.name for v in report.variables} >= {"shop", "promo_code"}
    _, report = _one("{{ coupon }}", "unisender")
    assert report.codes() == ["unknown-variable"]


def test_statements_between_mjml_elements_go_into_mj_raw() -> None:
    source = ("<mjml><mj-body>{% for item in cart.items %}<mj-section><mj-column><mj-text>"
              "{% if item.name %}{{ item.name }}{% endif %}</mj-text></mj-column></mj-section>"
              "{% endfor %}</mj-body></mjml>")
    text, report = _one(source, "unisender-go", mjml=True)
    assert report.ok
    assert "<mj-raw>{% for item in cart.items %}</mj-raw><mj-section>" in text
    assert "</mj-section><mj-raw>{% endfor %}</mj-raw>" in text
    assert "<mj-text>{% if item.name != blank %}{{ item.name | escape }}{% endif %}</mj-text>" \
        in text


def test_checks_after_translation() -> None:
    report = TranslationReport("mailchimp")
    check_html('<a href="*|UNSUB|*">x</a>' + "x" * GMAIL_CLIP_BYTES, "mailchimp", report)
    assert report.codes() == ["size-gmail-clip"]
    report = TranslationReport("unisender")
    check_html('<a href="*|UNSUB|*">x</a>', "unisender", report)
    assert report.codes() == ["missing-unsubscribe"]


def test_report_json_names_codes_and_ways_out() -> None:
    _, report = _one("{% for item in cart.items %}{{ item.name }}{% endfor %}", "unisender")
    data = report.to_json()
    assert data["ok"] is False
    problem = data["problems"][0]
    assert problem["code"] == "loop-unsupported" and problem["message_ru"]
    assert [w["id"] for w in problem["ways_out"]] == ["change-template", "unisender-go",
                                                      "per-recipient-files"]
    assert all(w["ru"] and w["en"] for w in problem["ways_out"])


def test_nested_loops_in_handlebars_reach_outer_items_and_root() -> None:
    source = ("{% for i in cart.items %}{% for j in order.items %}"
              "{{ i.name }}/{{ j.name }}/{{ first_name }};{% endfor %}{% endfor %}")
    text, report = _one(source, "sendgrid")
    assert report.ok
    assert text == ("{{#each cart.items}}{{#each @root.order.items}}{{../name}}/{{this.name}}/"
                    "{{@root.first_name}};{{/each}}{{/each}}")
    context = {"first_name": "Аня", "cart": {"items": [{"name": "a"}, {"name": "b"}]},
               "order": {"items": [{"name": "x"}]}}
    assert _handlebars(text, context) == "a/x/Аня;b/x/Аня;"
    liquid_text, _ = _one(source, "unisender-go")
    assert liquid.Environment().from_string(liquid_text).render(**context) == \
        "a/x/Аня;b/x/Аня;"


@pytest.mark.parametrize("persona", ["typical", "big_cart"])
def test_order_grid_unrolled_in_rows(persona: str) -> None:
    """review_request's grid of the order's items, two per row, picked by position."""
    context = PERSONAS[persona].context
    expected = render(TEMPLATES["review_request"], context)
    variant, report = _prepared("review_request", "unisender-go")
    assert "{% assign product = order.items[3] %}" in variant.html
    html = liquid.Environment().from_string(variant.html).render(**context)
    assert re.sub(r"[\d\s]", "", _text(html)) == re.sub(r"[\d\s]", "", _text(expected.html))
    for tag in ("<table", "</table>", "<td", "</td>", "<div", "</div>"):
        assert html.count(tag) == expected.html.count(tag), tag
    variant, report = _prepared("review_request", "sendgrid")
    assert report.ok and "{{#with order.items.[0]}}" in variant.html
    shown = _text(_handlebars(variant.html, dict(context, unsubscribe="U")))
    names = [item["name"] for item in context["order"]["items"][:4]]
    assert all(name in shown for name in names)
    no_order = _text(_handlebars(variant.html, dict(context, order=None, unsubscribe="U")))
    assert not any(name in no_order for name in names)


def test_unbounded_batch_is_reported() -> None:
    _, report = _one("{% for row in cart.items | batch(2) %}{% for p in row %}{{ p.name }}"
                     "{% endfor %}{% endfor %}", "unisender-go")
    assert report.codes() == ["filter-unsupported"]


def test_own_plain_text_is_translated_too(shop: Engine) -> None:
    from dataclasses import replace

    from composer import save_template

    template = replace(TEMPLATES["welcome_1"], name="мой_текст", builtin=False,
                       text_override="Привет, {{ first_name | default('друг') }}!\n"
                                     "Отписаться: {{ unsubscribe_url }}")
    save_template(shop, template)
    variant, report = prepare_template(shop, "мой_текст", "mailchimp", TODAY)
    assert variant.text == ("Привет, *|IF:FNAME|**|FNAME|**|ELSE:|*друг*|END:IF|*!\n"
                            "Отписаться: *|UNSUB|*")
    assert any("text" in use.where for use in report.variables)


def test_recommended_products_come_from_the_workspace(shop: Engine) -> None:
    from decimal import Decimal

    from workspace.models import Product

    with shop.begin() as conn:
        conn.execute(insert(Product), [
            {"sku": "X-1", "name": "Пальто «Север»", "price": Decimal(15990), "stock": 3,
             "image_url": "https://img.example.ru/x1.jpg", "url": "https://s.ru/x1"},
            {"sku": "X-2", "name": "Нет в наличии", "price": Decimal(100), "stock": 0,
             "image_url": None, "url": None}])
    static = static_context(shop, TODAY)
    assert [p["name"] for p in static["recommended"]] == ["Пальто «Север»"]
    variant, _ = prepare_template(shop, "welcome_2", "unisender", TODAY)
    assert "Пальто «Север»" in variant.html and "Нет в наличии" not in variant.html
    assert "https://img.example.ru/x1.jpg" in variant.html
