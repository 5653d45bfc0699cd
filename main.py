"""Konvert: composition root. Parses the command line and starts the GUI or a command."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sqlite3
import sys
from datetime import date

from cli.common import CliContext, ClosingShooter, UsageError
from kerrors import KonvertError

# name -> (module with ``register(subparsers)``, one-line help); the order is
# the order in --help. Only the module of the command being run is imported,
# so `--help` and `template render FILE` never load SQLAlchemy, Alembic or Qt
# (benchmarks/cli_start.py). The help here must match the module's own
# (tests/test_main.py checks).
COMMANDS: dict[str, tuple[str, str]] = {
    "gui": ("cli.gui", "open the desktop application"),
    "import": ("cli.importing", "import a CSV or XLSX file"),
    "demo": ("cli.demo", "create the demo clothing shop in an empty workspace"),
    "segment": ("cli.segment", "segments: count, members, save"),
    "template": ("cli.template", "email templates: list, render, lint"),
    "bundle": (
        "cli.bundle", "offline review bundle: every email, desktop and phone, PNG and PDF"
    ),
    "campaign": ("cli.campaign", "campaigns with A/B subject variants"),
    "ab": ("cli.campaign:register_ab", "A/B sample size and analysis"),
    "export": ("cli.export", "export to files, Mindbox and Unisender; the export history"),
    "stats": ("cli.stats", "results back from the email service"),
}


class QtFrontEnd:
    """The Qt desktop front end for the commands; PySide6 loads only when called."""

    def run_gui(self, ctx: CliContext, page: str, screenshot: str | None,
                size: tuple[int, int] | None = None) -> int:
        """Open the app (``konvert gui``); ``size`` resizes the window (e.g. 1280x720)."""
        from ui.app import run

        return run(ctx.engine, ctx.today, lang=ctx.lang, page=page, screenshot=screenshot,
                   size=size)

    def make_shooter(self) -> ClosingShooter:
        """A Qt WebEngine shooter on an offscreen QApplication, made only for this run."""
        try:
            from ui.webrender import WebShooter, ensure_application
        except ImportError as exc:
            from previews.errors import PreviewError

            raise PreviewError(
                f"screenshots and the PDF need Qt WebEngine (PySide6), which is missing: {exc}"
            ) from None
        ensure_application()
        return WebShooter()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workspace",
        default=os.environ.get("KONVERT_WORKSPACE"),
        help="SQLAlchemy URL or path of a SQLite file (default: your workspace)",
    )
    parser.add_argument("--today", help="reference date YYYY-MM-DD for relative conditions")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--lang", choices=("ru", "en"), help="language of messages and UI")


def command_in(argv: list[str]) -> str | None:
    """The command ``argv`` runs (its first word after the global options), if it is one."""
    pre = _Parser(add_help=False)
    _add_global_options(pre)
    try:
        _, rest = pre.parse_known_args(argv)
    except UsageError:
        return None
    word = next((arg for arg in rest if not arg.startswith("-")), None)
    return word if word in COMMANDS else None


def build_parser(command: str | None = None, *, every: bool = False) -> argparse.ArgumentParser:
    """The command-line parser: global options, then one command.

    Only ``command``'s module is imported and registers its options (all of
    them with ``every``); the others are listed with their help, for --help.
    """
    parser = _Parser(
        prog="konvert",
        description="Konvert: email campaigns for e-commerce, composed on your desktop.",
    )
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, (module, help_text) in COMMANDS.items():
        if every or name == command:
            module_name, _, function = module.partition(":")
            getattr(importlib.import_module(module_name), function or "register")(sub)
        else:
            sub.add_parser(name, help=help_text)
    return parser


def _is_database_error(exc: BaseException) -> bool:
    """A driver or SQLAlchemy database error (without importing SQLAlchemy for it)."""
    sa_exc = sys.modules.get("sqlalchemy.exc")
    database_errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
    if sa_exc is not None:
        database_errors += (sa_exc.DBAPIError,)
    return isinstance(exc, database_errors)


def _parse_today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--today must be YYYY-MM-DD, not {value!r}") from exc


def _fail(exc: KonvertError) -> int:
    # One line, as scripts expect (driver messages can span several).
    reason = " ".join(part.strip() for part in str(exc).splitlines() if part.strip())
    sys.stderr.write(f"konvert: {reason}\n")
    return exc.exit_code


def main(argv: list[str] | None = None) -> int:
    """Run Konvert with ``argv``; returns the exit status."""
    logging.basicConfig(level=os.environ.get("KONVERT_LOG", "WARNING"))
    argv = list(sys.argv[1:] if argv is None else argv)
    ctx: CliContext | None = None
    try:
        args = build_parser(command_in(argv)).parse_args(argv)
        if args.command is None:  # no command: open the app
            args = build_parser("gui").parse_args([*argv, "gui"])
        ctx = CliContext(
            workspace=args.workspace,
            today=_parse_today(args.today),
            json=args.json,
            lang=args.lang or "",
            front_end=QtFrontEnd(),
        )
        return int(args.handler(ctx, args))
    except KonvertError as exc:
        return _fail(exc)
    except Exception as exc:
        if not _is_database_error(exc):
            raise
        # A database error no command turned into words: still one plain line.
        from workspace.db import plain_database_error

        return _fail(plain_database_error(exc, ctx._engine.url if ctx and ctx._engine else None))
    except KeyboardInterrupt:
        sys.stderr.write("konvert: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`konvert ... | head`): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    finally:
        if ctx is not None:
            ctx.close()


if __name__ == "__main__":
    sys.exit(main())
