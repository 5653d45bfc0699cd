"""Time to build the review bundle of the abandoned-cart series (3 emails x 3 contacts).

Run: ``python benchmarks/bundle_abandoned_cart.py [--screens DIR]``. Prints the
time of the core alone (no web engine), of the full bundle with Qt WebEngine
(18 screenshots, the PDF and the ZIP), and of the engine start. With
``--screens`` it also saves a screenshot of the bundle's index page there.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

from previews import build_bundle

TODAY = date(2025, 11, 22)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--screens", type=Path, help="save the index screenshot here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        start = time.perf_counter()
        core = build_bundle(None, "abandoned_cart", base / "core", today=TODAY)
        print(f"core only (render + lint + pages): {time.perf_counter() - start:6.2f} s, "
              f"{len(core.files)} files")

        start = time.perf_counter()
        from ui.webrender import WebShooter, ensure_application

        ensure_application()
        shooter = WebShooter()
        print(f"web engine start:                  {time.perf_counter() - start:6.2f} s")
        try:
            start = time.perf_counter()
            full = build_bundle(None, "abandoned_cart", base / "full", shooter=shooter,
                                zip=True, today=TODAY)
            took = time.perf_counter() - start
            shots = sum(1 for f in full.files if f.endswith(".png"))
            size = sum((base / "full" / f).stat().st_size for f in full.files)
            print(f"full bundle ({shots} PNG, PDF, ZIP):     {took:6.2f} s, "
                  f"{len(full.files)} files, {size / 1e6:.1f} MB")
            if args.screens:
                start = time.perf_counter()
                args.screens.mkdir(parents=True, exist_ok=True)
                shooter.screenshot(base / "full" / "index.html", 1280,
                                   args.screens / "bundle_index.png")
                for kind, width in (("desktop", 600), ("mobile", 375)):
                    shooter.screenshot(base / "full" / "emails/abandoned_cart_2/long_name.html",
                                       width, args.screens / f"bundle_email_{kind}.png")
                print(f"index screenshot:                  {time.perf_counter() - start:6.2f} s")
        finally:
            shooter.close()


if __name__ == "__main__":
    main()
