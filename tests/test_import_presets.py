"""The presets of the marketing tools' exports: each sample export is recognised (BowNow's
header under its search description too), its columns land on the right fields, activity
names in Japanese, English and full width name the right touch kind, and an unknown preset
is refused with the keys one may type.

The samples (tests/data/imports, written by make_samples.py) are decoded here with the
encoding they were written in: decoding a file is the import engine's work, tested there.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.core.enums import TouchKind
from models.core.errors import InvalidInput
from models.imports.fields import FIELDS_OF, Field, ImportKind, header_key
from models.imports.presets import (
    KIND_SYNONYMS,
    PRESETS,
    column_map,
    detect,
    preset_by_key,
    touch_kind_of,
)

SAMPLES = Path(__file__).resolve().parent / "data" / "imports"

#: Sample -> (the encoding it was written in, its preset, the index of its header row).
CSV_SAMPLES = {
    "hubspot_contacts.csv": ("utf-8-sig", "hubspot", 0),
    "hubspot_contacts_ja.csv": ("utf-8", "hubspot", 0),
    "marketo_leads.csv": ("utf-8", "marketo", 0),
    "pardot_prospects.csv": ("utf-8", "pardot", 0),
    "satori_customers.csv": ("cp932", "satori", 0),
    "bownow_leads.csv": ("cp932", "bownow", 2),
    "generic_touches.csv": ("utf-8", "generic", 0),
    "hubspot_activities.csv": ("utf-8-sig", "hubspot_activities", 0),
    "marketo_activities.csv": ("utf-8", "marketo_activities", 0),
}

LEAD_BASICS = {Field.EMAIL, Field.LAST_NAME, Field.FIRST_NAME, Field.COMPANY, Field.PHONE}
TOUCH_BASICS = {Field.TOUCH_KIND, Field.TOUCH_AT, Field.CONTENT}


def rows_of(name: str) -> list[list[str]]:
    encoding = CSV_SAMPLES[name][0]
    text = (SAMPLES / name).read_bytes().decode(encoding)
    return list(csv.reader(io.StringIO(text, newline="")))


def xlsx_rows(name: str) -> list[list[str]]:
    book = load_workbook(SAMPLES / name, read_only=True)
    try:
        sheet = book.active
        assert sheet is not None
        return [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        book.close()  # a read-only workbook holds its file open until closed


# -- The samples are what the tools write ---------------------------------------------------
def test_the_samples_carry_the_encodings_and_line_ends_of_real_exports() -> None:
    raw = {name: (SAMPLES / name).read_bytes() for name in CSV_SAMPLES}
    assert raw["hubspot_contacts.csv"].startswith(b"\xef\xbb\xbf")
    for name in ("satori_customers.csv", "bownow_leads.csv"):
        with pytest.raises(UnicodeDecodeError):
            raw[name].decode("utf-8")
    assert b"\r\n" in raw["bownow_leads.csv"] and b"\r\n" in raw["marketo_leads.csv"]
    assert b"\r\n" not in raw["generic_touches.csv"]
    text = {name: raw[name].decode(CSV_SAMPLES[name][0]) for name in raw}
    assert "＠" in text["hubspot_contacts.csv"] and "０３－" in text["hubspot_contacts.csv"]
    everything = "".join(text.values())
    assert all(form in everything for form in ("株式会社", "(株)", "㈱", "有限会社"))
    with_break = {name for name in raw if any("\n" in c for row in rows_of(name) for c in row)}
    assert {"hubspot_contacts.csv", "bownow_leads.csv", "satori_customers.csv"} <= with_break


def test_sample_sizes_and_the_touches_of_people_from_the_lead_samples() -> None:
    lead_emails: set[str] = set()
    for name, (_encoding, key, header) in CSV_SAMPLES.items():
        rows = rows_of(name)[header + 1 :]
        if preset_by_key(key).kind is ImportKind.LEADS:
            assert 8 <= len(rows) <= 15, name
            email = column_map(preset_by_key(key), rows_of(name)[header])[Field.EMAIL]
            lead_emails |= {header_key(row[email]) for row in rows}
    touches = rows_of("generic_touches.csv")[1:]
    assert 25 <= len(touches) <= 35
    assert {header_key(row[0]) for row in touches} <= lead_emails
    assert any(count > 1 for count in Counter(map(tuple, touches)).values())


# -- Detection ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(CSV_SAMPLES))
def test_each_sample_is_detected_with_its_header_row(name: str) -> None:
    _encoding, key, header = CSV_SAMPLES[name]
    rows = rows_of(name)
    found = detect(rows[:20])
    assert found is not None
    assert (found[0].key, found[1]) == (key, header)
    assert detect(rows[:20], found[0].kind) == found


def test_the_xlsx_sample_is_marketo() -> None:
    rows = xlsx_rows("marketo_leads.xlsx")
    found = detect(rows[:20], ImportKind.LEADS)
    assert found is not None and (found[0].key, found[1]) == ("marketo", 0)
    assert len(rows) == 10


def test_bownow_header_is_found_under_its_search_description() -> None:
    rows = rows_of("bownow_leads.csv")
    assert rows[0][0] == "検索条件"
    found = detect(rows[:20])
    assert found is not None and found[0].preamble
    assert rows[found[1]][:2] == ["リードID", "会社・組織名"]
    # Further down too (a longer description), within the first 20 rows.
    padded = [["検索条件", f"条件{i}"] for i in range(10)] + rows[2:]
    assert detect(padded[:20]) == (found[0], 10)


def test_only_a_preset_with_a_preamble_finds_its_header_below_the_first_row() -> None:
    rows = rows_of("hubspot_contacts.csv")
    assert detect([["HubSpot export"], [], *rows][:20]) is None


def test_nothing_fits_none() -> None:
    assert detect([]) is None
    assert detect([["a", "b"], ["1", "2"]]) is None
    # A name and a company without anything saying who (no id, no email) is not a header.
    assert detect([["First Name", "Last Name", "Company Name"]]) is None
    # A lead file is no touch file.
    assert detect(rows_of("hubspot_contacts.csv")[:20], ImportKind.TOUCHES) is None
    assert detect(rows_of("generic_touches.csv")[:20], ImportKind.LEADS) is None


def test_headers_match_across_width_case_and_spacing() -> None:
    header = ["ＥＭＡＩＬ", "Touch_Type", "  日時 ", "ｃｏｎｔｅｎｔ"]
    found = detect([header])
    assert found is not None and found[0].key == "generic"
    assert column_map(found[0], header) == {
        Field.EMAIL: 0,
        Field.TOUCH_KIND: 1,
        Field.TOUCH_AT: 2,
        Field.CONTENT: 3,
    }


# -- Column maps ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(CSV_SAMPLES))
def test_column_map_of_each_sample(name: str) -> None:
    _encoding, key, header_row = CSV_SAMPLES[name]
    preset = preset_by_key(key)
    header = rows_of(name)[header_row]
    mapped = column_map(preset, header)
    assert set(mapped) <= FIELDS_OF[preset.kind]
    assert len(set(mapped.values())) == len(mapped)  # one field per column
    for field, index in mapped.items():
        assert header_key(header[index]) in {header_key(s) for s in preset.columns[field]}
    basics = LEAD_BASICS if preset.kind is ImportKind.LEADS else TOUCH_BASICS
    assert basics - {Field.PHONE, Field.CONTENT} <= set(mapped), name
    computed = {header_key(c) for c in preset.computed}
    assert not computed & {header_key(header[i]) for i in mapped.values()}


def test_column_maps_named_in_full() -> None:
    hubspot_ja = column_map(preset_by_key("hubspot"), rows_of("hubspot_contacts_ja.csv")[0])
    assert hubspot_ja[Field.EXTERNAL_ID] == 0  # レコードID
    assert hubspot_ja[Field.CONTENT] == 13  # 最新のコンバージョン
    assert hubspot_ja[Field.TOUCH_AT] == 14  # 最新のコンバージョン日付
    marketo = column_map(preset_by_key("marketo"), xlsx_rows("marketo_leads.xlsx")[0])
    assert marketo[Field.CAMPAIGN] == 14  # Acquisition Program
    bownow = rows_of("bownow_leads.csv")[2]
    assert {bownow[i] for i in range(28, 34)} <= set(preset_by_key("bownow").computed)
    assert column_map(preset_by_key("generic"), ["kind", "email", "email"]) == {
        Field.TOUCH_KIND: 0,
        Field.EMAIL: 1,
    }


def test_every_preset_is_sound() -> None:
    assert len({p.key for p in PRESETS}) == len(PRESETS)
    for preset in PRESETS:
        assert set(preset.columns) <= FIELDS_OF[preset.kind], preset.key
        folded = [header_key(s) for names in preset.columns.values() for s in names]
        folded += [header_key(c) for c in preset.computed]
        assert len(folded) == len(set(folded)), f"{preset.key}: a header names two things"
        assert all(key == header_key(key) for key in preset.kind_values), preset.key
        if preset.kind is ImportKind.LEADS:
            assert preset.touch_kind is not None
    assert [p.key for p in PRESETS if p.preamble] == ["bownow"]
    assert {p.source_system for p in PRESETS if p.kind is ImportKind.TOUCHES} == {
        "generic",
        "hubspot",
        "marketo",
    }


# -- Touch kinds ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("資料請求", TouchKind.DOCUMENT_REQUEST),
        ("資料ダウンロード", TouchKind.DOCUMENT_REQUEST),
        ("Document Request", TouchKind.DOCUMENT_REQUEST),
        ("document_request", TouchKind.DOCUMENT_REQUEST),
        ("ホワイトペーパー", TouchKind.WHITEPAPER_DOWNLOAD),
        ("White Paper", TouchKind.WHITEPAPER_DOWNLOAD),
        ("セミナー申込", TouchKind.SEMINAR_REGISTRATION),
        ("ウェビナー申し込み", TouchKind.SEMINAR_REGISTRATION),
        ("Webinar registration", TouchKind.SEMINAR_REGISTRATION),
        ("ウェビナー視聴", TouchKind.SEMINAR_ATTENDANCE),
        ("Attended", TouchKind.SEMINAR_ATTENDANCE),
        ("展示会", TouchKind.TRADE_SHOW_SCAN),
        ("名刺交換", TouchKind.TRADE_SHOW_SCAN),
        ("Badge Scan", TouchKind.TRADE_SHOW_SCAN),
        ("メール開封", TouchKind.EMAIL_OPEN),
        ("Open Email", TouchKind.EMAIL_OPEN),
        ("Email open", TouchKind.EMAIL_OPEN),
        ("Marketing email open", TouchKind.EMAIL_OPEN),
        ("メールクリック", TouchKind.EMAIL_CLICK),
        ("Click Email", TouchKind.EMAIL_CLICK),
        ("Marketing email click", TouchKind.EMAIL_CLICK),
        ("ページ閲覧", TouchKind.SITE_VISIT),
        ("Ｗｅｂアクセス", TouchKind.SITE_VISIT),
        ("ＰＡＧＥ ＶＩＥＷ", TouchKind.SITE_VISIT),
        ("Page view", TouchKind.SITE_VISIT),
        ("Visit Webpage", TouchKind.SITE_VISIT),
        ("サイトアクセス", TouchKind.SITE_VISIT),
        ("料金ページ", TouchKind.PRICING_PAGE),
        ("Pricing", TouchKind.PRICING_PAGE),
        ("お問い合わせ", TouchKind.INQUIRY),
        ("問い合わせ", TouchKind.INQUIRY),
        ("Contact Us", TouchKind.INQUIRY),
        ("デモ依頼", TouchKind.DEMO_REQUEST),
        ("Demo request", TouchKind.DEMO_REQUEST),
        ("Fill Out Form", TouchKind.DOCUMENT_REQUEST),
        ("Form submission", TouchKind.DOCUMENT_REQUEST),
        ("  資料請求　", TouchKind.DOCUMENT_REQUEST),
    ],
)
def test_touch_kind_of_synonyms(value: str, kind: TouchKind) -> None:
    assert touch_kind_of(value, None) is kind
    assert touch_kind_of(value, preset_by_key("generic")) is kind


def test_every_kind_names_itself_and_no_name_means_two_kinds() -> None:
    for kind in TouchKind:
        assert touch_kind_of(kind.value, None) is kind
    assert all(key == header_key(key) for key in KIND_SYNONYMS)
    assert touch_kind_of("", None) is None
    assert touch_kind_of("会員登録", None) is None
    assert touch_kind_of("Meeting booked", preset_by_key("hubspot_activities")) is None


def test_a_tools_own_activity_names_come_first() -> None:
    marketo = preset_by_key("marketo_activities")
    assert touch_kind_of("2", marketo) is TouchKind.DOCUMENT_REQUEST
    assert touch_kind_of("１０", marketo) is TouchKind.EMAIL_OPEN  # full-width digits
    assert touch_kind_of("104", marketo) is None  # "Change Status in Progression"
    assert touch_kind_of("2", None) is None
    hubspot = preset_by_key("hubspot_activities")
    assert touch_kind_of("Marketing email opened", hubspot) is TouchKind.EMAIL_OPEN
    assert touch_kind_of("FORM_SUBMISSION", hubspot) is TouchKind.DOCUMENT_REQUEST


def test_every_kind_in_the_touch_samples_is_known() -> None:
    for name, kinds_known in (
        ("generic_touches.csv", 1.0),
        ("hubspot_activities.csv", 0.9),
        ("marketo_activities.csv", 0.9),
    ):
        _encoding, key, header = CSV_SAMPLES[name]
        preset = preset_by_key(key)
        rows = rows_of(name)
        index = column_map(preset, rows[header])[Field.TOUCH_KIND]
        kinds = [touch_kind_of(row[index], preset) for row in rows[header + 1 :]]
        assert sum(k is not None for k in kinds) >= kinds_known * len(kinds), name


# -- Presets by key -------------------------------------------------------------------------
def test_preset_by_key() -> None:
    assert preset_by_key("bownow").label == "BowNow"
    with pytest.raises(InvalidInput) as info:
        preset_by_key("salesforce")
    error = info.value
    assert error.key == "import.preset_unknown"
    assert error.params["field"] == "preset"
    assert str(error) == (
        "Unknown import preset “salesforce”; expected one of hubspot, marketo, pardot, "
        "satori, bownow, generic, hubspot_activities, marketo_activities."
    )
