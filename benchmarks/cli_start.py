"""Time how long the command line takes to start and print the numbers.

    python benchmarks/cli_start.py [--runs 7]

Runs ``main.py --help`` and ``main.py template render FILE`` (a small MJML
file, no workspace) in fresh interpreters, and ``python -c pass`` as the
floor this machine sets. Prints the best and the median wall time and the best
CPU time of each in milliseconds, and which heavy packages each command imported (none of
SQLAlchemy, Alembic or PySide6 should be there). The target is 300 ms for
both commands.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sqlalchemy", "alembic", "PySide6", "psycopg", "openpyxl")

MJML = """<mjml><mj-head><mj-title>Привет, {{ first_name | default("друг") }}</mj-title></mj-head>
<mj-body><mj-section><mj-column>
<mj-text>Здравствуйте, {{ first_name | default("друг") }}! Ваш магазин {{ shop.name }}.</mj-text>
<mj-button href="{{ shop.url }}">В магазин</mj-button>
</mj-column></mj-section></mj-body></mjml>
"""


def run_times(argv: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds of ``runs`` runs of ``argv``.

    CPU time is the steadier figure on a shared machine: wall time also
    counts the time spent waiting for a core.
    """
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def heavy_imports(argv: list[str]) -> list[str]:
    """The heavy top-level packages a run of ``argv`` imports (``-X importtime``)."""
    result = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]], cwd=ROOT, check=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    names = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in result.stderr.splitlines()}
    return sorted(name for name in HEAVY if name in names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        mjml = Path(tmp) / "hello.mjml"
        mjml.write_text(MJML, encoding="utf-8")
        cases = {
            "python -c pass (floor)": [sys.executable, "-c", "pass"],
            "main.py --help": [sys.executable, "main.py", "--help"],
            "main.py template render FILE": [
                sys.executable, "main.py", "template", "render", str(mjml)],
        }
        print(f"{args.runs} runs each; load average {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} cores")
        print(f"{'command':<30} {'wall best':>9} {'wall median':>11} {'CPU best':>9}  "
              "heavy imports")
        for label, argv in cases.items():
            walls, cpus = run_times(argv, args.runs)
            heavy = ", ".join(heavy_imports(argv)) or "none"
            median = statistics.median(walls)
            print(f"{label:<30} {min(walls) * 1000:7.0f}ms {median * 1000:9.0f}ms "
                  f"{min(cpus) * 1000:7.0f}ms  {heavy}")


if __name__ == "__main__":
    main()
