"""Translation + rendering per target for every built-in template, and a campaign payload.

Usage: python benchmarks/esp_translate.py [WORKSPACE]   (default: a fresh 5,000-contact demo)
Prints the median and worst time per target and the time to prepare a campaign for Mindbox.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from composer import builtin_templates
from esp.prepare import prepare_campaign, prepare_template
from esp.translate import TARGETS
from workspace.db import open_workspace

TODAY = date(2026, 11, 22)


def main() -> None:
    if len(sys.argv) > 1:
        engine = open_workspace(sys.argv[1])
    else:
        from workspace.demo import generate_demo

        path = Path(tempfile.mkdtemp()) / "bench.sqlite"
        engine = open_workspace(str(path))
        generate_demo(engine, contacts=5000, seed=42, today=TODAY)
    for target in TARGETS:
        times = []
        for template in builtin_templates():
            start = time.perf_counter()
            prepare_template(engine, template.name, target, TODAY, per_recipient=True,
                             template=template)
            times.append(time.perf_counter() - start)
        print(f"{target:<13} median {statistics.median(times) * 1000:5.0f} ms, "
              f"worst {max(times) * 1000:5.0f} ms ({len(times)} templates)")
    from campaigns import CampaignDraft, create_campaign, list_campaigns

    if not list_campaigns(engine):
        create_campaign(engine, CampaignDraft("bench", "reactivation_1", "lifecycle_passive",
                                              ["A {{ first_name | default('друг') }}", "B"]),
                        TODAY)
    name = list_campaigns(engine)[0].name
    start = time.perf_counter()
    payload, _ = prepare_campaign(engine, name, "mindbox", TODAY, freeze=False)
    count = sum(len(g.recipients) for g in payload.groups)
    print(f"campaign for mindbox: {time.perf_counter() - start:.2f} s, {count} recipients")


if __name__ == "__main__":
    main()
