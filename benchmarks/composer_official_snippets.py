"""Regenerate the official MJML outputs the snippet tests compare Konvert with.

Each ``tests/data/mjml_official/NAME.mjml`` is rendered by the official
``mjml`` npm package (5.4.1, installed into the cache by ``fidelity.py``) at
its default validation level (``soft``) into ``NAME.official.html``, and the
official validator's findings into ``NAME.official.json``. The tests in
``tests/composer/test_mjml_source.py`` then need no Node. Run on demand after
an MJML upgrade or a new snippet:

    python benchmarks/composer_official_snippets.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fidelity import CACHE, ensure_mjml

SNIPPETS = Path(__file__).resolve().parents[1] / "tests" / "data" / "mjml_official"
RENDER = """
const mjml = require('mjml'); const fs = require('fs');
(async () => {
  for (const src of process.argv.slice(2)) {
    const r = await mjml(fs.readFileSync(src, 'utf8'), {fonts: {}});
    const base = src.replace(/\\.mjml$/, '');
    fs.writeFileSync(base + '.official.html', r.html);
    fs.writeFileSync(base + '.official.json', JSON.stringify(
      r.errors.map(e => ({line: e.line, tag: e.tagName, message: e.message})), null, 1) + '\\n');
  }
})();
"""


def main() -> None:
    ensure_mjml()
    script = CACHE / "render_snippets.js"
    script.write_text(RENDER)
    files = sorted(str(f) for f in SNIPPETS.glob("*.mjml"))
    subprocess.run(["node", str(script), *files], cwd=CACHE, check=True)
    print(f"rendered {len(files)} snippets into {SNIPPETS}")


if __name__ == "__main__":
    main()
