"""Reading a results CSV: ``variant,sent,opens,clicks,conversions``.

As Excel writes it too: UTF-8 with or without BOM or Windows-1251, ``,`` or
``;``. ``conversions`` may be missing or empty. A malformed file raises
:class:`ResultsFileError` naming its line and the reason; nothing is stored
from it (the caller stores only what this returns).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from campaigns.errors import ResultsFileError
from campaigns.store import VariantResult, validate_results

COLUMNS = ("variant", "sent", "opens", "clicks", "conversions")
REQUIRED = ("variant", "sent", "opens", "clicks")
MAX_BYTES = 10 * 1024 * 1024


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251")


def read_results_file(path: Path, labels: tuple[str, ...] | None = None) -> list[VariantResult]:
    """The results in ``path``; ``labels`` restricts names as in :func:`parse_results`."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ResultsFileError(f"{path.name}: a results file is at most 10 MB")
        data = path.read_bytes()
    except OSError as exc:
        raise ResultsFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_results(_decode(data), source=path.name, labels=labels)


def _count(value: str, column: str, line: int, source: str, *, optional: bool) -> int | None:
    text = value.strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        if optional:
            return None
        raise ResultsFileError(f"{source}, line {line}: {column} is empty")
    try:
        number = int(text)
    except ValueError:
        raise ResultsFileError(
            f"{source}, line {line}: {column} must be a whole number, not {value.strip()!r}"
        ) from None
    if number < 0:
        raise ResultsFileError(f"{source}, line {line}: {column} cannot be negative")
    return number


def parse_results(text: str, *, source: str = "results",
                  labels: tuple[str, ...] | None = None) -> list[VariantResult]:
    """Parse results CSV ``text``; ``labels`` (a campaign's variants) restricts names."""
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise ResultsFileError(f"{source}: the file is empty")
    header_line = next(i for i, line in enumerate(lines) if line.strip())
    delimiter = ";" if lines[header_line].count(";") > lines[header_line].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] | None = None
    results: list[VariantResult] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip().lstrip("\ufeff").lower() for cell in row]
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise ResultsFileError(
                    f"{source}, line {line}: missing column{'s' if len(missing) > 1 else ''} "
                    f"{', '.join(missing)} (expected {','.join(COLUMNS)})")
            continue
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
            raise ResultsFileError(
                f"{source}, line {line}: {len(row)} values, but the header has {len(header)}")
        cells = dict(zip(header, row, strict=False))
        variant = cells.get("variant", "").strip()
        if not variant:
            raise ResultsFileError(f"{source}, line {line}: the variant name is empty")
        if variant in seen:
            raise ResultsFileError(
                f"{source}, line {line}: variant {variant!r} already given on line "
                f"{seen[variant]}")
        seen[variant] = line
        if labels is not None and variant not in labels and variant != "rest":
            raise ResultsFileError(
                f"{source}, line {line}: unknown variant {variant!r}: the campaign has "
                f"{', '.join(labels)}")
        sent = _count(cells.get("sent", ""), "sent", line, source, optional=False)
        opens = _count(cells.get("opens", ""), "opens", line, source, optional=False)
        clicks = _count(cells.get("clicks", ""), "clicks", line, source, optional=False)
        conversions = _count(cells.get("conversions", ""), "conversions", line, source,
                             optional=True)
        assert sent is not None
        assert opens is not None
        assert clicks is not None
        for column, value in (("opens", opens), ("clicks", clicks),
                              ("conversions", conversions)):
            if value is not None and value > sent:
                raise ResultsFileError(
                    f"{source}, line {line}: {column} ({value}) is more than sent ({sent})")
        results.append(VariantResult(variant, sent, opens, clicks, conversions))
    if header is None or not results:
        raise ResultsFileError(f"{source}: the file has a header but no variant rows")
    validate_results(results, labels)
    return results
