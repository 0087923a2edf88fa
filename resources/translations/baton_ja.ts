<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>App</name>
    <message>
        <source>Creating demo data…</source>
        <translation>デモデータを作成中…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>This database has no users yet. Add one with “baton user add”, or open the demo with “baton --demo”.</source>
        <translation>このデータベースにはまだユーザーがいません。「baton user add」で追加するか、「baton --demo」でデモを開いてください。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot read the database URL %1. Expected sqlite:///PATH or postgresql://USER@HOST/DATABASE.</source>
        <translation>データベースURL %1 を読み取れません。sqlite:///パス または postgresql://ユーザー@ホスト/データベース の形式で指定してください。</translation>
    </message>
    <message>
        <source>Cannot reach the database at %1: %2</source>
        <translation>データベース %1 に接続できません: %2</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a database file. Nothing was written to it; restore it from a backup or choose another file.</source>
        <translation>%1 は破損しているか、データベースファイルではありません。このファイルには何も書き込んでいません。バックアップから復元するか、別のファイルを選んでください。</translation>
    </message>
    <message>
        <source>%1 already holds tables that are not Baton&apos;s; Baton will not write into it.</source>
        <translation>%1 には Baton 以外のテーブルがあります。Baton はこのデータベースに書き込みません。</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Baton (schema %2; this version knows up to %3). Update Baton to open it. Nothing was written.</source>
        <translation>%1 は新しいバージョンの Baton で作成されています（スキーマ %2、このバージョンは %3 まで対応）。開くには Baton を更新してください。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>No lead with id %1.</source>
        <translation>ID %1 のリードはありません。</translation>
    </message>
    <message>
        <source>No user with the email %1.</source>
        <translation>メールアドレス %1 のユーザーはいません。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>予期しないエラー: %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Active (new + working)</source>
        <translation>対応中（新規＋架電中）</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>すべてのステージ</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>すべてのグレード</translation>
    </message>
    <message>
        <source>A and B</source>
        <translation>A と B</translation>
    </message>
    <message>
        <source>Grade %1</source>
        <translation>グレード %1</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>すべての業種</translation>
    </message>
    <message>
        <source>My leads</source>
        <translation>自分のリード</translation>
    </message>
    <message>
        <source>Everyone&apos;s leads</source>
        <translation>チーム全員のリード</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未割り当て</translation>
    </message>
    <message>
        <source>Search name, company, email, kana…</source>
        <translation>氏名・企業名・メール・フリガナで検索…</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>グレード</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>業種</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>架電中</translation>
    </message>
    <message>
        <source>Promoted</source>
        <translation>引き渡し済み</translation>
    </message>
    <message>
        <source>Returned to nurture</source>
        <translation>ナーチャリングに戻した</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>対象外</translation>
    </message>
    <message>
        <source>Document request</source>
        <translation>資料請求</translation>
    </message>
    <message>
        <source>Whitepaper download</source>
        <translation>ホワイトペーパー DL</translation>
    </message>
    <message>
        <source>Seminar registration</source>
        <translation>セミナー申込</translation>
    </message>
    <message>
        <source>Seminar attendance</source>
        <translation>セミナー参加</translation>
    </message>
    <message>
        <source>Trade-show badge scan</source>
        <translation>展示会 名刺スキャン</translation>
    </message>
    <message>
        <source>Email open</source>
        <translation>メール開封</translation>
    </message>
    <message>
        <source>Email click</source>
        <translation>メールクリック</translation>
    </message>
    <message>
        <source>Site visit</source>
        <translation>サイト訪問</translation>
    </message>
    <message>
        <source>Pricing page visit</source>
        <translation>料金ページ閲覧</translation>
    </message>
    <message>
        <source>Inquiry</source>
        <translation>問い合わせ</translation>
    </message>
    <message>
        <source>Demo request</source>
        <translation>デモ依頼</translation>
    </message>
    <message>
        <source>Manufacturing</source>
        <translation>製造業</translation>
    </message>
    <message>
        <source>IT / Software</source>
        <translation>IT・ソフトウェア</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>金融</translation>
    </message>
    <message>
        <source>Retail / Trading</source>
        <translation>小売・商社</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <source>Construction</source>
        <translation>建設</translation>
    </message>
    <message>
        <source>Healthcare</source>
        <translation>医療・製薬</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>教育</translation>
    </message>
    <message>
        <source>Public sector</source>
        <translation>公共</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Hokkaido</source>
        <translation>北海道</translation>
    </message>
    <message>
        <source>Tohoku</source>
        <translation>東北</translation>
    </message>
    <message>
        <source>Kanto</source>
        <translation>関東</translation>
    </message>
    <message>
        <source>Chubu</source>
        <translation>中部</translation>
    </message>
    <message>
        <source>Kansai</source>
        <translation>関西</translation>
    </message>
    <message>
        <source>Chugoku</source>
        <translation>中国</translation>
    </message>
    <message>
        <source>Shikoku</source>
        <translation>四国</translation>
    </message>
    <message>
        <source>Kyushu</source>
        <translation>九州</translation>
    </message>
    <message>
        <source>Overseas</source>
        <translation>海外</translation>
    </message>
    <message>
        <source>Executive</source>
        <translation>経営層</translation>
    </message>
    <message>
        <source>Director / department head</source>
        <translation>部長クラス</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>課長・マネージャー</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>担当者クラス</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>業種</translation>
    </message>
    <message>
        <source>Company size</source>
        <translation>企業規模</translation>
    </message>
    <message>
        <source>Seniority</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Inside sales rep</source>
        <translation>インサイドセールス</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>チームリーダー</translation>
    </message>
    <message>
        <source>Field sales rep</source>
        <translation>フィールドセールス</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>マーケティング</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <source>Just arrived</source>
        <translation>流入直後</translation>
    </message>
    <message>
        <source>New, not called yet</source>
        <translation>新規・未架電</translation>
    </message>
    <message>
        <source>By score</source>
        <translation>スコア順</translation>
    </message>
    <message>
        <source>Hot: %1 (24 h)</source>
        <translation>ホット: %1（24時間以内）</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>%1 employees</source>
        <translation>従業員 %1 名</translation>
    </message>
</context>
<context>
    <name>LeadPane</name>
    <message>
        <source>Factor</source>
        <translation>要素</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>内訳</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Content history</source>
        <translation>コンテンツ履歴</translation>
    </message>
    <message>
        <source>Select a lead in the queue to see its details.</source>
        <extracomment>Where the call log and its actions go (the next capability fills it).</extracomment>
        <translation>キューのリードを選ぶと詳細が表示されます。</translation>
    </message>
    <message>
        <source>Could not load the lead: %1</source>
        <translation>リードを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Main line</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Stage: %1 · Owner: %2 · MQL: %3 · Calls: %4</source>
        <translation>ステージ: %1 · 担当: %2 · MQL: %3 · 架電: %4 回</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未割り当て</translation>
    </message>
    <message>
        <source>Fit %1 of %2 + engagement %3 of %4 (half-life %5 days, definition v%6)</source>
        <translation>属性 %1 / %2 ＋ 行動 %3 / %4（半減期 %5 日、定義 v%6）</translation>
    </message>
    <message>
        <source>Why now: %1</source>
        <translation>今かける理由: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n touch(es) · %1 after decay · latest %2</source>
        <translation>
            <numerusform>%n 件 · 減衰後 %1 · 最新 %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Baton — %1</source>
        <translation>Baton — %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Rescore all leads</source>
        <translation>全リードを再スコアリング(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Next lead (top of the queue)</source>
        <translation>次のリード（キューの先頭）(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Find lead</source>
        <translation>リードを検索(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>最新の情報に更新(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) in this view</source>
        <translation>
            <numerusform>この表示のリード: %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Baton</source>
        <translation>Baton</translation>
    </message>
    <message>
        <source>Rescoring…</source>
        <translation>再スコアリング中…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企業</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>業種</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>最終接点</translation>
    </message>
    <message>
        <source>Why now</source>
        <translation>今かける理由</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未割り当て</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>コンテンツ</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>キャンペーン</translation>
    </message>
</context>
<context>
    <name>UserPicker</name>
    <message>
        <source>Who is using Baton?</source>
        <translation>Baton を使うのは誰ですか？</translation>
    </message>
    <message>
        <source>Choose your name. Baton remembers it for this database.</source>
        <translation>自分の名前を選んでください。このデータベースでは次回から自動で選ばれます。</translation>
    </message>
</context>
</TS>
