"""``segment``: count, list members, save, list, explain and compare segments (cli.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.common import CliContext, UsageError, add_command
from segments import (
    count,
    delete_segment,
    explain,
    list_segments,
    load_rule_file,
    load_segment_rules,
    members,
    overlap,
    parse_rule,
    save_segment,
)
from segments.export import write_members_csv


def _rules(ctx: CliContext, args: argparse.Namespace) -> Any:
    """The rules JSON from ``--rules FILE`` or the saved segment ``--name``."""
    if args.rules and args.name:
        raise UsageError("give either --rules FILE or --name NAME, not both")
    if args.rules:
        return load_rule_file(Path(args.rules))
    if args.name:
        with ctx.engine().connect() as conn:
            return load_segment_rules(conn, args.name)
    raise UsageError("give --rules FILE or --name NAME")


def _count(ctx: CliContext, args: argparse.Namespace) -> int:
    result = count(ctx.engine(), _rules(ctx, args), ctx.today)
    if ctx.lang == "ru":
        text = f"Подходит контактов: {result.count}, можно отправить: {result.sendable}"
    else:
        text = f"{result.count} contacts match, {result.sendable} sendable"
    ctx.emit({"count": result.count, "sendable": result.sendable}, text)
    return 0


def _members(ctx: CliContext, args: argparse.Namespace) -> int:
    rules = _rules(ctx, args)
    emails = members(ctx.engine(), rules, ctx.today)
    if args.out:
        write_members_csv(ctx.engine(), rules, ctx.today, Path(args.out))
        ctx.emit({"emails": emails, "count": len(emails), "out": args.out},
                 f"{len(emails)} contacts written to {args.out}")
    else:
        ctx.emit({"emails": emails}, "\n".join(emails) if emails else "")
    return 0


def _save(ctx: CliContext, args: argparse.Namespace) -> int:
    rules = load_rule_file(Path(args.rules))
    with ctx.engine().begin() as conn:
        save_segment(conn, args.segment_name, rules)
    name = args.segment_name.strip()
    ctx.emit({"saved": name}, f"segment '{name}' saved")
    return 0


def _delete(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.engine().begin() as conn:
        delete_segment(conn, args.segment_name)
    ctx.emit({"deleted": args.segment_name.strip()}, f"segment '{args.segment_name}' deleted")
    return 0


def _list(ctx: CliContext, args: argparse.Namespace) -> int:
    saved = list_segments(ctx.engine())
    data = [{"name": s.name, "rules": s.rules,
             "updated_at": s.updated_at.isoformat(timespec="seconds") if s.updated_at else None}
            for s in saved]
    ctx.emit(data, "\n".join(s.name for s in saved) if saved else "no saved segments")
    return 0


def _explain_text(node: dict[str, Any], depth: int = 0) -> list[str]:
    mark = "✓" if node["matched"] else "✗"
    pad = "  " * depth
    for key in ("all", "any"):
        if key in node:
            lines = [f"{pad}{mark} {key.upper()}"]
            for child in node[key]:
                lines += _explain_text(child, depth + 1)
            return lines
    if "not" in node:
        return [f"{pad}{mark} NOT", *_explain_text(node["not"], depth + 1)]
    if "segment" in node:
        return [f"{pad}{mark} in segment '{node['segment']}'"]
    extra = "".join(f" {k}={node[k]}" for k in ("within_days", "min_count") if k in node)
    value = f" {node['value']}" if "value" in node else ""
    return [f"{pad}{mark} {node['field']} {node['op']}{value}{extra}"]


def _explain(ctx: CliContext, args: argparse.Namespace) -> int:
    tree = explain(ctx.engine(), _rules(ctx, args), ctx.today, args.contact)
    verdict = "is in the segment" if tree["matched"] else "is not in the segment"
    ctx.emit(tree, "\n".join([f"{args.contact} {verdict}", *_explain_text(tree)]))
    return 0


def _overlap(ctx: CliContext, args: argparse.Namespace) -> int:
    if not args.names or not 2 <= len(args.names) <= 3:
        raise UsageError("give two or three segments: --name A --name B [--name C]")
    result = overlap(ctx.engine(), args.names, ctx.today)
    lines = [f"{name}: {size}" for name, size in result["sizes"].items()]
    lines += [f"only {' & '.join(r['in'])}: {r['count']}" for r in result["regions"]]
    lines.append(f"in none: {result['outside']} (of {result['total']})")
    ctx.emit(result, "\n".join(lines))
    return 0


def _check(ctx: CliContext, args: argparse.Namespace) -> int:
    parse_rule(load_rule_file(Path(args.rules)))
    ctx.emit({"valid": True}, "the rule is valid")
    return 0


def _add_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", metavar="FILE", help="rules JSON file (segments.md)")
    parser.add_argument("--name", metavar="NAME", help="a saved segment")


def register(subparsers: Any) -> None:
    """Add the ``segment`` command group."""
    group = add_command(subparsers, "segment", _no_action, "segments: count, members, save")
    sub = group.add_subparsers(dest="segment_command", parser_class=type(group))

    p = add_command(sub, "count", _count, "count the contacts of a segment")
    _add_source(p)
    p = add_command(sub, "members", _members, "list the e-mails of a segment (sorted)")
    _add_source(p)
    p.add_argument("--out", metavar="FILE.csv", help="write the members to a CSV file")
    p = add_command(sub, "save", _save, "save a segment under a name")
    p.add_argument("segment_name", metavar="NAME")
    p.add_argument("--rules", metavar="FILE", required=True)
    p = add_command(sub, "delete", _delete, "delete a saved segment")
    p.add_argument("segment_name", metavar="NAME")
    add_command(sub, "list", _list, "list saved segments")
    p = add_command(sub, "explain", _explain, "why a contact is or is not in a segment")
    _add_source(p)
    p.add_argument("--contact", metavar="EMAIL", required=True)
    p = add_command(sub, "overlap", _overlap, "sizes of every region of 2-3 segments")
    p.add_argument("--name", dest="names", action="append", metavar="NAME")
    p = add_command(sub, "check", _check, "validate a rules file")
    p.add_argument("--rules", metavar="FILE", required=True)


def _no_action(ctx: CliContext, args: argparse.Namespace) -> int:
    raise UsageError("segment needs a sub-command: count, members, save, list, explain, "
                     "overlap, delete, check")
