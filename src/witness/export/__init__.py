"""Exports: JSON (the spec shape), TEI P5, EPUB, CSV/JSONL."""
