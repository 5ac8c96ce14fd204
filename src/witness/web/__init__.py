"""The reading room: server-rendered pages and a JSON API over a Store (issue 5)."""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
