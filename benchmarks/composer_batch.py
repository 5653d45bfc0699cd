"""Render + inline a corpus in one long-running process, beside official MJML (on demand).

Every ``.mjml`` file of the corpora is rendered to final, CSS-inlined HTML
(``composer.render``, no Jinja) once to fill the caches (printed as the
first pass) and then ``--rounds`` times more in this one process, as the app,
a bundle or a batch export does; the time per template is printed as median
and p95, per round and overall, so a slowdown as the process ages shows.
Official MJML 5.4.1 (``mjml`` npm package, installed by ``fidelity.py``)
renders the same files in one Node process, warmed up by a first pass, and
its median and p95 are printed beside. Wall-clock time and
CPU time are both printed: on a shared machine the CPU time is the steadier
figure (wall time grows with the other work on the machine).

``--premailer-default`` runs Konvert with premailer's own cache (a
use-count cache of 128 entries) to show what the LRU cache fixed.

    python benchmarks/composer_batch.py [--rounds 3] [--corpus DIR ...] [--premailer-default]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = [ROOT / "tests" / "data" / "mjml_wild",
                   ROOT.parent / "shared" / "corpus" / "mjml" / "templates"]
NODE_TIMES = """
const mjml = require('mjml'); const fs = require('fs');
(async () => {
  const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const rounds = parseInt(process.argv[3], 10);
  const sources = files.map(f => fs.readFileSync(f, 'utf8'));
  for (const s of sources) await mjml(s, {fonts: {}});  // warm-up pass
  const wall = [], cpu = [];
  for (let r = 0; r < rounds; r++) {
    for (const s of sources) {
      const t = process.hrtime.bigint(); const c = process.cpuUsage();
      await mjml(s, {fonts: {}});
      const used = process.cpuUsage(c);
      wall.push(Number(process.hrtime.bigint() - t) / 1e6);
      cpu.push((used.user + used.system) / 1e3);
    }
  }
  process.stdout.write(JSON.stringify({wall, cpu}));
})();
"""


def _stats(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):6.1f} ms   p95 {p95:6.1f} ms   (n={len(times)})"


def official_times(files: list[Path], rounds: int) -> dict[str, list[float]]:
    from fidelity import CACHE, ensure_mjml

    ensure_mjml()
    script = CACHE / "batch_times.js"
    script.write_text(NODE_TIMES)
    jobs = CACHE / "batch_files.json"
    jobs.write_text(json.dumps([str(f) for f in files]))
    result = subprocess.run(["node", str(script), str(jobs), str(rounds)], cwd=CACHE,
                            check=True, capture_output=True, text=True)
    data = json.loads(result.stdout)
    return {key: [float(t) for t in data[key]] for key in ("wall", "cpu")}


def use_premailer_default() -> None:
    """Undo composer.inline's cache: premailer's own use-count cache, as shipped."""
    import premailer.merge_style as merge_style
    import premailer.premailer as module
    from premailer import Premailer

    import composer.inline as inline

    class Default(Premailer):  # type: ignore[misc]
        def _style_to_basic_html_attributes(self, element: object, style_content: str,
                                            force: bool = False) -> None:
            super()._style_to_basic_html_attributes(element, style_content, force=False)

    inline._Inliner = Default  # type: ignore[misc]
    module._create_cssselector = inline.PREMAILER_OWN_CACHED["_create_cssselector"]
    module.csstext_to_pairs = inline.PREMAILER_OWN_CACHED["csstext_to_pairs"]
    merge_style.csstext_to_pairs = inline.PREMAILER_OWN_CACHED["csstext_to_pairs"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, action="append",
                        help="folder of .mjml files (default: tests/data/mjml_wild and the "
                             "shared corpus templates)")
    parser.add_argument("--premailer-default", action="store_true")
    parser.add_argument("--no-official", action="store_true")
    args = parser.parse_args()
    corpora = args.corpus or [c for c in DEFAULT_CORPORA if c.is_dir()]
    files = sorted(f for c in corpora for f in c.resolve().glob("*.mjml"))
    if args.premailer_default:
        use_premailer_default()
    from composer import render

    sources = [f.read_text(encoding="utf-8") for f in files]
    print(f"{len(files)} templates from {', '.join(str(c) for c in corpora)}")
    all_wall: list[float] = []
    all_cpu: list[float] = []
    first = []
    for source in sources:  # the first pass fills the caches, as official MJML's warm-up
        start = time.perf_counter()
        render(source, {}, jinja=False)
        first.append((time.perf_counter() - start) * 1000)
    print(f"Konvert render+inline, first pass: wall {_stats(first)}", flush=True)
    for round_no in range(1, args.rounds + 1):
        wall, cpu = [], []
        for source in sources:
            start, start_cpu = time.perf_counter(), time.process_time()
            render(source, {}, jinja=False)
            cpu.append((time.process_time() - start_cpu) * 1000)
            wall.append((time.perf_counter() - start) * 1000)
        all_wall += wall
        all_cpu += cpu
        print(f"Konvert render+inline, round {round_no}:  wall {_stats(wall)}", flush=True)
    print(f"Konvert render+inline, all rounds: wall {_stats(all_wall)}")
    print(f"                                   CPU  {_stats(all_cpu)}")
    if not args.no_official:
        official = official_times(files, args.rounds)
        print(f"official MJML 5.4.1, warm:         wall {_stats(official['wall'])}")
        print(f"                                   CPU  {_stats(official['cpu'])}")


if __name__ == "__main__":
    main()
