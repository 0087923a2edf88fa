"""models/text.py: folding for search, sort keys for Japanese and English names, LIKE patterns."""

from __future__ import annotations

import pytest

from models.core import text


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("たなか", "タナカ"),  # hiragana → katakana
        ("タナカ", "タナカ"),
        ("ﾀﾅｶ", "タナカ"),  # half-width katakana → full-width
        ("ｶﾞｷﾞｸﾞ", "ガギグ"),  # half-width voiced marks combine
        ("ぱぴぷ", "パピプ"),
        ("ゔ", "ヴ"),
        ("ＡＢＣ", "abc"),  # full-width latin → ASCII, casefolded
        ("Ｔａｎａｋａ", "tanaka"),
        ("１２３", "123"),
        ("Foo@Example.COM", "foo@example.com"),
        ("Straße", "strasse"),  # casefold, not lower
        ("田中\u3000太郎", "田中 太郎"),  # ideographic space → space
    ],
)
def test_fold(typed: str, folded: str) -> None:
    assert text.fold(typed) == folded


def test_fold_of_nothing_is_empty() -> None:
    assert text.fold(None) == ""
    assert text.fold("") == ""


def test_hiragana_katakana_and_half_width_fold_alike() -> None:
    assert text.fold("さとう") == text.fold("サトウ") == text.fold("ｻﾄｳ")
    # Kanji are left alone: the reading is what makes kana searches work.
    assert text.fold("佐藤") == "佐藤"


def test_search_text_folds_each_part_and_skips_empty_ones() -> None:
    result = text.search_text("田中 太郎", "たなか たろう", None, "", "Taro.Tanaka@EXAMPLE.jp")
    assert result.split("\n") == ["田中 太郎", "タナカ タロウ", "taro.tanaka@example.jp"]


@pytest.mark.parametrize(
    "name",
    [
        "株式会社タナカ",
        "タナカ株式会社",
        "有限会社タナカ",
        "合同会社タナカ",
        "合資会社タナカ",
        "(株)タナカ",
        "（株）タナカ",  # full-width parentheses
        "㈱タナカ",  # the single-character form
        "(有)タナカ",
        "ﾀﾅｶ株式会社",
        "たなか 株式会社",
    ],
)
def test_sort_key_ignores_legal_forms(name: str) -> None:
    assert text.sort_key(name) == "タナカ"


def test_sort_key_uses_the_reading_when_there_is_one() -> None:
    reading = "カブシキガイシャタナカセイサクショ"
    assert text.sort_key("株式会社田中製作所", reading) == "タナカセイサクショ"
    assert text.sort_key("田中 太郎", "たなか たろう") == "タナカタロウ"
    # Without a reading the name itself is the key.
    assert text.sort_key("田中 太郎") == "田中太郎"


def test_sort_key_orders_japanese_names_by_reading() -> None:
    # 阿部 (アベ) before 佐藤 (サトウ) before 渡辺 (ワタナベ), whatever the kanji code points.
    people = [("渡辺", "ワタナベ"), ("阿部", "あべ"), ("佐藤", "ｻﾄｳ")]
    ordered = sorted(people, key=lambda p: text.sort_key(*p))
    assert [p[0] for p in ordered] == ["阿部", "佐藤", "渡辺"]
    assert sorted(p[0] for p in people) != [p[0] for p in ordered]  # kanji order differs


def test_sort_key_is_case_width_and_space_insensitive_for_latin_names() -> None:
    assert text.sort_key("Acme  Inc") == text.sort_key("ＡＣＭＥ　ｉｎｃ") == "acmeinc"


def test_like_pattern_matches_anywhere_and_folds() -> None:
    assert text.like_pattern("たなか") == "%タナカ%"
    assert text.like_pattern("  ＡＢＣ ") == "%abc%"


@pytest.mark.parametrize(
    ("query", "pattern"),
    [
        ("50%", "%50\\%%"),
        ("a_b", "%a\\_b%"),
        ("back\\slash", "%back\\\\slash%"),
        ("%_\\", "%\\%\\_\\\\%"),
    ],
)
def test_like_pattern_escapes_wildcards(query: str, pattern: str) -> None:
    assert text.like_pattern(query) == pattern
