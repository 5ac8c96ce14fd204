"""Errors with stable codes and a hint telling the user what to do next."""

from __future__ import annotations


class WitnessError(Exception):
    """Base error. `code` is stable (used by the CLI exit message and the web API envelope)."""

    code = "witness-error"
    status = 500  # HTTP status when surfaced through the web API

    def __init__(self, message: str, *, hint: str | None = None, path: str | None = None):
        self.message = message
        self.hint = hint
        self.path = path
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        tail = f" ({self.hint})" if self.hint else ""
        return f"[{self.code}] {where}{self.message}{tail}"

    def to_dict(self) -> dict:
        return {"status": self.status, "code": self.code, "message": self.message,
                "hint": self.hint, "path": self.path}


class UnreadableInput(WitnessError):
    """No reader took the file; `reasons` maps reader name → why it declined."""

    code = "unreadable-input"
    status = 422

    def __init__(self, path: str, reasons: dict[str, str]):
        self.reasons = reasons
        listed = "; ".join(f"{name}: {why}" for name, why in reasons.items())
        super().__init__(f"no reader could read this file — {listed}", path=path,
                         hint="check that it is an MIA HTML page, a plain-text export or a TEI file")


class NotFound(WitnessError):
    code = "not-found"
    status = 404


class BadQuery(WitnessError):
    code = "bad-query"
    status = 400


class StoreError(WitnessError):
    code = "store-error"
    status = 500
