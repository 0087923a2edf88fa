"""What the demo's calls say: a rep's notes and the prospect's words behind BANT answers."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from models.core.enums import Outcome
from models.leads import bant

_NOTES = {
    "ja": (
        "担当者と話せた。現行ツールの更新が来年4月。比較検討中とのこと。",
        "情報システム部で検討中。予算は下期に確保予定。",
        "決裁は部長。来月の定例で議題に上げてもらう。",
        "展示会で話した件の続き。資料を再送してほしいとのこと。",
    ),
    "en": (
        "Spoke with the contact. Renewal of their current tool is due in April.",
        "Evaluating with IT; budget expected next half.",
        "Their VP signs off; they will raise it at next month's review.",
    ),
}
_EVIDENCE = {
    "ja": {
        "budget": "「下期の予算で計上する予定です」",
        "authority": "「最終的には部長の判断になります」",
        "need": "「架電の記録がバラバラで困っている」",
        "timeline": "「4月の更新までに決めたい」",
    },
    "en": {
        "budget": '"We plan to budget it next half."',
        "authority": '"Our VP makes the final call."',
        "need": '"Our call notes are scattered everywhere."',
        "timeline": '"We want to decide before the April renewal."',
    },
}


def note(rng: random.Random, locale: str, outcome: Outcome) -> str | None:
    if outcome not in (Outcome.CONNECTED, Outcome.CALLBACK_REQUESTED, Outcome.MEETING_BOOKED):
        return None
    return rng.choice(_NOTES.get(locale, _NOTES["en"]))


def answers(
    rng: random.Random, lead_id: int, row: dict[str, Any], at: datetime
) -> list[dict[str, Any]]:
    evidence = _EVIDENCE.get(row["locale"], _EVIDENCE["en"])
    answers = []
    for name, values in bant.VALUES.items():
        if rng.random() < 0.5:
            continue
        answers.append(
            {
                "lead_id": lead_id,
                "field": str(name),
                "value": rng.choice(values[1:]),
                "evidence": evidence[str(name)],
                "call_id": None,
                "recorded_by": row["owner_id"],
                "recorded_at": at,
            }
        )
    return answers
