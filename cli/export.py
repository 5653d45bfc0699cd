"""The ``export`` command group: translation check, files, Mindbox, history."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cli.common import CliContext, UsageError, add_command
from esp.errors import ExportUsageError
from esp.files import FILE_TARGETS, export_files, slug
from esp.translate import TARGETS


def register(subparsers: Any) -> None:
    """Add ``export`` with its sub-commands."""
    parser = add_command(subparsers, "export", _no_action,
                         "export to files, Mindbox and Unisender; the export history")
    sub = parser.add_subparsers(dest="export_command", parser_class=type(parser))

    check = add_command(sub, "check", run_check,
                        "translation report for a target, before anything leaves")
    check.add_argument("name", metavar="CAMPAIGN_OR_TEMPLATE")
    check.add_argument("--target", required=True, choices=TARGETS)

    files = add_command(sub, "files", run_files,
                        "final HTML, text, .eml per variant and a ZIP with images")
    files.add_argument("name", metavar="CAMPAIGN_OR_TEMPLATE")
    files.add_argument("--out", required=True, metavar="DIR", help="folder to write")
    files.add_argument("--target", choices=FILE_TARGETS, default="plain",
                       help="merge-tag syntax of the files (default plain: rendered per "
                            "recipient)")
    files.add_argument("--contacts", metavar="FILE.csv",
                       help="with --target plain: render for each contact of this CSV")
    files.add_argument("--offline", action="store_true",
                       help="do not download images (the ZIP keeps their links)")

    mindbox = add_command(sub, "mindbox", run_mindbox,
                          "package for Mindbox's editor; bulk import and stats when "
                          "configured")
    mindbox.add_argument("name", metavar="CAMPAIGN")
    mindbox.add_argument("--out", metavar="DIR",
                         help="package folder (default: mindbox-CAMPAIGN)")
    mindbox.add_argument("--api-url", metavar="URL", help="Mindbox API address "
                         "(default: the setting, https://api.mindbox.ru)")
    mindbox.add_argument("--dry-run", action="store_true",
                         help="write the package and show the imports without sending")
    mindbox.add_argument("--no-import", action="store_true",
                         help="only the package, even when the API is configured")
    mindbox.add_argument("--stats", action="store_true",
                         help="fetch the mailing stats through the configured export "
                              "operation into the campaign's results")
    mindbox.add_argument("--since", metavar="YYYY-MM-DD",
                         help="with --stats: from this day (default: 30 days ago)")
    mindbox.add_argument("--report-file", metavar="FILE",
                         help="import a mailing report exported from Mindbox into the "
                              "campaign's results")
    mindbox.add_argument("--mailing", metavar="NAME",
                         help="with --stats/--report-file: only rows of this mailing")

    history = add_command(sub, "history", run_history, "the export history")
    history.add_argument("--limit", type=int, default=50)
    from cli.export_unisender import add_unisender_commands

    add_unisender_commands(sub)


def _no_action(ctx: CliContext, args: argparse.Namespace) -> int:
    raise UsageError("choose an export command: check, files, mindbox, unisender, "
                     "unisender-go or history")


def run_check(ctx: CliContext, args: argparse.Namespace) -> int:
    """Print the translation report; exit 1 when something cannot be expressed."""
    from campaigns import CampaignError, get_campaign
    from esp.prepare import prepare_campaign, prepare_template

    engine = ctx.engine()
    try:
        get_campaign(engine, args.name)
        _, report = prepare_campaign(engine, args.name, args.target, ctx.today,
                                     per_recipient=True, freeze=False, groups=False)
    except CampaignError:
        _, report = prepare_template(engine, args.name, args.target, ctx.today,
                                     per_recipient=True)
    lines = [report.summary(), "variables:"]
    lines += [f"  {v.name} -> {v.became} ({v.kind})" for v in report.variables]
    ctx.emit(report.to_json(), "\n".join(lines))
    return 0 if report.ok else 1


def run_files(ctx: CliContext, args: argparse.Namespace) -> int:
    """Write the files; print what was written."""
    if args.contacts and args.target != "plain":
        raise UsageError("--contacts goes with --target plain")
    result = export_files(ctx.engine(), args.name, Path(args.out), target=args.target,
                          today=ctx.today,
                          contacts_csv=Path(args.contacts) if args.contacts else None,
                          online=not args.offline)
    data = result.to_json()
    lines = [f"wrote {len(data['files'])} files into {args.out} (export {result.export_id})"]
    lines += [f"  {name}" for name in data["files"]]
    kept = data["images_kept_remote"]
    lines.append(f"images in the ZIP: {len(data['images_downloaded'])}; "
                 f"kept as links: {len(kept)}")
    lines += [f"  {i['url']}: {i['error']}" for i in kept]
    if result.report is not None and result.report.warnings:
        lines.append(result.report.summary())
    ctx.emit(data, "\n".join(lines))
    return 0


def run_mindbox(ctx: CliContext, args: argparse.Namespace) -> int:
    """Package, import, or stats for Mindbox (recorded in the export history)."""
    from esp import mindbox
    from esp.history import finish_export, start_export
    from esp.keys import get_key
    from esp.prepare import prepare_campaign

    engine = ctx.engine()
    settings = mindbox.load_settings(engine)
    if args.api_url:
        if not args.api_url.startswith(("http://", "https://")):
            raise UsageError(f"--api-url must start with https://, not {args.api_url!r}")
        settings = mindbox.MindboxSettings(**{**settings.__dict__, "api_url": args.api_url})
    if args.stats or args.report_file:
        return _mindbox_stats(ctx, args, settings)
    payload, report = prepare_campaign(engine, args.name, "mindbox", ctx.today,
                                       freeze=not args.dry_run)
    out = Path(args.out or f"mindbox-{slug(payload.campaign_name)}")
    will_import = settings.import_configured and not args.no_import
    key = None
    if will_import and not args.dry_run:
        key = get_key("mindbox")
    export_id = start_export(engine, "mindbox", f"campaign {payload.campaign_name}",
                             campaign_id=payload.campaign_id, details={"out": str(out)})
    try:
        files = mindbox.write_package(payload, report, out, settings)
        imports = (mindbox.import_groups(engine, payload, settings, key, dry_run=args.dry_run,
                                         export_id=export_id) if will_import else [])
    except Exception as exc:
        finish_export(engine, export_id, "failed", str(exc)[:500])
        raise
    data = {"export_id": export_id, "campaign": payload.campaign_name, "out": str(out),
            "files": [p.name for p in files], "imports": [i.to_json() for i in imports],
            "import_configured": settings.import_configured, "dry_run": args.dry_run,
            "warnings": [p.to_json() for p in report.warnings]}
    finish_export(engine, export_id, "dry-run" if args.dry_run else "ok",
                  f"{len(files)} files, {len(imports)} imports", details=data)
    if not args.dry_run:
        from campaigns import mark_exported

        mark_exported(engine, payload.campaign_name, ctx.today)
    lines = [f"Mindbox package for '{payload.campaign_name}' in {out}:"]
    lines += [f"  {p.name}" for p in files]
    if not settings.import_configured:
        lines.append("API import not configured (endpoint id and import operation): "
                     "load the contacts-*.csv files in Mindbox as ИНСТРУКЦИЯ.txt says")
    for i in imports:
        lines.append(f"  group {i.label}: {i.rows} contacts -> segment {i.segment} "
                     f"[{i.status}] transactionId {i.transaction_id}")
    if report.warnings:
        lines.append(report.summary())
    ctx.emit(data, "\n".join(lines))
    return 0


def _mindbox_stats(ctx: CliContext, args: argparse.Namespace, settings: Any) -> int:
    from esp import mindbox
    from esp.history import finish_export, start_export
    from esp.keys import get_key

    engine = ctx.engine()
    from campaigns import CampaignError, get_campaign

    try:
        info = get_campaign(engine, args.name)
    except CampaignError as exc:
        raise ExportUsageError(str(exc)) from None
    if args.report_file:
        try:
            raw = Path(args.report_file).read_bytes()
        except OSError as exc:
            raise UsageError(f"cannot read {args.report_file}: {exc.strerror or exc}") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1251", errors="replace")
        source = "mindbox-report-file"
    else:
        key = get_key("mindbox")
        till = datetime.combine(ctx.today, datetime.min.time()) + timedelta(days=1)
        try:
            since = (datetime.fromisoformat(args.since) if args.since
                     else till - timedelta(days=31))
        except ValueError:
            raise UsageError(f"--since must be YYYY-MM-DD, not {args.since!r}") from None
        text, source = mindbox.fetch_stats(settings, key, since, till), "mindbox-api"
    export_id = start_export(engine, "mindbox-stats", f"campaign {info.name}",
                             campaign_id=info.id)
    try:
        results = mindbox.store_report(engine, info.name, text, source, args.mailing)
    except Exception as exc:
        finish_export(engine, export_id, "failed", str(exc)[:500])
        raise
    rows = [{"variant": r.variant, "sent": r.sent, "opens": r.opens, "clicks": r.clicks}
            for r in results]
    finish_export(engine, export_id, "ok", f"results of {len(rows)} variants",
                  details={"results": rows, "source": source})
    ctx.emit({"export_id": export_id, "campaign": info.name, "results": rows},
             "\n".join(f"{r['variant']}: sent {r['sent']}, opens {r['opens']}, "
                       f"clicks {r['clicks']}" for r in rows))
    return 0


def run_history(ctx: CliContext, args: argparse.Namespace) -> int:
    """The export runs, newest first."""
    from esp.history import list_exports

    records = list_exports(ctx.engine(), limit=args.limit)
    data = [{"id": r.id, "at": r.at.isoformat(timespec="seconds"), "target": r.target,
             "subject": r.subject, "result": r.result, "message": r.message,
             "details": r.details} for r in records]
    ctx.emit(data, "\n".join(f"{r['id']:>4} {r['at']} {r['target']:<16} {r['result']:<8} "
                             f"{r['subject']}  {r['message'] or ''}" for r in data)
             or "no exports yet")
    return 0
