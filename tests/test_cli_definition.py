"""``baton definition``: show, list, diff, export, import, draft, propose, approve, whatif,
in English and Japanese; refusals (the proposer alone, the wrong role, a malformed file)
say why on stderr, exit 2 and change nothing."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from tests.conftest import NOW
from tests.test_cli import baton, headless_env

MARKETING = "ai.nakamura@baton.example"
TEAM_LEAD = "naoki.tanaka@baton.example"
REP = "misaki.sato@baton.example"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return headless_env(tmp_path_factory.mktemp("cli-definition-home"), BATON_NOW=NOW.isoformat())


@pytest.fixture
def demo(sqlite_demo_template: Path, tmp_path: Path) -> str:
    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(sqlite_demo_template, target)
    return str(target)


def _ok(env: dict[str, str], *args: str) -> str:
    done = baton(env, "definition", *args)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def _refused(env: dict[str, str], *args: str) -> str:
    done = baton(env, "definition", *args)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stdout == ""
    assert done.stderr.startswith("baton: ")
    return done.stderr


def test_show_the_version_in_effect_in_words(env: dict[str, str], demo: str) -> None:
    lines = _ok(env, "show", "--db", demo, "--lang", "en").splitlines()
    assert lines[0] == "Handoff definition, version 1: Default definition"
    assert lines[1] == "Status: Approved (in effect)"
    assert "Criteria:" in lines
    assert "  All of the following" in lines
    assert "    Score of 50 or more" in lines
    assert "    A meeting is booked" in lines
    japanese = _ok(env, "show", "1", "--db", demo, "--lang", "ja").splitlines()
    assert japanese[0] == "引き渡し基準 バージョン 1：Default definition"
    assert japanese[1] == "状態：承認済み（適用中）"
    assert "  次のすべてを満たす" in japanese
    assert "    スコアが50以上" in japanese
    data = json.loads(_ok(env, "show", "--json", "--db", demo))
    assert (data["version"], data["status"], data["active"]) == (1, "approved", True)
    assert data["criteria_data"]["kind"] == "all"


def test_the_whole_path_from_a_file_to_the_version_in_effect(
    env: dict[str, str], demo: str, tmp_path: Path
) -> None:
    out = tmp_path / "v1.toml"
    assert _ok(env, "export", "-o", str(out), "--db", demo, "--lang", "ja") == (
        f"バージョン 1 を {out} に書き出しました。\n"
    )
    text = out.read_text(encoding="utf-8")
    assert "# 直近90日以内に資料請求、問い合わせ、デモ依頼またはセミナー参加がある" in text
    assert tomllib.loads(text)["criteria"]["items"][0] == {"kind": "score_at_least", "score": 50}
    out.write_text(text.replace("score = 50", "score = 40"), encoding="utf-8")

    imported = _ok(env, "import", str(out), "--user", MARKETING, "--db", demo)
    assert imported == f"{out} imported as draft version 2.\n"
    assert _ok(env, "diff", "1", "2", "--db", demo).splitlines() == [
        "From version 1 to version 2:",
        "Changed: Score of 50 or more → Score of 40 or more",
    ]
    assert "変更：スコアが50以上 → スコアが40以上" in _ok(
        env, "diff", "1", "2", "--db", demo, "--lang", "ja"
    )
    whatif = _ok(env, "whatif", "2", "--db", demo).splitlines()
    assert whatif[0].startswith("Version 2 against version 1 (in effect), over ")
    assert whatif[1].startswith("Qualify: ")

    assert "Version 2 proposed" in _ok(env, "propose", "2", "--user", MARKETING, "--db", demo)
    assert _ok(env, "approve", "2", "--user", MARKETING, "--db", demo) == (
        "Version 2 approved for marketing by 中村 愛; it still needs the approval of sales.\n"
    )
    # The proposer alone: refused, in the user's language.
    refusal = _refused(env, "approve", "2", "--user", MARKETING, "--db", demo, "--lang", "ja")
    assert "提案者だけでは承認できません" in refusal
    refusal = _refused(env, "approve", "2", "--user", REP, "--db", demo)
    assert "(Inside sales rep) cannot approve the handoff definition" in refusal
    assert _ok(env, "approve", "2", "--user", TEAM_LEAD, "--db", demo) == (
        "Version 2 approved by both sides: in effect now.\n"
    )
    listing = _ok(env, "list", "--db", demo).splitlines()
    assert listing[0].split()[:2] == ["1", "Approved"] and "(in effect)" not in listing[0]
    assert (
        "Approved (in effect)" in listing[1]
        and "marketing: 中村 愛, sales: 田中 直樹" in listing[1]
    )
    shown = _ok(env, "show", "--db", demo).splitlines()
    assert shown[0] == "Handoff definition, version 2: Default definition"
    assert any(line.startswith("Proposed by 中村 愛 on ") for line in shown)
    assert any(line.startswith("Approved for sales by 田中 直樹 on ") for line in shown)
    assert "    Score of 40 or more" in shown


def test_a_future_effective_date(env: dict[str, str], demo: str) -> None:
    assert _ok(env, "draft", "--user", TEAM_LEAD, "--db", demo) == (
        "Draft version 2 created from version 1.\n"
    )
    _ok(env, "propose", "2", "--user", TEAM_LEAD, "--db", demo)
    _ok(env, "approve", "2", "--user", MARKETING, "--effective", "2026-12-01", "--db", demo)
    done = _ok(env, "approve", "2", "--user", "makoto.kobayashi@baton.example", "--db", demo)
    assert done.startswith("Version 2 approved by both sides: in effect from Tue 1 Dec 2026")
    assert "Status: Approved (in effect)" in _ok(env, "show", "1", "--db", demo)
    refusal = _refused(env, "approve", "2", "--user", TEAM_LEAD, "--db", demo)
    assert "Version 2 is already approved by both sides." in refusal


def test_a_malformed_file_names_its_line_and_field_and_changes_nothing(
    env: dict[str, str], demo: str, tmp_path: Path
) -> None:
    before = _ok(env, "list", "--db", demo)
    out = tmp_path / "def.toml"
    _ok(env, "export", "-o", str(out), "--db", demo)
    text = out.read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace("within_days = 90", "within_days = 0"), encoding="utf-8")
    line = next(
        n for n, row in enumerate(bad.read_text().splitlines(), 1) if "within_days = 0" in row
    )
    refusal = _refused(env, "import", str(bad), "--user", MARKETING, "--db", demo)
    assert refusal.startswith(f"baton: {bad}, line {line}: criteria.items[5].within_days: “0”")
    assert refusal.rstrip().endswith("Nothing was imported.")
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace("[criteria]", "[criteria"), encoding="utf-8")
    refusal = _refused(
        env, "import", str(broken), "--user", MARKETING, "--db", demo, "--lang", "ja"
    )
    assert f"{broken} の " in refusal and "TOML として正しくありません" in refusal
    assert _ok(env, "list", "--db", demo) == before


def test_who_acts_and_which_version(env: dict[str, str], demo: str) -> None:
    assert "Say who is acting with --user EMAIL" in _refused(env, "draft", "--db", demo)
    assert "There is no version 9 of the handoff definition." in _refused(
        env, "show", "9", "--db", demo
    )
    refusal = _refused(env, "draft", "--user", REP, "--db", demo)
    assert "cannot draft or change the handoff definition" in refusal


def test_the_json_list_for_scripts(env: dict[str, str], demo: str) -> None:
    rows = json.loads(_ok(env, "list", "--json", "--db", demo))
    assert [(r["version"], r["status"], r["active"]) for r in rows] == [(1, "approved", True)]


def test_the_commands_are_listed_in_help(env: dict[str, str]) -> None:
    done = baton(env, "definition", "--help")
    assert done.returncode == 0
    for action in ("show", "list", "diff", "export", "import", "draft", "propose", "approve"):
        assert action in done.stdout
