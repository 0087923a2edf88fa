"""``baton team`` prints a team's rules as a table in the user's language; ``--json`` keeps
the machine output for scripts; ``baton team set`` refuses an hour naming what is allowed."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from desktop.cli.output import width
from tests.test_cli import baton, headless_env

TEAM = "インサイドセールス東京 / Inside Sales Tokyo"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return headless_env(tmp_path_factory.mktemp("cli-team-home"))


@pytest.fixture
def demo(sqlite_demo_template: Path, tmp_path: Path) -> str:
    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(sqlite_demo_template, target)
    return str(target)


def _ok(env: dict[str, str], *args: str) -> str:
    done = baton(env, *args)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def test_the_rules_read_as_a_table_in_english(env: dict[str, str], demo: str) -> None:
    out = _ok(env, "team", "--db", demo, "--lang", "en")
    assert out.splitlines() == [
        f"Team                       {TEAM} (1)",
        "Business hours             09:00–18:00",
        "Business days              Mon Tue Wed Thu Fri",
        "Time zone                  Japan time",
        "Holiday calendar           Japan",
        "First-call target (SLA)    5 min of business time",
        "Unanswered attempts        6 within 14 days",
        "Field sales answer within  2 business days",
        "Routing to field sales     0 rules (baton team routing list)",
    ]


def test_the_rules_read_as_a_table_in_japanese(env: dict[str, str], demo: str) -> None:
    out = _ok(env, "team", "--db", demo, "--lang", "ja")
    lines = out.splitlines()
    assert lines[0].startswith("チーム") and lines[0].endswith(f"{TEAM} (1)")
    rows = dict(re.split(r" {2,}", line, maxsplit=1) for line in lines[1:])
    assert rows == {
        "営業時間": "09:00–18:00",
        "営業日": "月 火 水 木 金",
        "タイムゾーン": "日本時間",
        "祝日カレンダー": "日本",
        "初回架電の目標 (SLA)": "営業時間で 5 分",
        "不在時の架電上限": "14 日間に 6 回",
        "フィールドセールスの回答期限": "2 営業日",
        "フィールドセールスへの振り分け": "ルール 0 件（baton team routing list）",
    }
    # The values start in one terminal column (full-width characters take two).
    assert (
        len(
            {
                width(line[: line.index(value)])
                for line, value in zip(lines, [TEAM, *rows.values()], strict=True)
            }
        )
        == 1
    )


def test_json_keeps_the_machine_output(env: dict[str, str], demo: str) -> None:
    teams = json.loads(_ok(env, "team", "--json", "--db", demo, "--lang", "ja"))
    assert teams == [
        {
            "id": 1,
            "name": TEAM,
            "settings": {
                "timezone": "Asia/Tokyo",
                "business_hours": {"start": "09:00", "end": "18:00", "weekdays": [0, 1, 2, 3, 4]},
                "holiday_country": "JP",
                "sla_minutes": 5,
                "attempts": {"max_unanswered": 6, "period_days": 14},
                "handoff_response_days": 2,
                "routing": [],
            },
        }
    ]


def test_set_prints_the_new_rules_and_refuses_an_hour_naming_what_is_allowed(
    env: dict[str, str], demo: str
) -> None:
    lead = ("--user", "naoki.tanaka@baton.example", "--db", demo)
    refused = baton(env, "team", "set", "--hours", "09:00-25:00", *lead, "--lang", "ja")
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "baton: 営業時間（終了）：「25:00」は時刻ではありません。00:00〜23:59 の HH:MM 形式で"
        "入力してください（例: 18:00）。"
    )
    out = _ok(env, "team", "set", "--hours", "10:00-19:00", "--weekdays", "0,1,2,3,4,5", *lead)
    assert "Business hours             10:00–19:00" in out.splitlines()
    assert "Business days              Mon Tue Wed Thu Fri Sat" in out.splitlines()
