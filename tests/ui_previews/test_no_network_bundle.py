"""The review bundle (render, lint, screenshots, PDF) makes no request at all."""

from __future__ import annotations

import contextlib
import io
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from composer import Template, save_template
from main import main
from tests.netcheck import CountingServer, SilentServer, remote_css_mjml
from workspace.db import open_workspace

pytestmark = pytest.mark.gui


@pytest.fixture
def servers() -> Iterator[tuple[CountingServer, SilentServer]]:
    counting, silent = CountingServer(), SilentServer()
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(5)  # old code fetched with no timeout: fail, do not hang CI
    yield counting, silent
    socket.setdefaulttimeout(previous)
    counting.close()
    silent.close()


def test_bundle_makes_no_request(qapp: QApplication, tmp_path: Path,
                                 servers: tuple[CountingServer, SilentServer]) -> None:
    counting, silent = servers
    workspace = tmp_path / "ws.sqlite"
    engine = open_workspace(f"sqlite:///{workspace}")
    save_template(engine, Template(name="remote_fonts", subject="Тема", preheader="Прехедер",
                                   mjml=remote_css_mjml(counting.url, silent.url)))
    engine.dispose()
    out = io.StringIO()
    started = time.monotonic()
    with contextlib.redirect_stdout(out):
        code = main(["--workspace", str(workspace), "--today", "2025-11-22", "--json",
                     "bundle", "remote_fonts", "--out", str(tmp_path / "review"),
                     "--contacts", "1"])
    assert code == 0
    result = json.loads(out.getvalue())
    assert result["screenshots"] and result["pdf"]
    # Only the email's picture is fetched (once, to copy it into the bundle);
    # no style sheet or font, and nothing from the silent server.
    assert counting.hits == ["/picture.png"]
    assert silent.connections == 0
    assert time.monotonic() - started < 120
