"""The demo's past handoffs: every promoted lead was handed to a field rep, in turn, and
field sales answered most of them (accepted, or rejected with a reason), so the inbox,
the overdue list and the what-if over past handoffs have something to show."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models.core.entities import HANDOFF, Lead
from models.core.enums import HandoffStatus, RejectionReason, Role, Stage
from models.definitions import versions
from models.definitions.criteria import root
from models.definitions.evaluate import check_to_data, evaluate
from models.handoff.facts import as_of, lead_facts
from models.scoring.sla import business_days_later
from models.teams.settings import TeamSettings

#: How field sales answered: most accepted; the rejections as teams report them.
_REJECTIONS = (
    (RejectionReason.TIMING, 4),
    (RejectionReason.NO_BUDGET, 3),
    (RejectionReason.NOT_A_FIT, 2),
    (RejectionReason.NOT_REACHABLE, 2),
    (RejectionReason.DUPLICATE, 1),
)
_WHY = {
    RejectionReason.TIMING: "導入は来年度以降とのこと",
    RejectionReason.NO_BUDGET: "今期の予算確保ができていない",
    RejectionReason.NOT_A_FIT: "必要な機能が当社製品の範囲外",
    RejectionReason.NOT_REACHABLE: "訪問日程の再調整に応じてもらえない",
    RejectionReason.DUPLICATE: "既存顧客の別部署で商談中",
}


def create(
    session: Session,
    rng: random.Random,
    user_ids: dict[str, list[int]],
    rules: TeamSettings,
    now: datetime,
) -> int:
    """A handoff for every promoted demo lead; returns how many."""
    field_reps = user_ids.get(Role.FIELD_REP.value, [])
    if not field_reps:
        return 0
    definition = versions.active(session)
    criteria = root(definition.criteria)
    promoted = session.execute(
        select(Lead.id, Lead.owner_id, Lead.promoted_at, Lead.next_meeting_at)
        .where(Lead.stage == Stage.PROMOTED.value)
        .order_by(Lead.promoted_at, Lead.id)
    ).all()
    reasons = [r for r, _w in _REJECTIONS]
    weights = [w for _r, w in _REJECTIONS]
    rows = []
    for n, lead in enumerate(promoted):
        at = lead.promoted_at or now
        facts = as_of(lead_facts(session, lead.id), at)
        checked = evaluate(criteria, facts, at)
        due = business_days_later(at, rules.handoff_response_days, rules)
        status, code, why, answered = HandoffStatus.PENDING, None, None, None
        if due < now - timedelta(days=1) or rng.random() < 0.3:
            answered = min(at + timedelta(hours=rng.uniform(2, 40)), now)
            if rng.random() < 0.72:
                status = HandoffStatus.ACCEPTED
            else:
                status = HandoffStatus.REJECTED
                code = rng.choices(reasons, weights)[0]
                why = _WHY[code]
        field_rep = field_reps[n % len(field_reps)]
        rows.append(
            {
                "lead_id": lead.id,
                "promoted_by": lead.owner_id or field_rep,
                "field_rep_id": field_rep,
                "definition_id": definition.id or None,
                "definition_version": definition.version,
                "summary": "",
                "checklist": [check_to_data(item) for item in checked.items],
                "facts": facts.to_data(),
                "status": status.value,
                "meeting_at": lead.next_meeting_at,
                "note": None,
                "override_reason": None if checked.met else "デモ: 定義の導入前に引き渡し",
                "response_due_at": due,
                "responded_at": answered,
                "responded_by": field_rep if answered else None,
                "response_code": code.value if code else None,
                "response_reason": why,
                "returned_to": None,
                "created_at": at,
                "version": 1,
            }
        )
    if rows:
        session.connection().execute(insert(HANDOFF), rows)
    return len(rows)
