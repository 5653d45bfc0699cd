"""Autosave of the open template, and recovery drafts so that no edit is lost.

Two clocks run after every change:

- a short one writes a *recovery draft* (JSON in the user data folder, one
  file per workspace and template) on the editor's own one-thread pool;
- about 1.5 s after the last edit the template is saved to the workspace
  (``composer.save_template``) on the application's write pool.

A save marks the document clean only if nothing changed while it ran, and
then removes the draft. A failed save is reported by a signal (shown in the
editor, no modal dialog); the document stays unsaved and the draft stays.
If the app is killed, the next open of that template finds the draft.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import platformdirs
import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal
from sqlalchemy import Engine

from composer.model import Template
from composer.templates import save_template
from ui.editor.document import EditorDocument
from ui.tasks import Debouncer, Pools, Task, error_message

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 1500
"""Quiet time after the last edit before the template is saved."""
DRAFT_DELAY_MS = 300
"""Quiet time after the last edit before the recovery draft is written."""


def default_drafts_dir() -> Path:
    """Where recovery drafts live: ``<user data dir>/drafts``."""
    return Path(platformdirs.user_data_dir("Konvert", "Konvert")) / "drafts"


def template_to_json(template: Template) -> dict[str, Any]:
    """Everything needed to rebuild ``template`` (the stored document plus the row)."""
    return {
        "name": template.name,
        "document": template.document(),
        "subject": template.subject,
        "preheader": template.preheader,
        "from_name": template.from_name,
        "scenario": template.scenario,
        "position": template.position,
        "delay_hours": template.delay_hours,
        "text_override": template.text_override,
        "builtin": template.builtin,
    }


def template_from_json(data: dict[str, Any]) -> Template:
    """The inverse of :func:`template_to_json`."""
    return Template.from_document(
        str(data["name"]),
        data.get("document"),
        subject=str(data.get("subject") or ""),
        preheader=str(data.get("preheader") or ""),
        from_name=str(data.get("from_name") or ""),
        scenario=data.get("scenario"),
        position=data.get("position"),
        delay_hours=data.get("delay_hours"),
        text_override=data.get("text_override"),
        builtin=bool(data.get("builtin")),
    )


class DraftStore:
    """Recovery drafts of one workspace: one JSON file per template name.

    Plain file I/O, safe to call from a worker thread (each write goes to a
    temporary file first and is renamed, so a kill never leaves half a draft).
    """

    def __init__(self, root: Path, workspace: str) -> None:
        key = hashlib.sha1(workspace.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
        self.folder = root / key

    def path_for(self, name: str) -> Path:
        """The draft file of template ``name``."""
        safe = re.sub(r"[^\w.-]+", "_", name, flags=re.UNICODE)[:80]
        digest = hashlib.sha1(name.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
        return self.folder / f"{safe}-{digest}.json"

    def write(self, template: Template) -> Path:
        """Write the draft of ``template``; returns its path."""
        path = self.path_for(template.name)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"saved_at": datetime.now().isoformat(timespec="seconds"),
                "template": template_to_json(template)}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        return path

    def last_good_path(self, name: str) -> Path:
        """Where the last version of ``name`` that rendered without errors is kept."""
        return self.path_for(name).with_suffix(".last-good.json")

    def write_last_good(self, template: Template) -> Path:
        """Keep ``template`` as the last version that rendered (beside a saved broken one)."""
        path = self.last_good_path(template.name)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"saved_at": datetime.now().isoformat(timespec="seconds"),
                "template": template_to_json(template)}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        return path

    def read_last_good(self, name: str) -> Template | None:
        """The last version of ``name`` that rendered, if one was kept."""
        try:
            data = json.loads(self.last_good_path(name).read_text(encoding="utf-8"))
            return template_from_json(data["template"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("unreadable last good version of %s: %s", name, exc)
            return None

    def read(self, name: str) -> tuple[Template, str] | None:
        """The draft of ``name`` and when it was written, or None (also if unreadable)."""
        path = self.path_for(name)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return template_from_json(data["template"]), str(data.get("saved_at", ""))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("unreadable draft %s: %s", path, exc)
            return None

    def remove(self, name: str) -> None:
        """Forget the draft of ``name`` (no error if there is none)."""
        self.path_for(name).unlink(missing_ok=True)


class Autosaver(QObject):
    """Saves the watched document after a quiet time, and keeps its recovery draft.

    Owned by the editor (an unparented autosaver would outlive the stack it
    listens to and crash at teardown).

    Signals:
        saved(str): the template of that name was saved and is clean.
        save_failed(str): the save failed; the message in plain words.
        draft_written(str): the recovery draft was written (its path).
    """

    saved = Signal(str)
    save_failed = Signal(str)
    draft_written = Signal(str)

    def __init__(
        self,
        engine: Engine,
        pools: Pools,
        drafts: DraftStore,
        parent: QObject,
        *,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        draft_delay_ms: int = DRAFT_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._pools = pools
        self.drafts = drafts
        self._draft_pool = QThreadPool(self)
        self._draft_pool.setMaxThreadCount(1)
        self._document: EditorDocument | None = None
        self._save_debouncer = Debouncer(delay_ms, self._save_now, self)
        self._draft_debouncer = Debouncer(draft_delay_ms, self._write_draft_now, self)
        self._saving = 0

    def watch(self, document: EditorDocument | None) -> None:
        """Follow ``document`` (None: stop); a pending save of the previous one runs first."""
        self.flush()
        if self._document is not None:
            self._document.changed.disconnect(self._on_document_changed)
        self._document = document
        if document is not None:
            document.changed.connect(self._on_document_changed)
            if document.is_modified():  # e.g. opened from a recovered draft
                self._on_document_changed()

    def flush(self) -> None:
        """Write the draft and start the save now if any is pending (on close)."""
        self._draft_debouncer.flush()
        self._save_debouncer.flush()

    def is_pending(self) -> bool:
        """Whether a save is waiting or running."""
        return self._save_debouncer.is_pending() or self._saving > 0

    def wait_for_drafts(self, msecs: int = 5000) -> bool:
        """Wait until queued draft writes are done (teardown and tests)."""
        return self._draft_pool.waitForDone(msecs)

    # -- internals -----------------------------------------------------------

    def _on_document_changed(self) -> None:
        self._draft_debouncer.trigger()
        self._save_debouncer.trigger()

    def _write_draft_now(self) -> None:
        document = self._document
        if document is None or not document.is_modified():
            return
        Task(self.drafts.write, document.template).owned_by(self).on_success(
            self._on_draft_written
        ).on_failure(self._on_draft_failed).start(self._draft_pool)

    def _save_now(self) -> None:
        document = self._document
        if document is None or not document.is_modified():
            return
        snapshot, revision = document.template, document.revision
        self._saving += 1
        Task(save_template, self._engine, snapshot).owned_by(self).on_success(
            lambda _none: self._on_saved(document, snapshot, revision)
        ).on_failure(self._on_save_failed).on_finished(self._on_save_finished).start(
            self._pools.write
        )

    def _on_saved(self, document: EditorDocument, snapshot: Template, revision: int) -> None:
        # A document closed meanwhile was flushed on close: the snapshot was its last state.
        closed = not shiboken6.isValid(document)
        if closed or document.mark_saved(revision):
            name = snapshot.name
            Task(self.drafts.remove, name).owned_by(self).on_failure(
                self._on_draft_failed
            ).start(self._draft_pool)
        self.saved.emit(snapshot.name)

    def _on_save_failed(self, exc: BaseException) -> None:
        log.warning("autosave failed: %s", exc)
        self.save_failed.emit(error_message(exc))

    def _on_save_finished(self) -> None:
        self._saving -= 1

    def _on_draft_written(self, path: Path) -> None:
        self.draft_written.emit(str(path))

    def _on_draft_failed(self, exc: BaseException) -> None:
        log.warning("recovery draft failed: %s", exc)
