"""The diff between two definition versions: criteria added, removed and changed (matched by
what they are about, not by position), scoring settings from X to Y, the name; and the
same in words (in English here; tests/test_cli_definition.py reads it in Japanese)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from desktop.i18n import definition_diff as words
from models.db.database import Database
from models.definitions import diff, lifecycle, versions
from models.definitions.criteria import BantIn, FitIn, Group, ScoreAtLeast, Touches, parse
from models.teams.users import add_user
from tests.conftest import NOW

OLD = {
    "kind": "all",
    "items": [
        {"kind": "score_at_least", "score": 50},
        {"kind": "reached"},
        {"kind": "bant", "field": "need", "values": ["explicit"]},
        {"kind": "bant", "field": "authority", "values": ["influencer", "decision_maker"]},
        {
            "kind": "touches",
            "kinds": ["document_request", "inquiry"],
            "within_days": 90,
            "match": "any",
        },
        {"kind": "fit", "attribute": "region", "values": ["kanto"]},
    ],
}


def _new() -> dict[str, Any]:
    new = copy.deepcopy(OLD)
    items = new["items"]
    items[0]["score"] = 60  # changed
    del items[1]  # reached: removed
    items[2]["values"] = ["decision_maker"]  # authority narrowed (now at index 2)
    items[3]["within_days"] = 30  # the touch window
    items[3]["kinds"] = ["inquiry", "demo_request"]
    items.reverse()  # order does not matter
    items.append({"kind": "meeting_booked"})  # added
    items.append(
        {"kind": "any", "items": [{"kind": "grade_in", "grades": ["A"]}, {"kind": "reached"}]}
    )
    return new


def test_criteria_are_matched_by_what_they_are_about() -> None:
    changes = diff.diff_criteria(parse(OLD), parse(_new()))
    kinds = [(c.change, (c.before or c.after).kind) for c in changes]  # type: ignore[union-attr]
    assert sorted(kinds) == sorted(
        [
            ("removed", "reached"),
            ("changed", "touches"),
            ("changed", "bant"),
            ("changed", "score_at_least"),
            ("added", "meeting_booked"),
            ("added", "any"),
        ]
    )
    by_kind = {(c.before or c.after).kind: c for c in changes}  # type: ignore[union-attr]
    assert "fit" not in by_kind  # unchanged, though it moved
    score = by_kind["score_at_least"]
    assert [(f.name, f.before, f.after) for f in score.fields] == [("score", 50, 60)]
    assert isinstance(score.before, ScoreAtLeast) and isinstance(score.after, ScoreAtLeast)
    touches = by_kind["touches"]
    assert isinstance(touches.after, Touches)
    assert {f.name: (f.added, f.removed) for f in touches.fields if f.name == "kinds"} == {
        "kinds": (("demo_request",), ("document_request",))
    }
    assert [(f.name, f.before, f.after) for f in touches.fields if f.name == "within_days"] == [
        ("within_days", 90, 30)
    ]
    authority = by_kind["bant"]
    assert isinstance(authority.after, BantIn) and authority.after.field == "authority"
    assert authority.fields[0].removed == ("influencer",)
    # The need answer did not change: not listed (matched with itself although it moved).
    assert not [c for c in changes if isinstance(c.after, BantIn) and c.after.field == "need"]


def test_the_unchanged_fit_is_listed_only_when_it_changes() -> None:
    new = _new()
    new["items"] = [i for i in new["items"] if i["kind"] != "fit"] + [
        {"kind": "fit", "attribute": "region", "values": ["kanto"]}
    ]
    changes = diff.diff_criteria(parse(OLD), parse(new))
    assert not [c for c in changes if isinstance(c.after or c.before, FitIn)]


def test_nested_groups_are_compared_inside() -> None:
    old = {
        "kind": "all",
        "items": [
            {"kind": "reached"},
            {
                "kind": "any",
                "items": [{"kind": "meeting_booked"}, {"kind": "score_at_least", "score": 70}],
            },
        ],
    }
    new = copy.deepcopy(old)
    new["items"][1]["items"][1]["score"] = 80
    new["items"][1]["items"].append({"kind": "grade_in", "grades": ["A"]})
    changes = diff.diff_criteria(parse(old), parse(new))
    assert [(c.change, c.path) for c in changes] == [
        ("changed", "criteria.items[1].items[1]"),
        ("added", "criteria.items[1].items[2]"),
    ]
    assert isinstance(changes[0].parent, Group) and changes[0].parent.kind == "any"
    # any -> all on the nested group: the group itself changed.
    new["items"][1]["kind"] = "all"
    changes = diff.diff_criteria(parse(old), parse(new))
    assert changes[0].change == "changed" and changes[0].fields[0].name == "kind"


def test_scoring_settings_changed_from_x_to_y() -> None:
    old = versions.default_definition_data()["scoring"]
    new = copy.deepcopy(old)
    new["engagement"]["half_life_days"] = 45
    new["fit"]["industry"]["finance"] = 11
    new["grades"]["A"] = 75
    new["priority"]["hot_kinds"] = ["inquiry"]
    changes = {c.path: (c.before, c.after) for c in diff.diff_scoring(old, new)}
    assert changes == {
        ("engagement", "half_life_days"): (30, 45),
        ("fit", "industry", "finance"): (9, 11),
        ("grades", "A"): (70, 75),
        ("priority", "hot_kinds"): (["inquiry", "demo_request", "pricing_page"], ["inquiry"]),
    }
    assert diff.diff_scoring(old, copy.deepcopy(old)) == ()


@pytest.fixture
def two_versions(db: Database) -> Iterator[Database]:
    with db.write() as session:
        versions.ensure_default(session, NOW - timedelta(days=1))
        user = add_user(
            session, actor_id=None, email="a@example.jp", display_name="A", role="admin"
        ).user.id
        draft = lifecycle.create_draft(session, user, now=NOW).version
        scoring = copy.deepcopy(dict(draft.scoring_data))
        scoring["engagement"]["half_life_days"] = 45
        lifecycle.save_draft(
            session,
            user,
            draft.version,
            name="New name",
            criteria_data=_new(),
            scoring_data=scoring,
            note=None,
            seen_revision=draft.revision,
            now=NOW,
        )
        lifecycle.create_draft(session, user, now=NOW)  # version 3: a copy of version 1
    yield db


def test_any_two_versions_are_compared(two_versions: Database) -> None:
    with two_versions.read() as session:
        forward = diff.diff_versions(session, 1, 2)
        backward = diff.diff_versions(session, 2, 1)
        same = diff.diff_versions(session, 1, 3)
    assert forward.name == ("Default definition", "New name")
    assert [(s.path, s.before, s.after) for s in forward.scoring] == [
        (("engagement", "half_life_days"), 30, 45)
    ]
    assert {c.change for c in forward.criteria} == {"added", "removed", "changed"}
    assert backward.name == ("New name", "Default definition")
    assert len(backward.criteria) >= 1 and backward.scoring[0].before == 45
    assert same.empty


def test_the_diff_in_words() -> None:
    old = parse(OLD)
    new = parse(_new())
    data = diff.DefinitionDiff(
        1,
        2,
        ("Default definition", "New name"),
        diff.diff_criteria(old, new),
        (
            diff.SettingChange(("engagement", "half_life_days"), 30, 45),
            diff.SettingChange(("fit", "industry", "finance"), 9, 11),
        ),
    )
    lines = words.lines(data)
    assert lines[0] == "From version 1 to version 2:"
    assert lines[1] == "Name: “Default definition” → “New name”"
    assert "Removed: Reached by phone (a connected call)" in lines
    assert "Changed: Score of 50 or more → Score of 60 or more" in lines
    assert "Added: A meeting is booked" in lines
    assert "Added: Any of the following: Grade A; Reached by phone (a connected call)" in lines
    assert "Half-life of engagement (days): 30 → 45" in lines
    assert "Fit points for the industry Finance: 9 → 11" in lines
    assert words.lines(diff.DefinitionDiff(1, 3, None, (), ())) == [
        "No differences between version 1 and version 2.".replace("2.", "3.")
    ]
