"""A chain of co-authorship between two researchers."""

from dataclasses import dataclass

from model.graph import ResearcherRow, WorkRow


@dataclass(frozen=True)
class PathStepRow:
    """One researcher on a path, and the work linking them to the one before (None first)."""

    researcher: ResearcherRow
    via: WorkRow | None
