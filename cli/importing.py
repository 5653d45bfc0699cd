"""The ``import`` command: load a CSV/XLSX file of contacts, orders, lines, events, products."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cli.common import CliContext, UsageError, add_command
from workspace.errors import ImportFileError, KonvertError
from workspace.importer import KINDS, ImportResult, import_file
from workspace.imports.limits import ImportLimits, load_limits
from workspace.imports.reasons import RowError, reason_text, write_report

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
    parser.add_argument(
        "--report", metavar="FILE",
        help="write rejected rows and warnings as CSV (line,reason,severity,column,code)")
    parser.add_argument(
        "--max-rows", type=int, metavar="N",
        help="refuse a file of more than N rows (default: the workspace setting, 3,000,000)")
    parser.add_argument(
        "--max-unpacked-mb", type=int, metavar="MB",
        help="refuse an XLSX that unpacks to more than MB megabytes (default: the workspace "
             "setting, 1024)")
    parser.add_argument(
        "--strict", action="store_true",
        help="refuse the whole file on the first rejected row or warning")


def parse_maps(items: list[str]) -> dict[str, str | None]:
    """``["Почта=email", "Ник=custom.nick"]`` → a mapping for :func:`import_file`."""
    mapping: dict[str, str | None] = {}
    for item in items:
        source, sep, destination = item.rpartition("=")
        if not sep or not source.strip() or not destination.strip():
            raise UsageError(f"--map wants SRC=DST, not {item!r}")
        mapping[source] = destination.strip()
    return mapping


def _where(item: RowError) -> str:
    return f"line {item.line}" + (f", column {item.column}" if item.column else "")


def _summary(result: ImportResult, lang: str) -> str:
    if result.refused:
        first = (result.errors or result.warnings)[0]
        return (f"File rejected (--strict), nothing imported: {_where(first)}: "
                f"{reason_text(first, lang)}")
    counts = (f"{result.kind}: {result.imported} imported, {result.updated} updated, "
              f"{result.unchanged} unchanged, {result.rejected} rejected")
    if result.removed:
        counts += f", {result.removed} removed"
    if result.warnings:
        counts += f", {len(result.warnings)} warnings"
    lines = [counts]
    for error in result.errors[:SHOWN_ERRORS]:
        lines.append(f"  {_where(error)}: {reason_text(error, lang)}")
    if result.rejected > SHOWN_ERRORS:
        lines.append(f"  ... and {result.rejected - SHOWN_ERRORS} more (see --report)")
    for warning in result.warnings[:SHOWN_ERRORS]:
        lines.append(f"  warning: {_where(warning)}: {reason_text(warning, lang)}")
    if len(result.warnings) > SHOWN_ERRORS:
        lines.append(f"  ... and {len(result.warnings) - SHOWN_ERRORS} more warnings "
                     "(see --report)")
    return "\n".join(lines)


def _problem(item: RowError, lang: str) -> dict[str, object]:
    return {"line": item.line, "column": item.column or None, "code": item.code,
            "reason": reason_text(item, lang)}


def _say_waiting() -> None:
    sys.stderr.write("konvert: another import is writing to this workspace; "
                     "waiting for it to finish...\n")
    sys.stderr.flush()


def run_import(ctx: CliContext, args: argparse.Namespace) -> int:
    """Import the file; exit 1 only when ``--strict`` refused it (130 on Ctrl+C)."""
    mapping = parse_maps(args.map)
    path = Path(args.file)
    if not path.is_file():
        raise ImportFileError(f"file {path} does not exist" if not path.exists()
                              else f"{path} is not a file")
    limits = None
    if args.max_rows is not None or args.max_unpacked_mb is not None:
        with ctx.engine().connect() as conn:
            stored = load_limits(conn)
        limits = ImportLimits(
            max_rows=stored.max_rows if args.max_rows is None else args.max_rows,
            max_decompressed_mb=(stored.max_decompressed_mb if args.max_unpacked_mb is None
                                 else args.max_unpacked_mb))
        try:
            limits.validate()
        except KonvertError as exc:
            raise UsageError(str(exc).replace("max_decompressed_mb", "--max-unpacked-mb")
                             .replace("max_rows", "--max-rows")) from exc
    result = import_file(
        ctx.engine(), args.kind, path,
        mapping=mapping or None,
        encoding=args.encoding,
        delimiter=args.delimiter,
        strict=args.strict,
        progress=ctx.progress_printer("import"),
        waiting=_say_waiting,
        limits=limits,
    )
    lang = ctx.lang or "en"
    if args.report:
        write_report(Path(args.report), result.errors, lang, result.warnings)
    ctx.emit(
        {
            "kind": result.kind,
            "imported": result.imported,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "rejected": result.rejected,
            "removed": result.removed,
            "refused": result.refused,
            "errors": [_problem(e, lang) for e in result.errors],
            "warnings": [_problem(w, lang) for w in result.warnings],
        },
        _summary(result, lang),
    )
    return 1 if result.refused else 0
