"""What the API exporters share: a plan of steps, resumed from the workspace.

An export is a list of :class:`Step` objects, each creating one object at the
ESP under a stable key (``campaign:7/list``, ``campaign:7/import:A:0``...).
`PlanRun.run` skips a step whose key is recorded in ``export_objects``
(created by an earlier, interrupted run) and records each new object the
moment the ESP returned its id, so the same command run again resumes and
never creates anything twice. When a step fails, the error names what was
done and what was not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from esp.errors import ExportError
from esp.history import find_object, finish_export, record_object
from esp.http import ExportCancelled
from esp.words import tr

Progress = Callable[[int, int], None]
StepLog = Callable[[str], None]


@dataclass(frozen=True)
class CreatedInfo:
    """An object of this export: created now, or found from an earlier run."""

    kind: str
    key: str
    remote_id: str | None
    created: bool
    label: str
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The object as ``--json`` names it."""
        return {"kind": self.kind, "key": self.key, "id": self.remote_id,
                "what": self.label, **({"details": self.details} if self.details else {})}


@dataclass(frozen=True)
class ExportOutcome:
    """What an export did: objects created now or found, and dry-run requests."""

    target: str
    campaign: str
    campaign_id: int
    dry_run: bool
    winner: bool
    export_id: int | None
    objects: tuple[CreatedInfo, ...]
    requests: tuple[str, ...] = ()
    variants: tuple[dict[str, Any], ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def created(self) -> tuple[CreatedInfo, ...]:
        """Objects created by this run."""
        return tuple(o for o in self.objects if o.created)

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` document: what was created, with ids."""
        data: dict[str, Any] = {
            "target": self.target, "campaign": self.campaign, "dry_run": self.dry_run,
            "winner": self.winner, "export_id": self.export_id,
            "variants": list(self.variants),
            "created": [o.to_json() for o in self.objects if o.created],
            "already_done": [o.to_json() for o in self.objects if not o.created],
        }
        data.update(self.extra)
        if self.dry_run:
            data["requests"] = list(self.requests)
        return data


@dataclass(frozen=True)
class StepResult:
    """What a step's call returned: the ESP's id and details to record."""

    remote_id: str | None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class Step:
    """One object to create: its key, kind, words for the user, and the call."""

    key: str
    kind: str
    label: str
    run: Callable[[], StepResult]
    weight: int = 1  # for the progress bar: contacts in an import batch, else 1
    batch_of: str | None = None  # "contacts of group A" for batch steps (folded in summaries)
    record: bool = True  # False: an update that runs every time and is not recorded


@dataclass
class PlanRun:
    """Runs a plan against the workspace's records (see :meth:`run`)."""

    engine: Engine
    target: str
    campaign_id: int
    export_id: int | None
    dry_run: bool
    progress: Progress | None = None
    lang: str = "en"
    on_step: StepLog | None = None
    objects: list[CreatedInfo] = field(default_factory=list)
    ids: dict[str, str | None] = field(default_factory=dict)

    def log(self, text: str) -> None:
        """Add a line to the step log."""
        if self.on_step is not None:
            self.on_step(text)

    def known(self, key: str) -> str | None:
        """The remote id recorded (or created in this run) under ``key``."""
        if key in self.ids:
            return self.ids[key]
        found = find_object(self.engine, self.target, key)
        return None if found is None else found.remote_id

    def details(self) -> dict[str, Any]:
        """What this run created and found already done (the history's ``details``)."""
        return {"created": [o.to_json() for o in self.objects if o.created],
                "already_done": len([o for o in self.objects if not o.created])}

    def run_recorded(self, steps: list[Step], service: str) -> None:
        """:meth:`run`, then the export's history entry says how it ended (ok, failed,
        cancelled or interrupted) with what was created; the error is raised again."""
        try:
            self.run(steps, service)
        except ExportCancelled as exc:
            self._finish("cancelled", str(exc))
            raise
        except ExportError as exc:
            self._finish("failed", str(exc))
            raise
        except KeyboardInterrupt:
            self._finish("cancelled", "interrupted")
            raise
        self._finish("ok", None)

    def _finish(self, result: str, message: str | None) -> None:
        if self.export_id is not None:
            finish_export(self.engine, self.export_id, result, message, self.details())

    def run(self, steps: list[Step], service: str) -> None:
        """Run ``steps`` in order; skip the recorded ones; record each new object."""
        total = sum(s.weight for s in steps)
        done = 0
        if self.progress is not None:
            self.progress(0, total)
        for index, step in enumerate(steps):
            found = find_object(self.engine, self.target, step.key) if step.record else None
            if found is not None:
                self.ids[step.key] = found.remote_id
                self.objects.append(CreatedInfo(step.kind, step.key, found.remote_id, False,
                                                step.label, dict(found.details)))
                self.log("= " + tr(self.lang, "{label}: already done ({id})", label=step.label,
                                   id=_id_text(self.lang, found.remote_id, found.details)))
            else:
                try:
                    result = step.run()
                except ExportCancelled:
                    raise ExportCancelled(_summary(
                        self.lang, tr(self.lang, "{service} export cancelled", service=service),
                        steps, index, self.dry_run)) from None
                except ExportError as exc:
                    raise ExportError(_summary(self.lang, str(exc), steps, index,
                                               self.dry_run)) from None
                self.ids[step.key] = result.remote_id
                if not step.record:
                    verb = "{label}: would update ({id})" if self.dry_run \
                        else "{label}: updated ({id})"
                    self.log("+ " + tr(self.lang, verb, label=step.label,
                                       id=_id_text(self.lang, result.remote_id,
                                                   result.details)))
                elif not self.dry_run:
                    record_object(self.engine, self.target, step.key, step.kind,
                                  result.remote_id, campaign_id=self.campaign_id,
                                  export_id=self.export_id, details=result.details)
                if step.record:
                    self.objects.append(CreatedInfo(step.kind, step.key, result.remote_id,
                                                    True, step.label, result.details))
                    verb = "{label}: would create ({id})" if self.dry_run \
                        else "{label}: created ({id})"
                    self.log("+ " + tr(self.lang, verb, label=step.label,
                                       id=_id_text(self.lang, result.remote_id,
                                                   result.details)))
            done += step.weight
            if self.progress is not None:
                self.progress(done, total)


def _id_text(lang: str, remote_id: str | None, details: dict[str, Any] | None = None) -> str:
    if remote_id:
        return tr(lang, "id {id}", id=remote_id)
    if details and isinstance(details.get("rows"), int):
        return tr(lang, "{n} contact(s)", n=details["rows"])
    return tr(lang, "no id")


def _summary(lang: str, reason: str, steps: list[Step], failed: int, dry_run: bool) -> str:
    """``reason`` plus what was done and what was not, in plain words."""
    done = _compact(lang, steps[:failed])
    not_done = _compact(lang, steps[failed:])
    parts = [reason.rstrip(".") + "."]
    parts.append(tr(lang, "Done: {what}.", what=done or tr(lang, "nothing")))
    parts.append(tr(lang, "Not done: {what}.", what=not_done))
    if not dry_run and done:
        parts.append(tr(lang, "What was done is recorded; run the same export again to "
                              "continue without creating anything twice."))
    elif not dry_run:
        parts.append(tr(lang, "Nothing was created; run the same export again once this is "
                              "fixed."))
    return " ".join(parts)


def _compact(lang: str, steps: list[Step]) -> str:
    """Step labels joined; batches of one group folded into one phrase with their count."""
    items: list[str | list[Any]] = []
    folded: dict[str, list[Any]] = {}
    for step in steps:
        if step.batch_of is None:
            items.append(step.label)
        elif step.batch_of in folded:
            folded[step.batch_of][1] += 1
        else:
            entry: list[Any] = [step.batch_of, 1]
            folded[step.batch_of] = entry
            items.append(entry)
    text = []
    for item in items:
        if isinstance(item, list):
            template = "{what} ({n} batch)" if item[1] == 1 else "{what} ({n} batches)"
            text.append(tr(lang, template, what=item[0], n=item[1]))
        else:
            text.append(item)
    return "; ".join(text)


def describe(key: str, lang: str, details: dict[str, Any] | None = None) -> str:
    """Words for a recorded object's key, in ``lang`` (the history shows old runs this way).

    ``campaign:7/import:A:0`` → "contacts of group A, batch 1"; unknown keys as they are.
    """
    details = details or {}
    _, _, rest = key.partition("/")
    parts = rest.split(":")
    kind = parts[0]

    def group(label: str) -> str:
        return tr(lang, "the remainder") if label == "rest" else tr(lang, "group {label}",
                                                                     label=label)

    def batch(number: str) -> str:
        return tr(lang, "batch {n}", n=int(number) + 1) if number.isdigit() else number

    if kind == "list":
        return tr(lang, "list «{title}»", title=details.get("title", "?"))
    if kind == "import" and len(parts) == 3:
        return (tr(lang, "contacts of {group}", group=group(parts[1])) + ", "
                + batch(parts[2]))
    if kind == "go-send" and len(parts) == 3:
        return tr(lang, "sending to {group}", group=group(parts[1])) + ", " + batch(parts[2])
    if kind in ("message", "campaign") and len(parts) == 2:
        label = parts[1]
        if label == "rest":
            template = ("message of the winner {label} for the remainder" if kind == "message"
                        else "campaign of the winner {label} for the remainder")
            return tr(lang, template, label=details.get("variant", "?"))
        return tr(lang, f"{kind} of variant {{label}}", label=label)
    if kind == "go-template" and len(parts) == 2:
        return tr(lang, "template of variant {label}", label=parts[1])
    return key
