"""The presets Baton knows, how a file's header is recognised, and what an activity's name
means as a touch kind.

- :data:`PRESETS`: the tools' standard exports (:mod:`models.imports.lead_presets`,
  :mod:`models.imports.touch_presets`).
- :func:`detect`: which preset a file is, and on which row its header stands.
- :func:`column_map`: which column gives which field.
- :data:`KIND_SYNONYMS` and :func:`touch_kind_of`: "資料請求", "Fill Out Form", "Ｗｅｂアクセス"
  -> the touch kind Baton records.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from models.core.enums import TouchKind
from models.core.errors import InvalidInput
from models.imports.fields import Field, ImportKind, Preset, header_key
from models.imports.lead_presets import LEAD_PRESETS
from models.imports.touch_presets import TOUCH_PRESETS

PRESETS: tuple[Preset, ...] = (*LEAD_PRESETS, *TOUCH_PRESETS)

#: How many rows from the top :func:`detect` looks at for a header.
HEADER_SEARCH_ROWS = 20

#: Common names of activities, in Japanese and English, per touch kind (as written; the
#: lookup folds them with :func:`header_key`). Every kind's own value is added, and it folds
#: like its words ("document_request" is "document request").
_KIND_SPELLINGS: Mapping[TouchKind, tuple[str, ...]] = {
    TouchKind.DOCUMENT_REQUEST: (
        "資料請求",
        "資料ダウンロード",
        "資料DL",
        "カタログ請求",
        "brochure request",
        "Fill Out Form",
        "Form submission",
        "Form fill",
        "フォーム送信",
        "フォーム入力",
    ),
    TouchKind.WHITEPAPER_DOWNLOAD: (
        "ホワイトペーパー",
        "ホワイトペーパーダウンロード",
        "ホワイトペーパーDL",
        "eBookダウンロード",
        "ファイルダウンロード",
        "whitepaper",
        "ebook download",
        "file download",
    ),
    TouchKind.SEMINAR_REGISTRATION: (
        "セミナー申込",
        "セミナー申込み",
        "セミナー申し込み",
        "ウェビナー申込",
        "ウェビナー申込み",
        "ウェビナー申し込み",
        "イベント申込",
        "webinar registration",
        "event registration",
        "registered",
    ),
    TouchKind.SEMINAR_ATTENDANCE: (
        "セミナー参加",
        "ウェビナー参加",
        "ウェビナー視聴",
        "イベント参加",
        "webinar attendance",
        "attended",
        "attended webinar",
    ),
    TouchKind.TRADE_SHOW_SCAN: (
        "展示会",
        "展示会来場",
        "展示会名刺",
        "名刺交換",
        "ブース来訪",
        "trade show",
        "badge scan",
        "booth visit",
    ),
    TouchKind.EMAIL_OPEN: (
        "メール開封",
        "開封",
        "email opened",
        "Open Email",
        "Marketing email open",
        "open",
    ),
    TouchKind.EMAIL_CLICK: (
        "メールクリック",
        "メール内リンククリック",
        "メールから流入",
        "email clicked",
        "Click Email",
        "Marketing email click",
        "click",
    ),
    TouchKind.SITE_VISIT: (
        "ページ閲覧",
        "Webアクセス",
        "ウェブアクセス",
        "サイトアクセス",
        "サイト訪問",
        "Web訪問",
        "page view",
        "web visit",
        "Visit Webpage",
        "Click Link",
    ),
    TouchKind.PRICING_PAGE: (
        "料金ページ",
        "料金ページ閲覧",
        "価格ページ",
        "料金表",
        "pricing",
        "pricing page view",
    ),
    TouchKind.INQUIRY: (
        "問い合わせ",
        "お問い合わせ",
        "問合せ",
        "お問合せ",
        "問い合せ",
        "enquiry",
        "contact us",
        "contact request",
    ),
    TouchKind.DEMO_REQUEST: (
        "デモ依頼",
        "デモ申込",
        "デモ申し込み",
        "デモリクエスト",
        "request a demo",
    ),
}

#: Activity names folded by :func:`header_key` -> touch kind.
KIND_SYNONYMS: Mapping[str, TouchKind] = {
    header_key(spelling): kind
    for kind, names in _KIND_SPELLINGS.items()
    for spelling in (kind.value, *names)
}


def touch_kind_of(value: str, preset: Preset | None) -> TouchKind | None:
    """The touch kind ``value`` names: the preset's own activity names first, then the
    common synonyms; None when it names none. (A file names a handful of kinds in a
    million rows: each (value, preset) is worked out once.)"""
    if preset is not None and preset is not _BY_KEY.get(preset.key):
        return _kind_in(value, preset)  # a preset made elsewhere (tests): not cached
    return _touch_kind_of(value, preset.key if preset is not None else None)


@functools.lru_cache(maxsize=4_096)
def _touch_kind_of(value: str, preset_key: str | None) -> TouchKind | None:
    return _kind_in(value, _BY_KEY[preset_key] if preset_key is not None else None)


def _kind_in(value: str, preset: Preset | None) -> TouchKind | None:
    key = header_key(value)
    if not key:
        return None
    if preset is not None and key in preset.kind_values:
        return preset.kind_values[key]
    return KIND_SYNONYMS.get(key)


_BY_KEY: dict[str, Preset] = {p.key: p for p in PRESETS}


def preset_by_key(key: str) -> Preset:
    """The preset called ``key`` (``--preset``)."""
    for preset in PRESETS:
        if preset.key == key:
            return preset
    raise InvalidInput(
        "import.preset_unknown",
        field="preset",
        value=key,
        expected=", ".join(p.key for p in PRESETS),
    )


def _field_of_header(preset: Preset) -> dict[str, Field]:
    """The preset's header spellings, folded -> field."""
    return {header_key(s): field for field, names in preset.columns.items() for s in names}


def column_map(preset: Preset, header: Sequence[str]) -> dict[Field, int]:
    """Field -> index of the first column of ``header`` that the preset names for it."""
    fields = _field_of_header(preset)
    found: dict[Field, int] = {}
    for index, cell in enumerate(header):
        field = fields.get(header_key(cell))
        if field is not None and field not in found:
            found[field] = index
    return found


_NAMES = frozenset({Field.LAST_NAME, Field.FIRST_NAME, Field.NAME})


def _identifies(kind: ImportKind, fields: set[Field]) -> bool:
    """Whether a header with ``fields`` says who (and, for touches, what and when)."""
    if not fields & {Field.EXTERNAL_ID, Field.EMAIL}:
        return False
    if kind is ImportKind.LEADS:
        return bool(fields & _NAMES) and Field.COMPANY in fields
    return {Field.TOUCH_KIND, Field.TOUCH_AT} <= fields


def _recognised(preset: Preset, row: Sequence[str]) -> tuple[set[Field], int]:
    """The fields ``row`` names as the preset's header, and how many of its cells the
    preset knows (fields and computed columns)."""
    fields = _field_of_header(preset)
    computed = {header_key(name) for name in preset.computed}
    named: set[Field] = set()
    known = 0
    for cell in row:
        key = header_key(cell)
        if key in fields:
            named.add(fields[key])
            known += 1
        elif key in computed:
            known += 1
    return named, known


def detect(
    headers_rows: Sequence[Sequence[str]], kind: ImportKind | None = None
) -> tuple[Preset, int] | None:
    """The preset whose header stands in the first rows of a file, and that row's index.

    A row is a preset's header when it names who the rows are about (an id or an email;
    for leads also a name and the company; for touches also the kind and the time). Of the
    presets that fit, the one knowing most of the row's cells wins (the first in
    :data:`PRESETS` on a tie). Only a preset whose export starts with a description of the
    search (``preamble``) finds its header below the first row. None: nothing fits.
    """
    best: tuple[int, Preset, int] | None = None
    for preset in PRESETS:
        if kind is not None and preset.kind is not kind:
            continue
        last = min(len(headers_rows), HEADER_SEARCH_ROWS if preset.preamble else 1)
        for index in range(last):
            named, known = _recognised(preset, headers_rows[index])
            if _identifies(preset.kind, named):
                if best is None or known > best[0]:
                    best = (known, preset, index)
                break
    return None if best is None else (best[1], best[2])
