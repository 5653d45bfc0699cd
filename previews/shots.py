"""The seam to a browser engine: screenshots and PDF of local HTML files.

The previews core needs a real web engine for the bundle's PNG and PDF (the
same one the app previews with, so the reviewer sees what the marketer saw)
but never imports Qt: the app passes in an implementation of
:class:`Shooter` (``ui.webrender.WebShooter``, Qt WebEngine offscreen).
An implementation must not let the page touch the network.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Protocol

from previews.errors import ShotError


class Shooter(Protocol):
    """Draws local HTML files to PNG and PDF with a web engine, offline."""

    def screenshot(self, html_path: Path, width: int, out_png: Path) -> None:
        """Write a PNG of the whole page ``html_path`` laid out ``width`` CSS px wide."""

    def pdf(self, html_path: Path, out_pdf: Path) -> None:
        """Print ``html_path`` (print media, A4) to ``out_pdf``."""


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    """``(width, height)`` of a PNG file, read from its header."""
    try:
        with path.open("rb") as file:
            head = file.read(24)
    except OSError as exc:
        raise ShotError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(head) < 24 or not head.startswith(_PNG_SIGNATURE) or head[12:16] != b"IHDR":
        raise ShotError(f"{path} is not a PNG image")
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)
