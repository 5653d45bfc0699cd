"""The Export page's tests use the Unisender tests' workspace and fake server."""

from tests.esp_unisender.conftest import fake, workspace

__all__ = ["fake", "workspace"]
