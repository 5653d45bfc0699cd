"""Templates and brand kit in the workspace; contexts built from workspace contacts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from composer import (
    BrandKit,
    HeadingBlock,
    Template,
    TemplateNotFoundError,
    build_context,
    builtin_templates,
    lint,
    list_templates,
    load_brand_kit,
    load_template,
    render,
    save_brand_kit,
    save_template,
)
from workspace.models import Contact

TODAY = date(2025, 3, 15)


def test_save_load_override_and_brand_kit(engine: Engine) -> None:
    builtin = load_template(engine, "welcome_1")
    assert builtin.builtin
    custom = Template("welcome_1", subject="Своя тема", preheader="п", scenario="welcome",
                      position=1, delay_hours=0,
                      blocks=(*builtin.blocks[:1], HeadingBlock("Свой заголовок")))
    save_template(engine, custom)
    save_template(engine, Template("raw", subject="Код", mjml="<mjml><mj-body></mj-body></mjml>"))
    loaded = load_template(engine, "welcome_1")
    assert loaded.subject == "Своя тема" and not loaded.builtin
    assert loaded.blocks == custom.blocks
    names = [t.name for t in list_templates(engine)]
    assert names.count("welcome_1") == 1 and "raw" in names
    assert len(names) == len(builtin_templates()) + 1
    assert load_template(engine, "raw").is_code
    with pytest.raises(TemplateNotFoundError):
        load_template(engine, "nope")

    assert load_brand_kit(engine) == BrandKit()
    kit = BrandKit(shop_name="Лавка", accent_color="#FF0000")
    save_brand_kit(engine, kit)
    assert load_brand_kit(engine) == kit
    html = render(custom, {"email": "a@b.ru", "unsubscribe_url": "https://x.ru/u",
                           "shop": kit.shop()}, brand=kit).html
    assert "#FF0000" in html


def test_demo_contacts_render_every_builtin_without_lint_error(sqlite_engine: Engine) -> None:
    from workspace.demo import generate_demo

    generate_demo(sqlite_engine, contacts=300, seed=7, today=TODAY)
    with Session(sqlite_engine) as session:
        contacts = session.scalars(select(Contact).order_by(Contact.id)).all()
        emails = [c.email for c in contacts]
        no_name = next(c.email for c in contacts if not c.first_name) if any(
            not c.first_name for c in contacts) else None
    contexts = [build_context(sqlite_engine, e, today=TODAY) for e in emails]
    big = max(contexts, key=lambda c: len(c["cart"]["items"]))
    no_order = next(c for c in contexts if c["order"] is None)
    with_order = next(c for c in contexts if c["order"] is not None)
    assert len(big["cart"]["items"]) >= 5
    assert with_order["order"]["items"] and with_order["recommended"]
    chosen = [("big cart", big), ("no order", no_order), ("order", with_order)]
    if no_name:
        chosen.append(("no name", contexts[emails.index(no_name)]))
    for template in builtin_templates():
        report = lint(template, contexts=chosen)
        assert report.errors == [], (template.name, report.to_json())
    # Every contact renders the cart email (fast path, no inlining).
    cart = load_template(sqlite_engine, "abandoned_cart_1")
    from composer import render_preview

    for ctx in contexts:
        render_preview(cart, ctx)


@dataclass
class _Run:
    returncode: int
    stdout: str
    stderr: str


def test_cli_list_render_lint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from main import main

    def _cli(*args: str) -> _Run:
        code = main(list(args))
        captured = capsys.readouterr()
        return _Run(code, captured.out, captured.err)

    ws = str(tmp_path / "w.sqlite")
    listed = _cli("--workspace", ws, "--json", "template", "list")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert {"name", "scenario", "subject"} <= set(rows[0])
    assert {"welcome", "abandoned_cart", "reactivation", "post_purchase", "birthday"} <= {
        r["scenario"] for r in rows}

    out, text = tmp_path / "a.html", tmp_path / "a.txt"
    ctx_file = tmp_path / "ctx.json"
    ctx_file.write_text(json.dumps({"email": "x@y.ru", "first_name": "Вера"}), encoding="utf-8")
    rendered = _cli("--workspace", ws, "--json", "template", "render", "welcome_1",
                    "--context", str(ctx_file), "--out", str(out), "--text", str(text))
    assert rendered.returncode == 0, rendered.stderr
    data = json.loads(rendered.stdout)
    assert data["html_bytes"] == len(out.read_bytes())
    assert data["subject"].startswith("Добро пожаловать")
    assert "Вера" in text.read_text(encoding="utf-8")

    bad = tmp_path / "bad.mjml"
    bad.write_text("<mjml><mj-body>\n<mj-section><mj-column><mj-txt>x</mj-txt>"
                   "</mj-column></mj-section></mj-body></mjml>", encoding="utf-8")
    linted = _cli("--workspace", ws, "--json", "template", "lint", str(bad))
    report = json.loads(linted.stdout)
    assert [(f["code"], f["line"]) for f in report["warnings"]][:1] == [("mjml-warning", 2)]
    russian = _cli("--workspace", ws, "--lang", "ru", "template", "lint", str(bad))
    assert russian.stdout.startswith("ошибка: missing-unsubscribe: в письме нет ссылки")
    assert "предупреждение: mjml-warning (строка 2): столбец 24: неизвестный элемент" \
        " <mj-txt>" in russian.stdout, russian.stdout
    linted = _cli("--workspace", ws, "--json", "template", "lint", "--validation", "strict",
                  str(bad))
    assert linted.returncode == 1
    report = json.loads(linted.stdout)
    assert report["errors"][0]["code"] == "mjml-error" and report["errors"][0]["line"] == 2
    failed = _cli("--workspace", ws, "template", "render", "--validation", "strict", str(bad))
    assert failed.returncode == 2
    assert "line 2" in failed.stderr and "Traceback" not in failed.stderr
    soft = _cli("--workspace", ws, "--json", "template", "render", str(bad))
    assert soft.returncode == 0, soft.stderr
    assert json.loads(soft.stdout)["warnings"][0].startswith("line 2: unknown element")
    jinja_bad = tmp_path / "j.mjml"
    jinja_bad.write_text("<mjml><mj-body><mj-section><mj-column>\n<mj-text>{{ x.y }}"
                         "</mj-text></mj-column></mj-section></mj-body></mjml>", encoding="utf-8")
    failed = _cli("--workspace", ws, "template", "render", str(jinja_bad))
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    assert "line 2" in failed.stderr
