"""Write the sample exports of tests/data/imports/: one small file per preset, as the tools
write them (encodings, BOM, line ends, BowNow's search description on top), and the XLSX.

Run from the repository root: ``python tests/data/imports/make_samples.py``. The files are
committed; run it again only to change them (the output is the same every run).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
FIXED = datetime(2025, 5, 1, 9, 30)


@dataclass(frozen=True)
class Person:
    last: str
    first: str
    last_kana: str
    first_kana: str
    company: str
    department: str
    title: str
    email: str
    phone: str
    mobile: str
    prefecture: str
    industry: str
    employees: int


P = [
    Person("佐藤", "健一", "サトウ", "ケンイチ",
           "株式会社ミライテック", "情報システム部", "部長",
           "kenichi.sato@miraitech.co.jp", "03-5412-7700", "090-1234-5678",
           "東京都", "製造業", 250),
    Person("鈴木", "美咲", "スズキ", "ミサキ",
           "(株)青葉物流", "営業企画課", "課長",
           "m.suzuki@aoba-logi.jp", "022-261-4410", "",
           "宮城県", "運輸・物流", 480),
    Person("高橋", "大輔", "タカハシ", "ダイスケ",
           "㈱北斗システムズ", "開発本部", "マネージャー",
           "d.takahashi@hokuto-sys.co.jp", "011-232-5508", "080-3321-0456",
           "北海道", "情報通信", 120),
    Person("田中", "由美", "タナカ", "ユミ",
           "株式会社さくら不動産", "総務部", "",
           "yumi.tanaka@sakura-fudosan.co.jp", "06-6341-2290", "",
           "大阪府", "不動産", 85),
    Person("伊藤", "翔太", "イトウ", "ショウタ",
           "東邦メディカル株式会社", "経営企画室", "主任",
           "shota.ito@toho-medical.jp", "052-201-3367", "",
           "愛知県", "医療", 1200),
    Person("渡辺", "千尋", "ワタナベ", "チヒロ",
           "有限会社わたなべ製作所", "", "代表取締役",
           "chihiro@watanabe-ss.co.jp", "048-761-0923", "090-8765-4321",
           "埼玉県", "製造業", 18),
    Person("山本", "拓也", "ヤマモト", "タクヤ",
           "株式会社グリーンフィールド", "マーケティング部", "",
           "t.yamamoto@greenfield.co.jp", "03-6712-4455", "",
           "東京都", "小売", 340),
    Person("中村", "彩", "ナカムラ", "アヤ",
           "京浜化学工業株式会社", "購買部", "主任",
           "aya.nakamura@keihin-chem.co.jp", "044-211-8870", "",
           "神奈川県", "化学", 900),
    # The same company and switchboard number (代表番号) as 佐藤 健一: never a merge.
    Person("小林", "直樹", "コバヤシ", "ナオキ",
           "株式会社ミライテック", "経理部", "",
           "n.kobayashi@miraitech.co.jp", "03-5412-7700", "",
           "東京都", "製造業", 250),
    Person("加藤", "恵", "カトウ", "メグミ",
           "合同会社ソラノ", "", "CEO",
           "megumi.kato@sorano.llc", "092-713-5521", "",
           "福岡県", "サービス", 12),
    Person("吉田", "亮", "ヨシダ", "リョウ",
           "株式会社アークデザイン", "デザイン部", "ディレクター",
           "ryo.yoshida@arc-design.jp", "075-255-6601", "",
           "京都府", "広告", 60),
    Person("山田", "花子", "ヤマダ", "ハナコ",
           "株式会社ヤマダ精機", "品質保証部", "",
           "hanako.yamada@yamada-seiki.co.jp", "0265-22-3141", "",
           "長野県", "製造業", 210),
    Person("佐々木", "誠", "ササキ", "マコト",
           "東北電子工業株式会社", "技術部", "課長",
           "makoto.sasaki@tohoku-denshi.co.jp", "019-623-8012", "",
           "岩手県", "電子部品", 430),
    Person("松本", "理恵", "マツモト", "リエ",
           "株式会社ハーモニー教育", "人事部", "",
           "rie.matsumoto@harmony-edu.jp", "082-245-7789", "",
           "広島県", "教育", 150),
    Person("井上", "航", "イノウエ", "ワタル",
           "株式会社オーシャンフーズ", "営業部", "",
           "wataru.inoue@oceanfoods.co.jp", "098-861-2234", "",
           "沖縄県", "食品", 95),
    Person("木村", "沙織", "キムラ", "サオリ",
           "(株)ネクストステージ", "経営管理部", "",
           "saori.kimura@nextstage.co.jp", "", "090-4412-8876",
           "東京都", "情報通信", 45),
]  # fmt: skip

FULL_WIDTH = str.maketrans("0123456789-@", "０１２３４５６７８９－＠")


def wide(text: str) -> str:
    """``text`` as typed with a Japanese input method: full-width digits, hyphens and ＠."""
    return text.translate(FULL_WIDTH)


def hiragana(katakana: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in katakana)


def write(
    name: str,
    rows: list[list[object]],
    *,
    encoding: str = "utf-8",
    bom: bool = False,
    crlf: bool = False,
    quote_all: bool = False,
) -> None:
    buffer = io.StringIO()
    csv.writer(
        buffer,
        lineterminator="\r\n" if crlf else "\n",
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    ).writerows(rows)
    data = buffer.getvalue().encode(encoding)
    (HERE / name).write_bytes(b"\xef\xbb\xbf" + data if bom else data)


SOURCES = ("Organic Search", "Paid Search", "Direct Traffic", "Offline Sources", "Email Marketing")
CONVERSIONS = (
    "資料請求フォーム: 製品カタログ2025",
    "お問い合わせフォーム",
    "ウェビナー申込: 営業DX入門",
    "ホワイトペーパー: インサイドセールス立ち上げガイド",
    "デモ依頼フォーム",
)


def hubspot() -> None:
    header = [
        "Record ID", "First Name", "Last Name", "Email", "Phone Number",
        "Mobile Phone Number", "Company Name", "Job Title", "Industry", "Number of Employees",
        "State/Region", "Create Date", "HubSpot Score", "Original Source", "Recent Conversion",
        "Recent Conversion Date", "Number of Sessions", "Number of Pageviews",
        "Lifecycle Stage", "Contact owner",
    ]  # fmt: skip
    rows: list[list[object]] = [header]
    for n, p in enumerate(P[:10]):
        email = p.email.replace("@", "＠") if n == 1 else p.email
        phone = wide(p.phone) if n == 0 else p.phone
        title = f"{p.department}\n{p.title}" if n == 0 else p.title
        rows.append([
            51234501 + n, p.first, p.last, email, phone, p.mobile, p.company, title,
            p.industry, p.employees, p.prefecture, f"2025-04-{n + 1:02d} 10:{n * 5:02d}",
            30 + n * 7, SOURCES[n % 5], CONVERSIONS[n % 5],
            f"2025-04-{n + 1:02d} 10:{n * 5:02d}", 3 + n, 12 + n * 3,
            "Marketing Qualified Lead", "",
        ])  # fmt: skip
    write("hubspot_contacts.csv", rows, bom=True)


def hubspot_ja() -> None:
    header = [
        "レコードID", "名", "姓", "Eメール", "電話番号", "会社名", "役職", "業種", "従業員数",
        "都道府県/地域", "作成日", "HubSpotスコア", "元のソース", "最新のコンバージョン",
        "最新のコンバージョン日付", "初回コンバージョン", "セッション数",
        "ライフサイクルステージ", "コンタクト担当者",
    ]  # fmt: skip
    people = [*P[10:16], P[0], P[4]]
    rows: list[list[object]] = [header]
    for n, p in enumerate(people):
        rows.append([
            51234601 + n, p.first, p.last, p.email, p.phone or p.mobile, p.company,
            f"{p.department} {p.title}".strip(), p.industry, p.employees, p.prefecture,
            f"2025/04/{n + 10:02d} 14:{n * 4:02d}", 20 + n * 9, "オーガニック検索",
            CONVERSIONS[(n + 2) % 5], f"2025/04/{n + 10:02d} 14:{n * 4:02d}",
            CONVERSIONS[n % 5], 2 + n, "マーケティングクオリファイドリード", "",
        ])  # fmt: skip
    write("hubspot_contacts_ja.csv", rows, crlf=True)


MARKETO_HEADER = [
    "Id", "First Name", "Last Name", "Email Address", "Company Name", "Job Title",
    "Department", "Phone Number", "Mobile Phone Number", "Industry", "Num Employees", "State",
    "Created At", "Lead Score", "Acquisition Program", "Acquisition Date", "Lead Source",
    "Relative Score", "Urgency", "Lead Status",
]  # fmt: skip
MARKETO_PEOPLE = [P[1], P[8], P[6], P[9], P[12], P[2], P[7], P[13], P[15]]
PROGRAMS = ("2025-04 Webinar 営業DX入門", "2025-04 資料DL 製品カタログ", "2025-03 展示会 EXPO")


def marketo_rows() -> list[list[object]]:
    rows: list[list[object]] = []
    for n, p in enumerate(MARKETO_PEOPLE):
        rows.append([
            1048570 + n, p.first, p.last, p.email, p.company, p.title, p.department, p.phone,
            p.mobile, p.industry, p.employees, p.prefecture,
            datetime(2025, 3, 20 + n, 1 + n, 12, 44), 15 + n * 11, PROGRAMS[n % 3],
            date(2025, 3, 20 + n), "Web", n % 4, n % 3, "Open",
        ])  # fmt: skip
    return rows


def marketo() -> None:
    rows: list[list[object]] = [MARKETO_HEADER]
    for row in marketo_rows():
        row[12] = f"{row[12]:%Y-%m-%dT%H:%M:%SZ}"
        rows.append(row)
    rows[3][5] = "シニアマネージャー\n(新規事業担当)"  # Excel's Alt+Enter in a cell
    write("marketo_leads.csv", rows, crlf=True)


def marketo_xlsx() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Leads"
    sheet.append(MARKETO_HEADER)
    for row in marketo_rows():
        sheet.append(row)
    book.properties.creator = "Baton tests"
    book.properties.created = FIXED
    saved = io.BytesIO()
    book.save(saved)
    (HERE / "marketo_leads.xlsx").write_bytes(same_every_run(saved.getvalue()))


def same_every_run(xlsx: bytes) -> bytes:
    """``xlsx`` with the save time (which openpyxl stamps) and the zip dates fixed."""
    stamp = f"{FIXED:%Y-%m-%dT%H:%M:%SZ}"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            info = zipfile.ZipInfo(item.filename, date_time=FIXED.timetuple()[:6])
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def pardot() -> None:
    header = [
        "Prospect Id", "First Name", "Last Name", "Email", "Company", "Job Title",
        "Department", "Phone", "Industry", "Employees", "State", "Country", "Created Date",
        "Score", "Grade", "Campaign", "Source", "Last Activity", "Assigned User",
    ]  # fmt: skip
    people = [P[3], P[5], P[10], P[11], P[14], P[0], P[4], P[7]]
    rows: list[list[object]] = [header]
    for n, p in enumerate(people):
        rows.append([
            30571 + n * 2, p.first, p.last, p.email, p.company, p.title, p.department,
            wide(p.phone) if n == 3 else p.phone, p.industry, p.employees, p.prefecture,
            "Japan", f"2025-04-{n + 2:02d} 14:03:11", 40 + n * 6, "BCA"[n % 3],
            "2025 Q2 ウェビナー" if n % 2 else "2025 Q2 資料請求", "Website",
            f"2025-04-{n + 20:02d} 09:00:00", "",
        ])  # fmt: skip
    write("pardot_prospects.csv", rows)


def satori() -> None:
    header = [
        "カスタマーID", "メールアドレス", "苗字", "名前", "苗字(ふりがな)", "名前(ふりがな)",
        "企業名", "部署名", "役職", "電話番号", "携帯電話番号", "都道府県", "登録日時", "流入元",
        "スコア", "累計スコア", "最終アクセス日時", "タグ", "メモ",
    ]  # fmt: skip
    people = [P[2], P[6], P[8], P[9], P[11], P[12], P[13], P[15], P[1]]
    rows: list[list[object]] = [header]
    for n, p in enumerate(people):
        rows.append([
            f"c{4702100 + n}", wide(p.email) if n == 4 else p.email, p.last, p.first,
            hiragana(p.last_kana), hiragana(p.first_kana),
            p.company.replace("株式会社", "㈱") if n == 1 else p.company, p.department,
            p.title, wide(p.phone) if n in {2, 5} else p.phone, p.mobile, p.prefecture,
            f"2025/04/{n + 3:02d} 11:{n * 6:02d}:00", "自然検索" if n % 2 else "広告",
            10 + n * 5, 40 + n * 12, f"2025/04/{n + 20:02d} 18:{n * 3:02d}:00",
            "資料請求,ウェビナー" if n % 3 == 0 else "資料請求",
            "展示会で名刺交換済み\n担当: 営業2課" if n == 0 else "",
        ])  # fmt: skip
    write("satori_customers.csv", rows, encoding="cp932", crlf=True)


def bownow() -> None:
    preamble: list[list[object]] = [
        ["検索条件", "ユーザーアクション：フォーム送信（2025/04/01～2025/04/30）"],
        ["", "ステータス：すべて　タグ：指定なし"],
    ]  # fmt: skip
    header = [
        "リードID", "会社・組織名", "部署名", "役職", "姓", "名", "姓(フリガナ)", "名(フリガナ)",
        "メールアドレス", "電話番号", "携帯電話番号", "FAX番号", "郵便番号", "都道府県",
        "市区町村", "番地・ビル名", "URL", "業種", "従業員数", "年商", "ステータス", "担当者",
        "登録日時", "最終CVフォーム", "最終CV日時", "旧メール配信グループ", "メモ", "タグ",
        # Columns AC to AH: computed for the searched period, then for all time.
        "セッション数", "PV数", "CV数", "セッション数(全期間)", "PV数(全期間)", "CV数(全期間)",
    ]  # fmt: skip
    assert header.index("旧メール配信グループ") == 25 and header.index("セッション数") == 28
    people = [P[4], P[5], P[7], P[10], P[14], P[3], P[0], P[13]]
    rows: list[list[object]] = [*preamble, header]
    for n, p in enumerate(people):
        company = p.company.replace("株式会社", "(株)") if n == 6 else p.company
        rows.append([
            f"L{880120 + n}", company, p.department, p.title, p.last, p.first, p.last_kana,
            p.first_kana, p.email, wide(p.phone) if n == 2 else p.phone, p.mobile, "", "",
            p.prefecture, "", "", "", p.industry, p.employees, "", "見込み", "営業部 田村",
            f"2025/04/{n + 5:02d} 16:{n * 7:02d}", CONVERSIONS[n % 5],
            f"2025/04/{n + 5:02d} 16:{n * 7:02d}", "メルマガ", "", "BowNow経由",
            1 + n, 4 + n * 2, 1, 3 + n * 2, 10 + n * 5, 1 + n % 2,
        ])  # fmt: skip
    rows[3][2] = "第一営業部\n東日本グループ"
    write("bownow_leads.csv", rows, encoding="cp932", crlf=True, quote_all=True)


def generic_touches() -> None:
    touches = [
        (0, "", "資料請求", "2025-04-01 10:00", "製品カタログ2025", "2025Q2 資料DL"),
        (0, "", "メール開封", "2025-04-08 08:31", "4月号メルマガ", "メルマガ"),
        (0, "t-1003", "料金ページ", "2025-04-09 21:14", "/pricing", ""),
        (1, "", "ウェビナー申込", "2025/04/02 9:05", "営業DX入門", "2025Q2 ウェビナー"),
        (1, "", "ウェビナー視聴", "2025/04/16 15:00", "営業DX入門", "2025Q2 ウェビナー"),
        (2, "t-1006", "page view", "2025-04-03T11:20:00+09:00", "/products/crm", ""),
        (2, "t-1007", "email_open", "2025-04-08T08:40:00+09:00", "4月号メルマガ", "メルマガ"),
        (3, "", "お問い合わせ", "2025-04-04 13:45", "お問い合わせフォーム", ""),
        (4, "", "展示会", "2025-03-12", "営業支援EXPO 2025 春", "2025-03 展示会"),
        (4, "", "ホワイトペーパー", "2025-04-10 17:02", "インサイドセールス立ち上げガイド", ""),
        (5, "", "デモ依頼", "2025-04-11 10:30", "デモ依頼フォーム", ""),
        (6, "t-1012", "メールクリック", "2025-04-08 12:03", "4月号メルマガ", "メルマガ"),
        (6, "t-1013", "Ｗｅｂアクセス", "2025-04-08 12:04", "/case-studies", ""),
        (7, "", "seminar_attendance", "2025-04-16 15:00", "営業DX入門", "2025Q2 ウェビナー"),
        (8, "", "資料ダウンロード", "2025-04-05 10:10", "製品カタログ2025", "2025Q2 資料DL"),
        (9, "", "名刺交換", "2025-03-12", "営業支援EXPO 2025 春", "2025-03 展示会"),
        (10, "", "Fill Out Form", "2025-04-06 16:40", "お問い合わせフォーム", ""),
        (11, "", "ページ閲覧", "2025-04-07 09:12", "/pricing", ""),
        (11, "", "料金ページ閲覧", "2025-04-07 09:13", "/pricing", ""),
        (12, "", "セミナー申込", "2025-04-02 12:00", "営業DX入門", "2025Q2 ウェビナー"),
        (12, "", "セミナー参加", "2025-04-16 15:00", "営業DX入門", "2025Q2 ウェビナー"),
        (13, "t-1022", "email click", "2025-04-08 19:22", "4月号メルマガ", "メルマガ"),
        (14, "", "資料請求", "2025-04-12 08:55", "製品カタログ2025", "2025Q2 資料DL"),
        (15, "", "問い合わせ", "2025-04-13 11:11", "お問い合わせフォーム", ""),
        (15, "", "demo_request", "2025-04-14 10:00", "デモ依頼フォーム", ""),
        (3, "", "メール開封", "2025-04-08 07:59", "4月号メルマガ", "メルマガ"),
        (7, "", "ＰＡＧＥ ＶＩＥＷ", "2025-04-17 10:01", "/products/crm", ""),
    ]
    rows: list[list[object]] = [["email", "touch_id", "kind", "occurred_at", "content", "campaign"]]
    for who, touch_id, kind, at, content, campaign in touches:
        email = P[who].email.upper() if who == 3 else P[who].email
        rows.append([email, touch_id, kind, at, content, campaign])
    rows += [rows[1], rows[8], rows[12]]  # the same touch twice (re-exported, pasted twice)
    write("generic_touches.csv", rows)


def hubspot_activities() -> None:
    events = [
        (0, "Form submission", "資料請求フォーム: 製品カタログ2025", "2025Q2 資料DL"),
        (0, "Marketing email opened", "4月号メルマガ", "メルマガ"),
        (1, "Marketing email clicked", "4月号メルマガ", "メルマガ"),
        (2, "Page view", "料金プラン | ミライCRM", ""),
        (3, "Event registration", "営業DX入門", "2025Q2 ウェビナー"),
        (4, "Form submission", "デモ依頼フォーム", ""),
        (5, "Marketing email opened", "4月号メルマガ", "メルマガ"),
        (7, "Page view", "導入事例 | ミライCRM", ""),
        (8, "Meeting booked", "初回打ち合わせ", ""),
        (9, "Form submission", "お問い合わせフォーム", ""),
    ]
    rows: list[list[object]] = [
        ["Record ID", "Email", "Activity type", "Activity date", "Activity name", "Campaign"]
    ]
    for n, (who, kind, name, campaign) in enumerate(events):
        rows.append([
            51234501 + who, P[who].email, kind, f"2025-04-{n + 10:02d} 10:{n * 3:02d}", name,
            campaign,
        ])  # fmt: skip
    write("hubspot_activities.csv", rows, bom=True)


def marketo_activities() -> None:
    activities = [
        (0, 2, 1001, "LP 資料請求フォーム", '{"Webpage ID":2101,"Client IP":"203.0.113.5"}'),
        (0, 10, 2003, "4月号メルマガ", '{"Campaign Run ID":55,"Device":"iPhone"}'),
        (1, 11, 2003, "4月号メルマガ", '{"Link":"https://example.jp/pricing"}'),
        (2, 1, 3004, "/pricing", '{"Webpage URL":"/pricing","Query Parameters":"utm=mail"}'),
        (3, 104, 4001, "2025-04 Webinar 営業DX入門", '{"New Status":"Attended"}'),
        (4, 2, 1001, "LP 資料請求フォーム", '{"Webpage ID":2101}'),
        (5, 3, 3004, "/case-studies", '{"Link ID":"cs-1"}'),
        (6, 10, 2003, "4月号メルマガ", '{"Device":"PC"}'),
        (7, 1, 3004, "/products/crm", '{"Webpage URL":"/products/crm"}'),
        (8, 11, 2003, "4月号メルマガ", '{"Link":"https://example.jp/demo"}'),
    ]
    rows: list[list[object]] = [[
        "marketoGUID", "leadId", "activityDate", "activityTypeId", "campaignId",
        "primaryAttributeValueId", "primaryAttributeValue", "attributes",
    ]]  # fmt: skip
    for n, (who, type_id, value_id, value, attributes) in enumerate(activities):
        rows.append([
            783957700 + n, 1048570 + who, f"2025-04-{n + 12:02d}T0{n % 9}:15:20Z", type_id,
            8497 + n % 3, value_id, value, attributes,
        ])  # fmt: skip
    write("marketo_activities.csv", rows)


if __name__ == "__main__":
    hubspot()
    hubspot_ja()
    marketo()
    marketo_xlsx()
    pardot()
    satori()
    bownow()
    generic_touches()
    hubspot_activities()
    marketo_activities()
