"""Witness: an archive engine for historical documents."""

__version__ = "0.1.0"
