"""The domain's messages about passing the baton: routing rules, promotion, field sales'
answer, and the exports of handoff summaries.

Part of the catalogue of :mod:`models.core.messages` (its docstring says how keys and
parameters work); stable key -> English template.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

HANDOFF_MESSAGES: Final[Mapping[str, str]] = {
    # -- Exports: handoff summaries, the CSV of handoffs (models/handoff/batch.py) --------
    "export.encoding_unknown": "Unknown encoding “{value}”; expected one of {expected}.",
    "export.unencodable": (
        "Row {row} (handoff {record}), {column}: the character “{character}” ({code_point}) "
        "cannot be written in {encoding}. Nothing was written: export in UTF-8 (the "
        "default), or change that text."
    ),
    "export.folder_missing": "Cannot write {path}: the folder {folder} does not exist.",
    "export.cannot_write": "Cannot write {path}: nothing was written.",
    "cli.handoffs.period": "--until {last} is before --since {first}: no day to export.",
    # -- Routing rules and handoffs (models/teams/settings.py, models/handoff/) -------------
    "team.routing_malformed": "Routing rules: expected a list of rules, got {value}.",
    "team.routing_key_unknown": (
        "Routing rule {rule}: unknown field “{value}”; expected one of {expected}."
    ),
    "team.routing_value_unknown": (
        "Routing rule {rule}, {key}: {value} is not allowed; expected some of {expected}."
    ),
    "team.routing_no_field_reps": "Routing rule {rule} names no field rep.",
    "team.routing_not_field_rep": (
        "Routing rule {rule}: {user} is not a field sales rep ({role})."
    ),
    "team.response_days_range": (
        "The days field sales have to answer a handoff must be from 1 to 30 (got {value})."
    ),
    "handoff.not_qualified": (
        "{lead} does not meet the handoff definition (version {version}) any more: "
        "{criterion}. Nothing was handed off."
    ),
    "handoff.override_reason_needed": (
        "{lead} does not meet every criterion: an override needs a reason."
    ),
    "handoff.override_supervisors_only": (
        "{lead} does not meet every criterion ({criterion}); only a team lead may hand it "
        "off anyway."
    ),
    "handoff.field_rep_needed": "Choose the field sales rep who takes {lead}.",
    "handoff.not_field_rep": "{user} is not a field sales rep ({role}): choose a field rep.",
    "handoff.field_rep_inactive": "{user} is no longer active: choose another field rep.",
    "handoff.meeting_past": "The meeting time {at} has passed: give a time ahead.",
    "handoff.promote_stage": "{lead} is {stage}: only a lead being worked can be handed off.",
    "handoff.not_found": "Handoff {handoff_id} does not exist.",
    "handoff.not_yours": (
        "The handoff of {lead} went to {owner}, not to you: only they can answer it."
    ),
    "handoff.answered": "The handoff of {lead} was already {status} on {at}.",
    "handoff.reason_needed": "Say why the handoff is rejected: choose a reason.",
    "handoff.reason_unknown": "Unknown rejection reason “{value}”; expected one of {expected}.",
    "cli.respond_what": "Give the handoff number, or --csv FILE with the answers.",
    "responses.unreadable": "Cannot read {file}; nothing was answered.",
    "responses.encoding": (
        "{file} is neither UTF-8 nor Shift_JIS (cp932) text; nothing was answered."
    ),
    "responses.header": (
        "{file} lacks the column(s) {missing}; expected handoff, answer, reason, text, "
        "return_to. Nothing was answered."
    ),
    "responses.row_handoff": "Line {line}, handoff: “{value}” is not a handoff number.",
    "responses.row_answer": "Line {line}, answer: “{value}” is neither accept nor reject.",
    "handoff.return_unknown": (
        "Unknown place to send the lead back “{value}”; expected one of {expected}."
    ),
    "handoff.other_needs_text": "“Other” needs a few words on why the handoff is rejected.",
    "handoff.changed_meanwhile": (
        "The handoff of {lead} changed since it was opened ({status}); it was reloaded. "
        "Nothing was saved."
    ),
}
