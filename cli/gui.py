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


def run_gui(ctx: CliContext, args: argparse.Namespace) -> int:
    """Start the front end (Qt is imported only now, so other commands never load it)."""
    return ctx.ui().run_gui(ctx, args.page, args.screenshot)
