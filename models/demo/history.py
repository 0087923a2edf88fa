"""A lead's calls in the demo: when, how long, what came of them and what was heard.

Calls, callbacks and meetings fall in the team's business hours on its business days
(:mod:`models.demo.business_time`). What happens agrees with itself and with the lead's
stage: nobody answering takes seconds and records nothing; a conversation takes minutes
and may record BANT answers with the prospect's words; a promoted lead's last call booked
the meeting (or qualified it) and most of its answers are known and positive; a lead
returned to nurture as unreachable was never reached; a disqualified lead said no.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from models.core.enums import BantField, Outcome, Seniority, Stage
from models.demo import conversations, people
from models.demo.business_time import BusinessTime
from models.leads.call_figures import NextStep

#: The outcomes of a lead's attempts while it is being worked (weights).
_WORKING_MIX = (
    (Outcome.NO_ANSWER, 35),
    (Outcome.VOICEMAIL, 15),
    (Outcome.CONNECTED, 16),
    (Outcome.GATEKEEPER, 12),
    (Outcome.BUSY, 8),
    (Outcome.CALLBACK_REQUESTED, 8),
)
_UNREACHED_MIX = (
    (Outcome.NO_ANSWER, 50),
    (Outcome.VOICEMAIL, 20),
    (Outcome.GATEKEEPER, 18),
    (Outcome.BUSY, 12),
)
#: How long a call of each outcome lasts (seconds): nobody answering takes seconds, a
#: conversation minutes (one with answers at least five).
_DURATIONS = {
    Outcome.NO_ANSWER: (15, 40),
    Outcome.BUSY: (2, 10),
    Outcome.VOICEMAIL: (20, 40),
    Outcome.GATEKEEPER: (30, 120),
    Outcome.CALLBACK_REQUESTED: (40, 150),
    Outcome.NOT_INTERESTED: (30, 180),
    Outcome.DO_NOT_CALL: (20, 90),
    Outcome.CONNECTED: (120, 600),
    Outcome.MEETING_BOOKED: (420, 1500),
}
_DURATION_WITH_ANSWERS = (300, 1200)
RECYCLE_REASONS = ("no_budget", "timing", "no_authority", "no_need", "competitor", "unreachable")
_FIELDS = tuple(BantField)
#: Business time a lead is given per attempt at least (attempts are spread out).
_ROOM_PER_ATTEMPT = 4 * 3600
#: The share of leads first called within five minutes of business time.
_FAST_SHARE = 0.45
#: A callback is agreed at least this long before closing (the call fits the day).
_CALLBACK_ROOM = 1800
#: The latest a call is planned: an hour of business time before "now" (it has ended).
_BEFORE_NOW = 3600


@dataclass
class PlannedCall:
    start: float
    duration: int
    outcome: Outcome
    #: The BANT fields the prospect answered on this call.
    heard: list[str] = field(default_factory=list)
    callback_at: float | None = None
    meeting_at: float | None = None

    @property
    def end(self) -> float:
        return self.start + self.duration


@dataclass(frozen=True)
class Aim:
    """Where a working lead's calls lead (:mod:`models.demo.ready`): the last call, within
    the last few business days, ends in ``last``; it hears ``hears`` (those not heard
    before) and most other fields; nobody asks ``unasked``."""

    last: Outcome
    hears: tuple[str, ...] = ()
    unasked: tuple[str, ...] = ()


@dataclass
class Spoken:
    """A call's words: the note, the temperature, the answers with their evidence."""

    notes: str | None
    temperature: str | None
    next_step: str
    answers: list[tuple[str, str, str]]


def recycle_reason(rng: random.Random, seniority: Seniority, top: bool) -> str:
    """Why a lead went back to nurture (a contact who decides never lacked authority)."""
    decides = top or seniority in (Seniority.EXECUTIVE, Seniority.DIRECTOR)
    return rng.choice([r for r in RECYCLE_REASONS if not (decides and r == "no_authority")])


def _outcomes(rng: random.Random, stage: str, reason: str | None, attempts: int) -> list[Outcome]:
    mix = _UNREACHED_MIX if reason == "unreachable" else _WORKING_MIX
    outcomes: list[Outcome] = people.weighted(rng, mix, k=attempts)
    if stage == Stage.PROMOTED:
        outcomes[-1] = Outcome.MEETING_BOOKED if rng.random() < 0.85 else Outcome.CONNECTED
    elif stage == Stage.DISQUALIFIED or reason == "competitor":
        outcomes[-1] = Outcome.NOT_INTERESTED
    elif stage == Stage.RECYCLED and reason != "unreachable":
        outcomes[-1] = Outcome.CONNECTED  # the conversation that showed the reason
    return outcomes


def leave_room(clock: BusinessTime, mql_at: float, now: float) -> float:
    """``mql_at``, a week earlier at a time until an attempt fits before ``now`` (a lead
    that left new some days ago, but over a long holiday, had no business time yet)."""
    while clock.offset(now) - _BEFORE_NOW - clock.offset(mql_at) < _ROOM_PER_ATTEMPT:
        mql_at -= 7 * 86_400
    return mql_at


def plan_calls(
    rng: random.Random,
    clock: BusinessTime,
    stage: str,
    reason: str | None,
    mql_at: float,
    now: float,
    callback_due: bool = False,
    do_not_call: bool = False,
    aim: Aim | None = None,
) -> list[PlannedCall]:
    """The attempts on a lead that left new at ``mql_at`` (its first call soon after,
    the rest spread up to ``now``), each in business hours and after the one before.
    ``callback_due``: a working lead's last call asked for a callback now overdue;
    ``do_not_call``: a working lead's last call asked never to be called again;
    ``aim``: a working lead's last call is recent and ends as aimed (a booked meeting
    still ahead)."""
    attempts = rng.randint(4, 6) if reason == "unreachable" else rng.randint(1, 6)
    outcomes = _outcomes(rng, stage, reason, attempts)
    if aim is not None:
        outcomes[-1] = aim.last
        if attempts == 1 or outcomes[-2] == Outcome.CALLBACK_REQUESTED:
            # It took a call before this one (or before the callback this one returns).
            outcomes.insert(0, rng.choice((Outcome.NO_ANSWER, Outcome.CONNECTED)))
            attempts += 1
    elif stage == Stage.WORKING and do_not_call:
        outcomes[-1] = Outcome.DO_NOT_CALL
    elif stage == Stage.WORKING and callback_due:
        outcomes[-1] = Outcome.CALLBACK_REQUESTED
    start = clock.offset(mql_at)
    latest = clock.offset(now) - _BEFORE_NOW
    room = latest - start
    callback_last = stage == Stage.WORKING and outcomes[-1] == Outcome.CALLBACK_REQUESTED
    if callback_last and attempts == 1:
        outcomes.insert(0, rng.choice((Outcome.NO_ANSWER, Outcome.VOICEMAIL)))
        attempts = 2  # the promise is recent: an earlier attempt was the first call
    if room < attempts * _ROOM_PER_ATTEMPT:
        keep = max(1, int(room // _ROOM_PER_ATTEMPT))
        outcomes = outcomes[: keep - 1] + outcomes[-1:]
        attempts = len(outcomes)
    # Speed to lead: most first calls within the target's minutes of business time,
    # the rest within the hour, rarely days.
    if rng.random() < _FAST_SHARE:
        delay = rng.uniform(30, 300)
    else:
        delay = min(rng.expovariate(1 / 1800), 3 * clock.day)
    first = start + min(delay, room / attempts)
    # Later attempts spread up to now (an aimed last call: up to a recent day), each at
    # its own time of day.
    end = latest
    if aim is not None:
        end = max(latest - rng.uniform(0.1, 2.0) * clock.day, first + room / 2)
    planned = [first] + [
        first + (end - first) * (n + rng.uniform(-0.4, 0.4)) / attempts for n in range(1, attempts)
    ]
    if aim is not None:
        planned[-1] = end
        # A last call that returns a callback comes within days of the call asking for it.
        if attempts > 1 and outcomes[-2] == Outcome.CALLBACK_REQUESTED:
            planned[-2] = max(planned[-3] if attempts > 2 else first, end - 0.5 * clock.day)
    heard = _hear(rng, stage, reason, outcomes, aim)
    promised = 0.0
    if callback_last:
        # Promised callbacks cluster around today: some overdue, most coming up.
        ahead = rng.uniform(-1.0, -0.2) if callback_due else rng.uniform(-1.2, 3.5)
        promised = clock.offset(now) + ahead * clock.day
        earliest = planned[-2] + 2 * 3600 if attempts > 1 else first
        planned[-1] = max(earliest, min(latest, promised - rng.uniform(0.3, 2.0) * clock.day))
    calls: list[PlannedCall] = []
    for n, outcome in enumerate(outcomes):
        offset = planned[n]
        not_before = mql_at + 1  # the first call comes after the lead does
        if calls:
            before = calls[-1]
            not_before = before.end + 60
            offset = max(offset, clock.offset(not_before))
            if before.outcome == Outcome.CALLBACK_REQUESTED:
                # This call is the callback they asked for, within days.
                ended = clock.offset(before.end)
                asked = min(ended + rng.uniform(0.1, 3.0) * clock.day, latest)
                not_before = clock.slot(max(asked, ended + 1800), latest=_CALLBACK_ROOM)
                before.callback_at = not_before
                offset = clock.offset(not_before) + rng.randint(0, 120)
        low, high = _DURATION_WITH_ANSWERS if heard[n] else _DURATIONS[outcome]
        if outcome == Outcome.MEETING_BOOKED:
            low, high = _DURATIONS[outcome]
        duration = rng.randint(low, high)
        start = clock.call_start(offset, duration, not_before)
        calls.append(PlannedCall(start, duration, outcome, heard[n]))
    last = calls[-1]
    if callback_last:
        last.callback_at = clock.slot(
            max(promised, clock.offset(last.end) + 1800), latest=_CALLBACK_ROOM
        )
    if last.outcome == Outcome.MEETING_BOOKED:
        ahead = rng.randint(2, 8)
        if aim is not None:  # not held yet: on a day after today
            called = clock.day_of(clock.offset(last.end))
            ahead = max(ahead, clock.day_of(clock.offset(now)) - called + 1)
        day = clock.open_days_after(clock.offset(last.end), ahead)
        last.meeting_at = clock.slot(day + rng.random() * clock.day, earliest=3600, latest=3600)
    return calls


def _hear(
    rng: random.Random,
    stage: str,
    reason: str | None,
    outcomes: list[Outcome],
    aim: Aim | None = None,
) -> list[list[str]]:
    """The BANT fields each call brought (each field once, when first heard)."""
    known: set[str] = set()
    if aim is not None:
        known.update(aim.unasked)  # never heard
    fields: list[list[str]] = []
    for n, outcome in enumerate(outcomes):
        if outcome not in (Outcome.CONNECTED, Outcome.MEETING_BOOKED):
            fields.append([])
            continue
        unknown = [f for f in _FIELDS if f not in known]
        final = n == len(outcomes) - 1
        if final and aim is not None:
            heard = [f for f in unknown if f in aim.hears or rng.random() < 0.9]
        elif final and stage == Stage.PROMOTED:
            heard = [f for f in unknown if rng.random() < 0.9]
            for f in unknown:  # a qualified lead: at least three answers known
                if len(known) + len(heard) >= 3:
                    break
                if f not in heard:
                    heard.append(f)
        elif final and reason in conversations.REASON_ANSWERS:
            must = conversations.REASON_ANSWERS[reason][0]
            heard = [f for f in unknown if f == must or rng.random() < 0.4]
        elif rng.random() < 0.6:
            heard = [f for f in unknown if rng.random() < 0.5]
        else:
            heard = []
        known.update(heard)
        fields.append([str(f) for f in _FIELDS if f in heard])  # in BANT order
    return fields


def speak(
    rng: random.Random,
    locale: str,
    zone: ZoneInfo,
    answers: dict[str, str],
    who: str,
    competitor: bool,
    call: PlannedCall,
) -> Spoken:
    """The note, temperature, next step and answers (with evidence) of one call."""
    heard = [(name, answers[name]) for name in call.heard]
    at = datetime.fromtimestamp(call.start, zone)
    agreed = call.callback_at or call.meeting_at
    notes = conversations.note(
        rng,
        locale,
        call.outcome,
        heard,
        who,
        datetime.fromtimestamp(agreed, zone) if agreed is not None else None,
        competitor,
    )
    step = NextStep.NONE
    if call.callback_at is not None:
        step = NextStep.CALLBACK
    elif call.meeting_at is not None:
        step = NextStep.MEETING
    return Spoken(
        notes,
        conversations.temperature(call.outcome, heard),
        step.value,
        [
            (name, value, conversations.evidence(rng, locale, (name, value), who, at))
            for name, value in heard
        ],
    )
