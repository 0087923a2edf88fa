"""The closed vocabularies of the domain (DESIGN.md §1). Values are stored as text."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    NEW = "new"
    WORKING = "working"
    PROMOTED = "promoted"
    RECYCLED = "recycled"
    DISQUALIFIED = "disqualified"


#: Stages whose leads sit in a rep's working queue.
ACTIVE_STAGES: tuple[Stage, ...] = (Stage.NEW, Stage.WORKING)


class Role(StrEnum):
    REP = "rep"
    TEAM_LEAD = "team_lead"
    FIELD_REP = "field_rep"
    MARKETING = "marketing"
    ADMIN = "admin"


class DefinitionStatus(StrEnum):
    DRAFT = "draft"
    PROPOSED = "proposed"
    APPROVED = "approved"
    #: A draft or proposal its author withdrew (kept, like every version).
    WITHDRAWN = "withdrawn"


class ApprovalSide(StrEnum):
    """The two sides that must both approve a definition version."""

    MARKETING = "marketing"
    SALES = "sales"


class HandoffStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class RejectionReason(StrEnum):
    """Why field sales turned a handoff down (a fixed list, for the shared KPIs)."""

    NOT_REACHABLE = "not_reachable"
    NOT_A_FIT = "not_a_fit"
    NO_BUDGET = "no_budget"
    TIMING = "timing"
    DUPLICATE = "duplicate"
    OTHER = "other"


class ReturnTo(StrEnum):
    """Where a rejected lead goes: back to its rep's queue, or to nurture."""

    QUEUE = "queue"
    NURTURE = "nurture"


class TouchKind(StrEnum):
    DOCUMENT_REQUEST = "document_request"  # 資料請求
    WHITEPAPER_DOWNLOAD = "whitepaper_download"
    SEMINAR_REGISTRATION = "seminar_registration"
    SEMINAR_ATTENDANCE = "seminar_attendance"
    TRADE_SHOW_SCAN = "trade_show_scan"  # 展示会
    EMAIL_OPEN = "email_open"
    EMAIL_CLICK = "email_click"
    SITE_VISIT = "site_visit"
    PRICING_PAGE = "pricing_page"
    INQUIRY = "inquiry"  # 問い合わせ
    DEMO_REQUEST = "demo_request"


class Outcome(StrEnum):
    CONNECTED = "connected"
    NO_ANSWER = "no_answer"
    VOICEMAIL = "voicemail"
    BUSY = "busy"
    GATEKEEPER = "gatekeeper"
    WRONG_NUMBER = "wrong_number"
    CALLBACK_REQUESTED = "callback_requested"
    MEETING_BOOKED = "meeting_booked"
    NOT_INTERESTED = "not_interested"
    DO_NOT_CALL = "do_not_call"


class Temperature(StrEnum):
    HOT = "hot"
    WARM = "warm"
    COLD = "cold"


class BantField(StrEnum):
    BUDGET = "budget"
    AUTHORITY = "authority"
    NEED = "need"
    TIMELINE = "timeline"


#: The BANT sentinel for "not asked or not known".
BANT_UNKNOWN = "unknown"

#: The values each BANT field may take, weakest first (the UI shows them in this order).
BANT_VALUES: dict[str, tuple[str, ...]] = {
    BantField.BUDGET: (BANT_UNKNOWN, "none", "planned", "allocated"),
    BantField.AUTHORITY: (BANT_UNKNOWN, "user", "influencer", "decision_maker"),
    BantField.NEED: (BANT_UNKNOWN, "none", "latent", "explicit"),
    BantField.TIMELINE: (BANT_UNKNOWN, "over_12m", "within_12m", "within_6m", "within_3m"),
}


class Grade(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


class Seniority(StrEnum):
    EXECUTIVE = "executive"
    DIRECTOR = "director"
    MANAGER = "manager"
    STAFF = "staff"
    UNKNOWN = "unknown"


class Industry(StrEnum):
    MANUFACTURING = "manufacturing"
    IT_SOFTWARE = "it_software"
    FINANCE = "finance"
    RETAIL = "retail"
    LOGISTICS = "logistics"
    CONSTRUCTION = "construction"
    HEALTHCARE = "healthcare"
    EDUCATION = "education"
    PUBLIC_SECTOR = "public_sector"
    SERVICES = "services"


class Region(StrEnum):
    HOKKAIDO = "hokkaido"
    TOHOKU = "tohoku"
    KANTO = "kanto"
    CHUBU = "chubu"
    KANSAI = "kansai"
    CHUGOKU = "chugoku"
    SHIKOKU = "shikoku"
    KYUSHU = "kyushu"
    OVERSEAS = "overseas"


class SizeBand(StrEnum):
    XS = "1-49"
    S = "50-299"
    M = "300-999"
    L = "1000-4999"
    XL = "5000+"

    @classmethod
    def for_employees(cls, employees: int | None) -> SizeBand | None:
        if employees is None:
            return None
        if employees < 50:
            return cls.XS
        if employees < 300:
            return cls.S
        if employees < 1000:
            return cls.M
        if employees < 5000:
            return cls.L
        return cls.XL
