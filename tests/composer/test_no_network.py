"""Rendering and lint never reach the network: mj-font and @import URLs are not fetched."""

from __future__ import annotations

import contextlib
import io
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from composer import lint, render, render_preview, sample_personas
from main import main
from tests.netcheck import CountingServer, SilentServer, remote_css_mjml, run_bounded


@pytest.fixture
def servers() -> Iterator[tuple[CountingServer, SilentServer]]:
    counting, silent = CountingServer(), SilentServer()
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(10)  # old code fetched with no timeout: fail, do not hang CI
    yield counting, silent
    socket.setdefaulttimeout(previous)
    counting.close()
    silent.close()


def _assert_offline(servers: tuple[CountingServer, SilentServer]) -> None:
    counting, silent = servers
    assert counting.hits == []
    assert silent.connections == 0


def test_render_and_preview_make_no_request(
        servers: tuple[CountingServer, SilentServer]) -> None:
    source = remote_css_mjml(servers[0].url, servers[1].url)
    context = sample_personas()[0].context
    result = run_bounded(lambda: render(source, context), 20)
    run_bounded(lambda: render_preview(source, context), 20)
    _assert_offline(servers)
    # The links stay in the email for the mail client; the inlining still works.
    assert f"{servers[0].url}/font.css" in result.html
    assert "@import" in result.html
    assert "color:blue" in result.html.replace(" ", "")


def test_lint_makes_no_request(servers: tuple[CountingServer, SilentServer]) -> None:
    source = remote_css_mjml(servers[0].url, servers[1].url)
    report = run_bounded(lambda: lint(source), 30)
    _assert_offline(servers)
    assert report.ok, report.to_json()


def test_cli_render_and_lint_make_no_request(
        servers: tuple[CountingServer, SilentServer], tmp_path: Path) -> None:
    path = tmp_path / "remote.mjml"
    path.write_text(remote_css_mjml(servers[0].url, servers[1].url), encoding="utf-8")
    for command in (["template", "render", str(path), "--out", str(tmp_path / "out.html")],
                    ["template", "lint", str(path)]):
        out = io.StringIO()

        def run(command: list[str] = command, out: io.StringIO = out) -> int:
            with contextlib.redirect_stdout(out):
                return main(["--json", *command])

        assert run_bounded(run, 30) == 0, out.getvalue()
        json.loads(out.getvalue())
    _assert_offline(servers)
