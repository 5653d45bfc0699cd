"""Edits of a campaign form as commands: plain dataclasses with apply, revert and merge.

The app wraps each in a QUndoCommand (one undo stack per open campaign);
typing into one field merges into one command, so Ctrl+Z undoes a word, not a
letter. Tested as round trips without Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from campaigns.store import CampaignDraft


class CampaignForm:
    """The campaign being edited: a :class:`CampaignDraft` and who to tell of changes."""

    def __init__(self, draft: CampaignDraft,
                 on_change: Callable[[CampaignDraft], None] | None = None) -> None:
        self.draft = draft
        self._on_change = on_change

    def set_listener(self, on_change: Callable[[CampaignDraft], None] | None) -> None:
        """Call ``on_change(draft)`` after every applied or reverted edit."""
        self._on_change = on_change

    def _set(self, draft: CampaignDraft) -> None:
        self.draft = draft
        if self._on_change is not None:
            self._on_change(draft)


@dataclass
class SetFields:
    """Set fields of the draft (``changes``: field -> new value); ``before`` filled on apply."""

    changes: dict[str, Any]
    label: str = ""
    before: dict[str, Any] | None = None
    merge_key: str | None = None
    """Consecutive edits with the same key (typing in one field) merge into one."""

    def apply(self, form: CampaignForm) -> None:
        """Do the edit."""
        if self.before is None:
            self.before = {k: getattr(form.draft, k) for k in self.changes}
        form._set(replace(form.draft, **self.changes))

    def revert(self, form: CampaignForm) -> None:
        """Undo the edit."""
        assert self.before is not None, "revert before apply"
        form._set(replace(form.draft, **self.before))

    def merge(self, other: SetFields) -> bool:
        """Absorb ``other`` when both type into the same field."""
        if self.merge_key is None or other.merge_key != self.merge_key:
            return False
        if set(other.changes) != set(self.changes):
            return False
        self.changes = dict(other.changes)
        return True


def set_variant(draft: CampaignDraft, index: int, subject: str | None = None,
                preheader: str | None = None) -> dict[str, Any]:
    """The changes that set variant ``index``'s subject and/or preheader."""
    subjects = list(draft.subjects)
    preheaders = list(draft.preheaders) + [""] * (len(subjects) - len(draft.preheaders))
    if subject is not None:
        subjects[index] = subject
    if preheader is not None:
        preheaders[index] = preheader
    return {"subjects": tuple(subjects), "preheaders": tuple(preheaders)}


def add_variant(draft: CampaignDraft, subject: str = "") -> dict[str, Any]:
    """The changes that add a variant (test shares keep their size; the remainder pays)."""
    subjects = (*draft.subjects, subject)
    missing = len(draft.subjects) - len(draft.preheaders)
    preheaders = (*draft.preheaders, *([""] * missing), "")
    changes: dict[str, Any] = {"subjects": subjects, "preheaders": preheaders}
    if draft.shares is not None:
        k = len(draft.subjects)
        test = list(draft.shares[:k])
        share = test[-1] if test else 10.0
        rest = 100.0 - sum(test) - share
        changes["shares"] = (*test, share, max(0.0, rest)) if rest >= 0 else \
            tuple([100.0 / (k + 1)] * (k + 1) + [0.0])
    return changes


def remove_variant(draft: CampaignDraft, index: int) -> dict[str, Any]:
    """The changes that remove variant ``index`` (its share goes to the remainder)."""
    subjects = [s for i, s in enumerate(draft.subjects) if i != index]
    preheaders = [p for i, p in enumerate(draft.preheaders) if i != index]
    changes: dict[str, Any] = {"subjects": tuple(subjects), "preheaders": tuple(preheaders)}
    if draft.shares is not None:
        k = len(draft.subjects)
        test = [s for i, s in enumerate(draft.shares[:k]) if i != index]
        changes["shares"] = (*test, 100.0 - sum(test))
    return changes


def equal_test_shares(draft: CampaignDraft, percent: float, *,
                       send_all: bool = False) -> dict[str, Any]:
    """Equal test shares of ``percent`` each (or everything split equally: "send all now")."""
    k = len(draft.subjects)
    if send_all:
        return {"shares": (*([round(100.0 / k, 4)] * k), 0.0)}
    percent = max(0.5, min(percent, 100.0 / k))
    return {"shares": (*([float(percent)] * k), max(0.0, 100.0 - percent * k))}
