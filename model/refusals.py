"""Expected refusals: a mutation that changed nothing says why in its payload."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Refusal:
    """`code` is one of the mutation's error codes (schema/user_errors.py); `field` names
    the input value."""

    code: str
    message: str
    field: str | None = None


def not_found(field: str, what: str, value: str) -> Refusal:
    return Refusal("NOT_FOUND", f"no {what} has the id {value!r}", field)
