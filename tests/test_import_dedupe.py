"""Who a row is, on both databases: the tool's id (per source), then the email (case and
full-width ＠ folded), then phone + name + company (legal forms folded: 株式会社 / (株) /
㈱, 有限会社 / (有)). A switchboard number (代表番号) shared by other names is never a
merge, nor is a name alone. A row repeating an earlier row of the same file says which
(also across batches). A merge keeps the lead's history (touches, calls, owner, stage)
and fills only its blanks; a recycled lead sent again comes back as new, unless it asked
not to be called.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from models.core.entities import Account, AuditEntry, Call, Lead, StageChange, Touch
from models.core.import_records import LeadSourceKey
from models.db.database import Database
from models.imports.matching import Rule
from models.imports.run import ImportReport
from tests.imports_data import (
    LEAD_HEADER,
    LEAD_MAPPING,
    NOW,
    People,
    accounted,
    count,
    differences,
    dump,
    lead,
    people,
    person,
    run,
    write_csv,
)


def _import(db: Database, tmp_path: Path, rows: list[list[str]], **options: object) -> ImportReport:
    name = f"leads{len(list(tmp_path.iterdir()))}.csv"
    report = run(
        db,
        people(db).marketing,
        write_csv(tmp_path / name, [LEAD_HEADER, *rows]),
        **options,  # type: ignore[arg-type]
    )
    assert accounted(report)
    return report


def _rules(report: ImportReport) -> list[tuple[int, Rule, int | None]]:
    return [(m.row, m.rule, m.same_as_row) for m in report.merges]


def _lead_ids(db: Database) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(Lead.id).order_by(Lead.id)))


# -- The tool's id, per source --------------------------------------------------------------
def test_the_tools_id_matches_within_its_source_only(db: Database, tmp_path: Path) -> None:
    first = _import(db, tmp_path, [person(1)])
    (lead_id,) = _lead_ids(db)
    # The same id, a new email: the same person (the tool's id wins over the email).
    moved = _import(db, tmp_path, [person(1, email="new.address@example.jp", first="太郎")])
    assert first.landed == 1 and _rules(moved) == [(2, Rule.EXTERNAL_ID, None)]
    other_tool = replace(LEAD_MAPPING, source="othertool")
    # The same id from another tool, someone else entirely.
    elsewhere = _import(
        db, tmp_path, [person(1, email="someone@else.example", phone="")], mapping=other_tool
    )
    assert elsewhere.landed == 1
    with db.read() as session:
        kept = session.get(Lead, lead_id)
        assert kept is not None
        assert (kept.email, kept.name) == ("person1@example1.co.jp", "佐藤 太郎1")  # not replaced
        keys = session.execute(
            select(LeadSourceKey.source_system, LeadSourceKey.external_id, LeadSourceKey.lead_id)
        ).all()
    assert sorted(keys) == [("othertool", "L000001", lead_id + 1), ("testtool", "L000001", lead_id)]


def test_email_matches_folded_for_case_and_full_width(db: Database, tmp_path: Path) -> None:
    _import(db, tmp_path, [lead(email="Taro.Yamada@Example.JP", last="山田", company="甲社")])
    report = _import(
        db,
        tmp_path,
        [
            lead(email="ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ", last="山田", company="甲社"),
            lead(email="  taro.yamada@example.jp ", last="ヤマダ", company="別の会社"),
        ],
    )
    assert report.landed == 0
    assert _rules(report) == [(2, Rule.EMAIL, None), (3, Rule.EMAIL, None)]
    with db.read() as session:
        assert list(session.scalars(select(Lead.email))) == ["taro.yamada@example.jp"]


# -- Phone + name + company ---------------------------------------------------------------
def test_phone_name_and_company_match_with_legal_forms_folded(db: Database, tmp_path: Path) -> None:
    _import(
        db,
        tmp_path,
        [
            lead(last="田中", first="一郎", company="株式会社タナカ", phone="03-1234-5678"),
            lead(last="鈴木", first="花子", company="有限会社スズキ商店", phone="06-6000-0001"),
        ],
    )
    report = _import(
        db,
        tmp_path,
        [
            lead(last="田中", first="一郎", company="(株)タナカ", phone="０３（１２３４）５６７８"),
            lead(last="田中", first="一郎", company="タナカ㈱", phone="+81 3 1234 5678"),
            lead(last="田中 ", first="一郎", company="㈱タナカ", phone="0312345678"),
            lead(last="鈴木", first="花子", company="(有)スズキ商店", phone="06-6000-0001"),
            lead(last="ｽｽﾞｷ", first="花子", company="スズキ商店", phone="06-6000-0001"),
        ],
    )
    assert _rules(report)[:4] == [(n, Rule.PHONE_NAME_COMPANY, None) for n in (2, 3, 4, 5)]
    # A reading is not the name: スズキ is not 鈴木 (a new lead at a shared number).
    assert report.landed == 1
    assert count(db, Account) == 2 + 0  # the new lead joins the company it names
    assert count(db, Lead) == 3


def test_a_switchboard_shared_by_other_names_is_never_a_merge(db: Database, tmp_path: Path) -> None:
    switchboard = "03-5555-0000"
    _import(
        db, tmp_path, [lead(last="佐藤", first="一郎", company="株式会社代表", phone=switchboard)]
    )
    (first_id,) = _lead_ids(db)
    report = _import(
        db,
        tmp_path,
        [
            lead(last="高橋", first="二郎", company="株式会社代表", phone=switchboard),
            lead(last="伊藤", first="三郎", company="(株)代表", phone=switchboard),
            lead(last="佐藤", first="一郎", company="株式会社ほか", phone=switchboard),
        ],
    )
    assert (report.landed, report.merged) == (3, 0)
    ids = _lead_ids(db)
    # Each row says whose number it shares: a lead that exists (never a placeholder).
    assert report.kept_apart == [(2, first_id), (3, first_id), (4, first_id)]
    assert all(lead_id in ids for _, lead_id in report.kept_apart)


def test_a_name_alone_is_never_a_match(db: Database, tmp_path: Path) -> None:
    _import(
        db, tmp_path, [lead(last="佐藤", first="健", company="株式会社同名", phone="03-1111-2222")]
    )
    report = _import(
        db,
        tmp_path,
        [
            lead(last="佐藤", first="健", company="株式会社同名", phone="03-9999-8888"),
            lead(id="Z9", last="佐藤", first="健", company="株式会社同名"),
            lead(email="ken@example.jp", last="佐藤", first="健", company="株式会社同名"),
        ],
    )
    assert (report.landed, report.merged) == (3, 0)
    assert count(db, Lead) == 4


# -- Inside one file -----------------------------------------------------------------------
def test_a_row_repeating_an_earlier_row_says_which(db: Database, tmp_path: Path) -> None:
    rows = [
        person(1),
        person(2),
        person(3, id="L000001", email=""),  # row 2 by the tool's id
        person(4, id="", email="PERSON2@example2.co.jp"),  # row 3 by email
        person(  # row 2 by phone, name and company
            5, id="", email="", first="太郎1", company="(株)テスト1", phone="03-1000-0001"
        ),
    ]
    report = _import(db, tmp_path, rows)
    assert report.landed == 2
    assert _rules(report) == [
        (4, Rule.EXTERNAL_ID, 2),
        (5, Rule.EMAIL, 3),
        (6, Rule.PHONE_NAME_COMPANY, 2),
    ]


def test_a_repeat_in_a_later_batch_still_says_which_row(db: Database, tmp_path: Path) -> None:
    rows = [person(1), person(2), person(3), person(4), person(5, id="L000001", email="")]
    report = _import(db, tmp_path, rows, batch_size=2)
    assert report.landed == 4
    assert _rules(report) == [(6, Rule.EXTERNAL_ID, 2)]


def test_a_repeat_fills_the_blanks_of_the_lead_made_earlier_in_the_file(
    db: Database, tmp_path: Path
) -> None:
    """As a merge into a lead Baton had would (and will, when the file comes again): the
    lead made of row 2 gets the email and title of row 3, its score, and row 4 finds it
    by that email."""
    rows = [
        person(1, email="", title="", score="10"),
        person(2, id="L000001", email="late@example.jp", title="課長", score="20"),
        person(3, id="", email="LATE@example.jp", phone="", score=""),
    ]
    report = _import(db, tmp_path, rows)
    assert report.landed == 1
    assert [(m.row, m.rule, m.same_as_row, m.filled) for m in report.merges] == [
        (3, Rule.EXTERNAL_ID, 2, ("email", "title")),
        (4, Rule.EMAIL, 2, ()),
    ]
    with db.read() as session:
        made = session.scalars(select(Lead)).one()
        assert (made.email, made.title, made.ma_score) == ("late@example.jp", "課長", 20)
    before = dump(db, skip={"import_run"})
    again = _import(db, tmp_path, rows)
    assert differences(before, dump(db, skip={"import_run"})) == []
    assert again.unchanged == again.merged == 3


def test_a_second_id_for_one_person_is_kept_and_matched_again(db: Database, tmp_path: Path) -> None:
    """Two rows, two ids, one email: one lead with both ids; the next file finds it by
    either, and a third row with the second id only is that lead too."""
    rows = [
        person(1),
        person(2, id="L000001B", email="person1@example1.co.jp"),
        person(3, id="L000001B", email="", phone=""),
    ]
    report = _import(db, tmp_path, rows)
    assert report.landed == 1
    assert _rules(report) == [(3, Rule.EMAIL, 2), (4, Rule.EXTERNAL_ID, 2)]
    with db.read() as session:
        assert sorted(session.scalars(select(LeadSourceKey.external_id))) == [
            "L000001",
            "L000001B",
        ]


def test_a_new_id_met_on_an_existing_lead_then_on_another_row_is_one_lead(
    db: Database, tmp_path: Path
) -> None:
    _import(db, tmp_path, [person(1, id="")])
    report = _import(
        db,
        tmp_path,
        [person(1, id="NEW1"), person(2, id="NEW1", email="other@example.jp", phone="")],
    )
    (only,) = _lead_ids(db)
    assert report.landed == 0
    assert [(m.rule, m.lead_id) for m in report.merges] == [
        (Rule.EMAIL, only),
        (Rule.EXTERNAL_ID, only),
    ]


# -- Merging keeps the history -------------------------------------------------------------
def _worked_lead(db: Database, staff: People) -> int:
    """A lead a rep owns and has called, with one touch: what a merge must keep."""
    with db.write() as session:
        account = Account(name="株式会社履歴", sort_key="りれき", name_key="履歴")
        session.add(account)
        session.flush()
        lead_row = Lead(
            account_id=account.id,
            name="履歴 太郎",
            sort_key="りれき",
            search_text="履歴",
            email="rireki@example.jp",
            stage="working",
            owner_id=staff.rep,
            team_id=staff.team,
            mql_at=NOW - timedelta(days=10),
            ma_score=40,
        )
        session.add(lead_row)
        session.flush()
        session.add(
            Call(
                lead_id=lead_row.id,
                user_id=staff.rep,
                started_at=NOW - timedelta(days=2),
                outcome="connected",
                notes="予算は来期",
            )
        )
        session.add(
            Touch(
                lead_id=lead_row.id,
                kind="seminar_attendance",
                occurred_at=NOW - timedelta(days=20),
                source_system="testtool",
                external_id="T-old",
            )
        )
        return lead_row.id


def test_a_merge_keeps_owner_calls_touches_and_fills_only_blanks(
    db: Database, tmp_path: Path
) -> None:
    staff = people(db)
    lead_id = _worked_lead(db, staff)
    with db.read() as session:
        version = session.get(Lead, lead_id).version  # type: ignore[union-attr]
    report = _import(
        db,
        tmp_path,
        [
            lead(
                id="R1",
                email="RIREKI@example.jp",
                last="別名",
                first="次郎",
                company="別会社",
                title="部長",
                phone="03-2222-3333",
                score="80",
                content="価格表",
                at="2026-11-19 10:00",
            )
        ],
    )
    (merge,) = report.merges
    assert (merge.lead_id, merge.rule, merge.filled) == (
        lead_id,
        Rule.EMAIL,
        ("phone", "phone_e164", "title"),
    )
    assert report.touches_added == 1
    with db.read() as session:
        kept = session.get(Lead, lead_id)
        assert kept is not None
        assert (kept.name, kept.email, kept.account.name) == (
            "履歴 太郎",
            "rireki@example.jp",
            "株式会社履歴",
        )
        assert (kept.owner_id, kept.stage, kept.team_id) == (staff.rep, "working", staff.team)
        assert (kept.title, kept.phone_e164, kept.ma_score) == ("部長", "+81322223333", 80)
        assert kept.version == version + 1
        assert count(db, Call, Call.lead_id == lead_id) == 1
        kinds = sorted(session.scalars(select(Touch.kind).where(Touch.lead_id == lead_id)))
        assert kinds == ["document_request", "seminar_attendance"]
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "import_filled")
        ).one()
        assert audit.before == {"phone": None, "phone_e164": None, "title": None}
        assert audit.user_id == staff.marketing
        assert (
            session.scalar(select(LeadSourceKey.lead_id).where(LeadSourceKey.external_id == "R1"))
            == lead_id
        )


# -- Recycled leads sent again -------------------------------------------------------------
def _recycle(db: Database, email: str, *, do_not_call: bool = False) -> int:
    with db.write() as session:
        row = session.scalars(select(Lead).where(Lead.email == email)).one()
        row.stage = "recycled"
        row.recycled_at = NOW - timedelta(days=5)
        row.recycle_reason = "timing"
        row.do_not_call = do_not_call
        return row.id


def test_a_recycled_lead_sent_again_comes_back_as_new_unless_do_not_call(
    db: Database, tmp_path: Path
) -> None:
    _import(db, tmp_path, [person(1), person(2), person(3)])
    again = _recycle(db, "person1@example1.co.jp")
    refused = _recycle(db, "person2@example2.co.jp", do_not_call=True)
    old = _recycle(db, "person3@example3.co.jp")
    later = (NOW - timedelta(days=1)).isoformat()
    report = _import(
        db,
        tmp_path,
        [
            person(1, at=later, content="再資料請求"),
            person(2, at=later, content="再資料請求"),
            person(3),  # the conversion it was sent with before it was recycled
        ],
    )
    assert [(m.lead_id, m.requalified) for m in report.merges] == [
        (again, True),
        (refused, False),
        (old, False),
    ]
    with db.read() as session:
        stages = {i: s for i, s in session.execute(select(Lead.id, Lead.stage))}
        assert stages == {again: "new", refused: "recycled", old: "recycled"}
        back = session.get(Lead, again)
        assert back is not None and back.mql_at == NOW
        change = session.scalars(
            select(StageChange).where(StageChange.lead_id == again).order_by(StageChange.id.desc())
        ).first()
        assert change is not None
        assert (change.from_stage, change.to_stage, change.reason) == (
            "recycled",
            "new",
            "mql_again",
        )
    # Sent once more: nothing changes (it is new already; the touch is recorded).
    repeat = _import(db, tmp_path, [person(1, at=later, content="再資料請求")])
    assert repeat.unchanged == 1 and not repeat.merges[0].requalified
