"""Plain words for the Campaigns page: numbers as a Russian or English reader reads them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale

from campaigns import Analysis, Plan


def tr(text: str) -> str:
    """Translate ``text`` (pyside6-lupdate files a free ``tr()`` under the empty context)."""
    return QCoreApplication.translate("", text)


def number(value: int) -> str:
    """1 366 in Russian, 1,366 in English (the UI locale's grouping)."""
    return QLocale().toString(value)


def pct(value: float, decimals: int | None = None) -> str:
    """0.123 → «12 %» / "12%": one decimal under 10 %."""
    points = value * 100
    digits = decimals if decimals is not None else (1 if abs(points) < 10 else 0)
    text = QLocale().toString(points, "f", digits)
    return tr("{0} %").format(text)


def shares_text(shares: Sequence[float]) -> str:
    """(40, 40, 20) → 40/40/20."""
    return "/".join(f"{s:g}" for s in shares)


def metric_name(metric: str) -> str:
    """The metric's name inside a sentence ("clicks")."""
    return {"clicks": tr("clicks"), "opens": tr("opens"),
            "conversions": tr("conversions")}.get(metric, metric)


def plan_verdict(plan: Plan, metric: str, shares: Sequence[float]) -> str:
    """"This test can detect a 12 % lift in clicks; for 5 % you need 40/40/20"."""
    lift = plan.inputs.lift
    if plan.sendable == 0:
        return tr("The segment has nobody to send to yet.")
    if plan.enough:
        return tr("This test can detect a {0} lift in {1} (you asked for {2}): the test "
                  "groups are large enough.").format(
            pct(plan.detectable_lift or lift), metric_name(metric), pct(lift))
    head = (tr("This test can detect a {0} lift in {1}.").format(
        pct(plan.detectable_lift), metric_name(metric)) if plan.detectable_lift
        else tr("These test groups are too small to detect any realistic lift in {0}.")
        .format(metric_name(metric)))
    if plan.shares_needed is not None:
        tail = tr("For {0} you need {1}.").format(pct(lift), shares_text(plan.shares_needed))
    else:
        tail = tr("For {0} even the whole segment is not enough: you need {1} contacts per "
                  "variant, the segment has {2}.").format(
            pct(lift), number(plan.per_variant), number(plan.sendable))
    return f"{head} {tail}"


def analysis_verdict(analysis: Analysis) -> str:
    """The winner, or "not yet" with how many more, in plain words."""
    metric = metric_name(analysis.metric)
    if analysis.winner:
        best = next(v for v in analysis.variants if v.variant == analysis.winner)
        control = analysis.variants[0]
        if best is control:
            return tr("Winner: variant {0}. Every other variant has significantly fewer {1}.") \
                .format(best.variant, metric)
        return tr("Winner: variant {0} — {1} {2} against {3} for variant {4} "
                  "(p = {5}).").format(
            best.variant, pct(best.rate), metric, pct(control.rate), control.variant,
            p_text(best.p_value))
    if analysis.more_per_variant:
        return tr("Not yet: no variant is significantly better. If the difference seen "
                  "holds, about {0} more contacts per variant would decide.").format(
            number(analysis.more_per_variant))
    return tr("Not yet: no variant is significantly better than the others.")


def p_text(p_value: float | None) -> str:
    """A p-value as people read it: "—" when none, "< 0.0001" for tiny ones."""
    if p_value is None:
        return "—"
    locale = QLocale()  # 0,3236 in Russian
    if p_value < 0.0001:
        return "< " + locale.toString(0.0001, "f", 4)
    return locale.toString(p_value, "f", 4)


def warning_text(code: str) -> str:
    """The warning with stable ``code`` in plain words."""
    texts = {
        "opens-inflated": tr("Opens are inflated: Apple Mail Privacy Protection opens mail by "
                             "itself. Decide on clicks."),
        "peeking": tr("Fewer contacts than planned got each variant: deciding now is "
                      "peeking and picks a false winner too often."),
        "few-conversions": tr("Fewer than 100 conversions per variant: aim for 100-200 "
                              "before deciding on conversions."),
    }
    return texts.get(code, code)
