"""The ``gui`` command: open the desktop application (default command)."""

from __future__ import annotations

import argparse
from typing import Any

from cli.common import CliContext, add_command

PAGES = ("contacts", "segments", "templates", "campaigns", "export")


def register(subparsers: Any) -> None:
    """Add the ``gui`` command."""
    parser = add_command(subparsers, "gui", run_gui, "open the desktop application")
    parser.add_argument("--page", choices=PAGES, default="contacts", help="page to open")
    parser.add_argument(
        "--screenshot", metavar="FILE.png", help="render the page offscreen, save a PNG, exit"
    )
    parser.add_argument("--size", type=_size, metavar="WxH",
                        help="window size, e.g. 1280x720 (a laptop screen)")


def _size(text: str) -> tuple[int, int]:
    from cli.common import UsageError

    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size must be WIDTHxHEIGHT such as 1280x720, not {text!r}") from None
    if not (320 <= width <= 10000 and 240 <= height <= 10000):
        raise UsageError(f"--size {text} is not a usable window size")
    return width, height


def run_gui(ctx: CliContext, args: argparse.Namespace) -> int:
    """Start the front end (Qt is imported only now, so other commands never load it)."""
    return ctx.ui().run_gui(ctx, args.page, args.screenshot, args.size)
