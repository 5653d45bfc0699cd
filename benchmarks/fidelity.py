"""Fidelity of Konvert's rendering against official MJML (run on demand, not in CI).

Renders every template of the shared corpus with Konvert (MRML + fixes +
inlining) and with the official ``mjml`` npm package (installed by this script
into a cache folder), screenshots both with QtWebEngine offscreen at 600 and
375 px, images on (local placeholders, same for both) and off, and prints the
share of differing pixels per template and mode. Goal: under 0.5 % everywhere.

    python benchmarks/fidelity.py [--only NAME] [--keep DIR] [--corpus DIR] [--preview]
                                  [--retries N]
"""

from __future__ import annotations

import argparse
import hashlib
import html as htmllib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

from PySide6.QtCore import QEventLoop, QSize, QTimer, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWebEngineCore import QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

from composer import render, render_preview

MJML_VERSION = "5.4.1"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "konvert" / "fidelity"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "mjml" / "templates"
NODE_RENDER = """
const mjml = require('mjml'); const fs = require('fs');
(async () => {
  const jobs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  for (const [src, dst] of jobs) {
    try {
      const r = await mjml(fs.readFileSync(src, 'utf8'), {validationLevel: 'skip', fonts: {}});
      fs.writeFileSync(dst, r.html);
    } catch (e) {
      if (fs.existsSync(dst)) fs.unlinkSync(dst);  // official MJML refuses this file
    }
  }
})();
"""


def ensure_mjml() -> Path:
    """Install the official mjml package into the cache folder once."""
    if not (CACHE / "node_modules" / "mjml" / "package.json").is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        (CACHE / "package.json").write_text('{"name": "konvert-fidelity", "private": true}')
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", f"mjml@{MJML_VERSION}"],
                       cwd=CACHE, check=True)
    script = CACHE / "render.js"
    script.write_text(NODE_RENDER)
    return script


def placeholder_images(html: str, show: bool) -> str:
    """Remote images -> a local coloured picture per URL (or nothing with images off)."""

    def swap(match: re.Match[str]) -> str:
        # Hash the URL as the browser reads it: "&amp;" and "&" are the same image.
        url = htmllib.unescape(match.group(2))
        if not show:
            return f"{match.group(1)}\"\""
        digest = hashlib.sha1(url.encode()).hexdigest()
        return f'{match.group(1)}"{CACHE / "img" / (digest[:12] + ".png")}"'.replace(
            '"/', '"file:///')

    return re.sub(r'(<img\b[^>]*?\bsrc=)"([^"]+)"', swap, html)


def make_images(htmls: list[str]) -> None:
    (CACHE / "img").mkdir(parents=True, exist_ok=True)
    for html in htmls:
        for raw in re.findall(r'<img\b[^>]*?\bsrc="([^"]+)"', html):
            url = htmllib.unescape(raw)
            digest = hashlib.sha1(url.encode()).hexdigest()
            path = CACHE / "img" / (digest[:12] + ".png")
            if not path.exists():
                image = QImage(600, 400, QImage.Format.Format_RGB32)
                image.fill(QColor("#" + digest[:6]))
                image.save(str(path))


def _page_height(view: QWebEngineView, loop: QEventLoop) -> int:
    heights: list[int] = []

    def got(height: object) -> None:
        heights.append(int(height) if isinstance(height, (int, float)) and height else 800)
        loop.quit()

    view.page().runJavaScript("document.documentElement.scrollHeight", 0, got)
    loop.exec()
    return min(heights[0], 8000)


def _blank(image: QImage) -> bool:
    """A grab of one colour only: the page has not been painted yet."""
    uniform = QImage(image.size(), image.format())
    uniform.fill(image.pixelColor(0, 0))
    return image == uniform


def _settled_grab(view: QWebEngineView, loop: QEventLoop) -> QImage:
    """Grab once two grabs 250 ms apart agree, at the view's height, and are painted.

    Relayout and painting are asynchronous; under load (2 shared cores) a
    grab right after a resize can be blank or of the old size, which once
    showed as a 67 % difference on a template that matches exactly.
    """
    image = QImage()
    for _ in range(40):
        QTimer.singleShot(250, loop.quit)
        loop.exec()
        current = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        if current == image and current.height() == view.height() and not _blank(current):
            return current
        image = current
    return image


def shoot(html: str, width: int, images: bool) -> QImage:
    view = QWebEngineView()
    settings = view.page().settings()
    settings.setAttribute(QWebEngineSettings.WebAttribute.ShowScrollBars, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.AutoLoadImages, images)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
    view.resize(QSize(width, 800))
    view.show()
    loop = QEventLoop()
    view.loadFinished.connect(lambda _ok: loop.quit())
    view.setHtml(html, QUrl.fromLocalFile(str(CACHE) + "/"))
    loop.exec()
    image = QImage()
    # Size the view to the page, and again if the page grew meanwhile (images).
    for _ in range(3):
        height = _page_height(view, loop)
        view.resize(QSize(width, height))
        image = _settled_grab(view, loop)
        if _page_height(view, loop) == height:
            break
    view.close()
    view.deleteLater()
    return image


def diff_share(a: QImage, b: QImage) -> float:
    """Share of differing pixels; a height difference counts as different rows."""
    width = max(a.width(), b.width())
    height = max(a.height(), b.height())
    total = width * height
    same_h = min(a.height(), b.height())
    same_w = min(a.width(), b.width())
    differing = total - same_h * same_w
    ba = a.constBits()
    bb = b.constBits()
    row_a, row_b = a.bytesPerLine(), b.bytesPerLine()
    mem_a, mem_b = memoryview(ba).cast("B"), memoryview(bb).cast("B")
    for y in range(same_h):
        ra = bytes(mem_a[y * row_a : y * row_a + same_w * 4])
        rb = bytes(mem_b[y * row_b : y * row_b + same_w * 4])
        if ra != rb:
            differing += sum(1 for x in range(0, same_w * 4, 4) if ra[x : x + 3] != rb[x : x + 3])
    return differing / total if total else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="one template (file stem)")
    parser.add_argument("--keep", help="save screenshots into this folder")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="folder of .mjml files (default: the shared corpus)")
    parser.add_argument("--retries", type=int, default=2,
                        help="shoot a pair again this often while it differs by 0.5 %% or more")
    parser.add_argument("--preview", action="store_true",
                        help="compare the live-preview HTML (render_preview, no inlining)")
    args = parser.parse_args()
    files = sorted(args.corpus.resolve().glob("*.mjml"))
    if args.only:
        files = [f for f in files if f.stem == args.only]
    script = ensure_mjml()
    out = CACHE / "html"
    out.mkdir(parents=True, exist_ok=True)
    jobs = [[str(f), str(out / f"{f.stem}.official.html")] for f in files]
    (CACHE / "jobs.json").write_text(json.dumps(jobs))
    subprocess.run(["node", str(script), str(CACHE / "jobs.json")], cwd=CACHE, check=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert app is not None
    pairs = []
    failures = 0
    for f in files:
        official_path = out / f"{f.stem}.official.html"
        if not official_path.is_file():
            print(f"{f.stem:<42}official MJML refuses it: skipped")
            continue
        official = official_path.read_text(encoding="utf-8")
        konvert = render_preview if args.preview else render
        try:
            ours = konvert(f.read_text(encoding="utf-8"), {}, jinja=False).html
        except Exception as exc:  # a failure is a result here, not the end of the run
            failures += 1
            print(f"{f.stem:<42}FAILED: {exc}")
            continue
        pairs.append((f.stem, official, ours))
    make_images([p[1] for p in pairs] + [p[2] for p in pairs])
    modes = [(600, True), (375, True), (600, False), (375, False)]
    print(f"{'template':<42}" + "".join(f"{w}px {'img' if i else 'no-img':<7}" for w, i in modes))
    worst = 0.0
    for stem, official, ours in pairs:
        cells = []
        for width, images in modes:
            a = shoot(placeholder_images(official, images), width, images)
            b = shoot(placeholder_images(ours, images), width, images)
            for _ in range(args.retries):
                # Under load a grab can catch a half-painted page: a real difference
                # survives shooting again, a paint race does not.
                if diff_share(a, b) < 0.005:
                    break
                a2 = shoot(placeholder_images(official, images), width, images)
                b2 = shoot(placeholder_images(ours, images), width, images)
                if diff_share(a2, b2) < diff_share(a, b):
                    a, b = a2, b2
            if args.keep:
                keep = Path(args.keep)
                keep.mkdir(parents=True, exist_ok=True)
                tag = f"{stem}_{width}_{'img' if images else 'noimg'}"
                a.save(str(keep / f"{tag}_official.png"))
                b.save(str(keep / f"{tag}_konvert.png"))
            share = diff_share(a, b)
            worst = max(worst, share)
            cells.append(f"{share * 100:8.2f}%   ")
        print(f"{stem:<42}" + "".join(cells), flush=True)
    print(f"worst: {worst * 100:.2f}% (goal < 0.5 %), {len(pairs)} templates compared, "
          f"{failures} failed to render")


if __name__ == "__main__":
    main()
