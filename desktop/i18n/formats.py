"""How values are written in the UI language: dates and times, durations, quotations.

One style per language, everywhere (queue, lead pane, timeline, dialogs, the CLI):

==========  ==========================  =====================
            date and time               date alone
==========  ==========================  =====================
Japanese    ``2026/11/24(火) 10:00``    ``2026/11/24(火)``
English     ``Tue 24 Nov 2026 10:00``   ``Tue 24 Nov 2026``
==========  ==========================  =====================

Times are shown in the local time zone. Qt-free (the CLI formats without loading Qt); the
language is the installed one (:func:`desktop.i18n.translate.language`). Qt's date
editors use the same style through :func:`qt_datetime_format` and :func:`qt_date_format`.
"""

from __future__ import annotations

from datetime import date, datetime

from desktop.i18n.translate import QT_TRANSLATE_NOOP, language, translate

CTX = "Formats"

_WEEKDAYS = {
    "ja": ("月", "火", "水", "木", "金", "土", "日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: Qt's display formats for the same style (weekday and month names from the widget's
#: locale, which :func:`desktop.i18n.languages.install` sets to the UI language).
_QT_DATE = {"ja": "yyyy/MM/dd(ddd)", "en": "ddd d MMM yyyy"}
_QT_TIME = "HH:mm"

#: A duration of a day or more ("10d 5h"; Japanese 「10日5時間」).
DAYS_HOURS = QT_TRANSLATE_NOOP("Formats", "%1d %2h")

#: Quotation marks around quoted words (evidence in the prospect's words): Japanese 「」.
_QUOTES = {"ja": ("「", "」"), "en": ("“", "”")}
_OPENING_QUOTES = ("「", "『", "“", '"')


def _local(value: date | datetime) -> date | datetime:
    return value.astimezone() if isinstance(value, datetime) else value


def date_text(value: date | datetime | None) -> str:
    """A day (a timestamp's local day): ``2026/11/24(火)`` / ``Tue 24 Nov 2026``."""
    if value is None:
        return ""
    day = _local(value)
    weekday = _WEEKDAYS[language()][day.weekday()]
    if language() == "ja":
        return f"{day.year}/{day.month:02d}/{day.day:02d}({weekday})"
    return f"{weekday} {day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def time_text(value: datetime | None) -> str:
    """A timestamp's local time of day: ``10:00``."""
    return value.astimezone().strftime("%H:%M") if value is not None else ""


def datetime_text(value: datetime | None) -> str:
    """A timestamp in local time: ``2026/11/24(火) 10:00`` / ``Tue 24 Nov 2026 10:00``."""
    if value is None:
        return ""
    return f"{date_text(value)} {time_text(value)}"


def iso_text(text: str | None) -> str:
    """An ISO date or date-time (a message's parameter) in the same style; else as it is."""
    if not text:
        return ""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return text
    if "T" not in text and " " not in text.strip():
        return date_text(value.date())
    return datetime_text(value)


def duration(seconds: int) -> str:
    """A countdown: ``M:SS``, ``H:MM:SS``, or days and hours (``10d 5h`` / ``10日5時間``)."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours >= 24:
        days_hours = translate(CTX, DAYS_HOURS)
        return days_hours.replace("%1", str(hours // 24)).replace("%2", str(hours % 24))
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def quoted(text: str) -> str:
    """Words someone said, in the language's quotation marks (``「…」`` / ``“…”``).

    Text its writer already quoted (「下期の予算で…」) keeps its own marks, never doubled.
    """
    stripped = text.strip()
    if stripped.startswith(_OPENING_QUOTES):
        return stripped
    opening, closing = _QUOTES[language()]
    return f"{opening}{stripped}{closing}"


def qt_date_format() -> str:
    """The display format of a Qt date editor, in the UI language's style."""
    return _QT_DATE[language()]


def qt_datetime_format() -> str:
    """The display format of a Qt date-time editor, in the UI language's style."""
    return f"{qt_date_format()} {_QT_TIME}"
