"""``baton kpi`` as text: each figure of the dashboard as a small table in the user's
language (codes through the app's labels), with the definitions when asked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from desktop.cli.output import say, width
from desktop.i18n import formats, handoff_labels, labels
from desktop.i18n.assignment_labels import rate
from desktop.i18n.translate import QT_TRANSLATE_NOOP, translate
from models.reporting.activity import ActivityFigures
from models.reporting.dashboard import Dashboard
from models.reporting.definitions import Figure, english
from models.reporting.reasons import REJECTED_TO_NURTURE, ReasonCounts

HEADING = QT_TRANSLATE_NOOP("Cli", "Shared KPIs, %1 to %2")
FILTER_TEAM = QT_TRANSLATE_NOOP("Cli", "Team: %1")
FILTER_REP = QT_TRANSLATE_NOOP("Cli", "Rep: %1")
FILTER_CAMPAIGN = QT_TRANSLATE_NOOP("Cli", "Campaign: %1")
FILTER_INDUSTRY = QT_TRANSLATE_NOOP("Cli", "Industry: %1")
FILTER_VERSION = QT_TRANSLATE_NOOP("Cli", "Definition version: %1")
FUNNEL = QT_TRANSLATE_NOOP("Cli", "Funnel of the leads whose MQL date is in the period")
STAGES = {
    "mql": QT_TRANSLATE_NOOP("Cli", "MQL"),
    "working": QT_TRANSLATE_NOOP("Cli", "Called"),
    "reached": QT_TRANSLATE_NOOP("Cli", "Reached"),
    "promoted": QT_TRANSLATE_NOOP("Cli", "Handed off"),
    "accepted": QT_TRANSLATE_NOOP("Cli", "Accepted by field sales"),
}
FUNNEL_HEADERS = (
    QT_TRANSLATE_NOOP("Cli", "Stage"),
    QT_TRANSLATE_NOOP("Cli", "Leads"),
    QT_TRANSLATE_NOOP("Cli", "Drop-off"),
    QT_TRANSLATE_NOOP("Cli", "Of MQLs"),
)
CONVERSION = QT_TRANSLATE_NOOP(
    "Cli", "Opportunities after first contact: %1 (%2 handed off of %3 reached)"
)
TIME_TO_PROMOTION = QT_TRANSLATE_NOOP("Cli", "Days from MQL to handoff: median %1 days")
DAYS = QT_TRANSLATE_NOOP("Cli", "Days")
LEADS = QT_TRANSLATE_NOOP("Cli", "Leads")
ACTIVITY = QT_TRANSLATE_NOOP("Cli", "Activity per rep")
ACTIVITY_DAYS = QT_TRANSLATE_NOOP("Cli", "Activity per day")
ACTIVITY_HEADERS = (
    QT_TRANSLATE_NOOP("Cli", "Calls"),
    QT_TRANSLATE_NOOP("Cli", "Reaches"),
    QT_TRANSLATE_NOOP("Cli", "Reach rate"),
    QT_TRANSLATE_NOOP("Cli", "Handoffs"),
    QT_TRANSLATE_NOOP("Cli", "Per reach"),
    QT_TRANSLATE_NOOP("Cli", "Per call"),
    QT_TRANSLATE_NOOP("Cli", "Calls/hour"),
    QT_TRANSLATE_NOOP("Cli", "Talk/reach"),
)
REP = QT_TRANSLATE_NOOP("Cli", "Rep")
DAY = QT_TRANSLATE_NOOP("Cli", "Day")
TOTAL = QT_TRANSLATE_NOOP("Cli", "Total")
SPEED = QT_TRANSLATE_NOOP("Cli", "Speed to lead (%1 leads)")
SPEED_BUCKETS = {
    "5m": QT_TRANSLATE_NOOP("Cli", "Within 5 min"),
    "1h": QT_TRANSLATE_NOOP("Cli", "Within 1 h"),
    "4h": QT_TRANSLATE_NOOP("Cli", "Within 4 h"),
    "24h": QT_TRANSLATE_NOOP("Cli", "Within 24 h"),
    "over_24h": QT_TRANSLATE_NOOP("Cli", "Later"),
    "not_called": QT_TRANSLATE_NOOP("Cli", "Not called"),
}
SLA = QT_TRANSLATE_NOOP(
    "Cli", "Within the speed-to-lead target: %1 (%2 of %3 decided; %4 not decided yet)"
)
RETURNS = QT_TRANSLATE_NOOP("Cli", "Returns to nurture by reason")
REJECTIONS = QT_TRANSLATE_NOOP("Cli", "Handoffs rejected by field sales, by reason")
OVERRIDES = QT_TRANSLATE_NOOP("Cli", "Handoffs over the definition")
REASON = QT_TRANSLATE_NOOP("Cli", "Reason")
REJECTED_BY_FIELD_SALES = QT_TRANSLATE_NOOP("Cli", "Rejected by field sales")
NONE = QT_TRANSLATE_NOOP("Cli", "None in the period.")
INDUSTRY = QT_TRANSLATE_NOOP("Cli", "Response rate by industry: reached of the leads called")
INDUSTRY_HEADER = QT_TRANSLATE_NOOP("Cli", "Industry")
NO_INDUSTRY = QT_TRANSLATE_NOOP("Cli", "(industry not known)")
SHARE = QT_TRANSLATE_NOOP("Cli", "%1 (%2/%3)")


def _print_table(rows: Sequence[Sequence[str]]) -> None:
    """The first column on the left, the others to the right, two spaces apart."""
    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [row[0] + " " * (widths[0] - width(row[0]))]
        cells += [" " * (w - width(c)) + c for c, w in zip(row[1:], widths[1:], strict=True)]
        print("  " + "  ".join(cells).rstrip())


def _define(shown: bool, *figures: Figure) -> None:
    if shown:
        for figure in figures:
            print("  * " + translate("Errors", english(figure)))


def _number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _bucket(day: date, unit: str) -> str:
    return f"{day.year}/{day.month:02d}" if unit == "month" else formats.date_text(day)


def print_dashboard(
    board: Dashboard, team: str | None, rep: str | None, *, definitions: bool = False
) -> None:
    period = board.filter.period
    first, last = formats.date_text(period.first), formats.date_text(period.last)
    print(say(HEADING, first, last))
    kpi = board.filter
    shown = [
        say(template, value)
        for template, value in (
            (FILTER_TEAM, team),
            (FILTER_REP, rep),
            (FILTER_CAMPAIGN, kpi.campaign),
            (FILTER_INDUSTRY, labels.industry(kpi.industry) if kpi.industry else None),
            (FILTER_VERSION, kpi.definition_version),
        )
        if value is not None
    ]
    if shown:
        print("  ".join(shown))
    _define(definitions, Figure.PERIOD, Figure.FILTERS)
    _print_funnel(board, definitions)
    _print_activity(board, definitions)
    _print_speed(board, definitions)
    _print_reasons(board, definitions)
    _print_industries(board, definitions)


def _print_funnel(board: Dashboard, definitions: bool) -> None:
    print()
    print(say(FUNNEL))
    rows = [tuple(say(h) for h in FUNNEL_HEADERS)]
    for step in board.funnel.steps:
        drop = "–" if step.drop_off is None else rate(step.drop_off)
        rows.append((say(STAGES[step.stage]), str(step.leads), drop, rate(step.of_mql)))
    _print_table(rows)
    _define(definitions, Figure.MQL, Figure.WORKING, Figure.REACHED, Figure.PROMOTED)
    _define(definitions, Figure.ACCEPTED, Figure.DROP_OFF)
    c = board.conversion
    print()
    print(say(CONVERSION, rate(c.rate), c.promoted, c.reached))
    _define(definitions, Figure.CONVERSION_RATE)
    print(say(TIME_TO_PROMOTION, _number(c.median_days)))
    _print_table(
        [(say(DAYS), *(b.key for b in c.buckets)), (say(LEADS), *(str(b.leads) for b in c.buckets))]
    )
    _define(definitions, Figure.TIME_TO_PROMOTION)


def _figures(f: ActivityFigures) -> tuple[str, ...]:
    talk = None if f.talk_seconds_per_reach is None else round(f.talk_seconds_per_reach)
    return (
        str(f.calls),
        str(f.reaches),
        rate(f.reach_rate),
        str(f.promotions),
        rate(f.promotions_per_reach),
        rate(f.promotions_per_call),
        _number(f.calls_per_hour),
        "–" if talk is None else formats.duration(talk),
    )


def _print_activity(board: Dashboard, definitions: bool) -> None:
    a = board.activity
    headers = tuple(say(h) for h in ACTIVITY_HEADERS)
    print()
    print(say(ACTIVITY))
    rows = [(say(REP), *headers), (say(TOTAL), *_figures(a.total))]
    rows += [(r.name, *_figures(r.figures)) for r in a.reps]
    _print_table(rows)
    _define(definitions, Figure.CALLS, Figure.REACHES, Figure.REACH_RATE, Figure.PROMOTIONS)
    _define(definitions, Figure.PROMOTIONS_PER_REACH, Figure.PROMOTIONS_PER_CALL)
    _define(definitions, Figure.CALLS_PER_HOUR, Figure.TALK_PER_REACH)
    print()
    print(say(ACTIVITY_DAYS))
    rows = [(say(DAY), *headers)]
    rows += [(formats.date_text(d.day), *_figures(d.figures)) for d in a.days]
    _print_table(rows)


def _print_speed(board: Dashboard, definitions: bool) -> None:
    s = board.speed
    print()
    print(say(SPEED, s.leads))
    _print_table(
        [
            ("", *(say(SPEED_BUCKETS[b.key]) for b in s.buckets)),
            (say(LEADS), *(str(b.leads) for b in s.buckets)),
        ]
    )
    _define(definitions, Figure.SPEED_TO_LEAD)
    decided = s.sla_met + s.sla_missed
    print(say(SLA, rate(s.sla_share), s.sla_met, decided, s.sla_pending))
    _define(definitions, Figure.SLA_SHARE)


def _return_label(code: str) -> str:
    return (
        say(REJECTED_BY_FIELD_SALES) if code == REJECTED_TO_NURTURE else labels.recycle_reason(code)
    )


def _print_counts(
    title: str,
    counts: Sequence[ReasonCounts],
    header: tuple[str, ...],
    label: Callable[[str], str],
) -> None:
    print()
    print(say(title))
    if not counts:
        print("  " + say(NONE))
        return
    rows = [(say(REASON), *header, say(TOTAL))]
    rows += [(label(c.code), *(str(n) for n in c.counts), str(c.total)) for c in counts]
    _print_table(rows)


def _print_reasons(board: Dashboard, definitions: bool) -> None:
    r = board.reasons
    header = tuple(_bucket(day, r.unit) for day in r.buckets)
    _print_counts(RETURNS, r.returns, header, _return_label)
    _define(definitions, Figure.RETURNS)
    _print_counts(REJECTIONS, r.rejections, header, handoff_labels.rejection_reason)
    _define(definitions, Figure.REJECTIONS)
    print()
    print(say(OVERRIDES))
    _print_table(
        [("", *header, say(TOTAL)), ("", *(str(n) for n in r.overrides), str(r.overrides_total))]
    )
    _define(definitions, Figure.OVERRIDES)


def _print_industries(board: Dashboard, definitions: bool) -> None:
    i = board.industries
    print()
    print(say(INDUSTRY))
    if not i.industries:
        print("  " + say(NONE))
    else:
        rows = [(say(INDUSTRY_HEADER), *(_bucket(d, i.unit) for d in i.buckets), say(TOTAL))]
        for trend in i.industries:
            name = labels.industry(trend.industry) if trend.industry else say(NO_INDUSTRY)
            cells = [say(SHARE, rate(m.rate), m.reached, m.called) for m in trend.months]
            rows.append((name, *cells, say(SHARE, rate(trend.rate), trend.reached, trend.called)))
        _print_table(rows)
    _define(definitions, Figure.INDUSTRY_RESPONSE)
