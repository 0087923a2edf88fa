"""The KPI dashboard's exports and words: each view's CSV (UTF-8 for Excel or Shift_JIS) and
PNG written and read back, the campaign report as CSV and web page, a character Shift_JIS
lacks refused with nothing written; user text (a campaign ``<img src=x>``, a rep and an
industry in markup) shown literally everywhere; the window in Japanese (the definitions
too); its item models pass the model tester."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from desktop.dashboards.dashboard_window import DashboardWindow
from desktop.dashboards.leads_dialog import LeadsModel
from desktop.operations.worker import DbWorker
from models.db.database import Database
from models.leads.queue import queue_rows
from tests.gui.kpi_helpers import (
    HOSTILE,
    ODD_INDUSTRY,
    ODD_REP,
    World,
    cells,
    kpi_db,
    kpi_worker,
    open_dashboard,
    operations,
    show_campaigns,
    user_info,
    world,
)
from tests.gui.test_japanese_everywhere import shown_texts, speaking
from tests.japanese_text import data_strings, untranslated
from tests.kpi_data import jst, touch

__all__ = ["kpi_db", "kpi_worker"]  # fixtures

SUSHI = "寿司🍣セミナー"  # no Shift_JIS for the emoji


@pytest.fixture
def kpi_world(kpi_db: Database) -> World:
    return world(kpi_db)


def _window(qtbot: QtBot, db: Database, worker: DbWorker) -> DashboardWindow:
    return open_dashboard(qtbot, operations(worker), user_info(db, "marketing@baton.test"))


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path, chosen: str = "") -> list[str]:
    """The next save dialogs answer ``path`` (and the file type ``chosen``, else the first
    offered); returns the names they suggested."""
    suggested: list[str] = []

    def answer(_parent: object, _title: str, name: str, types: str, first: str) -> tuple:
        suggested.append(Path(name).name)
        return str(path), chosen or first or types.split(";;", maxsplit=1)[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return suggested


def _shift_jis(window: DashboardWindow) -> str:
    return QCoreApplication.translate("Exporter", "CSV, Shift_JIS (*.csv)")


def test_each_view_exports_its_csv_and_png(
    qtbot: QtBot,
    kpi_db: Database,
    kpi_world: World,
    kpi_worker: DbWorker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _window(qtbot, kpi_db, kpi_worker)
    funnel = window.funnel
    target = tmp_path / "funnel.csv"
    suggested = _save_as(monkeypatch, target)
    funnel.csv_button.click()
    assert suggested == ["kpi-funnel-2026-11-01_2026-11-30.csv"]
    text = target.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark: Excel reads it
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert rows[0] == ["Stage", "Leads", "Drop-off", "Of the MQLs"]
    assert rows[1:] == funnel.table()[1]
    assert [r[1] for r in rows[1:]] == ["6", "5", "4", "3", "1"]
    assert window.said.text() == f"Wrote {target}."

    activity = tmp_path / "activity.csv"
    _save_as(monkeypatch, activity, _shift_jis(window))
    window.activity.csv_button.click()
    rows = list(csv.reader(io.StringIO(activity.read_bytes().decode("cp932"))))
    assert rows[1] == ["Total", "6", "4", "67%", "3", "75%", "50%", "1.0", "2:45"]
    assert ODD_REP in [r[0] for r in rows]  # the name as it is, markup and all

    for section in (funnel, window.reasons):
        window.scroll.ensureWidgetVisible(section)
        picture = tmp_path / f"{section.key}.png"
        _save_as(monkeypatch, picture)
        section.png_button.click()
        image = QImage(str(picture))
        assert not image.isNull()
        assert (image.width(), image.height()) == (section.width(), section.height())
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in (40, 200)}
        assert len(colours) > 3  # the title, the bars: not a blank picture
        assert section.png_button.isVisible()  # hidden for the picture only


@pytest.fixture
def marketing_window(
    qtbot: QtBot, kpi_db: Database, kpi_world: World, kpi_worker: DbWorker
) -> DashboardWindow:
    return _window(qtbot, kpi_db, kpi_worker)


def test_an_export_that_cannot_be_written_says_why(
    marketing_window: DashboardWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = marketing_window
    missing = tmp_path / "gone" / "funnel.png"
    _save_as(monkeypatch, missing)
    window.funnel.png_button.click()
    assert not missing.parent.exists()
    assert window.said.text() == (
        f"Cannot write {missing}: the folder {missing.parent} does not exist."
    )
    folder = tmp_path / "a folder.csv"
    folder.mkdir()
    _save_as(monkeypatch, folder)
    window.funnel.csv_button.click()
    said = window.said.text()
    assert said.startswith(f"Cannot write {folder}") and "Is a directory" in said, said
    assert list(folder.iterdir()) == []  # nothing left behind


def test_the_campaign_report_exports_as_excel_csv_shift_jis_and_a_web_page(
    qtbot: QtBot,
    kpi_db: Database,
    kpi_world: World,
    kpi_worker: DbWorker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _window(qtbot, kpi_db, kpi_worker)
    show_campaigns(qtbot, window)
    section = window.campaigns
    sjis = tmp_path / "campaigns.csv"
    _save_as(monkeypatch, sjis, _shift_jis(window))
    section.csv_button.click()
    rows = list(csv.reader(io.StringIO(sjis.read_bytes().decode("cp932"))))
    assert [r[1] for r in rows[1:]] == ["Webinar 11月", HOSTILE, "DX入門ガイド", "料金表"]
    page = tmp_path / "campaigns.html"
    _save_as(monkeypatch, page)
    section.html_button.click()
    html = page.read_text(encoding="utf-8")
    assert "&lt;img src=x&gt;" in html and "<img src=x>" not in html

    # A campaign Shift_JIS cannot write: refused, said, nothing written; UTF-8 writes it.
    touch(kpi_db, kpi_world.leads["K5"], jst("2026-11-08 10:00"), SUSHI, None)
    with qtbot.waitSignal(window.campaigns_loaded, timeout=20_000):
        window.load()
    refused = tmp_path / "refused.csv"
    _save_as(monkeypatch, refused, _shift_jis(window))
    section.csv_button.click()
    assert not refused.exists()
    assert "cannot be written in cp932" in window.said.text()
    assert SUSHI in window.said.text()
    _save_as(monkeypatch, refused)
    section.csv_button.click()
    assert SUSHI in refused.read_text(encoding="utf-8-sig")


def test_user_text_is_shown_as_it_is(
    qtbot: QtBot, kpi_db: Database, kpi_world: World, kpi_worker: DbWorker
) -> None:
    window = _window(qtbot, kpi_db, kpi_worker)
    campaign = window.filters.campaign
    at = campaign.findText(HOSTILE)
    assert at > 0
    assert "&lt;img src=x&gt;" in campaign.itemData(at, Qt.ItemDataRole.ToolTipRole)
    rep_model = window.activity.rep_model
    row = next(r for r in range(rep_model.rowCount()) if cells(rep_model, r)[0] == ODD_REP)
    tip = rep_model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;伊藤&lt;/b&gt;" in tip
    names = window.activity.per_rep.chart.categories
    assert ODD_REP in names  # drawn as text on the axis
    legend = window.industries.chart.legend_box.findChildren(QLabel)
    shown = [label for label in legend if label.text() == ODD_INDUSTRY]
    assert shown and shown[0].textFormat() == Qt.TextFormat.PlainText
    for label in window.findChildren(QLabel):
        if label.textFormat() != Qt.TextFormat.PlainText:
            assert HOSTILE not in label.text() and ODD_REP not in label.text()

    show_campaigns(qtbot, window)
    model = window.campaigns.model
    assert cells(model, 1)[1] == HOSTILE
    assert "&lt;img src=x&gt;" in model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_the_dashboard_reads_as_japanese(
    qtbot: QtBot,
    qapp: QCoreApplication,
    kpi_db: Database,
    kpi_world: World,
    kpi_worker: DbWorker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with speaking(qapp, "ja"):
        window = _window(qtbot, kpi_db, kpi_worker)
        exported = tmp_path / "活動.csv"
        _save_as(monkeypatch, exported)
        window.activity.csv_button.click()
        heads = next(csv.reader(io.StringIO(exported.read_bytes().decode("utf-8-sig"))))
        # The space that wraps the title on screen is not in the column's name.
        assert "リーチあたりの商談化率" in heads and not any(" " in h for h in heads), heads
        funnel = window.funnel
        assert funnel.chart.categories == [
            "MQL",
            "架電済み",
            "リーチ",
            "引き渡し（SQL）",
            "受け入れ（SAL）",
        ]
        assert funnel.headline.text() == "MQL 6件、フィールドセールスの受け入れ 1件（MQLの17%）"
        assert "MQL日（マーケティングから渡された日" in funnel.definitions.text()
        assert window.conversion.headline.text().startswith("初回接点後の商談化率：75%")
        assert window.window().windowTitle() == "KPIダッシュボード — Baton"
        texts = shown_texts(window)
        texts += window.speed.chart.categories + window.conversion.chart.categories
        texts += window.reasons.returns.legend_names + window.reasons.rejections.legend_names
        show_campaigns(qtbot, window)
        texts += shown_texts(window)
        window.activity.tabs.setCurrentWidget(window.activity.per_day)
        texts += shown_texts(window.activity)
        # Latin letters Japanese writes too: KPI, SQL/SAL (the funnel's stages), PNG, Web
        # (Webページ); data: the time zone's name, an industry code, a name in markup as
        # a tooltip renders it.
        words = ["KPI", "SQL", "SAL", "PNG", "Web", "Asia/Tokyo", ODD_INDUSTRY, "伊藤 E"]
        data = [*data_strings(kpi_db), *words]
        found = untranslated(texts, data)
        assert not found, "English in the Japanese dashboard:\n" + "\n".join(
            f"{words}: {text!r}" for text, words in found.items()
        )


def test_the_item_models_pass_the_model_tester(
    qtmodeltester,  # type: ignore[no-untyped-def]
    qtbot: QtBot,
    kpi_db: Database,
    kpi_world: World,
    kpi_worker: DbWorker,
) -> None:
    window = _window(qtbot, kpi_db, kpi_worker)
    window.activity.tabs.setCurrentWidget(window.activity.per_day)
    for model in (window.activity.rep_model, window.activity.day_model, window.industries.model):
        assert model.rowCount() > 1
        qtmodeltester.check(model)
    show_campaigns(qtbot, window)
    qtmodeltester.check(window.campaigns.model)
    leads = LeadsModel()
    with kpi_db.read() as session:
        leads.set_rows(queue_rows(session, list(kpi_world.leads.values())))
    assert leads.rowCount() == 6
    qtmodeltester.check(leads)
