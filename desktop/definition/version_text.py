"""A definition version in words, as plain text lines: its status, who drafted, proposed
and approved it and when, its note, the scoring's main settings and every criterion as a
sentence (indented under its group). The same sentences as ``baton definition show``.
Plain text with its depth; a caller putting it into rich text escapes it."""

from __future__ import annotations

from desktop.cli import definition as cli
from desktop.cli.output import say
from desktop.definition.versions_model import status_text
from desktop.i18n import criteria as words
from desktop.i18n import formats
from models.definitions.records import VersionDetail


def _date(value: object) -> str:
    return formats.datetime_text(value) if value is not None else ""  # type: ignore[arg-type]


def _side(side: str) -> str:
    return say(cli.SIDES.get(side, side))


def detail_lines(detail: VersionDetail) -> list[tuple[int, str]]:
    """Each line with its depth (0: about the version; 1 and more: the criteria tree)."""
    lines = [say(cli.TITLE, detail.version, detail.name), say(cli.STATUS_LINE, status_text(detail))]
    if detail.effective_from is not None:
        lines.append(say(cli.EFFECTIVE, _date(detail.effective_from)))
    who = detail.created_by or "Baton"
    if detail.based_on_version is not None:
        lines.append(say(cli.BASED_ON, detail.based_on_version, who, _date(detail.created_at)))
    elif detail.created_by:
        lines.append(say(cli.DRAFTED_BY, who, _date(detail.created_at)))
    if detail.proposed_by:
        lines.append(say(cli.PROPOSED_BY, detail.proposed_by, _date(detail.proposed_at)))
    for approval in detail.approvals:
        lines.append(
            say(
                cli.APPROVED_BY,
                _side(approval.side),
                approval.user_name,
                _date(approval.approved_at),
            )
        )
    missing = [s for s in cli.SIDES if detail.approval(s) is None]
    if detail.status == "proposed" and missing:
        lines.append(say(cli.AWAITING, ", ".join(_side(s) for s in missing)))
    if detail.note:
        lines.append(say(cli.NOTE, detail.note))
    engagement = detail.scoring_data.get("engagement", {})
    grades = detail.scoring_data.get("grades", {})
    lines.append(
        say(
            cli.SCORING,
            engagement.get("half_life_days", "?"),
            *(grades.get(g, "?") for g in ("A", "B", "C")),
        )
    )
    lines.append("")
    lines.append(say(cli.CRITERIA))
    return [(0, line) for line in lines] + [
        (depth + 1, sentence) for depth, sentence in words.outline(detail.criteria)
    ]
