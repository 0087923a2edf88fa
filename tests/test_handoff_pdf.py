"""The handoff summary as a PDF, read back with poppler: A4, every font embedded, and the
text a reader copies is the text on the page (the Japanese company name, each criterion's
sentence, the call notes; 日 as 日, not the Kangxi radical ⽇ Qt's own map would give).

Needs poppler-utils (pdftotext, pdffonts, pdfinfo; .ci/run installs them) and Qt's GUI
module (imported inside the tests: the domain tests load no GUI at import time).
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.handoff.pdf_text import FontText, _glyph_codes, mend_to_unicode, parse_cmap, write_cmap
from models.db.database import Database
from models.handoff.summary import HandoffSummary, summary_for_handoff
from tests.handoff_data import (
    COMPANY,
    IMG,
    NOTE_1,
    NOTE_2,
    RECOMMENDATION,
    SCRIPT,
    SUPERSEDED_NOTE,
    add_handoff,
    make_lead,
)

POPPLER = ("pdftotext", "pdffonts", "pdfinfo")
needs_poppler = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in POPPLER),
    reason="poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed: apt-get install "
    "poppler-utils (.ci/run does)",
)


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout


def _flat(text: str) -> str:
    """Text without white space: a sentence the layout wrapped is still found whole."""
    return "".join(text.split())


@pytest.fixture
def japanese(qapp: Any) -> Iterator[None]:
    """The app in Japanese for one test, English again afterwards."""
    from desktop.i18n import languages

    languages.switch(qapp, "ja")
    yield
    languages.switch(qapp, "en")


@pytest.fixture
def handed_off(db: Database) -> HandoffSummary:
    made = make_lead(db)
    handoff_id = add_handoff(db, made)
    with db.read() as session:
        return summary_for_handoff(session, handoff_id)


def _write_pdf(summary: HandoffSummary, path: Path) -> Path:
    from desktop.handoff import pdf

    path.write_bytes(pdf.pdf_bytes(summary))
    return path


@needs_poppler
def test_the_pdf_reads_back_in_japanese(
    japanese: None, handed_off: HandoffSummary, tmp_path: Path
) -> None:
    from desktop.handoff.sheet import sheet
    from desktop.i18n import criteria

    path = _write_pdf(handed_off, tmp_path / "summary.pdf")
    text = _run("pdftotext", "-enc", "UTF-8", str(path), "-")
    flat = _flat(text)
    assert COMPANY in text
    assert "商談化シート" in text and "商談化の根拠" in text
    sentences = [line["sentence"] for line in sheet(handed_off)["why"]["lines"]]
    assert len(sentences) == 8
    for sentence in sentences:
        assert _flat(sentence) in flat, sentence
    assert sentences[0] == criteria.sentence(handed_off.checklist[0].criterion)
    for note in (NOTE_1, NOTE_2, RECOMMENDATION):
        for line in note.splitlines():
            assert _flat(line) in flat, line
    assert _flat(SCRIPT) in flat and _flat(IMG) in flat  # markup printed as text
    assert SUPERSEDED_NOTE not in text
    # What a reader copies is the character on the page: no Kangxi radicals or CJK
    # radicals standing in for kanji, no control characters for spaces.
    odd = [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF or unicodedata.category(c) == "Cc"]
    assert set(odd) <= {"\n", "\f"}, odd
    assert "日本橋" in text and "物流部" in text


@needs_poppler
def test_every_font_is_embedded_and_the_page_is_a4(
    handed_off: HandoffSummary, tmp_path: Path, qapp: Any
) -> None:
    path = _write_pdf(handed_off, tmp_path / "summary.pdf")
    fonts = _run("pdffonts", str(path)).splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes", f"{name} is not embedded: {line}"
    assert any(line.startswith("NotoSansCJKjp-") for line in fonts), fonts
    info = _run("pdfinfo", str(path))
    assert "(A4)" in info
    assert int(_field(info, "Pages")) >= 2
    assert COMPANY in _field(info, "Title")


def _field(info: str, name: str) -> str:
    return next(
        line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith(name)
    )


@needs_poppler
def test_characters_beyond_the_bmp_and_other_scripts_copy_too(
    db: Database, tmp_path: Path, qapp: Any
) -> None:
    made = make_lead(db, company="𠮷野ロジ株式会社")
    handoff_id = add_handoff(db, made, note="𩸽の干物 ½ ① 한국어 Ελληνικά 𠮷")
    with db.read() as session:
        summary = summary_for_handoff(session, handoff_id)
    path = _write_pdf(summary, tmp_path / "summary.pdf")
    text = _run("pdftotext", "-enc", "UTF-8", str(path), "-")
    assert "𠮷野ロジ株式会社" in text
    assert "𩸽の干物 ½ ① 한국어 Ελληνικά 𠮷" in text
    for line in _run("pdffonts", str(path)).splitlines()[2:]:
        assert line.split()[-5] == "yes", line


# -- The text map's repair, on its own ------------------------------------------------------
def test_a_cmap_is_read_in_every_form_qt_and_others_write() -> None:
    cmap = (
        b"2 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<2F47> <672C> <0009>]\n"
        b"endbfrange\n1 beginbfrange\n<0010> <0012> <0041>\nendbfrange\n"
        b"1 beginbfchar\n<0020> <D842DFB7>\nendbfchar\n"
    )
    assert parse_cmap(cmap) == {
        0: "\x00",
        1: "⽇",
        2: "本",
        3: "\t",
        0x10: "A",
        0x11: "B",
        0x12: "C",
        0x20: "𠮷",
    }
    mapping = {n: chr(0x4E00 + n) for n in range(1, 250)} | {300: "𠮷"}
    assert parse_cmap(write_cmap(mapping)) == mapping


def test_the_glyph_codes_of_a_widths_array() -> None:
    assert _glyph_codes(b"0 [1000 500 500] 10 12 600") == {0, 1, 2, 10, 11, 12}


def test_nothing_to_mend_leaves_the_file_as_it_was() -> None:
    pdf = b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\nxref\n0 2\n" + b"0" * 40 + b"\ntrailer\n<< >>\n"
    assert mend_to_unicode(pdf, {"Font": FontText({"⽇": "日"})}) == pdf
