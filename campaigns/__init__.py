"""Campaigns: A/B subject variants of one template for one segment.

Qt-free. A campaign has one template and two to five subject (and optional
preheader) variants; its segment is split deterministically into test groups
and a remainder (:mod:`campaigns.split`), frozen at the first export
(:func:`freeze_groups`). The planner (:mod:`campaigns.planner`) says whether
the test can tell the variants apart; :mod:`campaigns.analysis` reads the
results with Wilson intervals, z-tests and Holm's correction.

Typical use::

    from campaigns import CampaignDraft, create_campaign, group_sizes
    info = create_campaign(engine, CampaignDraft("Осень", "welcome_1", "lifecycle_cold",
                                                 ["Тема A", "Тема B"]), today)
"""

from campaigns.analysis import Analysis, VariantAnalysis, analyze
from campaigns.errors import CampaignError, ResultsFileError
from campaigns.planner import (
    BASELINES,
    Plan,
    PlanInputs,
    default_baseline,
    make_plan,
    shares_for,
)
from campaigns.results_file import parse_results, read_results_file
from campaigns.split import LABELS, REST, group_of, split
from campaigns.stats import (
    METRICS,
    detectable_lift,
    holm,
    sample_size,
    two_proportion_p_value,
    wilson_interval,
)
from campaigns.store import (
    STATES,
    CampaignDraft,
    CampaignInfo,
    Variant,
    VariantResult,
    check_groups,
    choose_winner,
    create_campaign,
    default_shares,
    delete_campaign,
    freeze_groups,
    get_campaign,
    group_members,
    group_sizes,
    import_results_file,
    list_campaigns,
    live_groups,
    load_results,
    mark_exported,
    normalise_shares,
    parse_split,
    save_plan,
    segment_rule,
    sendable_emails,
    set_state,
    store_results,
    update_campaign,
)

__all__ = [
    "BASELINES", "LABELS", "METRICS", "REST", "STATES", "Analysis", "CampaignDraft",
    "CampaignError", "CampaignInfo", "Plan", "PlanInputs", "ResultsFileError", "Variant",
    "VariantAnalysis", "VariantResult", "analyze", "check_groups", "choose_winner",
    "create_campaign", "default_baseline", "default_shares", "delete_campaign",
    "detectable_lift", "freeze_groups", "get_campaign", "group_members", "group_of",
    "group_sizes", "holm", "import_results_file", "list_campaigns", "live_groups",
    "load_results", "make_plan",
    "mark_exported", "normalise_shares", "parse_results", "parse_split", "read_results_file",
    "sample_size", "save_plan", "segment_rule", "sendable_emails", "set_state", "shares_for",
    "split", "store_results", "two_proportion_p_value", "update_campaign", "wilson_interval",
]
