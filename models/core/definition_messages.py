"""The domain's messages about the handoff definition: scoring settings, criteria, versions,
approvals and definition files.

Part of the catalogue of :mod:`models.core.messages` (its docstring says how keys and
parameters work); stable key -> English template.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

DEFINITION_MESSAGES: Final[Mapping[str, str]] = {
    # -- Scoring settings (the handoff definition) -----------------------------------------
    "scoring.field_missing": "The scoring settings lack the field “{name}”.",
    "scoring.not_mapping": "The scoring setting {name} must be a mapping (got {value}).",
    "scoring.not_number": "The scoring setting {name} must be a number (got {value}).",
    "scoring.not_finite": "The scoring setting {name} must be a finite number (got {value}).",
    "scoring.not_positive": "The scoring setting {name} must be greater than 0 (got {value}).",
    "scoring.out_of_range": "The scoring setting {name} must be between 0 and 1 (got {value}).",
    "scoring.not_points": "The scoring setting {name} must be a mapping of name to points.",
    "scoring.not_words": "The scoring setting {name} must be a list of words (got {value}).",
    "scoring.empty_word": "The scoring setting {name} must hold only non-empty words.",
    # -- The handoff definition: criteria, versions, approvals, files ---------------------
    "criteria.invalid": "{path}: “{value}” is not allowed; expected {expected}.",
    "definition.not_found": "There is no version {version} of the handoff definition.",
    "definition.edit_role": (
        "{user} ({role}) cannot draft or change the handoff definition; team leads, "
        "marketing and administrators can."
    ),
    "definition.approve_role": (
        "{user} ({role}) cannot approve the handoff definition: marketing approves for "
        "marketing, a team lead or an administrator for sales."
    ),
    "definition.locked.proposed": (
        "Version {version} was proposed by {user} on {at} and can no longer be changed; "
        "draft a new version from it to change it."
    ),
    "definition.locked.approved": (
        "Version {version} is approved and can no longer be changed; draft a new version "
        "from it to change it."
    ),
    "definition.locked.withdrawn": (
        "Version {version} was withdrawn and can no longer be changed; draft a new version "
        "from it to change it."
    ),
    "definition.propose_empty": (
        "Version {version} has no criteria, so every lead would meet it: add at least one "
        "criterion before proposing it."
    ),
    "definition.approve_draft": (
        "Version {version} is still a draft: it must be proposed before anyone approves it."
    ),
    "definition.approve_approved": "Version {version} is already approved by both sides.",
    "definition.approve_withdrawn": (
        "Version {version} was withdrawn and can no longer be approved."
    ),
    "definition.approved_twice": (
        "{user} already approved version {version} on {at}; the other side's approval must "
        "come from someone else."
    ),
    "definition.proposer_alone": (
        "{user} proposed version {version} and has approved it once; a proposer cannot "
        "approve it alone: the other side's approval must come from someone else."
    ),
    "definition.side_taken.marketing": (
        "Marketing already approved version {version} ({user}, {at}); it now needs a sales "
        "approval, from a team lead or an administrator."
    ),
    "definition.side_taken.sales": (
        "Sales already approved version {version} ({user}, {at}); it now needs a "
        "marketing approval."
    ),
    "definition.effective_past": (
        "The effective date {at} is in the past; choose now or a later time."
    ),
    "definition.withdraw_approved": (
        "Version {version} is approved: an approved version is replaced by a newer one, "
        "never withdrawn."
    ),
    "definition.withdraw_withdrawn": "Version {version} was already withdrawn.",
    "definition.changed_meanwhile": (
        "Version {version} was changed since you opened it (by {user} at {at}): nothing was "
        "saved. The current draft is shown and what you typed is kept: check it and save "
        "again."
    ),
    "definition.name_empty": "The definition's name is empty.",
    "definition.file.unreadable": "Cannot read {file}; nothing was imported.",
    "definition.file.unwritable": "Cannot write {file}; nothing was exported.",
    "definition.file.not_utf8": "{file} is not UTF-8 text; nothing was imported.",
    "definition.file.syntax": (
        "{file}, line {line}, column {column}: this is not valid TOML; nothing was imported."
    ),
    "definition.file.missing": "{file} has no [{path}] table; nothing was imported.",
    "definition.file.unknown_key": (
        "{file}, line {line}: unknown key “{path}”; expected {expected}. Nothing was imported."
    ),
    "definition.file.not_text": (
        "{file}, line {line}: {path} must be text in quotes; nothing was imported."
    ),
    "definition.file.not_version": (
        "{file}, line {line}: {path} must be a version number; nothing was imported."
    ),
    "definition.file.criteria": (
        "{file}, line {line}: {path}: “{value}” is not allowed; expected {expected}. "
        "Nothing was imported."
    ),
    "definition.file.scoring": (
        "{file}, line {line}: the scoring setting {path} is not valid (it is {value}); "
        "nothing was imported."
    ),
    "definition.file.scoring_missing": (
        "{file}, line {line}: the scoring settings lack {path}; nothing was imported."
    ),
}
