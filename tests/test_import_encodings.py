"""Exports as Japanese teams' tools and Excel write them land with every character right,
on both databases: UTF-8 with and without a byte-order mark, CP932 (Excel's "CSV" on a
Japanese Windows), UTF-16 with its byte-order mark and tabs (Excel's "Unicode text"),
CRLF or LF line ends, quoted line breaks (a rejection after such a row names both the
row and the physical line); the report names the encoding used. A Latin-1 file is read
right or refused as garbled, never imported as mojibake (also not as CP932, which
decodes "è" followed by a letter as a rare kanji).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from models.core.entities import Account, Lead
from models.core.errors import InvalidInput
from models.db.database import Database
from models.imports.decoding import decode
from models.imports.fields import Field, ImportKind
from models.imports.mapping import Mapping
from tests.imports_data import (
    LEAD_HEADER,
    accounted,
    csv_text,
    lead,
    people,
    rejection_of,
    run,
    write_csv,
)

#: (how the file is written, its delimiter, what the report calls the encoding)
ENCODINGS = {
    "utf-8": (",", "UTF-8"),
    "utf-8-sig": (",", "UTF-8 (BOM)"),
    "cp932": (",", "CP932 (Shift_JIS)"),
    "utf-16": ("\t", "UTF-16"),
}
#: Row 2 spans lines 2-3, row 3 lines 4-6 (a CRLF and a LF inside quotes), row 4 is line 7.
ROWS = [
    LEAD_HEADER,
    lead(
        id="A1",
        email="ｋｅｎｉｃｈｉ.ｓａｔｏ＠ｍｉｒａｉｔｅｃｈ.ｃｏ.ｊｐ",
        last="佐藤",
        first="健一",
        last_kana="ｻﾄｳ",
        first_kana="ケンイチ",
        company="株式会社ミライテック",
        phone="０３－５４１２－７７００",
        title="情報システム部\n部長",
        content="資料請求フォーム: 製品カタログ",
        at="2026/10/01 10:00",
    ),
    lead(
        id="A2",
        email="hanako@nihonbashi.example.jp",
        last="髙橋",  # a kanji CP932 holds (an IBM extension) that Shift_JIS does not
        first="花子",
        company="㈱日本橋ロジスティクス",
        title="営業部\r\n課長\n代理",
        at="2026年10月2日 9時30分",
    ),
    lead(id="A3", email="not-an-address", last="鈴木", first="一郎", company="有限会社サンプル"),
    lead(id="A4", email="ichiro@example.jp", last="渡辺", first="一郎", company="(有)ワタナベ"),
]


@pytest.mark.parametrize("newline", ["\r\n", "\n"], ids=["crlf", "lf"])
@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_each_encoding_and_line_end_lands_every_character(
    db: Database, tmp_path: Path, encoding: str, newline: str
) -> None:
    delimiter, said = ENCODINGS[encoding]
    path = write_csv(
        tmp_path / "export.csv", ROWS, encoding=encoding, newline=newline, delimiter=delimiter
    )
    report = run(db, people(db).marketing, path)
    assert report.encoding == said
    assert (report.rows_read, report.landed, report.rejected) == (4, 3, 1)
    assert accounted(report)
    bad = rejection_of(report, 4)
    assert (bad.line, bad.column, bad.key) == (7, "メールアドレス", "import.value.email")
    assert bad.value == "not-an-address"
    with db.read() as session:
        leads = {lead.email: lead for lead in session.scalars(select(Lead).order_by(Lead.id)).all()}
        kenichi = leads["kenichi.sato@miraitech.co.jp"]  # NFKC: full-width letters and ＠
        assert (kenichi.name, kenichi.name_kana) == ("佐藤 健一", "サトウ ケンイチ")
        assert kenichi.title == "情報システム部 部長"  # one line: the break is a space
        assert (kenichi.phone, kenichi.phone_e164) == ("03-5412-7700", "+81354127700")
        hanako = leads["hanako@nihonbashi.example.jp"]
        assert (hanako.name, hanako.title) == ("髙橋 花子", "営業部 課長 代理")
        companies = set(session.scalars(select(Account.name)))
    assert companies == {"株式会社ミライテック", "(株)日本橋ロジスティクス", "(有)ワタナベ"}


def test_a_rejection_after_quoted_line_breaks_names_its_row_and_its_line(
    db: Database, tmp_path: Path
) -> None:
    rows = [
        LEAD_HEADER,
        lead(id="B1", email="b1@example.jp", last="一", company="甲社", title="a\nb\nc\nd"),
        lead(id="B2", email="b2@example.jp", last="二", company="乙社", at="2026-02-30"),
    ]
    report = run(db, people(db).marketing, write_csv(tmp_path / "breaks.csv", rows))
    bad = rejection_of(report, 3)
    assert (bad.line, bad.column, bad.key) == (
        6,
        "コンバージョン日時",
        "import.value.date_impossible",
    )
    assert report.landed == 1


# -- Latin-1: read right, or refused; never mojibake ---------------------------------------
LATIN_MAPPING = Mapping(
    ImportKind.LEADS,
    "latin",
    {
        Field.EXTERNAL_ID: "ID",
        Field.EMAIL: "Email",
        Field.LAST_NAME: "Last",
        Field.FIRST_NAME: "First",
        Field.COMPANY: "Company",
    },
)
LATIN_SAMPLES = {
    # Every accented letter followed by a letter: a valid CP932 byte sequence (rare kanji).
    "french_cp932_lookalike": [
        ["1", "t@example.fr", "Lefèvre", "Hélène", "Crèche Thérèse"],
        ["2", "b@example.fr", "Mathéo", "Sébastien", "Bélanger SARL"],
    ],
    # The detector reads this as CP1250 ("Lefčvre") as readily as CP1252.
    "french": [["1", "r@example.fr", "Lefèvre", "René", "Société Générale, Crédit Agricole"]],
    "german": [
        ["1", "j@example.de", "Müller", "Jürgen", "Bäckerei Größe GmbH"],
        ["2", "b@example.de", "Weiß", "Björn", "Straßenbau AG"],
    ],
    "spanish": [["1", "j@example.es", "Núñez", "José", "Compañía Española"]],
}


@pytest.mark.parametrize("sample", list(LATIN_SAMPLES))
def test_a_latin_1_file_is_read_right_or_refused_never_mojibake(
    db: Database, tmp_path: Path, sample: str
) -> None:
    header = ["ID", "Email", "Last", "First", "Company"]
    rows = LATIN_SAMPLES[sample]
    path = tmp_path / f"{sample}.csv"
    path.write_bytes(csv_text([header, *rows]).encode("latin-1"))
    marketing = people(db).marketing
    try:
        report = run(db, marketing, path, mapping=LATIN_MAPPING)
    except InvalidInput as refused:
        assert refused.key == "import.file_garbled"
        assert refused.params["file"] == path.name
        with db.read() as session:
            assert session.scalar(select(Lead.id).limit(1)) is None
        return
    assert report.encoding not in {"UTF-8", "CP932 (Shift_JIS)"}
    assert report.landed == len(rows)
    with db.read() as session:
        names = set(session.scalars(select(Lead.name)))
        companies = set(session.scalars(select(Account.name)))
    assert names == {f"{first} {last}" for _, _, last, first, _ in rows}
    assert companies == {row[4] for row in rows}


def test_the_latin_1_lookalike_is_not_taken_for_cp932() -> None:
    text = csv_text(
        [["ID", "Email", "Last", "First", "Company"], *LATIN_SAMPLES["french_cp932_lookalike"]]
    )
    data = text.encode("latin-1")
    data.decode("cp932")  # it is valid CP932...
    with pytest.raises(InvalidInput) as refused:  # ...but not Japanese, and no guess is safe
        decode(data, "lookalike.csv")
    assert refused.value.key == "import.file_garbled"


def test_japanese_cp932_with_rare_kanji_and_half_width_kana_still_reads_as_cp932() -> None:
    text = (
        "会社名,担当者,カナ\n株式会社髙島屋,齋藤 眞一郎,ｻｲﾄｳ ｼﾝｲﾁﾛｳ\n㈲森鴎外堂,﨑山 隆,ｻｷﾔﾏ ﾀｶｼ\n"
    )
    decoded = decode(text.encode("cp932"), "rare.csv")
    assert decoded.encoding == "CP932 (Shift_JIS)"
    assert decoded.text == text


def test_euc_jp_falls_to_the_detector_and_is_read_right() -> None:
    text = (
        "ID,メール,姓,名,会社名\n1,a@example.jp,佐藤,太郎,株式会社テスト\n"
        "2,c@example.jp,鈴木,花子,有限会社サンプル\n"
    )
    decoded = decode(text.encode("euc_jp"), "euc.csv")
    assert decoded.text == text
    assert "EUC" in decoded.encoding
