"""The ``import`` command: load a CSV/XLSX file of contacts, orders, lines, events, products."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.common import CliContext, UsageError, add_command
from workspace.errors import ImportFileError
from workspace.importer import KINDS, ImportResult, import_file
from workspace.imports.reasons import reason_text, write_report

# How many rejected rows the human-readable summary lists.
SHOWN_ERRORS = 10


def register(subparsers: Any) -> None:
    """Add the ``import`` command."""
    parser = add_command(subparsers, "import", run_import, "import a CSV or XLSX file")
    parser.add_argument("kind", choices=KINDS, help="what the file holds")
    parser.add_argument("file", help="CSV or XLSX file")
    parser.add_argument(
        "--map", action="append", default=[], metavar="SRC=DST",
        help="map file column SRC to canonical column DST (or custom.NAME, or - to skip)",
    )
    parser.add_argument("--encoding", help="encoding of a CSV file (default: detected)")
    parser.add_argument("--delimiter", help="',', ';' or tab (default: detected)")
    parser.add_argument("--report", metavar="FILE", help="write rejected rows as CSV (line,reason)")
    parser.add_argument(
        "--strict", action="store_true", help="reject the whole file on the first bad row"
    )


def parse_maps(items: list[str]) -> dict[str, str | None]:
    """``["Почта=email", "Ник=custom.nick"]`` → a mapping for :func:`import_file`."""
    mapping: dict[str, str | None] = {}
    for item in items:
        source, sep, destination = item.rpartition("=")
        if not sep or not source.strip() or not destination.strip():
            raise UsageError(f"--map wants SRC=DST, not {item!r}")
        mapping[source] = destination.strip()
    return mapping


def _summary(result: ImportResult, strict: bool, lang: str) -> str:
    if strict and result.rejected:
        error = result.errors[0]
        return (f"File rejected (--strict), nothing imported: line {error.line}: "
                f"{reason_text(error, lang)}")
    lines = [
        f"{result.kind}: {result.imported} imported, {result.updated} updated, "
        f"{result.unchanged} unchanged, {result.rejected} rejected"
    ]
    for error in result.errors[:SHOWN_ERRORS]:
        lines.append(f"  line {error.line}: {reason_text(error, lang)}")
    if result.rejected > SHOWN_ERRORS:
        lines.append(f"  ... and {result.rejected - SHOWN_ERRORS} more (see --report)")
    return "\n".join(lines)


def run_import(ctx: CliContext, args: argparse.Namespace) -> int:
    """Import the file; exit 1 only when ``--strict`` rejected it."""
    mapping = parse_maps(args.map)
    path = Path(args.file)
    if not path.is_file():
        raise ImportFileError(f"file {path} does not exist" if not path.exists()
                              else f"{path} is not a file")
    result = import_file(
        ctx.engine(), args.kind, path,
        mapping=mapping or None,
        encoding=args.encoding,
        delimiter=args.delimiter,
        strict=args.strict,
        progress=ctx.progress_printer("import"),
    )
    lang = ctx.lang or "en"
    if args.report:
        write_report(Path(args.report), result.errors, lang)
    ctx.emit(
        {
            "kind": result.kind,
            "imported": result.imported,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "rejected": result.rejected,
            "errors": [{"line": e.line, "reason": reason_text(e, lang), "code": e.code}
                       for e in result.errors],
        },
        _summary(result, args.strict, lang),
    )
    return 1 if args.strict and result.rejected else 0
