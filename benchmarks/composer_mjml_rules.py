"""Regenerate composer/data/mjml_rules.json from the official mjml npm package.

The validator's components, allowed attributes with their types, allowed
children and colour names are dumped from mjml-core and mjml-validator, so
they are exactly what the official validator checks. Run on demand after an
MJML upgrade:

    python benchmarks/composer_mjml_rules.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fidelity import CACHE, ensure_mjml

DUMP = """
const mjml = require('mjml');
const core = require('mjml-core');
const {dependencies} = require('mjml-validator');
const colors = require('mjml-core/lib/types/helpers/colors');
const out = {mjml_version: require('mjml/package.json').version, components: {},
  dependencies: {}, component_less_tags: ['mj-all', 'mj-class', 'mj-selector', 'mj-html-attribute'],
  whitelist_attributes: ['mj-class', 'css-class'], color_names: colors.default || colors};
for (const name of Object.keys(core.components).sort()) {
  const C = core.components[name];
  out.components[name] = {ending_tag: !!C.endingTag, attributes: C.allowedAttributes || {}};
}
for (const k of Object.keys(dependencies).sort())
  out.dependencies[k] = dependencies[k].map(x => x instanceof RegExp ? '*' : x);
process.stdout.write(JSON.stringify(out, null, 1) + "\\n");
"""


def main() -> None:
    ensure_mjml()
    script = CACHE / "dump_rules.js"
    script.write_text(DUMP)
    result = subprocess.run(["node", str(script)], cwd=CACHE, check=True, capture_output=True,
                            text=True)
    target = Path(__file__).resolve().parents[1] / "composer" / "data" / "mjml_rules.json"
    target.write_text(result.stdout, encoding="utf-8")
    print(f"wrote {target} ({len(result.stdout)} bytes)")


if __name__ == "__main__":
    main()
