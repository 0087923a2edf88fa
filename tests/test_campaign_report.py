"""What happened to what marketing sent (models/reporting/campaigns.py) and its exports
(campaign_export.py), on SQLite and PostgreSQL.

November 2026 on the Tokyo clock; Tokyo's leads unless said:

====  ===========  ==========================================  ===========================
lead  MQL          touches (campaign / content)                after them
====  ===========  ==========================================  ===========================
L1    11/02 10:00  Webinar 11月 / DX入門ガイド 11/01 and 11/05;  connected 11/02, handed off
                   展示会 2026 / ブース 10/28 (before)          11/04, accepted
L2    11/03 10:00  Webinar 11月 / DX入門ガイド 11/03 09:00      connected 11:00, handed off
                                                               11/13, rejected to nurture
L3    11/04 10:00  Webinar 11月 / 料金表 11/10                  connected 11/06 (before the
                                                               touch), returned 11/12
L4    10/01 10:00  Webinar 11月 10/20 (before the period)      -
L5    11/05 10:00  <script>… / <img …> 11/06                    -
L6    11/06 10:00  展示会 2026 / ブース 11/07 (Osaka)           a connected call corrected
====  ===========  ==========================================  ===========================
"""

from __future__ import annotations

import csv
import io

import pytest

from models.core.errors import InvalidInput
from models.db.database import Database
from models.reporting import campaign_csv, campaign_html, campaign_report
from models.reporting.campaigns import CampaignReport, CampaignRow
from tests.kpi_data import Cast, call, cast, handoff, jst, lead, november, recycle, touch

WEBINAR, SHOW, SCRIPT = "Webinar 11月", "展示会 2026", "<script>alert(1)</script>"
GUIDE, PRICES, BOOTH, IMAGE = "DX入門ガイド", "料金表", "ブース", "<img src=x onerror=alert(1)>"


def _world(db: Database, *, extra: tuple[str, str | None] | None = None) -> Cast:
    c = cast(db)
    p = c.people

    def made(name: str, mql: str, team: int = p.team, owner: int = p.a) -> int:
        return lead(db, name, team=team, owner=owner, mql=jst(mql))

    l1, l2 = made("L1", "2026-11-02 10:00"), made("L2", "2026-11-03 10:00")
    l3, l4 = made("L3", "2026-11-04 10:00"), made("L4", "2026-10-01 10:00")
    l5 = made("L5", "2026-11-05 10:00")
    l6 = made("L6", "2026-11-06 10:00", team=p.other_team, owner=p.d)
    touch(db, l1, jst("2026-11-01 10:00"), WEBINAR, GUIDE)
    touch(db, l1, jst("2026-11-05 10:00"), WEBINAR, GUIDE)
    touch(db, l1, jst("2026-10-28 10:00"), SHOW, BOOTH)
    touch(db, l2, jst("2026-11-03 09:00"), WEBINAR, GUIDE)
    touch(db, l3, jst("2026-11-10 10:00"), WEBINAR, PRICES)
    touch(db, l4, jst("2026-10-20 10:00"), WEBINAR, GUIDE)
    touch(db, l5, jst("2026-11-06 10:00"), SCRIPT, IMAGE)
    touch(db, l6, jst("2026-11-07 10:00"), SHOW, BOOTH)
    if extra is not None:
        touch(db, l5, jst("2026-11-08 10:00"), *extra)
    call(db, l1, p.a, jst("2026-11-02 11:00"), "connected")
    call(db, l2, p.a, jst("2026-11-03 11:00"), "connected")
    call(db, l3, p.a, jst("2026-11-06 10:00"), "connected")
    call(db, l3, p.a, jst("2026-11-11 10:00"), "no_answer")
    call(db, l6, p.d, jst("2026-11-08 10:00"), "connected", superseded=True)
    handoff(db, l1, p.a, jst("2026-11-04 10:00"), status="accepted")
    handoff(db, l2, p.a, jst("2026-11-13 10:00"), status="rejected", code="timing")
    recycle(db, l2, p.field_rep, jst("2026-11-14 10:00"), "handoff_rejected:timing")
    recycle(db, l3, p.a, jst("2026-11-12 10:00"), "no_budget")
    return c


def _report(db: Database, c: Cast, **filters: object) -> CampaignReport:
    with db.read() as session:
        return campaign_report(session, c.marketing, november(**filters))


def _figures(row: CampaignRow) -> tuple[object, ...]:
    reasons = tuple((r.code, r.leads) for r in row.return_reasons)
    return (row.leads_sent, row.reached, row.promoted, row.accepted, row.returned, reasons)


def test_per_campaign_and_per_content(db: Database) -> None:
    c = _world(db)
    report = _report(db, c)
    assert [r.name for r in report.campaigns] == [WEBINAR, SCRIPT, SHOW]
    webinar, script, show = report.campaigns
    assert _figures(webinar) == (3, 2, 2, 1, 2, (("handoff_rejected", 1), ("no_budget", 1)))
    assert webinar.median_days == pytest.approx(6.0)  # 2 and 10 days from MQL
    assert _figures(script) == (1, 0, 0, 0, 0, ())
    assert _figures(show) == (1, 0, 0, 0, 0, ())  # the corrected call does not count
    assert script.median_days is None
    assert [r.name for r in report.assets] == [GUIDE, IMAGE, BOOTH, PRICES]
    guide, _image, _booth, prices = report.assets
    assert _figures(guide) == (2, 2, 2, 1, 1, (("handoff_rejected", 1),))
    assert guide.median_days == pytest.approx(6.0)
    assert _figures(prices) == (1, 0, 0, 0, 1, (("no_budget", 1),))  # reached before only


def test_filters(db: Database) -> None:
    c = _world(db)
    tokyo = _report(db, c, team_id=c.people.team)
    assert [r.name for r in tokyo.campaigns] == [WEBINAR, SCRIPT]
    webinar = _report(db, c, campaign=WEBINAR)
    assert [r.name for r in webinar.campaigns] == [WEBINAR]
    assert [r.name for r in webinar.assets] == [GUIDE, PRICES]
    rep_d = _report(db, c, rep_id=c.people.d)
    assert [(r.name, r.leads_sent) for r in rep_d.campaigns] == [(SHOW, 1)]
    v2 = _report(db, c, definition_version=2)
    assert _figures(v2.campaigns[0])[:4] == (3, 2, 0, 0)
    assert v2.campaigns[0].median_days is None


def test_csv_in_utf8_with_a_bom_and_in_cp932(db: Database) -> None:
    c = _world(db, extra=('=HYPERLINK("http://x")', "ホワイトペーパー—最新版"))
    report = _report(db, c)
    data = campaign_csv(report)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["区分", "名称", "送客リード数"]
    by_name = {r[1]: r for r in rows[1:]}
    assert by_name[WEBINAR] == [
        "キャンペーン",
        WEBINAR,
        "3",
        "2",
        "2",
        "1",
        "2",
        "フィールドセールスが差し戻し 1、予算なし 1",
        "6.0",
    ]
    assert '\'=HYPERLINK("http://x")' in by_name  # never a formula in Excel
    assert by_name[GUIDE][0] == "コンテンツ"
    sjis = campaign_csv(report, encoding="cp932")
    back = list(csv.reader(io.StringIO(sjis.decode("cp932"), newline="")))
    assert back[1:] == [
        [cell.replace("\u2014", "\u2015") for cell in row] for row in rows[1:]
    ]  # the em dash as the JIS dash
    english = campaign_csv(report, language="en", encoding="utf-8")
    assert english.decode("utf-8").splitlines()[0].startswith("Kind,Name,Leads sent")


def test_a_character_cp932_lacks_is_refused_naming_the_campaign(db: Database) -> None:
    c = _world(db, extra=("春の🌸セミナー", None))
    report = _report(db, c)
    with pytest.raises(InvalidInput) as refused:
        campaign_csv(report, encoding="cp932")
    error = refused.value
    assert error.key == "report.unencodable"
    assert error.params["record"] == "春の🌸セミナー" and error.params["character"] == "🌸"
    assert "春の🌸セミナー" in str(error) and "handoff" not in str(error)
    assert campaign_csv(report).decode("utf-8-sig").count("春の🌸セミナー") == 1
    with pytest.raises(InvalidInput) as unknown:
        campaign_csv(report, encoding="latin-1")
    assert unknown.value.key == "export.encoding_unknown"


def test_the_html_page_escapes_every_text(db: Database) -> None:
    c = _world(db)
    page = campaign_html(_report(db, c))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert WEBINAR in page and GUIDE in page and "送客リード数" in page
    assert "\x00" not in page
    assert "http" not in page.replace("http-equiv", "")  # nothing fetched from anywhere
    assert page.count("<style>") == 1 and "<link" not in page
    english = campaign_html(_report(db, c), language="en")
    assert "Leads sent" in english and "送客リード数" not in english
    assert '<html lang="en">' in english
    with pytest.raises(InvalidInput) as unknown:
        campaign_html(_report(db, c), language="fr")
    assert unknown.value.key == "report.language_unknown"


def test_control_characters_stored_in_sqlite_never_reach_the_page(sqlite_url: str) -> None:
    """PostgreSQL refuses a NUL in text; SQLite stores what it is given."""
    from models.db.database import open_database

    db = open_database(sqlite_url)
    try:
        c = _world(db, extra=("夏の\x00セミナー", "資料\x07請求"))
        page = campaign_html(_report(db, c))
    finally:
        db.close()
    assert "\x00" not in page and "\x07" not in page
    assert "夏のセミナー" in page and "資料請求" in page


def test_the_median_of_three_handoffs(db: Database) -> None:
    """A third handoff, a day after its MQL (its touch came after an earlier one made
    before it): Webinar's times are 1, 2 and 10 days."""
    c = _world(db)
    p = c.people
    l7 = lead(db, "L7", team=p.team, owner=p.b, mql=jst("2026-11-06 10:00"))
    touch(db, l7, jst("2026-11-06 09:00"), WEBINAR, GUIDE)
    handoff(db, l7, p.b, jst("2026-11-07 10:00"), status="accepted")
    report = _report(db, c)
    webinar = report.campaigns[0]
    assert (webinar.name, webinar.leads_sent, webinar.promoted, webinar.accepted) == (
        WEBINAR,
        4,
        3,
        2,
    )
    assert webinar.median_days == pytest.approx(2.0)
    assert report.assets[0].median_days == pytest.approx(2.0)  # DX入門ガイド: 1, 2, 10
