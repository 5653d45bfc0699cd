"""Edit-to-preview latency of the largest built-in template (run on demand).

Each of 200 edits changes a text block (so no compiled-template or validation
cache can help), then renders the live preview (no inlining) and, separately,
the final inlined HTML. Prints median and p95 in milliseconds.

    python benchmarks/composer_preview.py
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from composer import TextBlock, builtin_templates, render, render_preview, sample_personas

EDITS = 200


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    context = sample_personas()[3].context  # the big cart: the most rows
    sizes = {t.name: len(render(t, context).html) for t in builtin_templates()}
    name = max(sizes, key=lambda n: sizes[n])
    template = next(t for t in builtin_templates() if t.name == name)
    index = next(i for i, b in enumerate(template.blocks) if isinstance(b, TextBlock))
    preview_ms: list[float] = []
    final_ms: list[float] = []
    for edit in range(EDITS):
        blocks = list(template.blocks)
        blocks[index] = TextBlock(f"Правка номер {edit}: {{{{ first_name | default('друг') }}}}")
        edited = replace(template, blocks=tuple(blocks))
        start = time.perf_counter()
        render_preview(edited, context)
        preview_ms.append((time.perf_counter() - start) * 1000)
        edited = replace(edited, subject=f"{template.subject} {edit}")
        start = time.perf_counter()
        render(edited, context)
        final_ms.append((time.perf_counter() - start) * 1000)
    print(f"template: {name} ({sizes[name] // 1024} KB final HTML, big-cart persona)")
    print(f"edit -> preview HTML:        median {statistics.median(preview_ms):6.1f} ms, "
          f"p95 {_pct(preview_ms, 0.95):6.1f} ms  (target < 30 ms)")
    print(f"edit -> final inlined HTML:  median {statistics.median(final_ms):6.1f} ms, "
          f"p95 {_pct(final_ms, 0.95):6.1f} ms")


if __name__ == "__main__":
    main()
