"""The import pictures of scripts/screenshots.py, as marketing imports a trade-show list no
preset knows (File → Import leads…):

* ``import-mapping``: the columns mapped by hand (the source named, the engagement kind
  chosen) and the preview of the first rows as they will land, the rejected ones in red.
* ``import-result``: after the import: the counts, the rows merged into leads Baton had,
  the rejected rows with why (exportable as CSV).

Two rows of the list are leads of the demo already (their emails): they merge.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from screenshot_helpers import save, wait, wait_until
from sqlalchemy import select

from desktop.imports.import_dialog import ImportDialog
from desktop.imports.menu import show_import
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from models.core.entities import Lead
from models.db.database import Database
from models.imports.fields import Field, ImportKind
from models.teams.users import user_by_email

#: Every import picture, by its ``--only`` name.
PICTURES = ("import-mapping", "import-result")
MARKETING = "ai.nakamura@baton.example"
SOURCE = "tokyo-dx-expo-2026"
#: The list as the booth's scanner exported it: | between the columns.
_LIST = """
来場者名|フリガナ|会社名称|所属部署|役職|Eメール|電話番号|来場日時|立ち寄りブース
青木 一郎|アオキ イチロウ|株式会社アオキ精機|生産管理部|部長|ichiro.aoki@aoki-seiki.example|03-5210-2201|2026/11/18 10:12|営業DX・架電管理
石井 花子|イシイ ハナコ|石井商事（株）|営業企画課|課長|hanako.ishii@ishii-shoji.example|06-6203-3302|2026/11/18 10:40|インサイドセールス
上田 健|ウエダ ケン|上田工業株式会社|情報システム部|主任|ken.ueda@ueda-kogyo|045-333-4403|2026/11/18 11:05|営業DX・架電管理
江藤 愛|エトウ アイ|江藤ソフト株式会社|経営企画室|室長|ai.eto@eto-soft.example|092-441-5504|2026/11/31 13:30|MA連携
小野 大輔|オノ ダイスケ|㈱小野ロジスティクス|物流部|マネージャー|daisuke.ono@ono-logi.example|022-261-6605|2026/11/18 14:02|インサイドセールス
加藤 美穂|カトウ ミホ|加藤製薬株式会社|営業本部|本部長|miho.kato@kato-pharma.example|052-201-7706|2026/11/18 14:45|営業DX・架電管理
木村 翔|キムラ ショウ|木村建設（株）|総務部||sho.kimura@kimura-kensetsu.example|011-232-8807|2026/11/19 10:20|MA連携
佐々木 由美|ササキ ユミ|ササキ電機株式会社|マーケティング部|リーダー|yumi.sasaki@sasaki-denki.example|03-6712-9908|2026/11/19 11:15|インサイドセールス
"""  # noqa: E501 - one visitor a line reads best
HEADER, *ROWS = [line.split("|") for line in _LIST.strip().splitlines()]


def _export(db: Database, folder: Path) -> Path:
    """The list, with two visitors who are demo leads already (merged by their email)."""
    with db.read() as session:
        known = session.execute(
            select(Lead.name, Lead.email).where(Lead.email.is_not(None)).order_by(Lead.id).limit(2)
        ).all()
    rows = [list(r) for r in ROWS]
    for (name, email), row in zip(known, (rows[1], rows[5]), strict=True):
        row[0], row[5] = name, email
    path = folder / "東京DXエキスポ2026_来場者リスト.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(HEADER)
        out.writerows(rows)
    return path


def _map(dialog: ImportDialog) -> None:
    """What marketing says about the list's columns."""
    form = dialog.mapping_page.form
    form.source.lineEdit().setText(SOURCE)
    form.on_source_edited(SOURCE)
    for target, header in (
        (Field.NAME, "来場者名"),
        (Field.NAME_KANA, "フリガナ"),
        (Field.COMPANY, "会社名称"),
        (Field.DEPARTMENT, "所属部署"),
        (Field.TITLE, "役職"),
        (Field.EMAIL, "Eメール"),
        (Field.PHONE, "電話番号"),
        (Field.TOUCH_AT, "来場日時"),
        (Field.CONTENT, "立ち寄りブース"),
    ):
        combo = form.combos[target]
        combo.setCurrentIndex(combo.findData(header))
    form.touch_kind.setCurrentIndex(form.touch_kind.findData("trade_show_scan"))


def pictures(db: Database, settings: Settings, only: str | None, suffix: str) -> None:
    """Marketing's pictures (``only``: one of them; None: both)."""
    with db.read() as session:
        user = user_by_email(session, MARKETING)
    window = MainWindow(DbWorker(db), user, settings)
    window.show()
    wait_until(lambda: window.model.rowCount() > 0 and window.worker.idle())
    with tempfile.TemporaryDirectory() as folder:
        dialog = show_import(window.ops, user, ImportKind.LEADS, _export(db, Path(folder)), window)
        page = dialog.mapping_page
        wait_until(lambda: page.inspection is not None)
        _map(dialog)
        wait(300)
        if only in (None, "import-mapping"):
            save(dialog, f"import-mapping-{suffix}.png")
        if only in (None, "import-result"):
            page.import_button.click()
            wait_until(lambda: dialog.result_page.report is not None, 30_000)
            wait(300)
            save(dialog, f"import-result-{suffix}.png")
        dialog.close()
    window.close()
    window.worker.stop()
