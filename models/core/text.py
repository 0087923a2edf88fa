"""Normalising Japanese and English text for searching and sorting.

Search folds width (NFKC: ｶﾀｶﾅ → カタカナ, ＡＢＣ → ABC), case, and hiragana to
katakana, so "たなか", "タナカ" and "ﾀﾅｶ" all find 田中 (whose reading is タナカ).
Sorting uses the reading (kana) where there is one, so Japanese names sort in
gojūon order rather than by kanji code point.
"""

from __future__ import annotations

import unicodedata

from models.core.entities import ACCOUNT, LEAD
from models.core.text_rules import column_limit, without_unstorable

_HIRAGANA_TO_KATAKANA = {code: code + 0x60 for code in range(0x3041, 0x3097)}

#: Legal-form words ignored when sorting company names (株式会社タナカ sorts under タ).
_LEGAL_FORMS = (
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "(株)",
    "(有)",
    "カブシキガイシャ",
    "ユウゲンガイシャ",
    "ゴウドウガイシャ",
)


#: The longest sort key the columns hold (NFKC may expand a name that fits: ㌀ → アパート).
_SORT_KEY_LENGTH = min(
    limit
    for limit in (column_limit(LEAD.c.sort_key), column_limit(ACCOUNT.c.sort_key))
    if limit is not None
)


def fold(text: str | None) -> str:
    """Width-, case- and kana-folded text for matching."""
    if not text:
        return ""
    return unicodedata.normalize("NFKC", text).casefold().translate(_HIRAGANA_TO_KATAKANA)


def search_text(*parts: str | None) -> str:
    """The text the queue's free-text filter searches, one folded field per line."""
    return "\n".join(fold(p) for p in parts if p)


def sort_key(name: str, reading: str | None = None) -> str:
    """Key that orders names as a Japanese user expects: by reading, legal forms ignored."""
    key = fold(reading or name)
    for form in _LEGAL_FORMS:
        key = key.replace(fold(form), "")
    return key.replace(" ", "").replace("\u3000", "").strip()[:_SORT_KEY_LENGTH]


#: Legal forms folded away when imports compare company names (after :func:`fold`, which
#: turns ㈱ into (株)): 株式会社タナカ, (株)タナカ, タナカ㈱ and タナカ株式会社 are one company.
_COMPANY_FORMS = tuple(
    fold(form)
    for form in (
        *_LEGAL_FORMS,
        "(合)",
        "(資)",
        "(名)",
        "有限責任事業組合",
        "一般社団法人",
        "一般財団法人",
        # Without their last dot: the ends are stripped of dots and commas first.
        "co., ltd",
        "co.,ltd",
        "co. ltd",
        "co ltd",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "llc",
        "k.k",
    )
)
_COMPANY_FORMS_LONGEST_FIRST = tuple(sorted(_COMPANY_FORMS, key=len, reverse=True))
_COMPANY_PUNCTUATION = str.maketrans("", "", " \u3000・,.、。-‐'\"")


def company_key(name: str | None) -> str:
    """A company name as imports compare it: NFKC, case and kana folded, a legal form at
    either end (株式会社 / (株) / ㈱, 有限会社 / (有), Co., Ltd., Inc.) and punctuation
    removed. Only at the ends: "inc" inside "Princeton" stays."""
    key = fold(name).strip(" \u3000,.")
    trimmed = True
    while trimmed:
        trimmed = False
        for form in _COMPANY_FORMS_LONGEST_FIRST:
            if key.startswith(form):
                key, trimmed = key[len(form) :].strip(" \u3000,."), True
            if key.endswith(form) and len(key) > len(form):
                key, trimmed = key[: -len(form)].strip(" \u3000,."), True
    return key.translate(_COMPANY_PUNCTUATION)[:_SORT_KEY_LENGTH]


def like_pattern(query: str) -> str:
    """A LIKE pattern (escape character ``\\``) matching ``query`` anywhere.

    Characters no stored text holds (NUL, other controls, lone surrogates: refused on the
    way in by :mod:`models.core.text_rules`) are left out: PostgreSQL could not even
    compare them, and SQLite would look for what is never there.
    """
    folded = fold(without_unstorable(query)).strip()
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
