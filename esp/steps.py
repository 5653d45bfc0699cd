"""What the API exporters share: a plan of steps, resumed from the workspace.

An export is a list of :class:`Step` objects, each creating one object at the
ESP under a stable key (``campaign:7/list``, ``campaign:7/import:A:0``...).
:func:`run_plan` skips a step whose key is recorded in ``export_objects``
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
from esp.history import find_object, record_object
from esp.http import ExportCancelled

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
    record: bool = True  # False: an update that runs every time and is not recorded


@dataclass
class PlanRun:
    """Runs a plan against the workspace's records (see :func:`run_plan`)."""

    engine: Engine
    target: str
    campaign_id: int
    export_id: int | None
    dry_run: bool
    progress: Progress | None = None
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
                self.log(f"= {step.label}: already done ({_id_text(found.remote_id)})")
            else:
                try:
                    result = step.run()
                except ExportCancelled:
                    raise ExportCancelled(_summary(
                        f"{service} export cancelled", steps, index, self.dry_run)) from None
                except ExportError as exc:
                    raise ExportError(_summary(str(exc), steps, index, self.dry_run)) from None
                self.ids[step.key] = result.remote_id
                if not step.record:
                    verb = "would update" if self.dry_run else "updated"
                    self.log(f"+ {step.label}: {verb} ({_id_text(result.remote_id)})")
                elif not self.dry_run:
                    record_object(self.engine, self.target, step.key, step.kind,
                                  result.remote_id, campaign_id=self.campaign_id,
                                  export_id=self.export_id, details=result.details)
                if step.record:
                    self.objects.append(CreatedInfo(step.kind, step.key, result.remote_id,
                                                    True, step.label, result.details))
                    verb = "would create" if self.dry_run else "created"
                    self.log(f"+ {step.label}: {verb} ({_id_text(result.remote_id)})")
            done += step.weight
            if self.progress is not None:
                self.progress(done, total)


def _id_text(remote_id: str | None) -> str:
    return f"id {remote_id}" if remote_id else "no id"


def _summary(reason: str, steps: list[Step], failed: int, dry_run: bool) -> str:
    """``reason`` plus what was done and what was not, in plain words."""
    done = [s.label for s in steps[:failed]]
    not_done = [s.label for s in steps[failed:]]
    parts = [reason.rstrip(".") + "."]
    parts.append("Done: " + (_compact(done) if done else "nothing") + ".")
    parts.append("Not done: " + _compact(not_done) + ".")
    if not dry_run:
        parts.append("What was done is recorded; run the same export again to continue "
                     "without creating anything twice.")
    return " ".join(parts)


def _compact(labels: list[str]) -> str:
    """Labels joined, runs of import batches of one group folded into one phrase."""
    out: list[str] = []
    batches: dict[str, int] = {}
    order: list[str] = []
    for label in labels:
        if " batch " in label:
            head = label.split(" batch ")[0]
            if head not in batches:
                order.append(head)
                out.append("\0" + head)
            batches[head] = batches.get(head, 0) + 1
        else:
            out.append(label)
    text = []
    for item in out:
        if item.startswith("\0"):
            head = item[1:]
            n = batches[head]
            text.append(f"{head} ({n} batch{'es' if n != 1 else ''})")
        else:
            text.append(item)
    return "; ".join(text)
