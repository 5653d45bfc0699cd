"""``export unisender|unisender-go CAMPAIGN [--api-url URL] [--dry-run] [--winner]``.

The ``export`` group itself lives in ``cli/export.py``; it calls
:func:`add_unisender_commands` with its sub-parsers.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cli.common import CliContext, add_command
from esp.steps import ExportOutcome

_HELP = {
    "unisender": "push a campaign to Unisender: one list, a tagged group, message and "
                 "campaign per variant (resumable)",
    "unisender-go": "send a campaign per recipient through Unisender Go (templates with "
                    "loops; resumable)",
}


def _text(outcome: ExportOutcome, ru: bool) -> str:
    """The plain-text report: what was created (or would be), with ids."""
    lines: list[str] = []
    if outcome.dry_run:
        lines.append("Пробный запуск: ничего не отправлено. Запросы:" if ru
                      else "Dry run: nothing was sent. Requests it would make:")
        lines.extend(outcome.requests)
        return "\n".join(lines)
    created = outcome.created
    if not created:
        lines.append("Всё уже было сделано: ничего не создано." if ru
                     else "Everything was already done: nothing created.")
    for obj in created:
        lines.append(f"+ {obj.label}" + (f" (id {obj.remote_id})" if obj.remote_id else ""))
    for variant in outcome.variants:
        parts = [f"{variant['group']}: {variant['contacts']} "
                 + ("контактов" if ru else "contacts"), f"tag {variant['tag']}"]
        for field in ("message_id", "template_id", "campaign_id", "status"):
            if variant.get(field):
                parts.append(f"{field} {variant[field]}")
        lines.append("  ".join(parts))
    return "\n".join(lines)


def _handler(target: str) -> Any:
    def run(ctx: CliContext, args: argparse.Namespace) -> int:
        from esp.push import push_campaign

        def on_step(line: str) -> None:
            # Retries and warnings as they happen; the summary comes at the end.
            if line[:1] in ("~", "!") and not ctx.json:
                sys.stderr.write(line + "\n")

        progress = ctx.progress_printer("Unisender" if target == "unisender"
                                        else "Unisender Go")
        outcome, _report = push_campaign(
            ctx.engine(), args.campaign, target, ctx.today, api_url=args.api_url,
            dry_run=args.dry_run, winner=args.winner, lang=ctx.lang or "en",
            progress=None if args.dry_run else progress, on_step=on_step)
        ctx.emit(outcome.to_json(), _text(outcome, ctx.lang == "ru"))
        return 0

    return run


def add_unisender_commands(export_subparsers: Any) -> None:
    """Add ``unisender`` and ``unisender-go`` to the ``export`` command group."""
    for target in ("unisender", "unisender-go"):
        p = add_command(export_subparsers, target, _handler(target), _HELP[target])
        p.add_argument("campaign", metavar="CAMPAIGN")
        p.add_argument("--api-url", metavar="URL",
                       help="another scheme and host (a test server); the API path stays")
        p.add_argument("--dry-run", action="store_true",
                       help="print every request it would make (key masked); change nothing")
        p.add_argument("--winner", action="store_true",
                       help="send the chosen winner to the remainder")
