"""What an import fills in: the fields of a lead or a touch a column can map to, and the
presets that say which columns of a marketing tool's export are which field.

A :class:`Preset` is data: for each :class:`Field`, the header spellings one tool uses
(in any language it exports), matched after NFKC, case folding and with spaces removed
(:func:`header_key`), so ``ＥメールAddress`` and ``email address`` are the same header.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from models.core.enums import TouchKind


class ImportKind(StrEnum):
    #: People (and their companies) marketing sends; a row may carry its conversion touch.
    LEADS = "leads"
    #: Marketing interactions of leads already in Baton.
    TOUCHES = "touches"


class Field(StrEnum):
    """A value a column can give. Lead files and touch files use different subsets."""

    # -- Who: the lead ----------------------------------------------------------------------
    #: The lead's id in the marketing tool (lead files), or the id of the lead a touch
    #: belongs to (touch files).
    EXTERNAL_ID = "external_id"
    EMAIL = "email"
    LAST_NAME = "last_name"
    FIRST_NAME = "first_name"
    #: The whole name in one column (when the tool does not split it).
    NAME = "name"
    LAST_NAME_KANA = "last_name_kana"
    FIRST_NAME_KANA = "first_name_kana"
    NAME_KANA = "name_kana"
    PHONE = "phone"
    MOBILE = "mobile"
    TITLE = "title"
    DEPARTMENT = "department"
    # -- The company --------------------------------------------------------------------------
    COMPANY = "company"
    COMPANY_KANA = "company_kana"
    INDUSTRY = "industry"
    EMPLOYEES = "employees"
    PREFECTURE = "prefecture"
    COUNTRY = "country"
    WEBSITE = "website"
    # -- Marketing's view -----------------------------------------------------------------------
    #: When the lead became an MQL (or was created in the tool): the speed-to-lead clock.
    CREATED_AT = "created_at"
    #: The tool's own score (kept for reference; Baton computes its own).
    MA_SCORE = "ma_score"
    #: Where the lead came from (the tool's "original source", "lead source").
    LEAD_SOURCE = "lead_source"
    # -- A touch (a touch file's row, or a lead file's conversion) -----------------------------
    TOUCH_ID = "touch_id"
    TOUCH_KIND = "touch_kind"
    TOUCH_AT = "touch_at"
    CONTENT = "content"
    CAMPAIGN = "campaign"


#: The fields each kind of file may map.
LEAD_FIELDS: frozenset[Field] = frozenset(Field) - {Field.TOUCH_ID}
TOUCH_FIELDS: frozenset[Field] = frozenset(
    {
        Field.EXTERNAL_ID,
        Field.EMAIL,
        Field.TOUCH_ID,
        Field.TOUCH_KIND,
        Field.TOUCH_AT,
        Field.CONTENT,
        Field.CAMPAIGN,
    }
)
FIELDS_OF: Mapping[ImportKind, frozenset[Field]] = {
    ImportKind.LEADS: LEAD_FIELDS,
    ImportKind.TOUCHES: TOUCH_FIELDS,
}


def header_key(header: str) -> str:
    """A header as compared: NFKC, case-folded, without spaces, underscores or BOM."""
    folded = unicodedata.normalize("NFKC", header).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "_\ufeff")


@dataclass(frozen=True)
class Preset:
    """The standard export of one marketing tool."""

    #: Stable key (``--preset hubspot``), also the source a remembered mapping is kept for.
    key: str
    #: The tool's name as users know it (not translated).
    label: str
    kind: ImportKind
    #: What touches and lead ids from this tool are recorded under (``touch.source_system``).
    source_system: str
    #: For each field, the headers the tool writes for it (every language it exports).
    columns: Mapping[Field, tuple[str, ...]]
    #: Columns the tool computes (scores, session counts): known, deliberately not imported;
    #: the report lists them so nobody wonders where they went.
    computed: tuple[str, ...] = ()
    #: Lead files: the kind of the conversion touch a row records when the file has no
    #: column for it (None: a lead row records a touch only when it names one).
    touch_kind: TouchKind | None = None
    #: The tool's own names of activities, beyond the common synonyms (folded by
    #: :func:`header_key`) -> touch kind.
    kind_values: Mapping[str, TouchKind] = field(default_factory=dict)
    #: The export starts with rows describing the search before the header row (BowNow).
    preamble: bool = False
