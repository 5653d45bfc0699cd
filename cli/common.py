"""What every command shares: the context built from global options and output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kerrors import KonvertError

if TYPE_CHECKING:
    from sqlalchemy import Engine

Handler = Callable[["CliContext", argparse.Namespace], int]


class ClosingShooter(Protocol):
    """A :class:`previews.shots.Shooter` that holds a browser engine until closed."""

    def screenshot(self, html_path: Path, width: int, out_png: Path) -> None:
        """See :meth:`previews.shots.Shooter.screenshot`."""

    def pdf(self, html_path: Path, out_pdf: Path) -> None:
        """See :meth:`previews.shots.Shooter.pdf`."""

    def close(self) -> None:
        """Release the engine."""


class FrontEnd(Protocol):
    """What the commands need from the desktop front end, passed in by ``main.py``.

    The command line never imports ``ui`` (the layers say so): the composition
    root implements this with Qt, imported only when a command calls it.
    """

    def run_gui(self, ctx: CliContext, page: str, screenshot: str | None,
                size: tuple[int, int] | None = None) -> int:
        """Open the app on ``page`` (or save a screenshot of it); the exit status."""

    def make_shooter(self) -> ClosingShooter:
        """A browser engine for the review bundle's PNG and PDF."""


class UsageError(KonvertError):
    """Bad usage of a command (exit 2)."""


@dataclass
class CliContext:
    """Global options and lazily opened resources for one command run."""

    workspace: str | None
    today: date
    json: bool
    lang: str
    front_end: FrontEnd | None = field(default=None, repr=False)
    _engine: Engine | None = field(default=None, repr=False)

    def engine(self) -> Engine:
        """Open (create or upgrade) the workspace on first use."""
        if self._engine is None:
            from workspace.db import open_workspace

            self._engine = open_workspace(self.workspace)
        return self._engine

    def ui(self) -> FrontEnd:
        """The desktop front end, or a usage error in a build without one."""
        if self.front_end is None:
            raise UsageError("this command needs the desktop front end, which is not available")
        return self.front_end

    def close(self) -> None:
        """Release the workspace connections (PostgreSQL would keep them open)."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def emit(self, data: Any, text: str | None = None) -> None:
        """Print ``data`` as one JSON document with ``--json``, else ``text``."""
        if self.json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n")
        elif text is not None:
            sys.stdout.write(text.rstrip("\n") + "\n")
        else:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n")

    def progress_printer(self, label: str) -> Callable[[int, int], None]:
        """A ``progress(done, total)`` callback drawing a bar on stderr."""
        if self.json or not sys.stderr.isatty():
            return lambda done, total: None

        def progress(done: int, total: int) -> None:
            width = 30
            frac = done / total if total else 0.0
            bar = "#" * int(frac * width)
            sys.stderr.write(f"\r{label} [{bar:<{width}}] {done}/{total}")
            if total and done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()

        return progress


def add_command(
    subparsers: Any, name: str, handler: Handler, help_text: str
) -> argparse.ArgumentParser:
    """Add a sub-command whose handler is stored as ``args.handler``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(name, help=help_text)
    parser.set_defaults(handler=handler)
    return parser
