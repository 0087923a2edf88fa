"""Marketing's calendar over the demo's span: when each campaign's touches can happen.

A campaign has a date range: a month's newsletter is sent on the month's first business
day and opened from then until the month ends; a seminar is registered for from its
month's invitation until it starts and attended when it starts; a trade show's badges
are scanned on its three days, in its opening hours; a whitepaper of 2026 is downloaded
in 2026. So a touch of the "November" campaign falls in November, after it was sent,
and a title that names a month, a season or a year agrees with the touch's date.

The generator first draws a touch's kind and time (how engaged a lead is, how recent);
the picker of its language and kind (``Calendar.pickers``) then gives it a campaign whose
range holds that time, or moves the time into the nearest campaign's range when none
does (a trade-show scan drawn on a day without a show moves to the nearest show day).
Content without a date (the pricing page, an inquiry) keeps its time.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.core.enums import TouchKind
from models.demo.catalog import (
    EVERGREEN,
    FEATURES,
    INVITATION,
    MONTH_NAMES,
    MONTHLY_EMAILS,
    SEMINARS,
    TRADE_SHOWS,
    YEARLY,
)
from models.scoring.sla import is_business_day
from models.teams.settings import TeamSettings

LOCALES = ("ja", "en")
#: How long after a seminar starts its attendance is recorded (people join late).
JOIN_WINDOW_S = 15 * 60
#: A trade show's hours, and how many days it runs.
SHOW_HOURS = (time(10, 0), time(17, 0))
SHOW_DAYS = 3
#: Wednesday: the day trade shows open.
_WEDNESDAY = 2


@dataclass(frozen=True)
class Window:
    """When touches of one kind of one campaign can happen (UNIX seconds, inclusive)."""

    start: float
    end: float
    title: str
    campaign: str


@dataclass(frozen=True)
class Campaign:
    """A campaign's date range: its first and last possible touch."""

    name: str
    start: datetime
    end: datetime


class _Kind:
    """The windows of one kind of touch in one language, cut into segments of time over
    which the same windows run (looked up by bisection: two million touches)."""

    def __init__(self, windows: list[Window]) -> None:
        ordered = sorted(windows, key=lambda w: (w.start, w.end, w.campaign, w.title))
        #: Segment ``i`` runs from ``bounds[i]`` to just before ``bounds[i + 1]``; before
        #: the first bound nothing runs and the first window is the nearest.
        self.bounds = sorted({w.start for w in ordered} | {w.end + 1e-6 for w in ordered})
        self.running: list[tuple[Window, ...]] = []
        #: Where nothing runs: the window that ended last before, and the next one.
        self.nearest: list[tuple[Window, ...]] = []
        for low in self.bounds:
            self.running.append(tuple(w for w in ordered if w.start <= low <= w.end))
            before = max((w for w in ordered if w.end < low), key=lambda w: w.end, default=None)
            after = next((w for w in ordered if w.start > low), None)
            self.nearest.append(tuple(w for w in (before, after) if w is not None))
        self.first = ordered[0]

    def pick(self, rng: random.Random, at: float) -> tuple[str, str, float]:
        i = bisect_right(self.bounds, at) - 1
        running = self.running[i] if i >= 0 else ()
        if running:
            window = running[0] if len(running) == 1 else rng.choice(running)
            return window.title, window.campaign, at
        # None runs then: the nearest range (the latest one that ended, or the next one).
        nearest = self.nearest[i] if i >= 0 else (self.first,)
        window = nearest[0]
        if len(nearest) == 2 and nearest[1].start - at < at - window.end:
            window = nearest[1]
        moved = window.start + rng.random() * (window.end - window.start)
        return window.title, window.campaign, moved


class _Undated:
    """Content without a date (a product page, an inquiry form): any time will do."""

    def __init__(self, options: tuple[tuple[str, str], ...]) -> None:
        self.options = options

    def pick(self, rng: random.Random, at: float) -> tuple[str, str, float]:
        options = self.options
        title, campaign = options[0] if len(options) == 1 else rng.choice(options)
        return title, campaign, at


class Calendar:
    """Every dated campaign from ``start`` up to ``now`` in the team's time zone."""

    def __init__(self, settings: TeamSettings, start: datetime, now: datetime) -> None:
        self.zone = ZoneInfo(settings.timezone)
        self.settings = settings
        self.now = now.timestamp()
        self._windows: dict[tuple[str, TouchKind], list[Window]] = {}
        first = start.astimezone(self.zone).date().replace(day=1)
        last = now.astimezone(self.zone).date()
        months = []
        month = first
        while month <= last:
            months.append(month)
            month = (month + timedelta(days=32)).replace(day=1)
        for year in range(first.year - 1, last.year + 1):  # last year's shows too
            self._trade_shows(year)
        for year in range(first.year, last.year + 1):
            self._year(year)
        for month in months:
            self._month(month)
        #: Per language and kind, what gives a touch its content.
        self.pickers: dict[str, dict[TouchKind, _Kind | _Undated]] = {
            locale: {kind: _Undated(by_locale[locale]) for kind, by_locale in EVERGREEN.items()}
            for locale in LOCALES
        }
        for (locale, kind), windows in self._windows.items():
            self.pickers[locale][kind] = _Kind(windows)
        self.campaigns: dict[str, Campaign] = {}
        for windows in self._windows.values():
            for w in windows:
                known = self.campaigns.get(w.campaign)
                low, high = self._utc(w.start), self._utc(w.end)
                if known is not None:
                    low, high = min(low, known.start), max(high, known.end)
                self.campaigns[w.campaign] = Campaign(w.campaign, low, high)

    # -- Building -------------------------------------------------------------------------
    def _utc(self, at: float) -> datetime:
        return datetime.fromtimestamp(at, UTC)

    def _at(self, day: date, clock: time) -> float:
        return datetime.combine(day, clock, self.zone).timestamp()

    def _add(self, locale: str, kinds: tuple[TouchKind, ...], window: Window) -> None:
        if window.start > self.now:
            return  # not yet: nothing of it has happened
        if window.end > self.now:
            window = Window(window.start, self.now, window.title, window.campaign)
        for kind in kinds:
            self._windows.setdefault((locale, kind), []).append(window)

    def _open_day(self, day: date, weekday: int | None = None) -> date:
        """The team's first business day on or after ``day`` (that is ``weekday``)."""
        while not is_business_day(day, self.settings) or (
            weekday is not None and day.weekday() != weekday
        ):
            day += timedelta(days=1)
        return day

    def _year(self, year: int) -> None:
        start = self._at(date(year, 1, 1), time(0))
        end = self._at(date(year + 1, 1, 1), time(0)) - 1
        for kind, by_locale in YEARLY.items():
            for locale, options in by_locale.items():
                for title, campaign in options:
                    window = Window(start, end, title.format(year=year), campaign.format(year=year))
                    self._add(locale, (kind,), window)

    def _trade_shows(self, year: int) -> None:
        for month, from_day, title_ja, title_en, campaign in TRADE_SHOWS:
            first = date(year, month, from_day)
            first += timedelta(days=(_WEDNESDAY - first.weekday()) % 7)
            for n in range(SHOW_DAYS):
                day = first + timedelta(days=n)
                opens, closes = self._at(day, SHOW_HOURS[0]), self._at(day, SHOW_HOURS[1])
                for locale, title in (("ja", title_ja), ("en", title_en)):
                    window = Window(opens, closes, title, campaign.format(year=year))
                    self._add(locale, (TouchKind.TRADE_SHOW_SCAN,), window)

    def _month(self, month: date) -> None:
        following = (month + timedelta(days=32)).replace(day=1)
        month_end = self._at(following, time(0)) - 1
        names = {
            "year": month.year,
            "month": month.month,
            "month_name": MONTH_NAMES[month.month - 1],
        }
        for locale in LOCALES:
            feature = FEATURES[locale][(month.year * 12 + month.month) % len(FEATURES[locale])]
            invited = month_end
            for title, campaign, from_day, hour in MONTHLY_EMAILS[locale]:
                sent = self._open_day(month.replace(day=from_day))
                if sent >= following:
                    continue
                name = campaign.format(**names)
                window = Window(
                    self._at(sent, time(hour)),
                    month_end,
                    title.format(feature=feature, **names),
                    name,
                )
                self._add(locale, (TouchKind.EMAIL_OPEN, TouchKind.EMAIL_CLICK), window)
                if name == INVITATION[locale].format(**names):
                    invited = window.start
            for title, campaign, from_day, weekday, hour in SEMINARS[locale]:
                held = self._open_day(month.replace(day=from_day), weekday)
                starts = self._at(held, time(hour))
                if held >= following or starts <= invited:
                    continue
                seminar_title = title.format(day=held.day, **names)
                name = campaign.format(**names)
                registration = Window(invited, starts, seminar_title, name)
                attendance = Window(starts, starts + JOIN_WINDOW_S, seminar_title, name)
                self._add(locale, (TouchKind.SEMINAR_REGISTRATION,), registration)
                self._add(locale, (TouchKind.SEMINAR_ATTENDANCE,), attendance)
