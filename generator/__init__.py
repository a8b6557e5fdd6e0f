"""Service standards knowledge base: YAML content in, site, printouts and search out."""

from __future__ import annotations

__version__ = "0.1.0"
