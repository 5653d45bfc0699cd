"""``stats pull CAMPAIGN [--api-url URL]``: results back from Unisender."""

from __future__ import annotations

import argparse
from typing import Any

from cli.common import CliContext, UsageError, add_command


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _pull(ctx: CliContext, args: argparse.Namespace) -> int:
    from esp.stats import pull_stats

    stats = pull_stats(ctx.engine(), args.campaign, api_url=args.api_url,
                       lang=ctx.lang or "en")
    ru = ctx.lang == "ru"
    lines = []
    for s in stats:
        if ru:
            lines.append(f"{s.variant}: доставлено {s.delivered}, открыли {s.read_unique} "
                         f"({_pct(s.open_rate)}), кликнули {s.clicked_unique} "
                         f"({_pct(s.click_rate)})")
        else:
            lines.append(f"{s.variant}: delivered {s.delivered}, opened {s.read_unique} "
                         f"({_pct(s.open_rate)}), clicked {s.clicked_unique} "
                         f"({_pct(s.click_rate)})")
    lines.append("Результаты сохранены в кампании." if ru
                 else "Results stored in the campaign.")
    ctx.emit({"campaign": args.campaign, "source": "unisender",
              "variants": [s.to_json() for s in stats]}, "\n".join(lines))
    return 0


def _no_action(ctx: CliContext, args: argparse.Namespace) -> int:
    raise UsageError("choose a sub-command: konvert stats pull CAMPAIGN")


def register(subparsers: Any) -> None:
    """Add the ``stats`` command group."""
    group = add_command(subparsers, "stats", _no_action, "results back from the email service")
    sub = group.add_subparsers(dest="stats_command", parser_class=type(group))
    p = add_command(sub, "pull", _pull,
                    "read each variant's Unisender campaign stats into the campaign's results")
    p.add_argument("campaign", metavar="CAMPAIGN")
    p.add_argument("--api-url", metavar="URL",
                   help="another scheme and host (a test server); the API path stays")
