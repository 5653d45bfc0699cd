"""Reading import files lazily: encoding and delimiter detection, CSV and XLSX rows.

Encoding: a byte-order mark decides (UTF-8, UTF-16 LE/BE as Excel writes
"Unicode text"); otherwise the whole file is checked to be valid UTF-8 in
1 MB chunks (fast, nothing kept), else NUL-byte patterns reveal UTF-16
without a BOM, else it is Windows-1251, what Russian Excel saves as "CSV".
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from workspace.errors import ImportFileError
from workspace.imports.limits import ImportLimits, check_workbook, too_many_rows

log = logging.getLogger(__name__)

XLSX = "xlsx"
DELIMITERS = (",", ";", "\t")
_CHUNK = 1 << 20
_SAMPLE_LINES = 50

# csv's default 128 KB field limit trips over big free-text cells; an
# unbalanced quote still ends as a clear error instead of eating the file.
csv.field_size_limit(16 * 1024 * 1024)


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise ImportFileError(f"file {path} does not exist")
    if path.is_dir():
        raise ImportFileError(f"{path} is a folder, not a file")


def is_xlsx(path: Path) -> bool:
    """True for an Excel 2007+ workbook (a ZIP file), whatever its name."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            f"{path.name} is an old Excel .xls workbook; save it as .xlsx or CSV and try again"
        )
    return head.startswith(b"PK\x03\x04")


def normalize_encoding(name: str) -> str:
    """The Python codec name for a user-given encoding, or ImportFileError."""
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        raise ImportFileError(f"unknown encoding {name!r} (try utf-8 or cp1251)") from None


def detect_encoding(path: Path, *, whole_file: bool = True) -> str:
    """Guess the text encoding of ``path`` (see the module docstring)."""
    with path.open("rb") as handle:
        head = handle.read(_CHUNK)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
            return "utf-16"
        decoder = codecs.getincrementaldecoder("utf-8")()
        chunk = head
        try:
            while chunk:
                decoder.decode(chunk)
                if not whole_file:
                    break
                chunk = handle.read(_CHUNK)
            else:
                decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
    sample = head[:4096]
    if len(sample) >= 4:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        if odd_nuls > len(sample) // 8 and even_nuls == 0:
            return "utf-16-le"
        if even_nuls > len(sample) // 8 and odd_nuls == 0:
            return "utf-16-be"
    return "cp1251"


def detect_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the sample lines into the most, consistent columns."""
    best, best_score = ",", (0, 0)
    rows = [line for line in lines if line.strip()]
    if not rows:
        return best
    for candidate in DELIMITERS:
        parsed = list(csv.reader(rows, delimiter=candidate))
        width = len(parsed[0])
        if width < 2:
            continue
        consistent = sum(1 for row in parsed if len(row) == width)
        score = (consistent * 100 // len(parsed), width)
        if score > best_score:
            best, best_score = candidate, score
    return best


# Excel's own hint on the first line: ``sep=;`` (some tools quote it).
_SEP_LINE = re.compile(r'\ufeff?"?sep=([^"\r\n])"?[,;\t]*\r?\n?', re.IGNORECASE)


def sep_directive(line: str) -> str | None:
    """The delimiter an Excel ``sep=X`` first line names, or None for any other line."""
    match = _SEP_LINE.fullmatch(line)
    return None if match is None else match.group(1)


def normalize_delimiter(value: str) -> str:
    """``,``, ``;``, tab (also written ``tab`` or ``\\t``), or ImportFileError."""
    aliases = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "\t": "\t"}
    found = aliases.get(value.strip().casefold(), value if len(value) == 1 else None)
    if found is None:
        raise ImportFileError(f"delimiter must be one character or 'tab', not {value!r}")
    return found


@dataclass
class RowSource:
    """An open import file: its header and a lazy iterator of ``(line, cells)``.

    ``line`` is the 1-based physical line (CSV) or row (XLSX) where the record
    starts; the header is line 1. ``done()`` and ``total`` measure progress in
    bytes for CSV and rows for XLSX. Close it (or use ``with``).
    """

    encoding: str
    delimiter: str | None
    headers: list[str]
    rows: Iterator[tuple[int, list[Any]]]
    total: int
    _position: Any = field(repr=False)
    _close: Any = field(repr=False)

    def done(self) -> int:
        """How far reading has got, in the unit of ``total``."""
        return int(self._position())

    def close(self) -> None:
        """Release the file."""
        self._close()

    def __enter__(self) -> RowSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _header_texts(cells: list[Any]) -> list[str]:
    headers = ["" if c is None else str(c).strip().lstrip("\ufeff") for c in cells]
    while headers and not headers[-1]:
        headers.pop()
    return headers


def _open_csv(path: Path, encoding: str | None, delimiter: str | None,
              whole_file: bool, limits: ImportLimits) -> RowSource:
    chosen = normalize_encoding(encoding) if encoding else detect_encoding(
        path, whole_file=whole_file)
    # A detected single-byte encoding decodes every byte; an undefined one is
    # replaced rather than failing the whole import.
    errors = "replace" if encoding is None and chosen == "cp1251" else "strict"
    raw = path.open("rb")
    text: IO[str] = io.TextIOWrapper(raw, encoding=chosen, errors=errors, newline="")
    # Physical lines before the header: 1 when the file starts with ``sep=``.
    skipped = 0
    try:
        named = sep_directive(text.readline())
        if named is not None:
            # The reader goes on from line 2; a delimiter given by hand wins.
            skipped = 1
            delimiter = normalize_delimiter(delimiter or named)
        elif delimiter is None:
            text.seek(0)
            sample: list[str] = []
            while len(sample) < _SAMPLE_LINES:
                line = text.readline()
                if not line:
                    break
                sample.append(line)
            delimiter = detect_delimiter(sample)
            text.seek(0)  # resets the decoder too, so a UTF-16 BOM is read again
        else:
            text.seek(0)
            delimiter = normalize_delimiter(delimiter)
        reader = csv.reader(text, delimiter=delimiter)
        first = next(reader, None)
    except UnicodeDecodeError as exc:
        text.close()
        raise ImportFileError(
            f"{path.name} cannot be read as {chosen}; choose another encoding") from exc
    except BaseException:
        text.close()
        raise
    if first is None:
        text.close()
        raise ImportFileError(f"{path.name} is empty")
    headers = _header_texts(list(first))

    def rows() -> Iterator[tuple[int, list[Any]]]:
        start = reader.line_num + 1 + skipped
        left = limits.max_rows
        try:
            for record in reader:
                if record and "".join(record).strip():
                    if not left:
                        raise too_many_rows(path.name, limits)
                    left -= 1
                    yield start, record
                start = reader.line_num + 1 + skipped
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"{path.name}: line {start} cannot be read as {chosen}; "
                "choose another encoding") from exc
        except csv.Error as exc:
            raise ImportFileError(f"{path.name}: line {start}: {exc}") from exc

    size = path.stat().st_size
    return RowSource(chosen, delimiter, headers, rows(), size, raw.tell, text.close)


def _open_xlsx(path: Path, limits: ImportLimits) -> RowSource:
    import openpyxl

    check_workbook(path, limits)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFileError(f"{path.name} is not a readable .xlsx workbook: {exc}") from exc
    sheet = book.active
    if sheet is None:
        book.close()
        raise ImportFileError(f"{path.name} has no worksheet")
    total = int(sheet.max_row or 0)
    if total > limits.max_rows + 1:  # the sheet's own dimension says so: refuse early
        book.close()
        raise too_many_rows(path.name, limits)
    iterator = sheet.iter_rows(values_only=True)
    first = next(iterator, None)
    if first is None:
        book.close()
        raise ImportFileError(f"{path.name} is empty")
    headers = _header_texts(list(first))
    state = {"line": 1}

    def rows() -> Iterator[tuple[int, list[Any]]]:
        left = limits.max_rows
        for line, values in enumerate(iterator, start=2):
            state["line"] = line
            if any(v is not None and (not isinstance(v, str) or v.strip()) for v in values):
                if not left:
                    raise too_many_rows(path.name, limits)
                left -= 1
                yield line, list(values)

    return RowSource(XLSX, None, headers, rows(), total, lambda: state["line"], book.close)


def open_rows(path: str | Path, *, encoding: str | None = None, delimiter: str | None = None,
              whole_file: bool = True, limits: ImportLimits | None = None) -> RowSource:
    """Open a CSV or XLSX file for reading rows lazily.

    ``whole_file=False`` limits UTF-8 detection to the first megabyte (for
    previews); an import checks the whole file so a stray Windows-1251 byte
    late in the file is not misread. ``limits`` bound the rows and the size
    a workbook unpacks to (defaults when None); reading past them raises
    :class:`ImportFileError`.
    """
    file = Path(path)
    _check_readable(file)
    bounds = limits if limits is not None else ImportLimits()
    try:
        if is_xlsx(file):
            return _open_xlsx(file, bounds)
        return _open_csv(file, encoding, delimiter, whole_file, bounds)
    except OSError as exc:
        raise ImportFileError(f"cannot read {file}: {exc.strerror or exc}") from exc
