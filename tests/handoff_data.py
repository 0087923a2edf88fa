"""A lead worth handing off, written straight into a database (both backends): a Japanese
company, a contact, touches of every relevance group, calls (one superseded, one with
the discovery fields), BANT answers in the prospect's words, users on both sides.

Every test of the handoff summary (data, formats, PDF, CLI) starts from it; text that
would be markup (``<script>``, ``<img onerror>``, Markdown links) goes where a user could
type it, so each format is seen to keep it text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from models.core.entities import (
    Account,
    Call,
    Handoff,
    Lead,
    QualificationAnswer,
    Touch,
    User,
)
from models.db.database import Database
from models.definitions import versions

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
SCRIPT = "<script>alert('x')</script>"
IMG = "<img src=x onerror=alert(1)>"
MD_LINK = "[click here](https://evil.example/x) ![pic](https://evil.example/p.png)"
COMPANY = "株式会社日本橋ロジスティクス"
CHALLENGE = f"配送ルートの手作業{IMG}を月末までに減らしたい"
OLD_CHALLENGE = "古い課題（使われない）"
NOTE_1 = f"4月の更新までに比較したい。予算は500万円。\n{SCRIPT}\n# 見出しではない\n{MD_LINK}"
NOTE_2 = "日本語と English の混在: ID 42、電話は 03-1234-5678 (内線 1)。"
SUPERSEDED_NOTE = "訂正前のメモ（表示しない）"
DECISION = "部長決裁 → 役員会で承認（12月）"
COMPETITORS = "Salesforce, HubSpot"
RECOMMENDATION = "早めの訪問を推奨します。<b>太字ではない</b>"
WORDS = {
    "budget": "「下期に500万円を計上します」",
    "authority": "「最終的には部長が決めます」",
    "need": "「配送計画の属人化が課題」",
    "timeline": "「来年4月の更新までに決めたい」",
}
VALUES = {
    "budget": "allocated",
    "authority": "decision_maker",
    "need": "explicit",
    "timeline": "within_6m",
}
#: (kind, days before NOW, title): the history, deliberately not in relevance order.
TOUCHES = (
    ("email_open", 1, "メールマガジン 11月号"),
    ("whitepaper_download", 3, "物流DX入門"),
    ("inquiry", 20, "料金について"),
    ("seminar_attendance", 5, "物流セミナー 東京"),
    ("demo_request", 10, "デモ希望"),
    ("pricing_page", 2, None),
    ("inquiry", 4, "導入事例について"),
    ("document_request", 15, "製品資料"),
    ("seminar_registration", 8, "物流セミナー 東京"),
)


@dataclass(frozen=True)
class HandoffLead:
    lead_id: int
    account_id: int
    rep_id: int
    field_rep_id: int
    team_lead_id: int
    call_ids: tuple[int, ...]


def add_user(db: Database, email: str, name: str, role: str) -> int:
    with db.write() as session:
        user = User(email=email, display_name=name, role=role)
        session.add(user)
        session.flush()
        return user.id


def users(db: Database) -> tuple[int, int, int]:
    """(rep, field rep, team lead), made once per database."""
    with db.read() as session:
        found = {u.email: u.id for u in session.query(User)}
    if "rep@baton.test" in found:
        return found["rep@baton.test"], found["field@baton.test"], found["lead@baton.test"]
    return (
        add_user(db, "rep@baton.test", "佐藤 美咲", "rep"),
        add_user(db, "field@baton.test", "渡辺 大輔", "field_rep"),
        add_user(db, "lead@baton.test", "田中 直樹", "team_lead"),
    )


def make_lead(
    db: Database,
    *,
    company: str = COMPANY,
    challenge: str = CHALLENGE,
    with_history: bool = True,
) -> HandoffLead:
    rep, field_rep, team_lead = users(db)
    with db.write() as session:
        versions.ensure_default(session, NOW)
        account = Account(
            name=company,
            name_kana="ニホンバシロジスティクス",
            sort_key=company,
            industry="logistics",
            employees=320,
            size_band="300-999",
            region="kanto",
            prefecture="東京都",
            website="https://nihonbashi-logi.example",
            phone="03-1234-5678",
            phone_e164="+81312345678",
        )
        session.add(account)
        session.flush()
        lead = Lead(
            account_id=account.id,
            name="山田 太郎",
            name_kana="ヤマダ タロウ",
            sort_key="やまだ たろう",
            search_text="山田 太郎",
            email="taro.yamada@nihonbashi-logi.example",
            phone="090-1234-5678",
            phone_e164="+819012345678",
            title="物流部 部長",
            department="物流部",
            stage="working",
            owner_id=rep,
            score=72,
            grade="A",
            temperature="hot",
            mql_at=NOW - timedelta(days=30),
            reached_at=NOW - timedelta(days=2),
            next_meeting_at=NOW + timedelta(days=3, hours=2),
            scored_at=NOW,
        )
        session.add(lead)
        session.flush()
        if with_history:
            for kind, days, title in TOUCHES:
                session.add(
                    Touch(
                        lead_id=lead.id,
                        kind=kind,
                        occurred_at=NOW - timedelta(days=days),
                        content_title=title,
                        campaign=f"CMP-{kind}",
                    )
                )
        calls = [
            Call(
                lead_id=lead.id,
                user_id=rep,
                started_at=NOW - timedelta(days=6),
                duration_seconds=300,
                outcome="connected",
                notes="最初の会話",
                challenge=OLD_CHALLENGE,
            ),
            Call(
                lead_id=lead.id,
                user_id=rep,
                started_at=NOW - timedelta(days=3),
                duration_seconds=30,
                outcome="connected",
                notes=SUPERSEDED_NOTE,
                superseded=True,
            ),
            Call(
                lead_id=lead.id,
                user_id=rep,
                started_at=NOW - timedelta(days=2),
                duration_seconds=720,
                outcome="meeting_booked",
                notes=NOTE_1,
                temperature="hot",
                challenge=challenge,
                competitors=COMPETITORS,
                decision_process=DECISION,
                meeting_at=NOW + timedelta(days=3, hours=2),
            ),
            Call(
                lead_id=lead.id,
                user_id=rep,
                started_at=NOW - timedelta(days=1),
                outcome="connected",
                notes=NOTE_2,
                challenge="   ",
            ),
        ]
        session.add_all(calls)
        session.flush()
        for field, value in VALUES.items():
            session.add(
                QualificationAnswer(
                    lead_id=lead.id,
                    field=field,
                    value=value,
                    evidence=WORDS[field],
                    call_id=calls[2].id,
                    recorded_by=rep,
                    recorded_at=NOW - timedelta(days=2),
                )
            )
        return HandoffLead(
            lead.id, account.id, rep, field_rep, team_lead, tuple(c.id for c in calls)
        )


def add_handoff(db: Database, made: HandoffLead, *, summary: str = "", note: str = "") -> int:
    """A handoff row as the demo writes them (no summary kept: it is built from the row)."""
    with db.write() as session:
        handoff = Handoff(
            lead_id=made.lead_id,
            promoted_by=made.rep_id,
            field_rep_id=made.field_rep_id,
            definition_version=1,
            summary=summary,
            status="pending",
            meeting_at=NOW + timedelta(days=3, hours=2),
            note=note or RECOMMENDATION,
            created_at=NOW,
        )
        session.add(handoff)
        session.flush()
        return handoff.id
