"""The ``demo`` command: fill an empty workspace with the demo clothing shop."""

from __future__ import annotations

import argparse
from typing import Any

from cli.common import CliContext, UsageError, add_command
from workspace.demo import DEFAULT_CONTACTS, DEFAULT_SEED, generate_demo

# Names of the tables in the human summary, in the order they are printed.
_LABELS = {
    "contacts": "contacts",
    "orders": "orders",
    "order_lines": "order lines",
    "events": "events",
    "products": "products",
}


def register(subparsers: Any) -> None:
    """Add the ``demo`` command."""
    parser = add_command(subparsers, "demo", run_demo,
                         "create the demo clothing shop in an empty workspace")
    parser.add_argument("--contacts", type=_positive, default=DEFAULT_CONTACTS, metavar="N",
                        help=f"number of contacts (default {DEFAULT_CONTACTS})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S",
                        help=f"random seed; the same seed gives the same shop (default "
                             f"{DEFAULT_SEED})")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError as exc:
        raise UsageError(f"--contacts must be a whole number, not {value!r}") from exc
    if number < 1:
        raise UsageError(f"--contacts must be at least 1, not {number}")
    return number


def run_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    """Generate the demo relative to ``ctx.today``; print the rows written per table."""
    counts = generate_demo(
        ctx.engine(),
        contacts=args.contacts,
        seed=args.seed,
        today=ctx.today,
        progress=ctx.progress_printer("demo"),
    )
    from campaigns.demo import add_demo_campaign

    campaign = add_demo_campaign(ctx.engine(), ctx.today, seed=args.seed)
    counts["campaigns"] = 1 if campaign else 0
    width = max(len(label) for label in _LABELS.values())
    text = "\n".join(f"{_LABELS[name]:<{width}}  {counts[name]:>9,}".replace(",", " ")
                     for name in _LABELS)
    ctx.emit(counts, f"Demo shop created (today {ctx.today:%Y-%m-%d}, seed {args.seed}):\n"
                     f"{text}")
    return 0
