"""Readers: user input -> Article records (and InputErrors, which never stop a batch)."""
from __future__ import annotations

from .reader import articles_only, read_file, read_paths, read_stream
from .seedformat import parse_seed

__all__ = ["articles_only", "parse_seed", "read_file", "read_paths", "read_stream"]
