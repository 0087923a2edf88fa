"""Demo data a Japanese rep would believe (issue 8): every row agrees with the team's
calendar, its campaign's dates and the rest of its lead's story.

Each rule is checked over *all* rows of the demo data set (300 leads, seed 7, at
``NOW``, both databases), and again over smaller data sets generated at awkward times
(the middle of Golden Week, the first morning after New Year, a Sunday night). The
expectations come from the domain: the team's rules (``TeamSettings`` and
``models.scoring.sla``), the scoring's own title classifier, what a call's outcome means
(nobody answering takes seconds; a conversation takes minutes) and what the text of a
title, a campaign or a prospect's words says.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from models import demo
from models.core.entities import Call, Lead, QualificationAnswer, Team, Touch
from models.core.enums import Seniority
from models.db.database import Database, open_database
from models.definitions import versions
from models.definitions.scoring_config import SENIORITY_ORDER, ScoringConfig
from models.demo.campaigns import Calendar
from models.demo.catalog import EVERGREEN
from models.demo.generator import HISTORY_DAYS
from models.leads.call_figures import UNANSWERED, booked_meeting, pending_callback
from models.scoring.score import classify_seniority
from models.scoring.sla import deadline, is_business_day
from models.teams.settings import TeamSettings
from tests.concurrency import stale_leads
from tests.conftest import NOW

#: Nobody answered: the phone rang out, was busy or went to voicemail.
NOBODY = {"no_answer", "busy", "voicemail"}
#: Somebody talked with the rep long enough to qualify or book.
CONVERSATIONS = {"connected", "meeting_booked"}
#: Answers that count against a lead.
NEGATIVE = {"none", "over_12m"}
MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
SEASONS: dict[str, frozenset[int]] = {
    **dict.fromkeys(("春", "Spring"), frozenset({3, 4, 5})),
    **dict.fromkeys(("夏", "Summer"), frozenset({6, 7, 8})),
    **dict.fromkeys(("秋", "Autumn", "Fall"), frozenset({9, 10, 11})),
    **dict.fromkeys(("冬", "Winter"), frozenset({12, 1, 2})),
}


@dataclass
class Data:
    """Every row the rules look at, read once."""

    now: datetime
    rules: TeamSettings
    zone: ZoneInfo
    leads: dict[int, Lead]
    calls: dict[int, list[Call]]  # by lead, in order
    answers: dict[int, list[QualificationAnswer]]  # by lead, in order
    touches: list[Touch]
    seniority: dict[int, Seniority]  # by lead
    config: ScoringConfig

    def local(self, at: datetime) -> datetime:
        return at.astimezone(self.zone)

    def all_calls(self) -> Iterator[Call]:
        for calls in self.calls.values():
            yield from calls


def read(db: Database, now: datetime) -> Data:
    with db.read() as session:
        team = session.scalars(select(Team).order_by(Team.id)).first()
        assert team is not None
        rules = TeamSettings.from_dict(team.settings)
        config = versions.active(session).scoring
        leads = {lead.id: lead for lead in session.scalars(select(Lead))}
        calls: dict[int, list[Call]] = defaultdict(list)
        for call in session.scalars(select(Call).order_by(Call.started_at, Call.id)):
            calls[call.lead_id].append(call)
        answers: dict[int, list[QualificationAnswer]] = defaultdict(list)
        statement = select(QualificationAnswer).order_by(
            QualificationAnswer.recorded_at, QualificationAnswer.id
        )
        for answer in session.scalars(statement):
            answers[answer.lead_id].append(answer)
        touches = list(session.scalars(select(Touch)))
        session.expunge_all()
    seniority = {i: classify_seniority(lead.title, config) for i, lead in leads.items()}
    zone = ZoneInfo(rules.timezone)
    return Data(now, rules, zone, leads, calls, answers, touches, seniority, config)


# -- The team's calendar --------------------------------------------------------------------
def in_business_hours(data: Data, start: datetime, seconds: int = 0) -> bool:
    """Whether [start, start + seconds] lies in one business day's hours (team clock)."""
    local = data.local(start)
    end = local + timedelta(seconds=seconds)
    return (
        is_business_day(local.date(), data.rules)
        and end.date() == local.date()
        and data.rules.day_start <= local.time()
        and end.time() <= data.rules.day_end
    )


def check_calls_in_business_hours(data: Data) -> None:
    calls = list(data.all_calls())
    assert calls
    outside = [
        (c.lead_id, data.local(c.started_at), c.duration_seconds)
        for c in calls
        if not in_business_hours(data, c.started_at, c.duration_seconds or 0)
    ]
    assert not outside, outside[:10]
    assert all(c.started_at + timedelta(seconds=c.duration_seconds or 0) <= data.now for c in calls)
    for lead_id, lead_calls in data.calls.items():
        for before, after in pairwise(lead_calls):
            ended = before.started_at + timedelta(seconds=before.duration_seconds or 0)
            assert after.started_at >= ended, (lead_id, before.id, after.id)


def check_callbacks_and_meetings_in_business_hours(data: Data) -> None:
    """People agree on a quarter hour of a business day, after the call that agreed it."""
    agreed: list[tuple[int, datetime, datetime]] = []
    for call in data.all_calls():
        ended = call.started_at + timedelta(seconds=call.duration_seconds or 0)
        for at in (call.callback_at, call.meeting_at):
            if at is not None:
                agreed.append((call.lead_id, at, ended))
    for lead in data.leads.values():
        for at in (lead.next_callback_at, lead.next_meeting_at):
            if at is not None:
                agreed.append((lead.id, at, lead.mql_at))
    assert agreed
    wrong = [
        (lead_id, data.local(at))
        for lead_id, at, after in agreed
        if not in_business_hours(data, at)
        or at <= after
        or (data.local(at).minute % 15, at.second) != (0, 0)
    ]
    assert not wrong, wrong[:10]


# -- Campaigns ------------------------------------------------------------------------------
def named_dates(text: str) -> Iterator[tuple[str, int]]:
    """The ("year" | "month" | "season:<word>", value) a title or campaign names."""
    for year in re.findall(r"(20\d\d)", text):
        yield "year", int(year)
    for month in re.findall(r"(?<!\d)(\d{1,2})月", text):
        yield "month", int(month)
    for month in re.findall(r"-20\d\d-(\d\d)\b", text):
        yield "month", int(month)
    for name in re.findall(r"\b(" + "|".join(MONTHS) + r")\b", text):
        yield "month", MONTHS.index(name) + 1
    for word in SEASONS:
        if word in text:
            yield f"season:{word}", 0


def check_touches_follow_their_campaigns(data: Data) -> None:
    calendar = Calendar(data.rules, data.now - timedelta(days=HISTORY_DAYS), data.now)
    undated = {c for by_locale in EVERGREEN.values() for o in by_locale.values() for _t, c in o}
    assert data.touches
    outside, misnamed = [], []
    for touch in data.touches:
        assert touch.occurred_at <= data.now
        assert touch.campaign is not None and touch.content_title is not None
        campaign = calendar.campaigns.get(touch.campaign)
        if campaign is None:
            assert touch.campaign in undated, touch.campaign
        elif not campaign.start <= touch.occurred_at <= campaign.end:
            outside.append((touch.campaign, touch.occurred_at, campaign))
        local = data.local(touch.occurred_at)
        for what, value in named_dates(f"{touch.content_title} {touch.campaign}"):
            if what == "year":
                agrees = local.year == value
            elif what == "month":
                agrees = local.month == value
            else:
                agrees = local.month in SEASONS[what.removeprefix("season:")]
            if not agrees:
                misnamed.append((touch.kind, touch.content_title, touch.campaign, local))
    assert not outside, outside[:10]
    assert not misnamed, misnamed[:10]


def check_seminars_are_attended_on_their_day(data: Data) -> None:
    seminar_touches = 0
    for touch in data.touches:
        found = re.search(r"(\d{1,2})月(\d{1,2})日|\((\w+) (\d{1,2})\)", touch.content_title or "")
        if not touch.kind.startswith("seminar_") or found is None:
            continue
        seminar_touches += 1
        local = data.local(touch.occurred_at)
        if found.group(1):
            held = date(local.year, int(found.group(1)), int(found.group(2)))
        else:
            held = date(local.year, MONTHS.index(found.group(3)) + 1, int(found.group(4)))
        if touch.kind == "seminar_attendance":
            assert local.date() == held, (touch.content_title, local)
        else:
            assert local.date() <= held, (touch.content_title, local)
    assert seminar_touches


def check_email_is_opened_after_it_was_sent(data: Data) -> None:
    """An email's touches come after the first business day's sending of its month."""
    for touch in data.touches:
        if not touch.kind.startswith("email_") or touch.campaign is None:
            continue
        local = data.local(touch.occurred_at)
        first_open_day = local.date().replace(day=1)
        while not is_business_day(first_open_day, data.rules):
            first_open_day += timedelta(days=1)
        assert local.date() >= first_open_day, (touch.campaign, local)


# -- Calls, answers and stages -------------------------------------------------------------
def check_durations_agree_with_outcomes(data: Data) -> None:
    wrong = []
    for call in data.all_calls():
        seconds = call.duration_seconds
        assert seconds is not None
        if call.outcome in NOBODY and not 0 <= seconds <= 40:
            wrong.append((call.outcome, seconds))
        if call.outcome in CONVERSATIONS and seconds < 120:
            wrong.append((call.outcome, seconds))
    assert not wrong, wrong[:10]


def check_answers_come_from_conversations(data: Data) -> None:
    calls = {call.id: call for call in data.all_calls()}
    for lead_id, answers in data.answers.items():
        for answer in answers:
            call = calls.get(answer.call_id or -1)
            assert call is not None and call.lead_id == lead_id, answer.id
            assert call.outcome in CONVERSATIONS, (call.outcome, answer.field)
            assert (call.duration_seconds or 0) >= 120
            assert call.started_at <= answer.recorded_at <= data.now
            assert answer.recorded_by == call.user_id
    nobody = [c for c in calls.values() if c.outcome in NOBODY or c.outcome == "gatekeeper"]
    assert all(c.temperature is None for c in nobody)


#: What the prospect's words must say for each value (and no other value's words).
EVIDENCE = {
    "budget": {
        "none": r"予算(が|は)?.*(取れていません|ありません)|no budget",
        "planned": r"予算.*予定|plan to budget",
        "allocated": r"確保して|承認済み|already approved",
    },
    "authority": {
        "user": r"私は使う立場|use it day to day",
        "influencer": r"最終的には|推薦|I'll recommend",
        "decision_maker": r"私の判断|私のところ|I sign off",
    },
    "need": {
        "none": r"困っていません|十分回って|fine with how we work",
        "latent": r"いずれ|そのうち|eventually",
        "explicit": r"困っている|困っています|scattered",
    },
    "timeline": {
        "over_12m": r"1年以上先|at least a year",
        "within_12m": r"1年以内|twelve months",
        "within_6m": r"(\d+)月の契約更新|before the (\w+) renewal",
        "within_3m": r"(\d+)月末まで|by the end of (\w+)",
    },
}
#: Who decides, in the words of a contact who does not.
DECIDER = r"(?:最終的には|決めるのは)(.+?)(?:の判断|です)|end it's (.+?)'s call|; (.+?) decides"


def _rank(level: Seniority) -> int:
    return SENIORITY_ORDER.index(level) if level in SENIORITY_ORDER else len(SENIORITY_ORDER)


def _months_ahead(evidence: str, at: datetime) -> int | None:
    found = re.search(r"(\d+)月|(?:before the|end of) (\w+)", evidence)
    if found is None:
        return None
    month = int(found.group(1)) if found.group(1) else MONTHS.index(found.group(2)) + 1
    return (month - at.month) % 12


def check_evidence_says_the_value(data: Data) -> None:
    for answers in data.answers.values():
        for answer in answers:
            assert answer.evidence, answer.id
            says = [
                v
                for v, pattern in EVIDENCE[answer.field].items()
                if re.search(pattern, answer.evidence)
            ]
            assert says == [answer.value], (answer.field, answer.value, answer.evidence)
            ahead = _months_ahead(answer.evidence, data.local(answer.recorded_at))
            if answer.value == "within_3m":
                assert ahead is not None and 1 <= ahead <= 3, answer.evidence
            if answer.value == "within_6m":
                assert ahead is not None and 3 < ahead <= 6, answer.evidence


def check_authority_agrees_with_the_title(data: Data) -> None:
    """Only a title the scoring ranks executive or director decides; anyone else names
    a more senior decider (a 課長: 「最終的には部長の判断になります」)."""
    checked = 0
    for lead_id, answers in data.answers.items():
        level = data.seniority[lead_id]
        title = data.leads[lead_id].title or ""
        config_rank = _rank(level)
        for answer in answers:
            if answer.field != "authority":
                continue
            checked += 1
            if answer.value == "decision_maker":
                assert level in (Seniority.EXECUTIVE, Seniority.DIRECTOR), (title, answer.evidence)
                assert re.search(DECIDER, answer.evidence or "") is None
                continue
            found = re.search(DECIDER, answer.evidence or "")
            assert found is not None, (title, answer.value, answer.evidence)
            decider = next(g for g in found.groups() if g)
            decider_level = classify_seniority(decider, data.config)
            assert decider.lower().removeprefix("our ") not in title.lower(), (title, decider)
            assert _rank(decider_level) < config_rank or (
                decider_level == level == Seniority.EXECUTIVE
            ), (title, answer.evidence)
    assert checked


def check_promoted_leads_are_qualified(data: Data) -> None:
    """A handed-off lead's last call booked the meeting or qualified it, and what it
    answered is mostly known and all of it positive."""
    promoted = [lead for lead in data.leads.values() if lead.stage == "promoted"]
    assert promoted
    for lead in promoted:
        calls = data.calls[lead.id]
        assert calls, lead.id
        last = calls[-1]
        assert last.outcome in CONVERSATIONS, (lead.id, last.outcome)
        assert lead.promoted_at is not None and lead.promoted_at >= last.started_at
        if last.outcome == "meeting_booked":
            assert last.next_step == "meeting" and last.meeting_at is not None
            assert lead.next_meeting_at == last.meeting_at
        current = {a.field: a.value for a in data.answers[lead.id]}
        assert len(current) >= 3, (lead.id, current)
        assert not set(current.values()) & NEGATIVE, (lead.id, current)
        assert current.get("authority", "influencer") in ("influencer", "decision_maker")


def check_stages_agree_with_the_calls(data: Data) -> None:
    for lead in data.leads.values():
        calls = data.calls[lead.id]
        outcomes = [c.outcome for c in calls]
        if lead.stage == "new":
            assert not calls, lead.id
            continue
        assert calls and lead.owner_id is not None, lead.id
        assert {c.user_id for c in calls} == {lead.owner_id}  # calling claims the lead
        current = {a.field: a.value for a in data.answers[lead.id]}
        if lead.stage == "disqualified":
            assert outcomes[-1] == "not_interested", outcomes
        if lead.stage == "recycled":
            reason = lead.recycle_reason
            if reason == "unreachable":
                assert set(outcomes) <= set(UNANSWERED), outcomes
                assert not current
            expected = {
                "no_budget": ("budget", "none"),
                "timing": ("timeline", "over_12m"),
                "no_authority": ("authority", "user"),
                "no_need": ("need", "none"),
            }.get(reason or "")
            if expected is not None:
                assert current.get(expected[0]) == expected[1], (reason, current)
        if lead.stage in ("promoted", "recycled", "disqualified"):
            ended = calls[-1].started_at + timedelta(seconds=calls[-1].duration_seconds or 0)
            assert lead.stage_changed_at == ended, lead.id
        if lead.stage == "working" and outcomes[-1] == "meeting_booked":
            # Waiting for the handoff: the meeting its last call booked is still ahead.
            assert calls[-1].meeting_at is not None and calls[-1].meeting_at > data.now
            outcomes = outcomes[:-1]
        if lead.stage != "promoted":
            assert "meeting_booked" not in outcomes, (lead.id, lead.stage)


def check_call_figures_agree_with_the_calls(data: Data) -> None:
    """What the lead row says of its calls is what the app derives from them, and the
    speed-to-lead clock is the team's."""
    for lead in data.leads.values():
        calls = data.calls[lead.id]
        streak = 0
        for call in reversed(calls):
            if call.outcome not in UNANSWERED:
                break
            streak += 1
        temperatures = [c.temperature for c in calls if c.temperature]
        assert (
            lead.call_attempts,
            lead.first_call_at,
            lead.last_call_at,
            lead.unanswered_streak,
            lead.next_callback_at,
            lead.next_meeting_at,
            lead.temperature,
        ) == (
            len(calls),
            calls[0].started_at if calls else None,
            calls[-1].started_at if calls else None,
            streak,
            pending_callback(calls),
            booked_meeting(calls),
            temperatures[-1] if temperatures else None,
        ), lead.id
        assert lead.sla_due_at == deadline(lead.mql_at, data.rules)
        if calls:
            assert lead.sla_met == (calls[0].started_at <= lead.sla_due_at)
            assert calls[0].started_at > lead.mql_at
        if any(call.outcome == "do_not_call" for call in calls):
            assert lead.do_not_call, lead.id
        for call in calls:
            if call.outcome == "callback_requested":
                assert call.next_step == "callback" and call.callback_at is not None
            if call.outcome == "meeting_booked":
                assert call.next_step == "meeting" and call.meeting_at is not None


def check_speed_to_lead_clocks(data: Data) -> None:
    """A lead nobody called is on time until its deadline, late after it; every rep has
    a lead that just arrived, its clock still running."""
    running: set[int | None] = set()
    for lead in data.leads.values():
        if lead.first_call_at is not None:
            continue
        assert lead.sla_due_at is not None
        late = lead.sla_due_at <= data.now
        assert (lead.sla_met, lead.sla_breached_at) == (
            (False, lead.sla_due_at) if late else (None, None)
        ), lead.id
        if not late and lead.stage == "new":
            running.add(lead.owner_id)
    with_leads = {lead.owner_id for lead in data.leads.values() if lead.stage != "new"}
    assert with_leads - {None} <= running


def check_reps_have_callbacks_due(data: Data) -> None:
    """The "callbacks due" list has work in it: at least two reps have a callback due."""
    due = {
        lead.owner_id
        for lead in data.leads.values()
        if lead.stage == "working" and lead.next_callback_at and lead.next_callback_at <= data.now
    }
    assert len(due - {None}) >= 2, due


def check_notes_name_the_time_agreed(data: Data) -> None:
    """A note that names the callback or meeting names the one the call set."""
    checked = 0
    for call in data.all_calls():
        agreed = call.callback_at or call.meeting_at
        if agreed is None or not call.notes:
            continue
        local = data.local(agreed)
        named = re.search(
            r"(\d{1,2})月(\d{1,2})日\(.\) (\d\d:\d\d)|(\d{1,2}) (\w{3}) (\d\d:\d\d)", call.notes
        )
        assert named is not None, call.notes
        checked += 1
        if named.group(1):
            said = (int(named.group(1)), int(named.group(2)), named.group(3))
        else:
            month = [m[:3] for m in MONTHS].index(named.group(5)) + 1
            said = (month, int(named.group(4)), named.group(6))
        assert said == (local.month, local.day, f"{local:%H:%M}"), (call.notes, local)
    assert checked


CHECKS = (
    check_calls_in_business_hours,
    check_callbacks_and_meetings_in_business_hours,
    check_touches_follow_their_campaigns,
    check_seminars_are_attended_on_their_day,
    check_email_is_opened_after_it_was_sent,
    check_durations_agree_with_outcomes,
    check_answers_come_from_conversations,
    check_evidence_says_the_value,
    check_authority_agrees_with_the_title,
    check_promoted_leads_are_qualified,
    check_stages_agree_with_the_calls,
    check_call_figures_agree_with_the_calls,
    check_notes_name_the_time_agreed,
    check_speed_to_lead_clocks,
    check_reps_have_callbacks_due,
)


# -- The tests ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def data(shared_db: Database) -> Data:
    return read(shared_db, NOW)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__.removeprefix("check_"))
def test_the_demo_data_set(data: Data, check: object) -> None:
    check(data)  # type: ignore[operator]


def test_the_demo_data_set_has_no_stale_lead(shared_db: Database) -> None:
    assert stale_leads(shared_db) == {}


#: Awkward moments to generate at: Golden Week (a holiday, mid-morning in Tokyo), the first
#: business morning after New Year, and a Sunday night.
AWKWARD = {
    "golden-week": datetime.fromisoformat("2026-05-05T01:00:00+00:00"),
    "new-year-morning": datetime.fromisoformat("2027-01-04T00:20:00+00:00"),
    "sunday-night": datetime.fromisoformat("2026-08-16T13:40:00+00:00"),
}


@pytest.fixture(scope="module", params=sorted(AWKWARD))
def awkward(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Data:
    now = AWKWARD[request.param]
    path: Path = tmp_path_factory.mktemp("awkward") / "demo.sqlite3"
    db = open_database(f"sqlite:///{path}")
    try:
        demo.generate(db, leads=400, seed=11, now=now)
        assert stale_leads(db) == {}
        return read(db, now)
    finally:
        db.close()


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__.removeprefix("check_"))
def test_demo_data_generated_at_an_awkward_time(awkward: Data, check: object) -> None:
    check(awkward)  # type: ignore[operator]
