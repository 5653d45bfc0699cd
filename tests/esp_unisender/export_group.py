"""A stand-in ``export`` command group for the tests (cli/export.py is export part 1's)."""

from __future__ import annotations

from typing import Any

from cli.common import add_command
from cli.export_unisender import add_unisender_commands


def register(subparsers: Any) -> None:
    group = add_command(subparsers, "export", lambda ctx, args: 2, "export a campaign")
    add_unisender_commands(group.add_subparsers(dest="export_command", parser_class=type(group)))
