"""The demo clothing shop that a new workspace opens with (and benchmarks reuse)."""

from workspace.demo.generate import (
    DEFAULT_CONTACTS,
    DEFAULT_SEED,
    DemoCancelledError,
    ensure_demo,
    generate_demo,
    workspace_has_data,
)

__all__ = [
    "DEFAULT_CONTACTS",
    "DEFAULT_SEED",
    "DemoCancelledError",
    "ensure_demo",
    "generate_demo",
    "workspace_has_data",
]
