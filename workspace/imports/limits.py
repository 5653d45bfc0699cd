"""Bounds of one import: rows and decompressed workbook size (workspace settings).

A file beyond a limit is refused with a clear message before anything is
written, and an XLSX workbook whose parts would decompress beyond the limit
(a "zip bomb": a 1 MB file that unpacks to gigabytes) is refused before a
single row is read. The limits live in the workspace ``settings`` table
under ``import_limits`` (``{"max_rows": n, "max_decompressed_mb": n}``);
the defaults are generous: three times the million-row file the import is
built for, and a gigabyte of workbook XML.
"""

from __future__ import annotations

import zipfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, update

from workspace.errors import ImportFileError, WorkspaceError
from workspace.models import Setting

SETTINGS_KEY = "import_limits"
MAX_RATIO = 200
"""A workbook part that unpacks to more than this many times its packed size..."""
RATIO_FLOOR = 50 * 1024 * 1024
"""...and to more than this many bytes is a zip bomb, not a spreadsheet."""


@dataclass(frozen=True)
class ImportLimits:
    """How big an import file may be; see the module docstring."""

    max_rows: int = 3_000_000
    max_decompressed_mb: int = 1024

    def validate(self) -> None:
        """Raise :class:`WorkspaceError` for a limit that is not a positive whole number."""
        for item in fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise WorkspaceError(f"import limit {item.name} must be a whole number, "
                                     f"1 or more, not {value!r}")

    @property
    def max_decompressed_bytes(self) -> int:
        """``max_decompressed_mb`` in bytes."""
        return self.max_decompressed_mb * 1024 * 1024


def load_limits(conn: Connection) -> ImportLimits:
    """The workspace's import limits (defaults for anything not set)."""
    stored = conn.execute(
        select(Setting.value).where(Setting.key == SETTINGS_KEY)).scalar_one_or_none()
    if not isinstance(stored, dict):
        return ImportLimits()
    known = {item.name for item in fields(ImportLimits)}
    limits = ImportLimits(**{k: v for k, v in stored.items() if k in known})
    limits.validate()
    return limits


def save_limits(conn: Connection, limits: ImportLimits) -> None:
    """Validate and store ``limits`` in the caller's transaction."""
    limits.validate()
    value: dict[str, Any] = asdict(limits)
    if conn.execute(select(Setting.key).where(Setting.key == SETTINGS_KEY)).first():
        conn.execute(update(Setting).where(Setting.key == SETTINGS_KEY).values(value=value))
    else:
        conn.execute(insert(Setting).values(key=SETTINGS_KEY, value=value))


def _megabytes(size: int) -> str:
    megabytes = size / (1024 * 1024)
    return f"{megabytes:,.1f} MB" if megabytes < 10 else f"{megabytes:,.0f} MB"


def check_workbook(path: Path, limits: ImportLimits) -> None:
    """Refuse a workbook that would unpack beyond ``limits`` (or looks like a zip bomb).

    Reads only the ZIP directory. The sizes it declares are enforced by
    :mod:`zipfile` while reading (a part never yields more than it declares),
    so checking them is enough.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFileError(f"{path.name} is not a readable .xlsx workbook: {exc}") from exc
    total = sum(member.file_size for member in members)
    if total > limits.max_decompressed_bytes:
        raise ImportFileError(
            f"{path.name} unpacks to {_megabytes(total)}, more than the import limit of "
            f"{_megabytes(limits.max_decompressed_bytes)}; save it as CSV or split it "
            "(the limit is the import setting max_decompressed_mb)")
    for member in members:
        if (member.file_size > RATIO_FLOOR
                and member.file_size > MAX_RATIO * max(member.compress_size, 1)):
            raise ImportFileError(
                f"{path.name} looks like a zip bomb: its part {member.filename} unpacks "
                f"from {_megabytes(member.compress_size)} to {_megabytes(member.file_size)}; "
                "it was not imported")


def too_many_rows(name: str, limits: ImportLimits) -> ImportFileError:
    """The error for a file with more than ``limits.max_rows`` data rows."""
    return ImportFileError(
        f"{name} has more than {limits.max_rows:,} rows, the import limit; split the file "
        "(the limit is the import setting max_rows); nothing was imported")
