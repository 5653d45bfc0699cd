"""``campaign`` (create, list, show, delete, results, winner) and ``ab`` (size, analyze)."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from campaigns import (
    Analysis,
    CampaignDraft,
    CampaignError,
    CampaignInfo,
    PlanInputs,
    analyze,
    choose_winner,
    create_campaign,
    default_baseline,
    delete_campaign,
    get_campaign,
    group_sizes,
    list_campaigns,
    load_results,
    make_plan,
    parse_split,
    read_results_file,
    sample_size,
    store_results,
)
from campaigns.planner import percent
from cli.common import CliContext, UsageError, add_command


def _ru(ctx: CliContext) -> bool:
    return ctx.lang == "ru"


def _rate(value: str, option: str, *, allow_negative: bool = False) -> float:
    """``0.03`` or ``3%`` → 0.03."""
    text = value.strip().replace(",", ".")
    try:
        number = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise UsageError(f"{option} must be a number such as 0.05 or 5%, not {value!r}") from None
    low = -1.0 if allow_negative else 0.0
    if not low < number < 1 and not (allow_negative and number >= 1):
        raise UsageError(f"{option} must be a fraction such as 0.05 (or 5%), not {value!r}")
    return number


def _lift(value: str) -> float:
    number = _rate(value, "--lift", allow_negative=True)
    if number == 0 or number <= -1:
        raise UsageError(f"--lift must be a relative change such as 0.1 (10%), not {value!r}")
    return number


def _send_at(value: str | None) -> datetime | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"):
        try:
            return datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
    raise UsageError(f"--send-at must be YYYY-MM-DD hh:mm, not {value!r}")


def _groups_json(info: CampaignInfo, sizes: dict[str, int]) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = [
        {"variant": v.label, "subject": v.subject, "preheader": v.preheader,
         "share": info.shares[i], "size": sizes.get(v.label, 0)}
        for i, v in enumerate(info.variants)]
    groups.append({"variant": "rest", "share": info.rest_share, "size": sizes.get("rest", 0)})
    return groups


def _campaign_json(ctx: CliContext, info: CampaignInfo) -> dict[str, Any]:
    sizes = group_sizes(ctx.engine(), info.name, ctx.today)
    return {"name": info.name, "template": info.template_name, "segment": info.segment_name,
            "state": info.state, "metric": info.metric, "shares": list(info.shares),
            "send_at": info.send_at.isoformat(sep=" ", timespec="minutes")
            if info.send_at else None,
            "timezone": info.timezone, "frozen": info.frozen, "winner": info.winner,
            "plan": info.plan, "groups": _groups_json(info, sizes)}


def _groups_text(ctx: CliContext, data: dict[str, Any]) -> str:
    lines = []
    for g in data["groups"]:
        name = g["variant"]
        if name == "rest":
            label = "остаток для победителя" if _ru(ctx) else "remainder for the winner"
            lines.append(f"  {label}: {g['size']} ({g['share']:g} %)")
        else:
            lines.append(f"  {name}: {g['size']} ({g['share']:g} %)  «{g['subject']}»")
    return "\n".join(lines)


def _create(ctx: CliContext, args: argparse.Namespace) -> int:
    engine = ctx.engine()
    subjects = list(args.subject or [])
    if len(subjects) < 2:
        raise UsageError("give at least two --subject options (one per variant)")
    shares = parse_split(args.split, len(subjects)) if args.split else None
    from composer import ComposerError, load_template

    try:
        scenario = load_template(engine, args.template).scenario
    except ComposerError as exc:
        raise CampaignError(str(exc)) from None
    baseline = (_rate(args.baseline, "--baseline") if args.baseline
                else default_baseline(args.metric, scenario))
    plan = PlanInputs(baseline=baseline, lift=_lift(args.lift) if args.lift else 0.10,
                      alpha=_rate(args.alpha, "--alpha"), power=_rate(args.power, "--power"))
    draft = CampaignDraft(
        name=args.campaign_name, template=args.template, segment=args.segment,
        subjects=subjects, preheaders=list(args.preheader or []), shares=shares,
        metric=args.metric, send_at=_send_at(args.send_at), timezone=args.timezone,
        plan=plan.as_dict())
    info = create_campaign(engine, draft, ctx.today)
    data = _campaign_json(ctx, info)
    head = (f"кампания «{info.name}» создана" if _ru(ctx)
            else f"campaign '{info.name}' created")
    ctx.emit(data, head + "\n" + _groups_text(ctx, data))
    return 0


def _list(ctx: CliContext, args: argparse.Namespace) -> int:
    items = list_campaigns(ctx.engine())
    data = [{"name": c.name, "template": c.template_name, "segment": c.segment_name,
             "variants": len(c.variants), "state": c.state, "metric": c.metric,
             "winner": c.winner} for c in items]
    text = "\n".join(f"{c.name}\t{c.state}\t{c.template_name}\t{c.segment_name}" for c in items)
    ctx.emit(data, text)
    return 0


def _analysis_for(ctx: CliContext, info: CampaignInfo, metric: str | None,
                  alpha: float | None) -> Analysis | None:
    results = load_results(ctx.engine(), info.name)
    if not results:
        return None
    plan_alpha = float(info.plan.get("alpha", 0.05)) if info.plan else 0.05
    return analyze(results, metric=metric or info.metric, alpha=alpha or plan_alpha,
                   planned_per_variant=_planned(info))


def _planned(info: CampaignInfo) -> int | None:
    if not info.plan or "baseline" not in info.plan:
        return None
    inputs = PlanInputs.from_dict(info.plan, float(info.plan["baseline"]))
    try:
        return sample_size(inputs.baseline, inputs.lift, alpha=inputs.alpha,
                           power=inputs.power, variants=len(info.variants))
    except ValueError:
        return None


_STATE_RU = {"draft": "черновик", "exported": "выгружена", "results_in": "есть результаты",
             "winner_chosen": "победитель выбран", "winner_exported": "победитель выгружен"}


def _pct(ru: bool, value: float) -> str:
    """A rate as '5.7 %', with a decimal comma in Russian ('5,7 %')."""
    return percent(value).replace(".", ",") if ru else percent(value)


_METRIC_RU = {"opens": "открытиям", "clicks": "кликам", "conversions": "покупкам"}


def _show(ctx: CliContext, args: argparse.Namespace) -> int:
    engine = ctx.engine()
    info = get_campaign(engine, args.campaign_name)
    data = _campaign_json(ctx, info)
    sendable = sum(g["size"] for g in data["groups"])
    if info.plan and "baseline" in info.plan:
        inputs = PlanInputs.from_dict(info.plan, float(info.plan["baseline"]))
        plan = make_plan(inputs, sendable=sendable, shares=info.shares,
                         variants=len(info.variants))
        data["planner"] = {
            "per_variant": plan.per_variant, "sendable": sendable,
            "detectable_lift": plan.detectable_lift,
            "shares_needed": list(plan.shares_needed) if plan.shares_needed else None}
    data["results"] = [r.__dict__ for r in load_results(engine, info.name)]
    analysis = _analysis_for(ctx, info, None, None)
    data["analysis"] = analysis.as_dict() if analysis else None
    state = _STATE_RU.get(info.state, info.state) if _ru(ctx) else info.state.replace("_", " ")
    lines = [f"{info.name}: {state}, {info.template_name} → {info.segment_name}",
             _groups_text(ctx, data)]
    if "planner" in data:
        p = data["planner"]
        lift = _pct(_ru(ctx), p["detectable_lift"]) if p["detectable_lift"] else "—"
        if _ru(ctx):
            metric = _METRIC_RU.get(info.metric, info.metric)
            lines.append(f"  заметный прирост по {metric}: {lift}; "
                         f"нужно на вариант: {p['per_variant']}")
        else:
            lines.append(f"  detectable lift in {info.metric}: {lift}; "
                         f"needed per variant: {p['per_variant']}")
    if analysis:
        lines.append(_analysis_text(ctx, analysis))
    ctx.emit(data, "\n".join(lines))
    return 0


def _delete(ctx: CliContext, args: argparse.Namespace) -> int:
    delete_campaign(ctx.engine(), args.campaign_name)
    name = args.campaign_name.strip()
    ctx.emit({"deleted": name},
             f"кампания «{name}» удалена" if _ru(ctx) else f"campaign '{name}' deleted")
    return 0


def _results(ctx: CliContext, args: argparse.Namespace) -> int:
    engine = ctx.engine()
    info = get_campaign(engine, args.campaign_name)
    path = Path(args.file)
    results = read_results_file(path, labels=info.labels)
    store_results(engine, info.name, results, source=f"csv:{path.name}")
    info = get_campaign(engine, info.name)
    analysis = _analysis_for(ctx, info, None, None)
    data = {"name": info.name, "imported": len(results), "state": info.state,
            "analysis": analysis.as_dict() if analysis else None}
    text_out = (f"{len(results)} variant results imported into '{info.name}'"
                if not _ru(ctx) else f"результаты {len(results)} вариантов загружены")
    if analysis:
        text_out += "\n" + _analysis_text(ctx, analysis)
    ctx.emit(data, text_out)
    return 0


def _winner(ctx: CliContext, args: argparse.Namespace) -> int:
    engine = ctx.engine()
    info = get_campaign(engine, args.campaign_name)
    label = args.variant
    if label is None:
        analysis = _analysis_for(ctx, info, None, None)
        if analysis is None:
            raise CampaignError(f"campaign '{info.name}' has no results yet")
        if analysis.winner is None:
            ctx.emit({"name": info.name, "winner": None}, _analysis_text(ctx, analysis))
            return 1
        label = analysis.winner
    choose_winner(engine, info.name, label)
    ctx.emit({"name": info.name, "winner": label},
             f"победитель: {label}" if _ru(ctx) else f"winner: {label}")
    return 0


def _size(ctx: CliContext, args: argparse.Namespace) -> int:
    baseline = _rate(args.baseline, "--baseline")
    lift = _lift(args.lift)
    alpha = _rate(args.alpha, "--alpha")
    power = _rate(args.power, "--power")
    if not 2 <= args.variants <= 5:
        raise UsageError(f"--variants must be 2 to 5, not {args.variants}")
    try:
        n = sample_size(baseline, lift, alpha=alpha, power=power, variants=args.variants)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    data = {"per_variant": n, "total": n * args.variants, "baseline": baseline, "lift": lift,
            "alpha": alpha, "power": power, "variants": args.variants}
    text = (f"{n} контактов на вариант ({n * args.variants} всего)" if _ru(ctx)
            else f"{n} contacts per variant ({n * args.variants} in all)")
    ctx.emit(data, text)
    return 0


def _analysis_text(ctx: CliContext, analysis: Analysis) -> str:
    ru = _ru(ctx)
    lines = []
    for v in analysis.variants:
        p = "" if v.p_value is None else f"  p = {v.p_value:.4f}"
        p = p.replace(".", ",") if ru else p
        of = "из" if ru else "of"
        lines.append(f"  {v.variant}: {_pct(ru, v.rate)} "
                     f"[{_pct(ru, v.ci[0])} – {_pct(ru, v.ci[1])}] {of} {v.sent}{p}")
    if analysis.winner:
        lines.append(f"победитель: {analysis.winner}" if ru else f"winner: {analysis.winner}")
    elif analysis.more_per_variant:
        n = analysis.more_per_variant
        lines.append(f"пока нет победителя: нужно ещё около {n} на вариант" if ru
                     else f"not yet: about {n} more per variant")
    else:
        lines.append("пока нет победителя" if ru else "not yet: no clear difference")
    notes = {
        "opens-inflated": ("открытия завышены (Apple Mail Privacy Protection): решайте по кликам",
                           "opens are inflated by Apple Mail Privacy Protection: "
                           "decide on clicks"),
        "peeking": ("выборка меньше запланированной: не решайте раньше времени",
                    "fewer contacts than planned: do not decide early"),
        "few-conversions": ("меньше 100 конверсий на вариант: решение ненадёжно",
                            "fewer than 100 conversions per variant: not reliable yet"),
    }
    for code in analysis.warnings:
        ru_text, en_text = notes[code]
        lines.append(("! " + ru_text) if ru else ("! " + en_text))
    return "\n".join(lines)


def _analyze(ctx: CliContext, args: argparse.Namespace) -> int:
    alpha = _rate(args.alpha, "--alpha") if args.alpha else None
    if bool(args.results) == bool(args.campaign):
        raise UsageError("give either --results FILE or --campaign NAME")
    if args.campaign:
        info = get_campaign(ctx.engine(), args.campaign)
        analysis = _analysis_for(ctx, info, args.metric, alpha)
        if analysis is None:
            raise CampaignError(f"campaign '{info.name}' has no results yet")
    else:
        results = read_results_file(Path(args.results))
        analysis = analyze(results, metric=args.metric or "clicks", alpha=alpha or 0.05)
    ctx.emit(analysis.as_dict(), _analysis_text(ctx, analysis))
    return 0


def _no_action(ctx: CliContext, args: argparse.Namespace) -> int:
    raise UsageError(f"choose a sub-command: konvert {args.command} --help")


def register(subparsers: Any) -> None:
    """Add the ``campaign`` command group."""
    group = add_command(subparsers, "campaign", _no_action,
                        "campaigns with A/B subject variants")
    sub = group.add_subparsers(dest="campaign_command", parser_class=type(group))
    p = add_command(sub, "create", _create, "a campaign with A/B subject variants")
    p.add_argument("campaign_name", metavar="NAME")
    p.add_argument("--template", required=True, metavar="T")
    p.add_argument("--segment", required=True, metavar="S",
                   help="a saved segment or a ready-made segment's id")
    p.add_argument("--subject", action="append", metavar="TEXT",
                   help="a variant's subject (2 to 5 times)")
    p.add_argument("--preheader", action="append", metavar="TEXT",
                   help="a variant's preheader, in the order of --subject")
    p.add_argument("--split", metavar="10,10,80",
                   help="percent per variant, then the remainder (default 10 each)")
    p.add_argument("--metric", choices=("clicks", "opens", "conversions"), default="clicks")
    p.add_argument("--send-at", metavar="'YYYY-MM-DD hh:mm'")
    p.add_argument("--timezone", metavar="TZ", help="e.g. Europe/Moscow")
    p.add_argument("--baseline", metavar="RATE", help="plan: baseline rate (default per "
                   "metric and scenario)")
    p.add_argument("--lift", metavar="REL", help="plan: relative lift to detect (default 0.1)")
    p.add_argument("--alpha", default="0.05", metavar="A")
    p.add_argument("--power", default="0.8", metavar="P")
    add_command(sub, "list", _list, "every campaign")
    for name, handler, text in (("show", _show, "a campaign with its groups, plan and results"),
                                ("delete", _delete, "delete a campaign")):
        p = add_command(sub, name, handler, text)
        p.add_argument("campaign_name", metavar="NAME")
    p = add_command(sub, "results", _results,
                    "import results (CSV variant,sent,opens,clicks,conversions)")
    p.add_argument("campaign_name", metavar="NAME")
    p.add_argument("--file", required=True, metavar="F")
    p = add_command(sub, "winner", _winner,
                    "choose the winner (the analysis's, or --variant)")
    p.add_argument("campaign_name", metavar="NAME")
    p.add_argument("--variant", metavar="LABEL")



def register_ab(subparsers: Any) -> None:
    """Add the ``ab`` command group (sample size, analysis)."""
    group = add_command(subparsers, "ab", _no_action, "A/B sample size and analysis")
    sub = group.add_subparsers(dest="ab_command", parser_class=type(group))
    p = add_command(sub, "size", _size, "sample size per variant")
    p.add_argument("--baseline", required=True, metavar="RATE")
    p.add_argument("--lift", required=True, metavar="REL")
    p.add_argument("--alpha", default="0.05", metavar="A")
    p.add_argument("--power", default="0.8", metavar="P")
    p.add_argument("--variants", type=int, default=2, metavar="K")
    p = add_command(sub, "analyze", _analyze, "rates, intervals, significance, winner")
    p.add_argument("--results", metavar="FILE")
    p.add_argument("--campaign", metavar="NAME")
    p.add_argument("--metric", choices=("opens", "clicks", "conversions"))
    p.add_argument("--alpha", metavar="A")


__all__ = ["register", "register_ab"]
