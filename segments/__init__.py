"""Segments: rules, their compilation to SQL, saved segments, lifecycle, RFM, presets.

The JSON rule format and its semantics are segments.md. Typical use::

    from segments import count, members, explain
    n = count(engine, {"field": "city", "op": "eq", "value": "Москва"}, today)
    n.count, n.sendable

Everything the user can get wrong raises :class:`SegmentError` (exit 2 on
the command line), whose message names the rule's path.
"""

from segments.compile import Compiler, compile_rule, select_members, sendable
from segments.edits import EditCommand, RuleDocument
from segments.errors import SegmentError
from segments.explain import explain, overlap
from segments.export import MEMBER_CSV_COLUMNS, write_members_csv
from segments.fields import FIELDS, GROUPS, FieldSpec, field_spec
from segments.lifecycle import (
    LifecycleThresholds,
    ThresholdProblem,
    load_thresholds,
    save_thresholds,
    threshold_problems,
)
from segments.presets import PRESETS, PRESETS_BY_ID, Preset
from segments.query import (
    Member,
    SegmentCount,
    count,
    custom_fields,
    distinct_values,
    lifecycle_counts,
    members,
    sample_members,
)
from segments.rules import Condition, Group, Not, Reference, Rule, load_rule_file, parse_rule
from segments.store import (
    SavedSegment,
    delete_segment,
    duplicate_segment,
    list_segments,
    load_segment_rules,
    rename_segment,
    save_new_segment,
    save_segment,
    segment_exists,
)

__all__ = [
    "FIELDS",
    "GROUPS",
    "MEMBER_CSV_COLUMNS",
    "PRESETS",
    "PRESETS_BY_ID",
    "Compiler",
    "Condition",
    "EditCommand",
    "FieldSpec",
    "Group",
    "LifecycleThresholds",
    "Member",
    "Not",
    "Preset",
    "Reference",
    "Rule",
    "RuleDocument",
    "SavedSegment",
    "SegmentCount",
    "SegmentError",
    "ThresholdProblem",
    "compile_rule",
    "count",
    "custom_fields",
    "delete_segment",
    "distinct_values",
    "duplicate_segment",
    "explain",
    "field_spec",
    "lifecycle_counts",
    "list_segments",
    "load_rule_file",
    "load_segment_rules",
    "load_thresholds",
    "members",
    "overlap",
    "parse_rule",
    "rename_segment",
    "sample_members",
    "save_new_segment",
    "save_segment",
    "save_thresholds",
    "segment_exists",
    "select_members",
    "sendable",
    "threshold_problems",
    "write_members_csv",
]
