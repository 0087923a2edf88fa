"""desktop/i18n/formats.py: one date style per language, durations, quotation marks."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from desktop.i18n import formats


@pytest.fixture(params=["ja", "en"])
def lang(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(formats, "language", lambda: request.param)
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield str(request.param)
    monkeypatch.undo()
    time.tzset()


def test_date_and_time(lang: str) -> None:
    at = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # 10:00 in Tokyo, a Tuesday
    expected = {
        "ja": ("2026/11/24(火) 10:00", "2026/11/24(火)"),
        "en": ("Tue 24 Nov 2026 10:00", "Tue 24 Nov 2026"),
    }[lang]
    assert (formats.datetime_text(at), formats.date_text(at)) == expected
    assert (
        formats.date_text(date(2026, 11, 3))
        == {"ja": "2026/11/03(火)", "en": "Tue 3 Nov 2026"}[lang]
    )
    assert formats.datetime_text(None) == formats.date_text(None) == ""
    # Local time: 23:30 UTC is the next morning in Tokyo.
    late = datetime(2026, 11, 21, 23, 30, tzinfo=UTC)
    assert formats.time_text(late) == "08:30"
    assert "22" in formats.date_text(late)
    # An ISO parameter of a message reads the same way.
    assert formats.iso_text(at.isoformat()) == expected[0]
    assert formats.iso_text("2026-11-24") == expected[1]
    assert formats.iso_text("not a date") == "not a date"


def test_durations(lang: str) -> None:
    assert formats.duration(65) == "1:05"
    assert formats.duration(3 * 3600 + 61) == "3:01:01"
    # Days and hours: "%1d %2h" is translated by Qt; untranslated here, the English form.
    assert formats.duration(10 * 86400 + 5 * 3600 + 59) == "10d 5h"


def test_quotes(lang: str) -> None:
    if lang == "ja":
        assert formats.quoted("下期の予算で計上する予定です") == "「下期の予算で計上する予定です」"
    else:
        assert formats.quoted("we plan it for H2") == "“we plan it for H2”"
    # Already quoted by whoever typed it: kept, never doubled, in either language.
    assert formats.quoted("「下期の予算で計上する予定です」") == "「下期の予算で計上する予定です」"
    assert formats.quoted("“budget is set”") == "“budget is set”"


def test_qt_formats(lang: str) -> None:
    assert (
        formats.qt_datetime_format()
        == {
            "ja": "yyyy/MM/dd(ddd) HH:mm",
            "en": "ddd d MMM yyyy HH:mm",
        }[lang]
    )
