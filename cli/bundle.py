"""The ``bundle`` command: the offline review bundle of a template or scenario series."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.common import CliContext, UsageError, add_command
from previews import DEFAULT_CONTACTS, build_bundle, resolve_target


def register(subparsers: Any) -> None:
    """Add the ``bundle`` command."""
    parser = add_command(subparsers, "bundle", run_bundle,
                         "offline review bundle: every email, desktop and phone, PNG and PDF")
    parser.add_argument("target", metavar="TEMPLATE_OR_SCENARIO",
                        help="a template name or a scenario id (e.g. abandoned_cart)")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write")
    parser.add_argument("--zip", action="store_true", help="also write DIR.zip beside it")
    parser.add_argument("--contacts", type=_positive, default=DEFAULT_CONTACTS, metavar="N",
                        help=f"sample recipients per email (default {DEFAULT_CONTACTS}: no "
                             "name, long name, big cart)")
    parser.add_argument("--no-download", action="store_true",
                        help="do not download the emails' web pictures (they stay links); "
                             "the demo shop's and local pictures are copied anyway")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise UsageError(f"--contacts must be a whole number, not {value!r}") from None
    if number < 1:
        raise UsageError(f"--contacts must be at least 1, not {number}")
    return number


def run_bundle(ctx: CliContext, args: argparse.Namespace) -> int:
    """Build the bundle; print the files written (relative to the folder)."""
    engine = ctx.engine()
    out = Path(args.out)
    resolve_target(engine, args.target)  # an unknown name fails before Qt starts
    shooter = ctx.ui().make_shooter()
    try:
        result = build_bundle(
            engine, args.target, out, contacts=args.contacts, shooter=shooter, zip=args.zip,
            progress=ctx.progress_printer("bundle"), today=ctx.today,
            download_images=not args.no_download,
        )
    finally:
        shooter.close()
    errors = sum(len(e.lint.errors) for e in result.emails)
    lines = [f"{out / 'index.html'}: {len(result.emails)} emails, {len(result.files)} files"]
    if result.zip_path:
        lines.append(f"zip: {result.zip_path}")
    if errors:
        lines.append(f"lint: {errors} errors (see the index)")
    copied = len(result.images) - len(result.remote_images)
    if copied:
        lines.append(f"images: {copied} copied into {out / 'images'}")
    for image in result.remote_images:
        lines.append(f"image stays remote: {image.url} ({image.error})")
    ctx.emit(result.to_json(), "\n".join(lines))
    return 0
