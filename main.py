"""Konvert: composition root. Parses the command line and starts the GUI or a command."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from datetime import date

from cli.common import CliContext, ClosingShooter, UsageError
from kerrors import KonvertError

# Each module has ``register(subparsers)``; the order is the order in --help.
COMMAND_MODULES = (
    "cli.gui",
    "cli.importing",
    "cli.demo",
    "cli.segment",
    "cli.template",
    "cli.bundle",
)


class QtFrontEnd:
    """The Qt desktop front end for the commands; PySide6 loads only when called."""

    def run_gui(self, ctx: CliContext, page: str, screenshot: str | None) -> int:
        """Open the app (``konvert gui``)."""
        from ui.app import run

        return run(ctx.engine, ctx.today, lang=ctx.lang, page=page, screenshot=screenshot)

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


def build_parser() -> argparse.ArgumentParser:
    """The full command-line parser: global options, then one command."""
    parser = _Parser(
        prog="konvert",
        description="Konvert: email campaigns for e-commerce, composed on your desktop.",
    )
    parser.add_argument(
        "--workspace",
        default=os.environ.get("KONVERT_WORKSPACE"),
        help="SQLAlchemy URL or path of a SQLite file (default: your workspace)",
    )
    parser.add_argument("--today", help="reference date YYYY-MM-DD for relative conditions")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--lang", choices=("ru", "en"), help="language of messages and UI")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _parse_today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--today must be YYYY-MM-DD, not {value!r}") from exc


def main(argv: list[str] | None = None) -> int:
    """Run Konvert with ``argv``; returns the exit status."""
    logging.basicConfig(level=os.environ.get("KONVERT_LOG", "WARNING"))
    argv = list(sys.argv[1:] if argv is None else argv)
    ctx: CliContext | None = None
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:  # no command: open the app
            args = parser.parse_args([*argv, "gui"])
        ctx = CliContext(
            workspace=args.workspace,
            today=_parse_today(args.today),
            json=args.json,
            lang=args.lang or "",
            front_end=QtFrontEnd(),
        )
        return int(args.handler(ctx, args))
    except KonvertError as exc:
        # One line, as scripts expect (driver messages can span several).
        reason = " ".join(part.strip() for part in str(exc).splitlines() if part.strip())
        sys.stderr.write(f"konvert: {reason}\n")
        return exc.exit_code
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
