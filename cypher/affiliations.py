"""The step that keeps the current affiliation (Researcher.currentInstitutionId) right after
a write that changes AFFILIATED_WITH edges: run it with that write in
CypherRunner.write_together."""

from collections.abc import Iterable
from typing import Any


def refresh_current_affiliations(
    researchers: Iterable[str] = (), institutions: Iterable[str] = ()
) -> tuple[str, dict[str, Any]]:
    """set_current_affiliations for these researchers and every researcher affiliated with
    these institutions."""
    return "set_current_affiliations", {
        "ids": list(researchers),
        "institutionIds": list(institutions),
    }
