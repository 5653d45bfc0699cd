"""The results CSV: what Excel writes is read; a malformed file names its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from campaigns import ResultsFileError, VariantResult, parse_results, read_results_file


def test_comma_and_semicolon_bom_and_cp1251(tmp_path: Path) -> None:
    text = "variant,sent,opens,clicks,conversions\nA,1000,400,30,5\nB,1000,410,36,\n"
    assert parse_results(text) == [VariantResult("A", 1000, 400, 30, 5),
                                   VariantResult("B", 1000, 410, 36, None)]
    excel = tmp_path / "r.csv"
    excel.write_bytes("\ufeffVariant;Sent;Opens;Clicks\r\nА-тема;1 000;400;30\r\nB;900;380;25\r\n"
                      .encode("utf-8"))
    assert read_results_file(excel)[0] == VariantResult("А-тема", 1000, 400, 30, None)
    legacy = tmp_path / "cp.csv"
    legacy.write_bytes("variant;sent;opens;clicks\nВариант;10;5;1\nДругой;10;4;1\n"
                       .encode("cp1251"))
    assert [r.variant for r in read_results_file(legacy)] == ["Вариант", "Другой"]


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty"),
    ("variant,sent,opens\nA,1,1\n", "line 1: missing column clicks"),
    ("variant,sent,opens,clicks\n", "no variant rows"),
    ("variant,sent,opens,clicks\nA,10,5,1\nB,ten,5,1\n", "line 3: sent must be a whole number"),
    ("variant,sent,opens,clicks\nA,10,11,1\n", r"line 2: opens \(11\) is more than sent"),
    ("variant,sent,opens,clicks,conversions\nA,10,1,1,50\n", "line 2: conversions"),
    ("variant,sent,opens,clicks\nA,10,1,-1\n", "line 2: clicks cannot be negative"),
    ("variant,sent,opens,clicks\nA,10,1,1\nA,10,1,1\n", "line 3: variant 'A' already given"),
    ("variant,sent,opens,clicks\n,10,1,1\n", "line 2: the variant name is empty"),
    ("variant,sent,opens,clicks\nA,10,1,1,7,8\n", "line 2: 6 values"),
])
def test_malformed(text: str, message: str) -> None:
    with pytest.raises(ResultsFileError, match=message):
        parse_results(text)


def test_unknown_variant_for_a_campaign() -> None:
    with pytest.raises(ResultsFileError, match="line 3: unknown variant 'C'"):
        parse_results("variant,sent,opens,clicks\nA,10,1,1\nC,10,1,1\n", labels=("A", "B"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ResultsFileError, match="cannot read"):
        read_results_file(tmp_path / "none.csv")
