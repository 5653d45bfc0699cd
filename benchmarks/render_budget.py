"""What the render budget costs, and how fast runaway templates stop (run on demand).

1. The Jinja step of every built-in template for a big-cart persona, in the
   budgeted environment and in a plain ``SandboxedEnvironment`` (the same
   filters, no hooks): median milliseconds per template.
2. A loop-heavy template (20,000 iterations with attributes, ``~`` and a
   filter each): median milliseconds, budgeted and plain.
3. Seconds until each runaway template of ``tests/composer/test_budget.py``
   stops, and the error it gives.

    python benchmarks/render_budget.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from composer import builtin_templates, render_jinja, sample_personas
from composer.errors import ComposerError
from composer.jinja import _default, _money, _ru_date, environment

LOOP = ("{% for i in range(20000) %}{{ shop.name ~ i }}{{ cart.total | money }}"
        "{% endfor %}")


class _Plain(SandboxedEnvironment):
    """Konvert's environment before the budget: mapping keys win, nothing else."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, Mapping) and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def _plain() -> SandboxedEnvironment:
    env = _Plain(autoescape=True, undefined=StrictUndefined,
                               keep_trailing_newline=True)
    env.filters.update({"default": _default, "d": _default, "money": _money,
                        "ru_date": _ru_date})
    return env


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    context = dict(sample_personas()[2].context)
    plain = _plain()
    budgeted = environment()
    sources = ["".join(t.source_parts()) for t in builtin_templates()]
    for name, env in (("budgeted", budgeted), ("plain", plain)):
        compiled = [env.from_string(s) for s in sources]
        per = _median_ms(lambda compiled=compiled: [c.render(context) for c in compiled], 30)
        print(f"built-in templates, Jinja step, {name:8}: {per / len(sources):6.2f} ms each")
    for name, env in (("budgeted", budgeted), ("plain", plain)):
        template = env.from_string(LOOP)
        print(f"20,000-iteration loop, {name:8}: "
              f"{_median_ms(lambda t=template: t.render(context), 7):7.1f} ms")
    from tests.composer.test_budget import RUNAWAY

    for label, (source, _kind) in RUNAWAY.items():
        started = time.perf_counter()
        try:
            render_jinja(source, {})
            outcome = "rendered (!)"
        except ComposerError as exc:
            outcome = str(exc)
        print(f"{label:32} {time.perf_counter() - started:6.2f} s  {outcome}")


if __name__ == "__main__":
    main()
