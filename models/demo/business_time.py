"""The team's business time over the demo's span: where calls, callbacks and meetings go.

Which days are open is the team's calendar (:func:`models.scoring.sla.is_business_day`:
its weekdays and its country's public holidays); when a day opens and closes is its
business hours in its time zone (``TeamSettings``). Over that calendar the demo counts
*business seconds*: an offset says "so far into the team's open time", so spreading a
lead's attempts, waiting a business day for a callback or booking a meeting three
business days out never lands at night, on a weekend or on a holiday. Times are UNIX
seconds (floats) here; the generator turns them into datetimes once.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from models.scoring.sla import is_business_day
from models.teams.settings import TeamSettings

#: Callbacks and meetings are set on the quarter hour, as people agree on them.
QUARTER = 900


class BusinessTime:
    """The team's open intervals between two instants, and offsets into them."""

    def __init__(self, settings: TeamSettings, start: datetime, end: datetime) -> None:
        zone = ZoneInfo(settings.timezone)
        self.settings = settings
        self.opens: list[float] = []
        self.closes: list[float] = []
        #: Business seconds before each open day (``cum[i]`` for day ``i``).
        self.cum: list[float] = []
        #: Seconds from local midnight to the opening (for quarter-hour rounding).
        self._day_start_s = settings.day_start.hour * 3600 + settings.day_start.minute * 60
        day = start.astimezone(zone).date() - timedelta(days=1)
        last = end.astimezone(zone).date() + timedelta(days=1)
        total = 0.0
        while day <= last:
            if is_business_day(day, settings):
                opens = datetime.combine(day, settings.day_start, zone).timestamp()
                closes = datetime.combine(day, settings.day_end, zone).timestamp()
                self.opens.append(opens)
                self.closes.append(closes)
                self.cum.append(total)
                total += closes - opens
            day += timedelta(days=1)
        if not self.opens:
            raise ValueError("no business day in the demo's span: check the team's rules")
        self.total = total
        #: The length of an ordinary open day (business seconds).
        self.day = self.closes[0] - self.opens[0]

    def offset(self, at: float) -> float:
        """Business seconds from the first opening up to ``at`` (closed time counts 0)."""
        i = bisect_right(self.opens, at) - 1
        if i < 0:
            return 0.0
        return self.cum[i] + min(at - self.opens[i], self.closes[i] - self.opens[i])

    def day_of(self, offset: float) -> int:
        """The index of the open day an offset falls in (an offset at a closing: the next)."""
        return min(max(bisect_right(self.cum, offset) - 1, 0), len(self.cum) - 1)

    def instant(self, offset: float) -> float:
        """The instant ``offset`` business seconds after the first opening."""
        i = self.day_of(offset)
        return self.opens[i] + min(max(offset - self.cum[i], 0.0), self.closes[i] - self.opens[i])

    def call_start(self, offset: float, duration: float, not_before: float = 0.0) -> float:
        """When a call of ``duration`` seconds planned at ``offset`` starts: on the open day
        the offset falls in, earlier if it would run past the closing (never before
        ``not_before``: then at the next opening). Whole seconds."""
        i = self.day_of(offset)
        start = math.ceil(max(self.opens[i] + max(offset - self.cum[i], 0.0), not_before))
        if start + duration <= self.closes[i]:
            return start
        earlier = math.floor(self.closes[i] - duration)
        if earlier >= max(not_before, self.opens[i]) or i == len(self.opens) - 1:
            return earlier
        return self.opens[i + 1]

    def slot(self, offset: float, earliest: float = 0.0, latest: float = 0.0) -> float:
        """A quarter-hour time (team clock) at or after ``offset``, at least ``earliest``
        seconds after the day opens and ``latest`` seconds before it closes (else the next
        open day's first such slot): when people agree to talk again or to meet."""
        i = self.day_of(offset)
        while True:
            into = max(offset - self.cum[i], earliest)
            # Round on the team's wall clock (09:00, 09:15 ...), not on the opening.
            clock = self._day_start_s + into
            into = math.ceil(clock / QUARTER) * QUARTER - self._day_start_s
            if into <= self.closes[i] - self.opens[i] - latest or i == len(self.cum) - 1:
                return self.opens[i] + into
            i += 1
            offset = self.cum[i]

    def open_days_after(self, offset: float, days: int) -> float:
        """The offset of the opening ``days`` open days after the day of ``offset``."""
        i = min(self.day_of(offset) + days, len(self.cum) - 1)
        return self.cum[i]


def to_datetime(at: float) -> datetime:
    return datetime.fromtimestamp(at, UTC)
