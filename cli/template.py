"""The ``template`` command group: list, render, lint."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from cli.common import CliContext, UsageError, add_command
from composer import (
    SCENARIOS,
    VALIDATION_LEVELS,
    BrandKit,
    Template,
    base_context,
    build_context,
    lint,
    list_templates,
    load_brand_kit,
    load_template,
    render,
    sample_personas,
    template_from_file,
)


def _no_action(ctx: CliContext, args: argparse.Namespace) -> int:
    raise UsageError("choose a template command: list, render or lint")


def _resolve(ctx: CliContext, name_or_file: str) -> tuple[Template, BrandKit]:
    path = Path(name_or_file)
    if name_or_file.lower().endswith(".mjml") or path.is_file():
        if not path.is_file():
            raise UsageError(f"no such file: {name_or_file}")
        engine = ctx.engine() if ctx.workspace else None
        return template_from_file(path), load_brand_kit(engine)
    engine = ctx.engine()
    return load_template(engine, name_or_file), load_brand_kit(engine)


def _context(ctx: CliContext, args: argparse.Namespace, brand: BrandKit) -> dict[str, Any]:
    if args.contact and args.context:
        raise UsageError("give --contact or --context, not both")
    if args.contact:
        return build_context(ctx.engine(), args.contact, today=ctx.today, brand=brand)
    if args.context:
        try:
            data = json.loads(Path(args.context).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UsageError(f"cannot read context file {args.context}: {exc}") from None
        if not isinstance(data, dict):
            raise UsageError("the context file must hold a JSON object")
        email = str(data.get("email") or "test@example.ru")
        merged = base_context(brand, email=email, today=ctx.today)
        merged.update(data)
        return merged
    return sample_personas(brand, ctx.today)[0].context


def _list(ctx: CliContext, args: argparse.Namespace) -> int:
    engine = ctx.engine()
    brand = load_brand_kit(engine)
    rows = [
        {
            "name": t.name,
            "title": t.title,
            "scenario": t.scenario,
            "position": t.position,
            "delay_hours": t.delay_hours,
            "subject": t.subject,
            "preheader": t.preheader,
            "from_name": t.sender(brand),
            "builtin": t.builtin,
            "code": t.is_code,
        }
        for t in list_templates(engine)
    ]
    lines = []
    for row in rows:
        scenario = SCENARIOS.get(str(row["scenario"]), row["scenario"] or "—")
        delay = f"+{row['delay_hours']} ч" if row["delay_hours"] is not None else ""
        lines.append(f"{row['name']:<22} {scenario} {row['position'] or ''} {delay}  "
                     f"{row['subject']}")
    ctx.emit(rows, "\n".join(lines) or "no templates")
    return 0


def _write(path: str, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def _render(ctx: CliContext, args: argparse.Namespace) -> int:
    template, brand = _resolve(ctx, args.template)
    result = render(template, _context(ctx, args, brand), brand=brand,
                    validation=args.validation)
    if args.out:
        _write(args.out, result.html)
    if args.text:
        _write(args.text, result.text)
    data = {
        "html_bytes": len(result.html.encode("utf-8")),
        "subject": result.subject,
        "preheader": result.preheader,
        "warnings": result.warnings,
    }
    if ctx.json:
        ctx.emit(data)
    elif args.out:
        summary = [f"{args.out}: {data['html_bytes']} bytes", f"subject: {result.subject}",
                   f"preheader: {result.preheader}", *(f"warning: {w}" for w in result.warnings)]
        ctx.emit(data, "\n".join(summary))
    else:
        ctx.emit(data, result.html)
    return 0


def _lint(ctx: CliContext, args: argparse.Namespace) -> int:
    template, brand = _resolve(ctx, args.template)
    report = lint(template, brand=brand, validation=args.validation)
    if ctx.lang == "ru":  # the JSON keeps the core's English messages and codes
        from composer.words_ru import finding_message, where_text

        lines = []
        for kind, findings in (("ошибка", report.errors), ("предупреждение", report.warnings)):
            for f in findings:
                where = where_text(f, "ru")
                lines.append(f"{kind}: {f.code}{f' ({where})' if where else ''}: "
                             f"{finding_message(f, 'ru')}")
        ctx.emit(report.to_json(), "\n".join(lines) or "проблем не найдено")
        return 0 if report.ok else 1
    lines = [
        f"{kind}: {f.code}{f' (line {f.line})' if f.line else ''}: {f.message}"
        for kind, findings in (("error", report.errors), ("warning", report.warnings))
        for f in findings
    ]
    ctx.emit(report.to_json(), "\n".join(lines) or "no problems found")
    return 0 if report.ok else 1


def register(subparsers: Any) -> None:
    """Add the ``template`` command group."""
    group = add_command(subparsers, "template", _no_action, "email templates: list, render, lint")
    sub = group.add_subparsers(dest="template_command", parser_class=type(group))
    add_command(sub, "list", _list, "built-in and workspace templates")
    p = add_command(sub, "render", _render, "render a template or .mjml file to HTML")
    p.add_argument("template", metavar="NAME_OR_FILE", help="template name or .mjml file")
    p.add_argument("--contact", metavar="EMAIL", help="render for this workspace contact")
    p.add_argument("--context", metavar="FILE.json", help="render with this JSON context")
    p.add_argument("--out", metavar="FILE.html", help="write the HTML here")
    p.add_argument("--text", metavar="FILE.txt", help="write the plain text here")
    _validation_option(p)
    p = add_command(sub, "lint", _lint, "the pre-export checks of a template")
    p.add_argument("template", metavar="NAME_OR_FILE", help="template name or .mjml file")
    _validation_option(p)


def _validation_option(parser: Any) -> None:
    parser.add_argument(
        "--validation", choices=VALIDATION_LEVELS, default="soft",
        help="MJML validation as official MJML: soft (default) renders and reports "
             "problems as warnings, strict refuses MJML with any problem, skip checks nothing")
