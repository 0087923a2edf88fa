"""Reading one cell as the value a field holds, the way Japanese and English exports write it.

Each reader returns the value or raises :class:`BadValue` with the catalogue key of what
was expected; the row it came from turns that into a rejection naming row, column and
value. Text is NFKC-normalised (full-width letters and digits, ＠, half-width kana).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from typing import Final
from zoneinfo import ZoneInfo

from models.core.enums import Industry, Region, SizeBand


class BadValue(Exception):
    """A cell that does not hold what its field needs; ``key`` says what was expected,
    ``params`` what its message names besides the row, column and value."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def clean(value: str) -> str:
    """NFKC, trimmed, inner runs of spaces made one."""
    if not value.isascii():
        value = unicodedata.normalize("NFKC", value)
    return " ".join(value.split())


_EMAIL: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def email(value: str) -> str:
    """An address trimmed, NFKC (full-width ＠) and lower-case, or BadValue."""
    text = unicodedata.normalize("NFKC", value).strip().strip("<>").lower()
    if not _EMAIL.match(text) or ".." in text or len(text) > 320 or not text.isprintable():
        raise BadValue("import.value.email")
    return text


_INTEGER: Final = re.compile(r"^[+-]?\d+(?:\.0*)?$")
#: The largest number a column holds on both databases (PostgreSQL's ``integer``).
_LARGEST: Final = 2_000_000_000


def integer(value: str) -> int:
    """A whole number (``1,200``, ``１２``, ``12.0``), or BadValue."""
    text = clean(value).replace(",", "")
    if not _INTEGER.match(text):
        raise BadValue("import.value.integer")
    number = int(text.split(".")[0])
    if abs(number) > _LARGEST:
        raise BadValue("import.value.integer")
    return number


_EMPLOYEE_RANGE: Final = re.compile(
    r"^(\d[\d,]*)\s*(?:名|人|employees?)?\s*(?:[-~〜～]\s*(\d[\d,]*)?)?"
)


def employees(value: str) -> int:
    """A head count: ``1,200``, ``1200名``, a band ``300-999`` or ``50〜99名`` (its lower
    bound: the size band it falls in), or BadValue."""
    text = clean(value).replace("以上", "-").replace("人以上", "-")
    found = _EMPLOYEE_RANGE.match(text)
    if not found:
        raise BadValue("import.value.employees")
    count = int(found.group(1).replace(",", ""))
    if count > _LARGEST:
        raise BadValue("import.value.employees")
    return count


def size_band(count: int | None) -> str | None:
    band = SizeBand.for_employees(count)
    return band.value if band else None


# -- Dates --------------------------------------------------------------------------------------

_DATE_FORMATS: Final = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y年%m月%d日",
    "%m/%d/%Y",  # the American tools' exports (Marketo, Pardot)
    "%b %d, %Y",
    "%d %b %Y",
)
_TIME_FORMATS: Final = ("%H:%M:%S", "%H:%M", "%H時%M分%S秒", "%H時%M分", "%I:%M %p", "%I:%M:%S %p")
_ISO_ZONE: Final = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$")
_SPLIT: Final = re.compile(r"^(.*?[\d日])(?:[ T]+)(\d{1,2}(?::|時).*)$")
_FRACTION: Final = re.compile(r"(\d{2}:\d{2}:\d{2})\.\d+")


def timestamp(value: str, zone: ZoneInfo) -> datetime:
    """A date or date and time; without a zone it is read in ``zone`` (the team's).

    ``2026-02-30`` is impossible (BadValue ``import.value.date_impossible``), text that is
    no date at all is BadValue ``import.value.date``, a year outside :data:`YEARS` (``0001``,
    ``9999``: no marketing tool's record, and out of range once in UTC) is BadValue
    ``import.value.date_range``.
    """
    parsed: datetime | None = None
    if value.isascii() and 8 <= len(value) <= 32:
        # The common case (every tool's ISO-like export): parsed in C.
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            parsed = None
        if parsed is not None and parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=zone)
    text = clean(value)
    if not text:
        raise BadValue("import.value.date")
    if parsed is None and _ISO_ZONE.search(text) and ("T" in text or " " in text):
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            parsed = None
    if parsed is None:
        day_text, time_text = text, ""
        split = _SPLIT.match(text)
        if split:
            day_text, time_text = split.group(1), split.group(2)
        day = _day(day_text)
        moment = _time(_FRACTION.sub(r"\1", time_text)) if time_text else time()
        parsed = datetime.combine(day, moment, tzinfo=zone)
    if not YEARS[0] <= parsed.year <= YEARS[1]:
        raise BadValue("import.value.date_range", first=YEARS[0], last=YEARS[1])
    return parsed


_NUMBERS: Final = re.compile(r"\d+")
#: The years a date may fall in.
YEARS: Final = (1900, 2100)


def _day(text: str) -> date:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    numbers = [int(n) for n in _NUMBERS.findall(text)]
    if (
        len(numbers) == 3
        and numbers[0] > 1900
        and re.fullmatch(r"\d{4}\D\d{1,2}\D\d{1,2}\D?", text)
    ):
        _year, month, day = numbers
        if 1 <= month <= 12 and 1 <= day <= 31:
            raise BadValue("import.value.date_impossible")
    raise BadValue("import.value.date")


def _time(text: str) -> time:
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(text, fmt).time()
        except ValueError:
            continue
    raise BadValue("import.value.date")


# -- Companies ---------------------------------------------------------------------------------

_INDUSTRY_WORDS: Final[tuple[tuple[Industry, tuple[str, ...]], ...]] = (
    (
        Industry.IT_SOFTWARE,
        (
            "it",
            "情報通信",
            "ソフトウェア",
            "software",
            "通信",
            "saas",
            "internet",
            "インターネット",
            "technology",
            "テクノロジー",
            "information",
        ),
    ),
    (Industry.MANUFACTURING, ("製造", "メーカー", "manufactur", "機械", "電機", "化学", "自動車")),
    (
        Industry.FINANCE,
        ("金融", "銀行", "保険", "証券", "finance", "financial", "bank", "insurance"),
    ),
    (Industry.RETAIL, ("小売", "流通", "卸", "retail", "wholesale", "ec", "商社")),
    (Industry.LOGISTICS, ("物流", "運輸", "倉庫", "logistics", "transport")),
    (Industry.CONSTRUCTION, ("建設", "建築", "不動産", "construction", "real estate")),
    (
        Industry.HEALTHCARE,
        ("医療", "ヘルスケア", "製薬", "病院", "介護", "health", "medical", "pharma"),
    ),
    (Industry.EDUCATION, ("教育", "学校", "大学", "education", "school", "university")),
    (Industry.PUBLIC_SECTOR, ("官公庁", "自治体", "公共", "government", "public")),
    (Industry.SERVICES, ("サービス", "コンサル", "人材", "広告", "service", "consult", "staffing")),
)


def industry(value: str) -> str | None:
    """The industry a tool's label names (製造業, IT・通信, Financial Services...), or None
    when none of Baton's fits (the lead lands; its fit score counts no industry)."""
    text = clean(value).casefold()
    if not text:
        return None
    if text in {i.value for i in Industry}:
        return text
    tokens = set(re.split(r"[^0-9a-z]+", text))
    for code, words in _INDUSTRY_WORDS:
        for word in words:
            short_latin = word.isascii() and len(word) <= 3
            if word in tokens if short_latin else word in text:
                return code.value
    return None


_PREFECTURE_REGIONS: Final[dict[Region, tuple[str, ...]]] = {
    Region.HOKKAIDO: ("北海道",),
    Region.TOHOKU: ("青森", "岩手", "宮城", "秋田", "山形", "福島"),
    Region.KANTO: ("茨城", "栃木", "群馬", "埼玉", "千葉", "東京", "神奈川"),
    Region.CHUBU: ("新潟", "富山", "石川", "福井", "山梨", "長野", "岐阜", "静岡", "愛知"),
    Region.KANSAI: ("三重", "滋賀", "京都", "大阪", "兵庫", "奈良", "和歌山"),
    Region.CHUGOKU: ("鳥取", "島根", "岡山", "広島", "山口"),
    Region.SHIKOKU: ("徳島", "香川", "愛媛", "高知"),
    Region.KYUSHU: ("福岡", "佐賀", "長崎", "熊本", "大分", "宮崎", "鹿児島", "沖縄"),
}
_SUFFIXES: Final = ("都", "道", "府", "県")


def prefecture(value: str) -> tuple[str | None, str | None]:
    """(The prefecture as written in full, its region), or (the text, None) when it names
    no Japanese prefecture (a US state, a city)."""
    text = clean(value)
    if not text:
        return None, None
    stem = text[:-1] if text.endswith(_SUFFIXES) and text != "北海道" else text
    for region, names in _PREFECTURE_REGIONS.items():
        if stem in names:
            if stem == "北海道":
                return "北海道", region.value
            suffix = "都" if stem == "東京" else "府" if stem in ("大阪", "京都") else "県"
            return stem + suffix, region.value
    return text, None
