"""The demo's people: the team, companies and the leads' names (Japanese and English).

Names come from pools drawn once from Faker (ja_JP and en_US) and then picked with the
generator's own seeded random, so the same seed gives the same people.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any

from faker import Faker
from sqlalchemy.orm import Session

from models.core import text
from models.core.entities import Team, User
from models.core.enums import Industry, Region, Role, SizeBand
from models.demo.catalog import (
    EN_TITLES,
    JA_COMPANY_CATEGORIES,
    JA_LEGAL_FORMS,
    JA_TITLES,
    PREFECTURES,
)

EMAIL_DOMAIN = "baton.example"
DEMO_TEAM_SETTINGS = {
    "timezone": "Asia/Tokyo",
    "business_hours": {"start": "09:00", "end": "18:00", "weekdays": [0, 1, 2, 3, 4]},
    "holiday_country": "JP",
    "sla_minutes": 5,
    "attempts": {"max_unanswered": 6, "period_days": 14},
}


def is_japanese(value: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" for ch in value)


JA_TITLE_WEIGHTS = [w for _t, _d, w in JA_TITLES]


@dataclass
class Pools:
    ja_last: list[tuple[str, str, str]]
    ja_first: list[tuple[str, str, str]]
    en_first: list[str]
    en_last: list[str]
    en_companies: list[str]


def make_pools(seed: int) -> Pools:
    ja = Faker("ja_JP")
    ja.seed_instance(seed)
    en = Faker("en_US")
    en.seed_instance(seed)
    return Pools(
        ja_last=sorted({ja.last_name_pair() for _ in range(600)}),
        ja_first=sorted({ja.first_name_pair() for _ in range(600)}),
        en_first=sorted({en.first_name() for _ in range(400)}),
        en_last=sorted({en.last_name() for _ in range(400)}),
        en_companies=sorted({en.company() for _ in range(3000)}),
    )


@cache
def _cumulative(options: Any) -> tuple[list[Any], list[float]]:
    return [o[0] for o in options], list(accumulate(o[-1] for o in options))


def weighted(rng: random.Random, options: Any, k: int = 0) -> Any:
    """One of ``options`` ((value, ..., weight) tuples) by weight; ``k`` of them if k."""
    values, cumulative = _cumulative(options)
    picked = rng.choices(values, cum_weights=cumulative, k=k or 1)
    return picked if k else picked[0]


DEMO_REP_CAPACITY = 400


def create_users(session: Session, seed: int) -> dict[str, list[int]]:
    """The demo team: reps, a team lead, field reps, marketing and an admin."""
    team = Team(
        name="インサイドセールス東京 / Inside Sales Tokyo",
        settings=dict(DEMO_TEAM_SETTINGS),
    )
    session.add(team)
    session.flush()
    people = (
        ("佐藤 美咲", "サトウ ミサキ", "misaki.sato", Role.REP),
        ("鈴木 翔太", "スズキ ショウタ", "shota.suzuki", Role.REP),
        ("高橋 由美", "タカハシ ユミ", "yumi.takahashi", Role.REP),
        ("Emily Carter", None, "emily.carter", Role.REP),
        ("伊藤 健", "イトウ ケン", "ken.ito", Role.REP),
        ("田中 直樹", "タナカ ナオキ", "naoki.tanaka", Role.TEAM_LEAD),
        ("渡辺 大輔", "ワタナベ ダイスケ", "daisuke.watanabe", Role.FIELD_REP),
        ("山本 さくら", "ヤマモト サクラ", "sakura.yamamoto", Role.FIELD_REP),
        ("James Miller", None, "james.miller", Role.FIELD_REP),
        ("中村 愛", "ナカムラ アイ", "ai.nakamura", Role.MARKETING),
        ("小林 誠", "コバヤシ マコト", "makoto.kobayashi", Role.ADMIN),
    )
    ids: dict[str, list[int]] = {}
    for name, kana, local, role in people:
        user = User(
            email=f"{local}@{EMAIL_DOMAIN}",
            display_name=name,
            display_name_kana=kana,
            role=role.value,
            team_id=team.id,
        )
        if role == Role.REP:  # about 320 open leads each of the 5,000: room for the rest
            user.capacity = DEMO_REP_CAPACITY
        session.add(user)
        session.flush()
        ids.setdefault(role.value, []).append(user.id)
    return ids


#: Real Japanese area codes (Tokyo, Osaka, Sapporo ... Fujisawa) for the companies' lines.
AREA_CODES = (
    *("03", "06", "011", "022", "025", "045", "048", "052"),
    *("075", "078", "082", "092", "098", "0276", "0466"),
)
_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def phone(rng: random.Random, prefix: str) -> dict[str, str]:
    """A Japanese number as people type it (``phone``) and in E.164 (``phone_e164``).

    ``prefix`` is an area code (a landline has ten digits: the longer the area code, the
    shorter the middle part) or a mobile prefix (eleven digits). One number in ten is
    written full width, as some web forms and MA exports hand them over.
    """
    middle, last = rng.randint(1000, 9999), rng.randint(1000, 9999)
    width = 4 if prefix in ("070", "080", "090") else 6 - len(prefix)
    digits = f"{prefix}{middle % 10**width:0{width}d}{last}"
    typed = f"{prefix}-{digits[len(prefix) : -4]}-{last}"
    if last % 10 == 0:
        typed = typed.translate(_FULL_WIDTH)
    return {"phone": typed, "phone_e164": "+81" + digits[1:]}


def us_phone(rng: random.Random) -> dict[str, str]:
    """A US number (a fictional 555 exchange) as typed and in E.164."""
    area, line = rng.randint(200, 989), rng.randint(1000, 9999)
    return {"phone": f"+1-{area}-555-{line}", "phone_e164": f"+1{area}555{line}"}


def accounts(rng: random.Random, pools: Pools, count: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for _ in range(count):
        employees = max(3, int(math.exp(rng.gauss(5.2, 1.6))))
        if rng.random() < 0.8:
            kanji, kana, roman = rng.choice(pools.ja_last)
            suffix, suffix_kana, suffix_roman, industry = rng.choice(JA_COMPANY_CATEGORIES)
            form = weighted(rng, JA_LEGAL_FORMS)
            core = f"{kanji}{suffix}"
            name = f"{form}{core}" if rng.random() < 0.7 else f"{core}{form}"
            prefecture, region, _w = rng.choices(PREFECTURES, weights=[p[2] for p in PREFECTURES])[
                0
            ]
            reading = f"{kana}{suffix_kana}"
            domain = f"{roman.lower()}-{suffix_roman}.co.jp"
            row: dict[str, Any] = {
                "name": name,
                "name_kana": reading,
                "sort_key": text.sort_key(name, reading),
                "name_key": text.company_key(name),
                "industry": industry.value,
                "prefecture": prefecture,
                "region": region.value,
                "country": "JP",
                **phone(rng, AREA_CODES[rng.randint(3, 99) % len(AREA_CODES)]),
            }
        else:
            name = rng.choice(pools.en_companies)
            domain = "".join(ch for ch in name.lower() if ch.isalnum())[:24] + ".com"
            row = {
                "name": name,
                "name_kana": None,
                "sort_key": text.sort_key(name),
                "name_key": text.company_key(name),
                "industry": rng.choice(list(Industry)).value,
                "prefecture": None,
                "region": Region.OVERSEAS.value,
                "country": "US",
                **us_phone(rng),
            }
        band = SizeBand.for_employees(employees)
        row.update(
            employees=employees,
            size_band=band.value if band else None,
            website=f"https://www.{domain}",
            _domain=domain,
        )
        rows.append(row)
    return rows


def person(rng: random.Random, pools: Pools, japanese: bool, domain: str) -> dict[str, Any]:
    if japanese:
        last, last_kana, last_roman = rng.choice(pools.ja_last)
        first, first_kana, first_roman = rng.choice(pools.ja_first)
        title, department, _w = rng.choices(JA_TITLES, weights=JA_TITLE_WEIGHTS)[0]
        return {
            "name": f"{last} {first}",
            "name_kana": f"{last_kana} {first_kana}",
            "email": f"{first_roman.lower()}.{last_roman.lower()}@{domain}",
            "title": title or None,
            "department": department,
            "locale": "ja",
            **phone(rng, f"0{rng.choice((70, 80, 90))}"),
        }
    first = rng.choice(pools.en_first)
    last = rng.choice(pools.en_last)
    title = rng.choices([t for t, _w in EN_TITLES], weights=[w for _t, w in EN_TITLES])[0]
    return {
        "name": f"{first} {last}",
        "name_kana": None,
        "email": f"{first.lower()}.{last.lower()}@{domain}",
        "title": title,
        "department": None,
        "locale": "en",
        **us_phone(rng),
    }
