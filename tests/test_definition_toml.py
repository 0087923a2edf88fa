"""A definition version as a TOML file and back: the round trip gives equal data; a
malformed file names the file, its line and the field, and leaves the database untouched
(SQLite and PostgreSQL)."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from sqlalchemy import func, select

from models.core.entities import AuditEntry, Definition
from models.core.errors import InvalidInput
from models.db.database import Database
from models.definitions import lifecycle, toml_io, versions
from models.definitions.criteria import parse, to_data
from models.definitions.records import VersionDetail
from models.definitions.toml_lines import line_of, locate
from models.teams.users import add_user
from tests.conftest import NOW
from tests.definition_strategies import criteria_data

NESTED = {
    "kind": "all",
    "items": [
        {"kind": "score_at_least", "score": 45},
        {
            "kind": "any",
            "items": [
                {"kind": "reached"},
                {
                    "kind": "all",
                    "items": [
                        {"kind": "meeting_booked"},
                        {"kind": "fit", "attribute": "size_band", "values": ["5000+", "1-49"]},
                    ],
                },
                {
                    "kind": "touches",
                    "kinds": ["inquiry", "demo_request"],
                    "within_days": 30,
                    "match": "count",
                    "count": 2,
                },
            ],
        },
        {"kind": "bant", "field": "authority", "values": ["decision_maker"]},
        {"kind": "any", "items": []},
        {"kind": "grade_in", "grades": ["A", "B"]},
    ],
}
NOTE = '決裁者の確認を必須に。\n"quotes" and \\ backslash\ttab'


def _detail(criteria: dict[str, Any], **extra: Any) -> VersionDetail:
    scoring = versions.default_definition_data()["scoring"]
    fields: dict[str, Any] = {
        "id": 7,
        "version": 7,
        "name": "2027年度 “strict” 定義",
        "status": "approved",
        "active": True,
        "based_on_version": 6,
        "created_by": "田中 直樹",
        "created_at": NOW,
        "proposed_by": "田中 直樹",
        "proposed_by_id": 6,
        "proposed_at": NOW,
        "approved_at": NOW,
        "effective_from": NOW,
        "revision": 3,
        "approvals": (),
        "note": NOTE,
        "criteria_data": criteria,
        "scoring_data": scoring,
    }
    return VersionDetail(**(fields | extra))


# -- The round trip ------------------------------------------------------------------------


def test_export_then_parse_gives_the_same_data() -> None:
    detail = _detail(NESTED)
    text = toml_io.export_text(detail, describe=lambda c: f"sentence of {c.kind}")
    assert text.startswith("# Baton handoff definition, version 7")
    assert "[[criteria.items.items.items]]" in text  # the nested group's own items
    assert "# sentence of touches" in text
    read = toml_io.parse_text(text, file="v7.toml")
    assert read.criteria_data == to_data(parse(NESTED))
    assert read.scoring_data == detail.scoring_data
    assert (read.name, read.note, read.based_on) == (detail.name, NOTE, 7)


@settings(max_examples=60, deadline=None)
@given(criteria_data())
def test_every_criteria_tree_survives_the_round_trip(data: dict[str, Any]) -> None:
    text = toml_io.export_text(_detail(to_data(parse(data))))
    assert toml_io.parse_text(text, file="x.toml").criteria_data == to_data(parse(data))


def test_export_import_in_the_database_gives_equal_data(db: Database) -> None:
    with db.write() as session:
        versions.ensure_default(session, NOW)
        lead = add_user(
            session, actor_id=None, email="t@example.jp", display_name="T", role="team_lead"
        )
        user = lead.user.id
        draft = lifecycle.create_draft(session, user, now=NOW).version
        lifecycle.save_draft(
            session,
            user,
            draft.version,
            name="入れ子の定義",
            criteria_data=NESTED,
            scoring_data=draft.scoring_data,
            note=NOTE,
            seen_revision=draft.revision,
            now=NOW,
        )
    with db.read() as session:
        text = toml_io.export_version(session, draft.version)
    with db.write() as session:
        imported = toml_io.import_draft(
            session, user, text, file="v2.toml", now=NOW + timedelta(hours=1)
        ).version
    with db.read() as session:
        original = lifecycle.version_detail(session, draft.version)
        again = toml_io.export_version(session, imported.version)
    assert imported.version == 3 and imported.status == "draft"
    assert imported.based_on_version == original.version
    assert dict(imported.criteria_data) == dict(original.criteria_data)
    assert dict(imported.scoring_data) == dict(original.scoring_data)
    assert (imported.name, imported.note) == (original.name, original.note)
    # The file of the import reads as the file of the original, but for its header.
    assert again.split("\nbased_on")[1] == text.split("\nbased_on")[1].replace("= 2", "= 3", 1)


# -- Malformed files: the line and the field, nothing written ---------------------------------


def _exported() -> str:
    return toml_io.export_text(_detail(NESTED))


def _line(text: str, fragment: str, after: str = "") -> int:
    """The (1-based) number of the first line holding ``fragment`` (after ``after``)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines) if i >= start and fragment in line) + 1


def _refusal(text: str) -> InvalidInput:
    with pytest.raises(InvalidInput) as info:
        toml_io.parse_text(text, file="def.toml")
    assert info.value.params["file"] == "def.toml"
    return info.value


def test_a_syntax_error_names_line_and_column() -> None:
    text = _exported().replace('kind = "reached"', 'kind = "reached', 1)
    error = _refusal(text)
    assert error.key == "definition.file.syntax"
    assert error.params["line"] == _line(text, 'kind = "reached')
    assert str(error).startswith(f"def.toml, line {error.params['line']}, column ")


def test_a_refused_criterion_names_its_line_and_path() -> None:
    text = _exported().replace("within_days = 30", "within_days = 0")
    error = _refusal(text)
    assert error.key == "definition.file.criteria"
    assert error.params["path"] == "criteria.items[1].items[2].within_days"
    assert error.params["line"] == _line(text, "within_days = 0")
    assert str(error).startswith(f"def.toml, line {error.params['line']}: criteria.items[1]")


def test_a_bad_code_in_a_list_names_the_line_of_its_list() -> None:
    text = _exported().replace('values = ["5000+", "1-49"]', 'values = ["5000+", "huge"]')
    error = _refusal(text)
    assert error.params["path"] == "criteria.items[1].items[1].items[1].values[1]"
    assert error.params["value"] == "huge"
    assert error.params["line"] == _line(text, '"huge"')


def test_a_missing_field_names_its_table() -> None:
    text = _exported().replace("score = 45\n", "")
    error = _refusal(text)
    assert error.params["path"] == "criteria.items[0].score"
    assert error.params["line"] == _line(text, "[[criteria.items]]")


def test_an_unknown_kind_in_the_last_item_is_placed() -> None:
    text = _exported().replace('kind = "grade_in"', 'kind = "grade"')
    error = _refusal(text)
    assert error.params["path"] == "criteria.items[4].kind"
    assert error.params["line"] == _line(text, 'kind = "grade"')


def test_a_refused_scoring_setting_names_its_line() -> None:
    text = _exported().replace("half_life_days = 30", "half_life_days = -3")
    error = _refusal(text)
    assert error.key == "definition.file.scoring"
    assert error.params["path"] == "scoring.engagement.half_life_days"
    assert error.params["line"] == _line(text, "half_life_days = -3")
    text = _exported().replace("saturation = 40\n", "")
    error = _refusal(text)
    assert error.key == "definition.file.scoring_missing"
    assert error.params["line"] == _line(text, "[scoring.engagement]")
    text = _exported().replace("inquiry = 25", 'inquiry = "lots"')
    error = _refusal(text)
    assert error.params["line"] == _line(text, "[scoring.engagement.kind_weights]")


def test_the_file_as_a_whole() -> None:
    text = _exported()
    error = _refusal(text.replace("[criteria]", "[criterion]"))
    assert error.key == "definition.file.unknown_key"
    assert error.params["line"] == _line(text, "[criteria]")
    error = _refusal(text.split("\n[criteria]")[0])
    assert error.key == "definition.file.missing"
    assert error.params["path"] == "criteria"
    error = _refusal(text.replace("based_on = 7", "based_on = true"))
    assert error.key == "definition.file.not_version"
    assert error.params["line"] == _line(text, "based_on = 7")
    error = _refusal(text.replace('name = "', "name = 3 #", 1))
    assert error.key == "definition.file.not_text"


def test_reading_a_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as info:
        toml_io.read_file(tmp_path / "missing.toml")
    assert info.value.key == "definition.file.unreadable"
    latin = tmp_path / "latin.toml"
    latin.write_bytes("name = 'caf\xe9'".encode("latin-1"))
    with pytest.raises(InvalidInput) as info:
        toml_io.read_file(latin)
    assert info.value.key == "definition.file.not_utf8"


def test_a_malformed_import_leaves_the_database_untouched(db: Database) -> None:
    with db.write() as session:
        versions.ensure_default(session, NOW)
        user = add_user(
            session, actor_id=None, email="m@example.jp", display_name="M", role="marketing"
        ).user.id

    def state() -> tuple[Any, ...]:
        with db.read() as session:
            return (
                session.scalar(select(func.count(Definition.id))),
                session.scalar(select(func.count(AuditEntry.id))),
                versions.active(session).version,
            )

    before = state()
    for broken in (
        _exported().replace("within_days = 30", "within_days = 99999"),
        _exported().replace('name = "', 'name = "x\n', 1),
        _exported().replace("half_life_days = 30", "half_life_days = 0"),
    ):
        with pytest.raises(InvalidInput), db.write() as session:
            toml_io.import_draft(session, user, broken, file="bad.toml", now=NOW)
    assert state() == before


# -- Where a path is written ------------------------------------------------------------------


def test_locate_follows_arrays_of_tables_comments_and_multiline_values() -> None:
    text = "\n".join(
        [
            "# a comment = not a key",  # 1
            'title = "x = y"',  # 2
            "[a]",  # 3
            "list = [",  # 4
            '  "one",',  # 5
            '  "two = 2",',  # 6
            "]",  # 7
            'after = """',  # 8
            "inside = 1",  # 9
            '"""',  # 10
            "[[a.items]]",  # 11
            'kind = "all"',  # 12
            "[[a.items.items]]",  # 13
            "k = 1",  # 14
            "[[a.items]]",  # 15
            '"quoted key" = 2',  # 16
            "[b.c]",  # 17
            "d.e = 3",  # 18
        ]
    )
    tomllib.loads(text)  # valid TOML
    lines = locate(text)
    assert lines["title"] == 2
    assert lines["a.list"] == 4
    assert "a.inside" not in lines and "two" not in str(lines)
    assert lines["a.after"] == 8
    assert lines["a.items[0]"] == 11
    assert lines["a.items[0].items[0].k"] == 14
    assert lines["a.items[1]"] == 15
    assert lines["a.items[1].quoted key"] == 16
    assert lines["b"] == 17 and lines["b.c.d.e"] == 18
    assert line_of(lines, "a.items[0].items[0].missing") == 13
    assert line_of(lines, "a.list[1]") == 4
    assert line_of(lines, "nowhere.at.all") == 1
