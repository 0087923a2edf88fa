<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>ActivitySection</name>
    <message>
        <source>Inside-sales activity</source>
        <extracomment>Each figure: its catalogue definition, in the order of the tiles and the columns. The per-rep and per-day tables&apos; height (a long list scrolls).</extracomment>
        <translation>インサイドセールスの活動量</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>架電数</translation>
    </message>
    <message>
        <source>Reaches</source>
        <translation>リーチ数</translation>
    </message>
    <message>
        <source>Reach rate</source>
        <translation>リーチ率</translation>
    </message>
    <message>
        <source>Handoffs</source>
        <translation>引き渡し数</translation>
    </message>
    <message>
        <source>Opportunity rate per reach</source>
        <translation>リーチあたりの 商談化率</translation>
    </message>
    <message>
        <source>Opportunity rate per call</source>
        <translation>架電あたりの 商談化率</translation>
    </message>
    <message>
        <source>Calls per hour</source>
        <translation>時間あたり架電数</translation>
    </message>
    <message>
        <source>Talk time per reach</source>
        <translation>リーチあたり通話時間</translation>
    </message>
    <message>
        <source>Per rep</source>
        <translation>担当者別</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>日別</translation>
    </message>
    <message>
        <source>No calls in the period for these filters.</source>
        <extracomment>The pages not filled since the figures changed (filled when shown).</extracomment>
        <translation>この条件では期間内の架電がありません。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日付</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Creating demo data…</source>
        <extracomment>Fills an empty database with demo data: (db, leads, progress(done, total), cancelled()). The CLI&apos;s demo command gives it (desktop.cli.demo.fill): the app never imports models.demo itself. With ``demo``: what fills the demo database on first use.</extracomment>
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
    <name>AssignmentLabels</name>
    <message>
        <source>the team has no active rep</source>
        <extracomment>Why a lead was not placed (:class:`models.leads.distribution.Unplaced`).</extracomment>
        <translation>チームに有効な担当者がいません</translation>
    </message>
    <message>
        <source>every active rep is away today</source>
        <translation>有効な担当者は全員本日不在です</translation>
    </message>
    <message>
        <source>every rep here today is at capacity (raise a capacity or wait)</source>
        <translation>本日在席の担当者は全員上限に達しています（上限を上げるか、空きが出るのを待ってください）</translation>
    </message>
    <message>
        <source>no other rep has room: only its own rep does</source>
        <translation>ほかの担当者に空きがありません（空きがあるのは現在の担当者だけです）</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>Away until %1</source>
        <translation>%1 まで不在</translation>
    </message>
    <message>
        <source>Away %1 – %2</source>
        <translation>不在 %1 – %2</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>在席</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>BantEditor</name>
    <message>
        <source>Qualification (BANT)</source>
        <translation>ヒアリング項目 (BANT)</translation>
    </message>
    <message>
        <source>Evidence, in their words</source>
        <extracomment>The answers as the dialog showed them: only what the rep changes is sent.</extracomment>
        <translation>根拠（相手の発言）</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Correct call — %1</source>
        <extracomment>The lead&apos;s current values were loaded after a refused save (a stale form).</extracomment>
        <translation>架電を訂正 — %1</translation>
    </message>
    <message>
        <source>Log call — %1</source>
        <translation>架電を記録 — %1</translation>
    </message>
    <message>
        <source>Temperature: not set</source>
        <translation>温度感: 未設定</translation>
    </message>
    <message>
        <source>What was said (the prospect&apos;s words)…</source>
        <translation>話した内容（相手の言葉で）…</translation>
    </message>
    <message>
        <source>No next step</source>
        <translation>次のアクションなし</translation>
    </message>
    <message>
        <source>Callback at</source>
        <translation>折り返し日時</translation>
    </message>
    <message>
        <source>Meeting at</source>
        <translation>商談日時</translation>
    </message>
    <message>
        <source>Cancel the callback of %1</source>
        <translation>%1 の折り返し予定を取り消す</translation>
    </message>
    <message>
        <source>Cancel the meeting of %1</source>
        <translation>%1 の商談をキャンセル</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>次のアクション</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>今すぐ再試行</translation>
    </message>
    <message>
        <source>Save and next</source>
        <translation>保存して次へ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Main line</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Choose an outcome (keys 1–9, 0).</source>
        <translation>架電結果を選んでください（キー 1〜9、0）。</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>架電禁止</translation>
    </message>
    <message>
        <source>Mark %1 as do-not-call? Calls are switched off and the lead never returns to any queue.</source>
        <translation>%1 を架電禁止にしますか？架電できなくなり、このリードはどのキューにも戻りません。</translation>
    </message>
    <message>
        <source>Not saved yet. Your call is kept here and is saved as soon as the database answers.</source>
        <translation>まだ保存されていません。入力内容はこのまま保持し、データベースが応答しだい保存します。</translation>
    </message>
    <message>
        <source>Not saved. Your call is kept here; press Retry now.</source>
        <translation>保存できませんでした。入力内容は保持しています。「今すぐ再試行」を押してください。</translation>
    </message>
    <message>
        <source>Discard this call?</source>
        <translation>この架電記録を破棄しますか？</translation>
    </message>
    <message>
        <source>The call for %1 has not been saved. Discard what you typed?</source>
        <translation>%1 の架電記録はまだ保存されていません。入力した内容を破棄しますか？</translation>
    </message>
</context>
<context>
    <name>CallPresence</name>
    <message>
        <source>nobody (unassigned)</source>
        <extracomment>How often the claim is renewed: three times in a lease, so one failed renewal (the server briefly gone) does not lose it. Plain text (names come from users): what others did, shown above the buttons.</extracomment>
        <translation>なし（未割り当て）</translation>
    </message>
    <message>
        <source>%1 reassigned this lead to %2 (%3) while this call was open. What you typed is kept.</source>
        <translation>この架電の入力中に、%1 がこのリードを %2 に割り当て直しました（%3）。入力した内容は残っています。</translation>
    </message>
    <message>
        <source>This lead was changed while this call was open. The current values are shown; what you typed is kept.</source>
        <translation>この架電の入力中に、このリードが変更されました。現在の値を表示しています。入力した内容は残っています。</translation>
    </message>
    <message>
        <source>%1 changed this lead while this call was open (%2, %3). The current values are shown; what you typed is kept.</source>
        <translation>この架電の入力中に、%1 がこのリードを変更しました（%2、%3）。現在の値を表示しています。入力した内容は残っています。</translation>
    </message>
</context>
<context>
    <name>CallTimer</name>
    <message>
        <source>Start timer</source>
        <translation>タイマー開始</translation>
    </message>
    <message>
        <source>Call time</source>
        <translation>通話時間</translation>
    </message>
    <message>
        <source>Stop timer</source>
        <translation>タイマー停止</translation>
    </message>
</context>
<context>
    <name>CampaignsSection</name>
    <message>
        <source>What happened to what marketing sent</source>
        <extracomment>Last: the widest, it takes the room left.</extracomment>
        <translation>マーケティング施策のその後</translation>
    </message>
    <message>
        <source>Web page…</source>
        <translation>Webページ…</translation>
    </message>
    <message>
        <source>Export the report as a self-contained web page</source>
        <translation>レポートを単体で開けるWebページとして書き出す</translation>
    </message>
    <message>
        <source>Leads sent</source>
        <translation>送客リード数</translation>
    </message>
    <message>
        <source>Reached, handed off, accepted, returned</source>
        <translation>リーチ・引き渡し・受け入れ・戻した</translation>
    </message>
    <message>
        <source>Median days to handoff</source>
        <translation>引き渡しまでの日数（中央値）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Campaign or content</source>
        <translation>キャンペーン・コンテンツ</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>リーチ</translation>
    </message>
    <message>
        <source>Handed off</source>
        <translation>引き渡し</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受け入れ</translation>
    </message>
    <message>
        <source>Returned to nurture</source>
        <translation>ナーチャリングに戻した</translation>
    </message>
    <message>
        <source>Reasons for returning</source>
        <translation>戻した理由</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2件</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>キャンペーン</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>コンテンツ</translation>
    </message>
    <message>
        <source>%1 campaigns and %2 contents reached leads in the period.</source>
        <translation>期間内に%1件のキャンペーンと%2件のコンテンツがリードに届きました。</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>needs one of: %1</source>
        <translation>不足：次のいずれか：%1</translation>
    </message>
    <message>
        <source>meets every criterion</source>
        <translation>すべての基準を満たしています</translation>
    </message>
    <message numerus="yes">
        <source>%n criterion(s) missing</source>
        <translation>
            <numerusform>%n件の基準が未達です</numerusform>
        </translation>
    </message>
    <message>
        <source>Handoff definition “%1”, version %2: %3</source>
        <translation>引き渡し基準「%1」バージョン%2：%3</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>(fit %1/%2, engagement %3/%4)</source>
        <extracomment>How a lead&apos;s score is made (``baton lead``): fit and engagement, each of its maximum. The terminal columns of a date and time (``Tue 24 Nov 2026 10:00``, 「2026/11/24(火) 10:00」).</extracomment>
        <translation>（属性 %1/%2、行動 %3/%4）</translation>
    </message>
    <message>
        <source>Added user %1: %2 &lt;%3&gt; (%4)</source>
        <translation>ユーザー %1 を追加しました: %2 &lt;%3&gt;（%4）</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt; is now: %3</source>
        <translation>%1 &lt;%2&gt; のロールを「%3」にしました。</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt; deactivated (calls let go: %3); their leads wait for a team lead to reassign.</source>
        <translation>%1 &lt;%2&gt; を無効化しました（解放した架電: %3 件）。担当のリードはチームリーダーによる再割り当てを待ちます。</translation>
    </message>
    <message>
        <source>Logged call %1 on %2, lead %3: %4.</source>
        <extracomment>What was done, naming the lead as every message does (&quot;name (company)&quot;) and its id.</extracomment>
        <translation>%2 への架電を記録しました（リード %3、架電 %1）: %4。</translation>
    </message>
    <message>
        <source>%1, lead %2, returned to nurture: %3.</source>
        <translation>%1 をナーチャリングに戻しました（リード %2）: %3。</translation>
    </message>
    <message>
        <source>%1, lead %2: new number %3.</source>
        <translation>%1 の新しい電話番号: %3（リード %2）</translation>
    </message>
    <message>
        <source>%1 leads, %2 companies, %3 touches, %4 calls, %5 users in %6 s → %7</source>
        <translation>リード %1 件、企業 %2 社、接点 %3 件、架電 %4 件、ユーザー %5 人を作成しました（%6 秒）→ %7</translation>
    </message>
    <message>
        <source>Created an empty Baton database (schema %1) at %2.</source>
        <translation>空の Baton データベースを作成しました（スキーマ %1）: %2</translation>
    </message>
    <message>
        <source>%1 already holds a Baton database (schema %2).</source>
        <translation>%1 はすでに Baton データベースです（スキーマ %2）。</translation>
    </message>
    <message>
        <source>Upgraded %1 from schema %2 to %3.</source>
        <translation>%1 をスキーマ %2 から %3 に更新しました。</translation>
    </message>
    <message>
        <source>%1 is up to date (schema %2); nothing to do.</source>
        <translation>%1 は最新です（スキーマ %2）。更新はありません。</translation>
    </message>
    <message>
        <source>%1 leads came back from nurture.</source>
        <translation>ナーチャリングから %1 件のリードが戻りました。</translation>
    </message>
    <message>
        <source>Rescored %1 leads in %2 s.</source>
        <translation>%1 件のリードのスコアを再計算しました（%2 秒）。</translation>
    </message>
    <message>
        <source>%1, lead %2, handed off to %3 (handoff %4, definition v%5).</source>
        <translation>%1（リード %2）を %3 さんへ引き渡しました（引き渡し %4、定義 v%5）。</translation>
    </message>
    <message>
        <source>Handed off by override: %1</source>
        <translation>例外として引き渡し：%1</translation>
    </message>
    <message>
        <source>Handoff %1: %2.</source>
        <translation>引き渡し %1：%2。</translation>
    </message>
    <message>
        <source>%1 answers recorded, %2 rows refused.</source>
        <translation>%1件の回答を登録し、%2行を受け付けませんでした。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>%1行目：%2</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>提案中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>取り下げ</translation>
    </message>
    <message>
        <source>marketing</source>
        <translation>マーケティング</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>営業</translation>
    </message>
    <message>
        <source>%1 (in effect)</source>
        <translation>%1（適用中）</translation>
    </message>
    <message>
        <source>Handoff definition, version %1: %2</source>
        <translation>引き渡し基準 バージョン %1：%2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状態：%1</translation>
    </message>
    <message>
        <source>Effective from %1</source>
        <translation>適用開始：%1</translation>
    </message>
    <message>
        <source>Drafted from version %1 by %2 on %3</source>
        <translation>バージョン %1 をもとに %2 が %3 に作成</translation>
    </message>
    <message>
        <source>Drafted by %1 on %2</source>
        <translation>%1 が %2 に作成</translation>
    </message>
    <message>
        <source>Proposed by %1 on %2</source>
        <translation>%1 が %2 に提案</translation>
    </message>
    <message>
        <source>Approved for %1 by %2 on %3</source>
        <translation>%1側の承認：%2（%3）</translation>
    </message>
    <message>
        <source>Still needs the approval of %1</source>
        <translation>未承認：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>メモ：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Criteria:</source>
        <translation>条件：</translation>
    </message>
    <message>
        <source>Scoring: engagement half-life %1 days; grade A from %2, B from %3, C from %4</source>
        <translation>スコア：エンゲージメントの半減期 %1 日、グレード A は %2 点以上、B は %3 点以上、C は %4 点以上</translation>
    </message>
    <message>
        <source>Draft version %1 created from version %2.</source>
        <translation>バージョン %2 をもとに下書きのバージョン %1 を作成しました。</translation>
    </message>
    <message>
        <source>%1 imported as draft version %2.</source>
        <translation>%1 を下書きのバージョン %2 として取り込みました。</translation>
    </message>
    <message>
        <source>Version %1 proposed: it needs the approval of marketing and of sales (a team lead or an administrator), two different people.</source>
        <translation>バージョン %1 を提案しました。マーケティングと営業（チームリーダーか管理者）の、別々の2人の承認が必要です。</translation>
    </message>
    <message>
        <source>Version %1 withdrawn.</source>
        <translation>バージョン %1 を取り下げました。</translation>
    </message>
    <message>
        <source>Version %1 approved for %2 by %3; it still needs the approval of %4.</source>
        <translation>バージョン %1 を%2側として %3 が承認しました。あとは%4側の承認が必要です。</translation>
    </message>
    <message>
        <source>Version %1 approved by both sides: in effect now.</source>
        <translation>バージョン %1 は両部門の承認がそろい、いまから適用されます。</translation>
    </message>
    <message>
        <source>Version %1 approved by both sides: in effect from %2.</source>
        <translation>バージョン %1 は両部門の承認がそろいました。%2 から適用されます。</translation>
    </message>
    <message>
        <source>Its scoring differs: %1 leads rescored.</source>
        <translation>スコア設定が変わったため、%1 件のリードのスコアを再計算しました。</translation>
    </message>
    <message>
        <source>Version %1 written to %2.</source>
        <translation>バージョン %1 を %2 に書き出しました。</translation>
    </message>
    <message>
        <source>No definition version yet.</source>
        <translation>引き渡し基準のバージョンはまだありません。</translation>
    </message>
    <message>
        <source>Version %1 against version %2 (in effect), over %3 working leads:</source>
        <translation>バージョン %1 と適用中のバージョン %2 の比較（対応中のリード %3 件）：</translation>
    </message>
    <message>
        <source>Qualify: %1 under version %2, %3 under version %4</source>
        <translation>基準を満たすリード：バージョン %2 で %1 件、バージョン %4 で %3 件</translation>
    </message>
    <message>
        <source>Newly qualify: %1</source>
        <translation>新たに満たす：%1</translation>
    </message>
    <message>
        <source>Drop out: %1</source>
        <translation>満たさなくなる：%1</translation>
    </message>
    <message>
        <source>Past handoffs: %1 of %2 would have qualified (%3)</source>
        <translation>過去の引き渡し：%2 件中 %1 件が基準を満たしていた（%3）</translation>
    </message>
    <message>
        <source>Field sales accepted %1 of those that would qualify, %2 of the others</source>
        <translation>フィールドセールスの受け入れ率：満たすもの %1、満たさないもの %2</translation>
    </message>
    <message>
        <source>Past handoffs: none yet</source>
        <translation>過去の引き渡し：まだありません</translation>
    </message>
    <message>
        <source>none answered</source>
        <translation>回答なし</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Wrote the summary of handoff %1 of %2 (handed off %3) to %4.</source>
        <translation>%2 の引き渡し %1（%3 に引き渡し）の商談化シートを %4 に書き出しました。</translation>
    </message>
    <message>
        <source>%1 has not been handed off: wrote a preview of its summary to %2.</source>
        <translation>%1 はまだ引き渡していません。商談化シートのプレビューを %2 に書き出しました。</translation>
    </message>
    <message>
        <source>Wrote %1 handoffs to %2.</source>
        <translation>%1 件の引き渡しを %2 に書き出しました。</translation>
    </message>
    <message>
        <source>Wrote %1 files (%2 handoffs) to %3.</source>
        <translation>%1 個のファイル（引き渡し %2 件）を %3 に書き出しました。</translation>
    </message>
    <message>
        <source>standard output</source>
        <extracomment>One cell of a text line: a text printed as it is, or (text, columns) padded or cut. Where a command&apos;s output went when it was printed instead of written to a file.</extracomment>
        <translation>標準出力</translation>
    </message>
    <message>
        <source>Team mode is set up on %1 (schema %2): group roles %3*, grants and row-level security on %4 tables.</source>
        <extracomment>Asks a new login&apos;s password at the terminal (tests give their own answer).</extracomment>
        <translation>%1 にチームモードを設定しました（スキーマ %2）。グループロール %3*、%4 個のテーブルの権限と行レベルセキュリティ。</translation>
    </message>
    <message>
        <source>Team mode on %1 (schema %2): grants and row-level security applied again on %3 tables (group roles %4*).</source>
        <translation>%1 のチームモード（スキーマ %2）：%3 個のテーブルに権限と行レベルセキュリティを設定し直しました（グループロール %4*）。</translation>
    </message>
    <message>
        <source>Group roles created: %1</source>
        <translation>作成したグループロール：%1</translation>
    </message>
    <message>
        <source>No rule decides these tables, so only their owner reaches them: %1</source>
        <translation>次のテーブルには決められたルールがないため、所有者しかアクセスできません：%1</translation>
    </message>
    <message>
        <source>Added %1 &lt;%2&gt; (%3), who signs in as %4.</source>
        <translation>%1 &lt;%2&gt;（%3）を追加しました。%4 でサインインします。</translation>
    </message>
    <message>
        <source>Added %1 &lt;%2&gt; (%3), who signs in as %4: that login existed on the server already, its password is unchanged.</source>
        <translation>%1 &lt;%2&gt;（%3）を追加しました。%4 でサインインします。このログインはサーバーにすでにあったため、パスワードは変わっていません。</translation>
    </message>
    <message>
        <source>Deactivated %1 &lt;%2&gt;.</source>
        <translation>%1 &lt;%2&gt; を無効にしました。</translation>
    </message>
    <message>
        <source>The login %1 can no longer sign in.</source>
        <translation>ログイン %1 ではもうサインインできません。</translation>
    </message>
    <message>
        <source>The login %1 left this database; another Baton database on this server still has it, so it can still sign in there.</source>
        <translation>ログイン %1 をこのデータベースから外しました。このサーバーの別の Baton データベースではまだ使われているため、そちらには引き続きサインインできます。</translation>
    </message>
    <message>
        <source>Sessions ended: %1.</source>
        <translation>終了したセッション：%1。</translation>
    </message>
    <message>
        <source>Their open sessions could not be ended (the server does not allow it); they can no longer read or change anything in Baton.</source>
        <translation>開いているセッションは終了できませんでした（サーバーが許可していません）。ただし、Baton のデータを読むことも変更することももうできません。</translation>
    </message>
    <message>
        <source>Leads reassigned to %2: %1</source>
        <translation>%2 さんに担当を変更したリード: %1</translation>
    </message>
    <message>
        <source>Leads that were %2&apos;s already: %1</source>
        <translation>%2 さんが既に担当していたリード: %1</translation>
    </message>
    <message>
        <source>lead %1  %2: %3 → %4</source>
        <translation>リード %1  %2: %3 → %4</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（担当者なし）</translation>
    </message>
    <message>
        <source>Distribution plan for %1 (dry run: nothing assigned):</source>
        <translation>%1 の割り当て案（試行のため、まだ何も割り当てていません）:</translation>
    </message>
    <message>
        <source>Distributed the new leads of %1:</source>
        <translation>新規リードを割り当てました（%1）:</translation>
    </message>
    <message>
        <source>Rebalancing plan for %1, leads untouched for %2 days (dry run: nothing assigned):</source>
        <translation>%1 の再配分案、%2 日間対応のないリード（試行のため、まだ何も割り当てていません）:</translation>
    </message>
    <message>
        <source>Rebalanced %1, leads untouched for %2 days:</source>
        <translation>%1 の %2 日間対応のないリードを再配分しました:</translation>
    </message>
    <message>
        <source>%1: receives %2 (open %3, capacity %4, free %5)</source>
        <translation>%1: %2 件を割り当て（対応中 %3、上限 %4、空き %5）</translation>
    </message>
    <message>
        <source>lead %1  %2 → %3</source>
        <translation>リード %1  %2 → %3</translation>
    </message>
    <message>
        <source>Leads not placed: %1</source>
        <translation>割り当てられなかったリード: %1</translation>
    </message>
    <message>
        <source>lead %1  %2: %3</source>
        <translation>リード %1  %2: %3</translation>
    </message>
    <message>
        <source>No lead to place.</source>
        <translation>割り当てるリードはありません。</translation>
    </message>
    <message>
        <source>Workload of %1, %2 (unassigned new leads: %3)</source>
        <translation>%1 の負荷状況、%2（未割り当ての新規リード: %3）</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>対応中</translation>
    </message>
    <message>
        <source>Free/cap.</source>
        <translation>空き/上限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>本日予定</translation>
    </message>
    <message>
        <source>SLA missed</source>
        <translation>SLA超過</translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation>本日の架電</translation>
    </message>
    <message>
        <source>Connect (week)</source>
        <translation>接続率（週）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>%1 is away from %2 to %3 (away period %4).</source>
        <translation>%1 は %2 から %3 まで不在です（不在予定 %4）。</translation>
    </message>
    <message>
        <source>Away period %1 removed.</source>
        <translation>不在予定 %1 を取り消しました。</translation>
    </message>
    <message>
        <source>%1 now carries up to %2 open leads.</source>
        <translation>%1 の対応上限を %2 件にしました。</translation>
    </message>
    <message>
        <source>%1: %2 rows read (%3, encoding %4)</source>
        <translation>%1: %2 行を読み込みました(%3、文字コード %4)</translation>
    </message>
    <message>
        <source>%1: %2 rows read (%3, sheet %4)</source>
        <translation>%1: %2 行を読み込みました(%3、シート %4)</translation>
    </message>
    <message>
        <source>Dry run: nothing was stored.</source>
        <translation>試行のみ: 何も保存していません。</translation>
    </message>
    <message>
        <source>New leads: %1</source>
        <translation>新しいリード: %1</translation>
    </message>
    <message>
        <source>New engagements: %1</source>
        <translation>新しい接点: %1</translation>
    </message>
    <message>
        <source>Merged into leads Baton had (or earlier rows): %1</source>
        <translation>既存のリード(または前の行)に統合: %1</translation>
    </message>
    <message>
        <source>Unchanged (already imported): %1</source>
        <translation>変更なし(取り込み済み): %1</translation>
    </message>
    <message>
        <source>Engagements recorded: %1</source>
        <translation>記録した接点: %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>取り込めなかった行: %1</translation>
    </message>
    <message>
        <source>  %1 × like %2</source>
        <translation>  %1件（例：%2）</translation>
    </message>
    <message>
        <source>Columns the tool computes, not imported: %1</source>
        <translation>ツールが計算する列(取り込んでいません): %1</translation>
    </message>
    <message>
        <source>Not merged (a number other people share): %1</source>
        <translation>統合しなかった行(ほかの人と共有の電話番号): %1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>物理行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Wrote the campaign report (%1 campaigns, %2 contents) to %3.</source>
        <translation>キャンペーン別レポート（キャンペーン%1件、コンテンツ%2件）を%3に書き出しました。</translation>
    </message>
    <message>
        <source>Shared KPIs, %1 to %2</source>
        <translation>共通の指標（%1〜%2）</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>チーム：%1</translation>
    </message>
    <message>
        <source>Rep: %1</source>
        <translation>担当者：%1</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>キャンペーン：%1</translation>
    </message>
    <message>
        <source>Industry: %1</source>
        <translation>業種：%1</translation>
    </message>
    <message>
        <source>Definition version: %1</source>
        <translation>商談化の定義：バージョン%1</translation>
    </message>
    <message>
        <source>Funnel of the leads whose MQL date is in the period</source>
        <translation>ファネル（期間内にMQLとなったリード）</translation>
    </message>
    <message>
        <source>MQL</source>
        <translation>MQL</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>架電済み</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>リーチ</translation>
    </message>
    <message>
        <source>Handed off</source>
        <translation>商談化（引き渡し）</translation>
    </message>
    <message>
        <source>Accepted by field sales</source>
        <translation>フィールドセールスが受け入れ</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>リード数</translation>
    </message>
    <message>
        <source>Drop-off</source>
        <translation>離脱率</translation>
    </message>
    <message>
        <source>Of MQLs</source>
        <translation>MQL比</translation>
    </message>
    <message>
        <source>Opportunities after first contact: %1 (%2 handed off of %3 reached)</source>
        <translation>初回接点後の商談化率：%1（リーチ%3件のうち引き渡し%2件）</translation>
    </message>
    <message>
        <source>Days from MQL to handoff: median %1 days</source>
        <translation>MQLから引き渡しまでの日数：中央値 %1日</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <source>Activity per rep</source>
        <translation>担当者別の活動量</translation>
    </message>
    <message>
        <source>Activity per day</source>
        <translation>日別の活動量</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>架電数</translation>
    </message>
    <message>
        <source>Reaches</source>
        <translation>リーチ数</translation>
    </message>
    <message>
        <source>Reach rate</source>
        <translation>リーチ率</translation>
    </message>
    <message>
        <source>Handoffs</source>
        <translation>引き渡し数</translation>
    </message>
    <message>
        <source>Per reach</source>
        <translation>商談化率（リーチ比）</translation>
    </message>
    <message>
        <source>Per call</source>
        <translation>商談化率（架電比）</translation>
    </message>
    <message>
        <source>Calls/hour</source>
        <translation>架電数/時</translation>
    </message>
    <message>
        <source>Talk/reach</source>
        <translation>通話時間/リーチ</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Speed to lead (%1 leads)</source>
        <translation>初回架電までの時間（リード%1件）</translation>
    </message>
    <message>
        <source>Within 5 min</source>
        <translation>5分以内</translation>
    </message>
    <message>
        <source>Within 1 h</source>
        <translation>1時間以内</translation>
    </message>
    <message>
        <source>Within 4 h</source>
        <translation>4時間以内</translation>
    </message>
    <message>
        <source>Within 24 h</source>
        <translation>24時間以内</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>24時間超</translation>
    </message>
    <message>
        <source>Not called</source>
        <translation>未架電</translation>
    </message>
    <message>
        <source>Within the speed-to-lead target: %1 (%2 of %3 decided; %4 not decided yet)</source>
        <translation>初回架電の目標時間内：%1（判定済み%3件のうち%2件、未判定%4件）</translation>
    </message>
    <message>
        <source>Returns to nurture by reason</source>
        <translation>ナーチャリングに戻した理由</translation>
    </message>
    <message>
        <source>Handoffs rejected by field sales, by reason</source>
        <translation>フィールドセールスが差し戻した理由</translation>
    </message>
    <message>
        <source>Handoffs over the definition</source>
        <translation>定義を満たさずに引き渡した件数</translation>
    </message>
    <message>
        <source>Rejected by field sales</source>
        <translation>フィールドセールスが差し戻し</translation>
    </message>
    <message>
        <source>None in the period.</source>
        <translation>期間内にはありません。</translation>
    </message>
    <message>
        <source>Response rate by industry: reached of the leads called</source>
        <translation>業種別の反応率（架電したリードのうちリーチできた割合）</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>業種</translation>
    </message>
    <message>
        <source>(industry not known)</source>
        <translation>（業種不明）</translation>
    </message>
    <message>
        <source>%1 (%2/%3)</source>
        <translation>%1（%2/%3）</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare version %1 with…</source>
        <translation>バージョン %1 と比較…</translation>
    </message>
    <message>
        <source>Version %1: %2</source>
        <translation>バージョン %1：%2</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>比較する版</translation>
    </message>
    <message>
        <source>There is no other version to compare with.</source>
        <translation>比較できるほかのバージョンがありません。</translation>
    </message>
</context>
<context>
    <name>ConversionSection</name>
    <message>
        <source>Opportunities after first contact, days to handoff</source>
        <translation>初回接点後の商談化率と案件化までの期間</translation>
    </message>
    <message>
        <source>Opportunity rate after first contact</source>
        <translation>初回接点後の商談化率</translation>
    </message>
    <message>
        <source>Days from MQL to handoff</source>
        <translation>MQLから引き渡しまでの日数</translation>
    </message>
    <message>
        <source>Opportunity rate after first contact: %1 (%2 handed off of %3 reached)
Median days from MQL to handoff: %4</source>
        <translation>初回接点後の商談化率：%1（リーチ%3件のうち引き渡し%2件）
MQLから引き渡しまでの日数：中央値 %4</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>リーチ</translation>
    </message>
    <message>
        <source>Handed off</source>
        <translation>引き渡し</translation>
    </message>
    <message>
        <source>Median days from MQL to handoff</source>
        <translation>MQLから引き渡しまでの日数（中央値）</translation>
    </message>
    <message>
        <source>Handed off after %1</source>
        <translation>%1で引き渡し</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
</context>
<context>
    <name>Criteria</name>
    <message>
        <source>Score of %1 or more</source>
        <translation>スコアが%1以上</translation>
    </message>
    <message>
        <source>Grade %1</source>
        <translation>グレードが%1</translation>
    </message>
    <message>
        <source>%1 within the last %2 days</source>
        <translation>直近%2日以内に%1がある</translation>
    </message>
    <message>
        <source>Each of %1 within the last %2 days</source>
        <translation>直近%2日以内に%1のすべてがある</translation>
    </message>
    <message>
        <source>At least %3 touches of %1 within the last %2 days</source>
        <translation>直近%2日以内に%1が合わせて%3件以上ある</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Reached by phone (a connected call)</source>
        <translation>電話で本人と話せている（通話あり）</translation>
    </message>
    <message>
        <source>A meeting is booked</source>
        <translation>商談（アポイント）が設定済み</translation>
    </message>
    <message>
        <source>All of the following</source>
        <translation>次のすべてを満たす</translation>
    </message>
    <message>
        <source>Any of the following</source>
        <translation>次のいずれかを満たす</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1または%2</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1と%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>needs: %1</source>
        <translation>不足：%1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2件中%1件</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>%1 %3 on %2</source>
        <translation>%2 %1 %3</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1：%2 — %3</translation>
    </message>
    <message>
        <source>Score %1 (grade %2)</source>
        <translation>スコア %1（グレード %2）</translation>
    </message>
    <message>
        <source>Reached on %1</source>
        <translation>%1 に通話</translation>
    </message>
    <message>
        <source>Meeting on %1</source>
        <translation>商談日時 %1</translation>
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
        <source>Region</source>
        <translation>地域</translation>
    </message>
</context>
<context>
    <name>CriteriaEditor</name>
    <message>
        <source>Add criterion</source>
        <translation>条件を追加</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>グループを追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
</context>
<context>
    <name>CriteriaModel</name>
    <message>
        <source>Criteria</source>
        <translation>条件</translation>
    </message>
</context>
<context>
    <name>CriterionForm</name>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Met when</source>
        <translation>満たす条件</translation>
    </message>
    <message>
        <source>Score at least</source>
        <translation>スコアの下限</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>グレード</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>接点の種類</translation>
    </message>
    <message>
        <source>Within the last</source>
        <translation>対象期間（直近）</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Count at least</source>
        <translation>件数の下限</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>ヒアリング項目</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>値</translation>
    </message>
    <message>
        <source>This criterion has no settings.</source>
        <translation>この条件に設定項目はありません。</translation>
    </message>
    <message>
        <source>Select a criterion in the tree.</source>
        <translation>左の一覧から条件を選んでください。</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>KPI dashboard — Baton</source>
        <extracomment>Filters changed one after the other (a few clicks) re-query once.</extracomment>
        <translation>KPIダッシュボード — Baton</translation>
    </message>
    <message>
        <source>Refresh</source>
        <extracomment>What is shown: the figures, the filters they answer, the campaign report.</extracomment>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Shared KPIs</source>
        <translation>共通の指標</translation>
    </message>
    <message>
        <source>Campaigns &amp;&amp; content</source>
        <translation>キャンペーン・コンテンツ</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>The filters&apos; lists, read once the first figures are shown.</extracomment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>DefinitionDiff</name>
    <message>
        <source>No differences between version %1 and version %2.</source>
        <translation>バージョン %1 とバージョン %2 に違いはありません。</translation>
    </message>
    <message>
        <source>From version %1 to version %2:</source>
        <translation>バージョン %1 からバージョン %2 への変更：</translation>
    </message>
    <message>
        <source>Name: “%1” → “%2”</source>
        <translation>名前：「%1」→「%2」</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>追加：%1</translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>削除：%1</translation>
    </message>
    <message>
        <source>Changed: %1 → %2</source>
        <translation>変更：%1 → %2</translation>
    </message>
    <message>
        <source>%1 (in “%2”)</source>
        <translation>%1（「%2」の中）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Half-life of engagement (days)</source>
        <extracomment>The scoring settings by name (their path in the scoring data).</extracomment>
        <translation>エンゲージメントの半減期（日）</translation>
    </message>
    <message>
        <source>Most engagement points</source>
        <translation>エンゲージメントの上限点</translation>
    </message>
    <message>
        <source>Weight of a repeated touch</source>
        <translation>同じ接点を繰り返したときの重み</translation>
    </message>
    <message>
        <source>Engagement saturation</source>
        <translation>エンゲージメントの飽和度</translation>
    </message>
    <message>
        <source>Priority boost: new</source>
        <translation>優先度の加点：新規</translation>
    </message>
    <message>
        <source>Priority boost: just arrived</source>
        <translation>優先度の加点：到着直後</translation>
    </message>
    <message>
        <source>Hours a lead counts as just arrived</source>
        <translation>到着直後とみなす時間</translation>
    </message>
    <message>
        <source>Priority boost: hot signal</source>
        <translation>優先度の加点：ホットな反応</translation>
    </message>
    <message>
        <source>Hours a hot signal lasts</source>
        <translation>ホットな反応が続く時間</translation>
    </message>
    <message>
        <source>Hot signals</source>
        <translation>ホットな反応とみなす接点</translation>
    </message>
    <message>
        <source>Priority boost: callback due</source>
        <translation>優先度の加点：折り返しの期限</translation>
    </message>
    <message>
        <source>Priority penalty: resting after unanswered calls</source>
        <translation>優先度の減点：不在が続いた後の間隔</translation>
    </message>
    <message>
        <source>Hours between unanswered attempts</source>
        <translation>不在時の架電間隔（時間）</translation>
    </message>
    <message>
        <source>Most hours between unanswered attempts</source>
        <translation>不在時の架電間隔の上限（時間）</translation>
    </message>
    <message>
        <source>Fit points for the industry %1</source>
        <extracomment>Settings that are one weight of a table: (table path) -&gt; &quot;Points for %1&quot;.</extracomment>
        <translation>業種「%1」の適合点</translation>
    </message>
    <message>
        <source>Fit points for the company size %1</source>
        <translation>企業規模「%1」の適合点</translation>
    </message>
    <message>
        <source>Fit points for the seniority %1</source>
        <translation>役職レベル「%1」の適合点</translation>
    </message>
    <message>
        <source>Fit points for the region %1</source>
        <translation>地域「%1」の適合点</translation>
    </message>
    <message>
        <source>Engagement points for %1</source>
        <translation>「%1」のエンゲージメント点</translation>
    </message>
    <message>
        <source>Lowest score of grade %1</source>
        <translation>グレード %1 の最低スコア</translation>
    </message>
    <message>
        <source>Title words of the seniority %1</source>
        <translation>役職レベル「%1」と判定する肩書きの語</translation>
    </message>
</context>
<context>
    <name>DefinitionEditor</name>
    <message>
        <source>Score at least</source>
        <translation>スコアが一定以上</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>グレード</translation>
    </message>
    <message>
        <source>Engagement (touches)</source>
        <translation>接点（コンテンツ履歴）</translation>
    </message>
    <message>
        <source>BANT answer</source>
        <translation>ヒアリング項目 (BANT) の回答</translation>
    </message>
    <message>
        <source>Reached by phone</source>
        <translation>電話でつながった</translation>
    </message>
    <message>
        <source>Meeting booked</source>
        <translation>商談が予約済み</translation>
    </message>
    <message>
        <source>Company fit</source>
        <translation>企業の属性</translation>
    </message>
    <message>
        <source>Group: all of</source>
        <translation>グループ：すべて満たす</translation>
    </message>
    <message>
        <source>Group: any of</source>
        <translation>グループ：いずれかを満たす</translation>
    </message>
    <message>
        <source>Any of the kinds</source>
        <translation>いずれかの種類がある</translation>
    </message>
    <message>
        <source>Each of the kinds</source>
        <translation>すべての種類がある</translation>
    </message>
    <message>
        <source>At least a number of touches</source>
        <translation>合計件数が一定以上</translation>
    </message>
</context>
<context>
    <name>DefinitionVersions</name>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>適用開始</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Marketing approval</source>
        <translation>マーケティング承認</translation>
    </message>
    <message>
        <source>Sales approval</source>
        <translation>営業承認</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>提案中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>取り下げ</translation>
    </message>
    <message>
        <source>In effect</source>
        <translation>適用中</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>DefinitionsWindow</name>
    <message>
        <source>Handoff definition — Baton</source>
        <translation>引き渡し基準 — Baton</translation>
    </message>
    <message>
        <source>New draft</source>
        <translation>新しい下書き</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>比較…</translation>
    </message>
    <message>
        <source>Export TOML…</source>
        <translation>TOML に書き出す…</translation>
    </message>
    <message>
        <source>Import TOML…</source>
        <translation>TOML を読み込む…</translation>
    </message>
    <message>
        <source>You read the agreed definition here; team leads, marketing and administrators draft and approve new versions.</source>
        <translation>合意済みの引き渡し基準を確認できます。新しいバージョンの作成と承認は、チームリーダー、マーケティング、管理者が行います。</translation>
    </message>
    <message>
        <source>Version %1 saved.</source>
        <translation>バージョン %1 を保存しました。</translation>
    </message>
    <message>
        <source>Import TOML</source>
        <translation>TOML を読み込む</translation>
    </message>
    <message>
        <source>Export TOML</source>
        <translation>TOML に書き出す</translation>
    </message>
</context>
<context>
    <name>DiscoveryFields</name>
    <message>
        <source>For the &amp;handoff: challenge, competitors, decision process</source>
        <translation>引き渡し用(&amp;H)：課題・競合・決裁フロー</translation>
    </message>
    <message>
        <source>What they want to solve, in their words</source>
        <translation>解決したいこと（先方の言葉で）</translation>
    </message>
    <message>
        <source>Products or vendors they compare</source>
        <translation>比較している製品・ベンダー</translation>
    </message>
    <message>
        <source>Who decides, who approves, by when</source>
        <translation>誰が決め、誰が承認し、いつまでか</translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <source>Why this version: for the people who approve it</source>
        <translation>このバージョンの意図（承認する人に向けて）</translation>
    </message>
    <message>
        <source>In words</source>
        <translation>文章で見る</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>スコアリング</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
</context>
<context>
    <name>DueButton</name>
    <message numerus="yes">
        <source>☎ %n callback(s) due</source>
        <translation>
            <numerusform>☎ 折り返し期限 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the callbacks due (%1)</source>
        <translation>折り返し期限のリードを表示（%1）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database is read-only: nothing was saved.</source>
        <extracomment>db.failure.read_only</extracomment>
        <translation>データベースが読み取り専用のため、保存できませんでした。</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <extracomment>db.failure.disk_full</extracomment>
        <translation>ディスクの空き容量がないため、保存できませんでした。空きを作ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The database does not allow this change: nothing was saved.</source>
        <extracomment>db.failure.no_permission</extracomment>
        <translation>データベースでこの変更が許可されていないため、保存できませんでした。</translation>
    </message>
    <message>
        <source>The database refused the values given: nothing was saved.</source>
        <extracomment>db.failure.refused_data</extracomment>
        <translation>データベースが入力された値を受け付けなかったため、保存できませんでした。</translation>
    </message>
    <message>
        <source>The database is busy (another program is writing to it): nothing was saved. Try again in a moment.</source>
        <extracomment>db.failure.busy</extracomment>
        <translation>データベースが使用中（別のプログラムが書き込み中）のため、保存できませんでした。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The database stopped answering: nothing was saved. Try again when it is back.</source>
        <extracomment>db.failure.unreachable</extracomment>
        <translation>データベースが応答しなくなったため、保存できませんでした。復旧してからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The database URL is empty.</source>
        <extracomment>db.url.empty</extracomment>
        <translation>データベースの接続先が入力されていません。</translation>
    </message>
    <message>
        <source>Cannot read the database URL {url}: expected sqlite:///PATH or postgresql://USER@HOST[:PORT]/DATABASE.</source>
        <extracomment>db.url.unreadable</extracomment>
        <translation>データベースの接続先 {url} を読み取れません。sqlite:///ファイルのパス、または postgresql://ユーザー@ホスト[:ポート]/データベース名 の形式で指定してください。</translation>
    </message>
    <message>
        <source>Unsupported database “{backend}” in {url}: Baton runs on SQLite or PostgreSQL.</source>
        <extracomment>db.url.unsupported</extracomment>
        <translation>{url} の「{backend}」には対応していません。Baton で使えるデータベースは SQLite と PostgreSQL です。</translation>
    </message>
    <message>
        <source>Cannot use the database URL {url}.</source>
        <extracomment>db.url.unusable</extracomment>
        <translation>データベースの接続先 {url} は使用できません。</translation>
    </message>
    <message>
        <source>Cannot create {path}: the folder {folder} does not exist.</source>
        <extracomment>db.folder_missing</extracomment>
        <translation>{path} を作成できません。フォルダー {folder} がありません。</translation>
    </message>
    <message>
        <source>The database server at {url} refused the connection; check that it is running and that the host and port are right.</source>
        <extracomment>db.unreachable.refused</extracomment>
        <translation>データベースサーバー（{url}）に接続を拒否されました。サーバーが起動しているか、ホスト名とポート番号が正しいかを確認してください。</translation>
    </message>
    <message>
        <source>The database server at {url} did not answer in time; check the network and the host name.</source>
        <extracomment>db.unreachable.timeout</extracomment>
        <translation>データベースサーバー（{url}）から時間内に応答がありません。ネットワークとホスト名を確認してください。</translation>
    </message>
    <message>
        <source>Cannot find the database server named in {url}; check the host name.</source>
        <extracomment>db.unreachable.unknown_host</extracomment>
        <translation>{url} のデータベースサーバーが見つかりません。ホスト名を確認してください。</translation>
    </message>
    <message>
        <source>The database server at {url} did not accept the user name or password.</source>
        <extracomment>db.unreachable.auth</extracomment>
        <translation>データベースサーバー（{url}）にログインできません。ユーザー名とパスワードを確認してください。</translation>
    </message>
    <message>
        <source>The database server at {url} has no database of that name; check the name or ask an administrator to create it.</source>
        <extracomment>db.unreachable.no_database</extracomment>
        <translation>データベースサーバー（{url}）に該当するデータベースがありません。データベース名を確認するか、管理者に作成を依頼してください。</translation>
    </message>
    <message>
        <source>The database user in {url} may not use this database; ask an administrator for access.</source>
        <extracomment>db.unreachable.no_permission</extracomment>
        <translation>{url} のユーザーには、このデータベースを使う権限がありません。管理者に権限の付与を依頼してください。</translation>
    </message>
    <message>
        <source>Cannot reach the database at {url}.</source>
        <extracomment>db.unreachable.other</extracomment>
        <translation>データベース（{url}）に接続できません。</translation>
    </message>
    <message>
        <source>The database at {url} is busy with another program; try again in a moment.</source>
        <extracomment>db.locked</extracomment>
        <translation>データベース（{url}）は別のプログラムが使用中です。しばらくしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The database at {url} is read-only; Baton cannot prepare it.</source>
        <extracomment>db.read_only</extracomment>
        <translation>データベース（{url}）は読み取り専用のため、Baton で使える状態に準備できません。</translation>
    </message>
    <message>
        <source>The disk holding the database at {url} is full; free some space and try again.</source>
        <extracomment>db.disk_full</extracomment>
        <translation>データベース（{url}）のあるディスクに空きがありません。空き容量を確保してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Cannot prepare the database at {url}.</source>
        <extracomment>db.prepare_failed</extracomment>
        <translation>データベース（{url}）を使える状態に準備できませんでした。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <extracomment>db.corrupt.folder</extracomment>
        <translation>{path} はフォルダーです。データベースのファイルを指定してください。</translation>
    </message>
    <message>
        <source>{path} is not a SQLite database (its first bytes are not a SQLite header); it may be damaged or a different kind of file. Nothing was written to it.</source>
        <extracomment>db.corrupt.not_sqlite</extracomment>
        <translation>{path} は SQLite のデータベースではありません。破損しているか、別の種類のファイルの可能性があります。このファイルには何も書き込んでいません。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read. Nothing was written to it; restore it from a backup or choose another file.</source>
        <extracomment>db.corrupt.damaged</extracomment>
        <translation>{path} は破損していて読み込めません。このファイルには何も書き込んでいません。バックアップから復元するか、別のファイルを選んでください。</translation>
    </message>
    <message>
        <source>{where} already holds tables that are not Baton&apos;s ({tables}); Baton will not write into it.</source>
        <extracomment>db.foreign</extracomment>
        <translation>{where} には Baton 以外のテーブル（{tables}）があるため、Baton はこのデータベースに書き込みません。</translation>
    </message>
    <message>
        <source>{where} was written by a newer Baton (schema {revision}); this version knows schemas up to {head}. Update Baton to open it. Nothing was written.</source>
        <extracomment>db.schema_too_new</extracomment>
        <translation>{where} は新しいバージョンの Baton で作成されています（スキーマ {revision}、このバージョンの対応は {head} まで）。開くには Baton を更新してください。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>{where} holds no Baton database yet, and a command that only reads does not create one; nothing was written. Create an empty one with &apos;baton init --db {where}&apos; (or one with demo data with &apos;baton demo --db {where}&apos;).</source>
        <extracomment>db.schema_missing</extracomment>
        <translation>{where} にはまだ Baton のデータベースがありません。読み取りだけのコマンドでは作成しません（何も書き込んでいません）。空のデータベースは「baton init --db {where}」で、デモデータ入りのデータベースは「baton demo --db {where}」で作成できます。</translation>
    </message>
    <message>
        <source>{where} has an older Baton schema ({revision}; this version needs {head}), and a command that only reads does not upgrade it; nothing was written. Upgrade it with &apos;baton migrate --db {where}&apos; (or open the app).</source>
        <extracomment>db.schema_outdated</extracomment>
        <translation>{where} のスキーマ（{revision}）は古いバージョンの Baton のものです（このバージョンには {head} が必要です）。読み取りだけのコマンドでは更新しません（何も書き込んでいません）。「baton migrate --db {where}」を実行するか、アプリを開いて更新してください。</translation>
    </message>
    <message>
        <source>{where} holds no Baton database yet, and this command does not create one; nothing was written. Create an empty one with &apos;baton init --db {where}&apos; (or one with demo data with &apos;baton demo --db {where}&apos;).</source>
        <extracomment>db.not_created</extracomment>
        <translation>{where} にはまだ Baton のデータベースがありません。このコマンドではデータベースを作成しません（何も書き込んでいません）。空のデータベースは「baton init --db {where}」で、デモデータ入りのデータベースは「baton demo --db {where}」で作成できます。</translation>
    </message>
    <message>
        <source>{where} already holds a Baton database, with an older schema ({revision}; this version needs {head}); nothing was written. Upgrade it with &apos;baton migrate --db {where}&apos;.</source>
        <extracomment>db.init_outdated</extracomment>
        <translation>{where} には既に Baton のデータベースがありますが、スキーマ（{revision}）が古いバージョンのものです（このバージョンには {head} が必要です）。何も書き込んでいません。「baton migrate --db {where}」で更新してください。</translation>
    </message>
    <message>
        <source>No lead with id {lead_id}; it may have been deleted.</source>
        <extracomment>lead.not_found</extracomment>
        <translation>番号 {lead_id} のリードは見つかりません。削除された可能性があります。</translation>
    </message>
    <message>
        <source>{lead} is marked do-not-call; no calls can be logged.</source>
        <extracomment>lead.do_not_call</extracomment>
        <translation>{lead} は架電禁止のため、架電を記録できません。</translation>
    </message>
    <message>
        <source>{lead} belongs to another rep; ask a team lead to reassign it.</source>
        <extracomment>lead.of_another_rep</extracomment>
        <translation>{lead} は別の担当者のリードです。担当を変える場合は、チームリーダーに依頼してください。</translation>
    </message>
    <message>
        <source>{lead} belongs to another team.</source>
        <extracomment>lead.of_another_team</extracomment>
        <translation>{lead} は別のチームのリードです。</translation>
    </message>
    <message>
        <source>Enter the new phone number for {lead}.</source>
        <extracomment>lead.phone_required</extracomment>
        <translation>{lead} の新しい電話番号を入力してください。</translation>
    </message>
    <message>
        <source>“{value}” is not a phone number (for {lead}); expected a number such as 03-1234-5678 or +81 3-1234-5678.</source>
        <extracomment>lead.phone_not_a_number</extracomment>
        <translation>「{value}」は電話番号ではありません（{lead}）。03-1234-5678 や +81 3-1234-5678 のように入力してください。</translation>
    </message>
    <message>
        <source>{value} is the number marked wrong for {lead}; enter a different one, or correct the wrong-number call if it was logged by mistake.</source>
        <extracomment>lead.phone_same_as_wrong</extracomment>
        <translation>{value} は {lead} の番号違いとして記録された番号です。別の番号を入力してください（誤って番号違いを記録した場合は、その架電記録を訂正してください）。</translation>
    </message>
    <message>
        <source>{lead} is in the stage “{stage}”; only new and working leads are called.</source>
        <extracomment>lead.call_stage</extracomment>
        <translation>{lead} はステージが「{stage}」のため架電できません。架電できるのは「新規」と「架電中」のリードだけです。</translation>
    </message>
    <message>
        <source>{lead} is in the stage “{stage}”; only new and working leads go back to nurture.</source>
        <extracomment>lead.recycle_stage</extracomment>
        <translation>{lead} はステージが「{stage}」のため、ナーチャリングに戻せません。戻せるのは「新規」と「架電中」のリードだけです。</translation>
    </message>
    <message>
        <source>{lead} is in the stage “{stage}”; only new, working or returned leads can be disqualified.</source>
        <extracomment>lead.disqualify_stage</extracomment>
        <translation>{lead} はステージが「{stage}」のため、対象外にできません。対象外にできるのは「新規」「架電中」「ナーチャリングに戻した」リードだけです。</translation>
    </message>
    <message>
        <source>{lead} is marked do-not-call and does not return to any queue.</source>
        <extracomment>lead.requalify_do_not_call</extracomment>
        <translation>{lead} は架電禁止のため、どのキューにも戻りません。</translation>
    </message>
    <message>
        <source>Only marketing, team leads and administrators send a lead back to the queue.</source>
        <extracomment>lead.requalify_not_allowed</extracomment>
        <translation>リードをキューに戻せるのは、マーケティング担当・チームリーダー・管理者だけです。</translation>
    </message>
    <message>
        <source>{lead} is in the stage “{stage}”; only leads returned to nurture come back as new.</source>
        <extracomment>lead.requalify_stage</extracomment>
        <translation>{lead} はステージが「{stage}」のため、新規として戻せません。新規に戻せるのは、ナーチャリングに戻したリードだけです。</translation>
    </message>
    <message>
        <source>Unknown reason “{value}”; expected one of {expected}.</source>
        <extracomment>lead.reason_unknown</extracomment>
        <translation>理由「{value}」は指定できません。次のいずれかを指定してください: {expected}</translation>
    </message>
    <message>
        <source>The re-entry date {until} is not in the future.</source>
        <extracomment>lead.until_not_future</extracomment>
        <translation>キューに戻す日（{until}）には、明日以降の日付を指定してください。</translation>
    </message>
    <message>
        <source>Unknown outcome “{value}”; expected one of {expected}.</source>
        <extracomment>call.outcome_unknown</extracomment>
        <translation>架電結果「{value}」は指定できません。次のいずれかを指定してください: {expected}</translation>
    </message>
    <message>
        <source>The call&apos;s start time has no time zone.</source>
        <extracomment>call.start_naive</extracomment>
        <translation>架電の開始時刻にタイムゾーンが指定されていません。</translation>
    </message>
    <message>
        <source>The call cannot start in the future.</source>
        <extracomment>call.start_future</extracomment>
        <translation>架電の開始時刻を未来にすることはできません。</translation>
    </message>
    <message>
        <source>The call&apos;s duration cannot be negative.</source>
        <extracomment>call.duration_negative</extracomment>
        <translation>通話時間にマイナスの値は指定できません。</translation>
    </message>
    <message>
        <source>A call of {seconds} seconds is longer than a day ({limit} seconds).</source>
        <extracomment>call.duration_too_long</extracomment>
        <translation>{seconds}秒の通話は1日（{limit}秒）より長いため記録できません。</translation>
    </message>
    <message>
        <source>Unknown temperature “{value}”; expected one of {expected}.</source>
        <extracomment>call.temperature_unknown</extracomment>
        <translation>温度感「{value}」は指定できません。次のいずれかを指定してください: {expected}</translation>
    </message>
    <message>
        <source>Unknown next step “{value}”; expected one of {expected}.</source>
        <extracomment>call.next_step_unknown</extracomment>
        <translation>次のアクション「{value}」は指定できません。次のいずれかを指定してください: {expected}</translation>
    </message>
    <message>
        <source>A callback needs a date and time.</source>
        <extracomment>call.callback_needs_time</extracomment>
        <translation>折り返しの日時を指定してください。</translation>
    </message>
    <message>
        <source>The callback time has no time zone.</source>
        <extracomment>call.callback_naive</extracomment>
        <translation>折り返し日時にタイムゾーンが指定されていません。</translation>
    </message>
    <message>
        <source>The callback time is in the past; choose a time after now.</source>
        <extracomment>call.callback_past</extracomment>
        <translation>折り返し日時が過去になっています。現在より後の日時を選んでください。</translation>
    </message>
    <message>
        <source>{lead} was changed since you opened it ({action}, by {user} at {at}): nothing was saved. The current values are shown; what you typed is kept: check it and save again.</source>
        <extracomment>lead.changed_meanwhile</extracomment>
        <translation>{lead} は、この画面を開いた後に変更されました（{at} {user}: {action}）。保存していません。最新の内容を表示しています。入力した内容は残っていますので、確認してもう一度保存してください。</translation>
    </message>
    <message>
        <source>{lead} was changed since you opened it: nothing was saved. The current values are shown; what you typed is kept: check it and save again.</source>
        <extracomment>lead.changed_meanwhile_unknown</extracomment>
        <translation>{lead} は、この画面を開いた後に変更されました。保存していません。最新の内容を表示しています。入力した内容は残っていますので、確認してもう一度保存してください。</translation>
    </message>
    <message>
        <source>{user} is on the phone with {lead} (since {at}); choose another lead, or wait until they have finished.</source>
        <extracomment>claim.held</extracomment>
        <translation>{user} が {lead} と通話中です（{at} から）。別のリードを選ぶか、通話が終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>{user} is on the phone with {lead} right now (since {at}): nothing was saved. What you typed is kept; save it once they have finished.</source>
        <extracomment>call.claimed_by_other</extracomment>
        <translation>{user} が今 {lead} と通話中です（{at} から）。保存されていません。入力した内容は残っています。通話が終わってから保存してください。</translation>
    </message>
    <message>
        <source>The rules of {team} were changed since you opened them: nothing was saved. Reload them and make your change again.</source>
        <extracomment>team.changed_meanwhile</extracomment>
        <translation>{team} のルールは、この画面を開いた後に変更されました。保存していません。読み込み直してから、もう一度変更してください。</translation>
    </message>
    <message>
        <source>The prospect asked to be called back: say when (the date and time of the callback).</source>
        <extracomment>call.callback_requested_needs_time</extracomment>
        <translation>折り返し依頼です。折り返す日時を指定してください。</translation>
    </message>
    <message>
        <source>A booked meeting needs its date and time.</source>
        <extracomment>call.meeting_booked_needs_time</extracomment>
        <translation>商談獲得の場合は、商談の日時を指定してください。</translation>
    </message>
    <message>
        <source>A meeting needs its date and time.</source>
        <extracomment>call.meeting_needs_time</extracomment>
        <translation>商談の日時を指定してください。</translation>
    </message>
    <message>
        <source>The meeting time has no time zone.</source>
        <extracomment>call.meeting_naive</extracomment>
        <translation>商談日時にタイムゾーンが指定されていません。</translation>
    </message>
    <message>
        <source>No call with id {call_id}; it may have been deleted.</source>
        <extracomment>call.not_found</extracomment>
        <translation>番号 {call_id} の架電記録は見つかりません。削除された可能性があります。</translation>
    </message>
    <message>
        <source>This call was already corrected (in another window or by a colleague); the history shows the correction.</source>
        <extracomment>call.already_corrected</extracomment>
        <translation>この架電記録はすでに訂正されています（別のウィンドウまたは同僚による訂正）。履歴で訂正内容を確認できます。</translation>
    </message>
    <message>
        <source>Only the rep who logged a call, or a team lead, can correct it.</source>
        <extracomment>call.correct_not_allowed</extracomment>
        <translation>架電記録を訂正できるのは、記録した担当者かチームリーダーだけです。</translation>
    </message>
    <message>
        <source>A correction cannot move a call to another lead.</source>
        <extracomment>call.correct_other_lead</extracomment>
        <translation>訂正で架電記録を別のリードに移すことはできません。</translation>
    </message>
    <message>
        <source>Unknown qualification field “{value}”; expected one of {expected}.</source>
        <extracomment>bant.field_unknown</extracomment>
        <translation>ヒアリング項目「{value}」はありません。次のいずれかを指定してください: {expected}</translation>
    </message>
    <message>
        <source>{bant_field}: “{value}” is not a valid answer; expected one of {expected}.</source>
        <extracomment>bant.value_unknown</extracomment>
        <translation>{bant_field}: 「{value}」は回答として指定できません。次のいずれかを指定してください: {expected}</translation>
    </message>
    <message>
        <source>No user with id {user_id}.</source>
        <extracomment>user.not_found</extracomment>
        <translation>番号 {user_id} のユーザーは見つかりません。</translation>
    </message>
    <message>
        <source>No active user with id {user_id}.</source>
        <extracomment>user.not_active</extracomment>
        <translation>番号 {user_id} の有効なユーザーは見つかりません。</translation>
    </message>
    <message>
        <source>No user with the email {email}.</source>
        <extracomment>user.email_not_found</extracomment>
        <translation>メールアドレス {email} のユーザーは登録されていません。</translation>
    </message>
    <message>
        <source>“{email}” is not an email address.</source>
        <extracomment>user.email_invalid</extracomment>
        <translation>「{email}」はメールアドレスの形式ではありません。</translation>
    </message>
    <message>
        <source>Unknown role “{value}”; expected one of {expected}.</source>
        <extracomment>user.role_unknown</extracomment>
        <translation>役割「{value}」は指定できません。次のいずれかを指定してください: {expected}</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <extracomment>user.name_empty</extracomment>
        <translation>名前を入力してください。</translation>
    </message>
    <message>
        <source>A user with the email {email} already exists.</source>
        <extracomment>user.email_taken</extracomment>
        <translation>メールアドレス {email} のユーザーは、すでに登録されています。</translation>
    </message>
    <message>
        <source>{user} ({role}) may not {permission}.</source>
        <extracomment>user.action_not_allowed</extracomment>
        <translation>{user}（{role}）には「{permission}」の権限がありません。</translation>
    </message>
    <message>
        <source>{user} acts on their own team only.</source>
        <extracomment>user.other_team</extracomment>
        <translation>{user} は自分のチームに対してのみ操作できます。</translation>
    </message>
    <message>
        <source>The server login {login} is not a Baton user: ask an administrator to add you (baton admin add-user).</source>
        <extracomment>user.login_unknown</extracomment>
        <translation>サーバーのログイン {login} は Baton のユーザーではありません。管理者に追加を依頼してください（baton admin add-user）。</translation>
    </message>
    <message>
        <source>“{value}” is not a server: expected host, host:port or host:port/database.</source>
        <extracomment>signin.server_malformed</extracomment>
        <translation>「{value}」はサーバーではありません。ホスト、ホスト:ポート、またはホスト:ポート/データベースの形式で入力してください。</translation>
    </message>
    <message>
        <source>Enter your login (the email your team signed you up with).</source>
        <extracomment>signin.login_empty</extracomment>
        <translation>ログイン（チームで登録されたメールアドレス）を入力してください。</translation>
    </message>
    <message>
        <source>Leave the password out of --db: a command line is visible to every user of this computer. Baton asks for it, or takes it from the keychain (baton login).</source>
        <extracomment>signin.password_in_url</extracomment>
        <translation>--db にパスワードを含めないでください。コマンドラインはこのコンピューターのすべてのユーザーから見えます。Baton が入力を求めるか、キーチェーンから読み取ります（baton login）。</translation>
    </message>
    <message>
        <source>{user} (login {login}) was deactivated.</source>
        <extracomment>user.login_deactivated</extracomment>
        <translation>{user}（ログイン {login}）は無効化されています。</translation>
    </message>
    <message>
        <source>This database already has users, so no first administrator is created: choose your name among them, or ask an administrator to add you.</source>
        <extracomment>user.first_admin_only_first</extracomment>
        <translation>このデータベースにはすでにユーザーがいるため、最初の管理者は作成しません。一覧から自分の名前を選ぶか、管理者に追加を依頼してください。</translation>
    </message>
    <message>
        <source>No team with id {team_id}.</source>
        <extracomment>team.not_found</extracomment>
        <translation>番号 {team_id} のチームは見つかりません。</translation>
    </message>
    <message>
        <source>The team settings are malformed.</source>
        <extracomment>team.settings_malformed</extracomment>
        <translation>チームの設定の形式が正しくありません。</translation>
    </message>
    <message>
        <source>Business hours must end after they start.</source>
        <extracomment>team.hours_order</extracomment>
        <translation>営業時間の終了時刻は、開始時刻より後にしてください。</translation>
    </message>
    <message>
        <source>Business days must be weekday numbers 0-6 (Monday is 0).</source>
        <extracomment>team.weekdays</extracomment>
        <translation>営業日は 0〜6 の曜日番号（月曜日が 0）で指定してください。</translation>
    </message>
    <message>
        <source>The speed-to-lead target must be positive.</source>
        <extracomment>team.sla_not_positive</extracomment>
        <translation>初回架電までの目標時間は、0 より大きい値にしてください。</translation>
    </message>
    <message>
        <source>The attempt limits must be positive.</source>
        <extracomment>team.attempts_not_positive</extracomment>
        <translation>架電回数の上限と集計期間は、0 より大きい値にしてください。</translation>
    </message>
    <message>
        <source>Unknown time zone “{value}”.</source>
        <extracomment>team.timezone_unknown</extracomment>
        <translation>タイムゾーン「{value}」はありません。</translation>
    </message>
    <message>
        <source>Unknown holiday calendar “{value}”.</source>
        <extracomment>team.holidays_unknown</extracomment>
        <translation>祝日カレンダー「{value}」はありません。</translation>
    </message>
    <message>
        <source>Unknown team setting “{value}”; expected one of {expected}.</source>
        <extracomment>team.setting_unknown</extracomment>
        <translation>チームの設定項目「{value}」はありません。設定できる項目: {expected}</translation>
    </message>
    <message>
        <source>Business hours, start: “{value}” is not a time of day. Write HH:MM, from 00:00 to 23:59 (for example 09:00).</source>
        <extracomment>team.start_invalid</extracomment>
        <translation>営業時間（開始）：「{value}」は時刻ではありません。00:00〜23:59 の HH:MM 形式で入力してください（例: 09:00）。</translation>
    </message>
    <message>
        <source>Business hours, end: “{value}” is not a time of day. Write HH:MM, from 00:00 to 23:59 (for example 18:00).</source>
        <extracomment>team.end_invalid</extracomment>
        <translation>営業時間（終了）：「{value}」は時刻ではありません。00:00〜23:59 の HH:MM 形式で入力してください（例: 18:00）。</translation>
    </message>
    <message>
        <source>Choose at least one business day.</source>
        <extracomment>team.weekdays_empty</extracomment>
        <translation>営業日を 1 日以上選んでください。</translation>
    </message>
    <message>
        <source>The rules of {team} were changed since you opened them (by {user} at {at}): nothing was saved. The current rules are shown and what you typed is kept: check it and save again.</source>
        <extracomment>team.changed_meanwhile_by</extracomment>
        <translation>{team} のルールは、この画面を開いた後に変更されました（{at} {user}）。保存していません。最新のルールを表示しています。入力した内容は残っていますので、確認してもう一度保存してください。</translation>
    </message>
    <message>
        <source>This database has no team yet: start the app on it to create the first administrator and their team.</source>
        <extracomment>team.none</extracomment>
        <translation>このデータベースにはまだチームがありません。アプリで開くと、最初の管理者とそのチームを作成できます。</translation>
    </message>
    <message>
        <source>Say who is acting with --user EMAIL or the BATON_USER environment variable: Baton never guesses who does something.</source>
        <extracomment>cli.who_acts</extracomment>
        <translation>--user EMAIL または環境変数 BATON_USER で、操作する人を指定してください。Baton は操作する人を推測しません。</translation>
    </message>
    <message>
        <source>You are signed in as {login} ({user}): you cannot act as {email}. Leave out --user and BATON_USER, or sign in as them.</source>
        <extracomment>cli.act_as_other</extracomment>
        <translation>{login}（{user}）としてサインインしています。{email} として操作することはできません。--user と BATON_USER を外すか、その人としてサインインしてください。</translation>
    </message>
    <message>
        <source>The scoring settings lack the field “{name}”.</source>
        <extracomment>scoring.field_missing</extracomment>
        <translation>スコアリング設定に項目「{name}」がありません。</translation>
    </message>
    <message>
        <source>The scoring setting {name} must be a mapping (got {value}).</source>
        <extracomment>scoring.not_mapping</extracomment>
        <translation>スコアリング設定の {name} は、名前と値の組で指定してください（指定値: {value}）。</translation>
    </message>
    <message>
        <source>The scoring setting {name} must be a number (got {value}).</source>
        <extracomment>scoring.not_number</extracomment>
        <translation>スコアリング設定の {name} は、数値で指定してください（指定値: {value}）。</translation>
    </message>
    <message>
        <source>The scoring setting {name} must be a finite number (got {value}).</source>
        <extracomment>scoring.not_finite</extracomment>
        <translation>スコアリング設定の {name} は、有限の数値で指定してください（指定値: {value}）。</translation>
    </message>
    <message>
        <source>The scoring setting {name} must be greater than 0 (got {value}).</source>
        <extracomment>scoring.not_positive</extracomment>
        <translation>スコアリング設定の {name} は、0 より大きい値にしてください（指定値: {value}）。</translation>
    </message>
    <message>
        <source>The scoring setting {name} must be between 0 and 1 (got {value}).</source>
        <extracomment>scoring.out_of_range</extracomment>
        <translation>スコアリング設定の {name} は、0 から 1 の範囲で指定してください（指定値: {value}）。</translation>
    </message>
    <message>
        <source>The scoring setting {name} must be a mapping of name to points.</source>
        <extracomment>scoring.not_points</extracomment>
        <translation>スコアリング設定の {name} は、名前と点数の組で指定してください。</translation>
    </message>
    <message>
        <source>The scoring setting {name} must be a list of words (got {value}).</source>
        <extracomment>scoring.not_words</extracomment>
        <translation>スコアリング設定の {name} は、語句のリストで指定してください（指定値: {value}）。</translation>
    </message>
    <message>
        <source>The scoring setting {name} must hold only non-empty words.</source>
        <extracomment>scoring.empty_word</extracomment>
        <translation>スコアリング設定の {name} に、空の語句は指定できません。</translation>
    </message>
    <message>
        <source>{path}: “{value}” is not allowed; expected {expected}.</source>
        <extracomment>criteria.invalid</extracomment>
        <translation>{path}：「{value}」は指定できません。{expected} を指定してください。</translation>
    </message>
    <message>
        <source>There is no version {version} of the handoff definition.</source>
        <extracomment>definition.not_found</extracomment>
        <translation>引き渡し基準のバージョン {version} はありません。</translation>
    </message>
    <message>
        <source>{user} ({role}) cannot draft or change the handoff definition; team leads, marketing and administrators can.</source>
        <extracomment>definition.edit_role</extracomment>
        <translation>{user}（{role}）は引き渡し基準の下書きや変更ができません。チームリーダー、マーケティング、管理者ができます。</translation>
    </message>
    <message>
        <source>{user} ({role}) cannot approve the handoff definition: marketing approves for marketing, a team lead or an administrator for sales.</source>
        <extracomment>definition.approve_role</extracomment>
        <translation>{user}（{role}）は引き渡し基準を承認できません。マーケティング側はマーケティング担当者、営業側はチームリーダーか管理者が承認します。</translation>
    </message>
    <message>
        <source>Version {version} was proposed by {user} on {at} and can no longer be changed; draft a new version from it to change it.</source>
        <extracomment>definition.locked.proposed</extracomment>
        <translation>バージョン {version} は {user} が {at} に提案済みのため、変更できません。変更するには、このバージョンから新しい下書きを作ってください。</translation>
    </message>
    <message>
        <source>Version {version} is approved and can no longer be changed; draft a new version from it to change it.</source>
        <extracomment>definition.locked.approved</extracomment>
        <translation>バージョン {version} は承認済みのため、変更できません。変更するには、このバージョンから新しい下書きを作ってください。</translation>
    </message>
    <message>
        <source>Version {version} was withdrawn and can no longer be changed; draft a new version from it to change it.</source>
        <extracomment>definition.locked.withdrawn</extracomment>
        <translation>バージョン {version} は取り下げ済みのため、変更できません。変更するには、このバージョンから新しい下書きを作ってください。</translation>
    </message>
    <message>
        <source>Version {version} has no criteria, so every lead would meet it: add at least one criterion before proposing it.</source>
        <extracomment>definition.propose_empty</extracomment>
        <translation>バージョン {version} には条件がなく、すべてのリードが満たしてしまいます。提案する前に条件を1つ以上追加してください。</translation>
    </message>
    <message>
        <source>Version {version} is still a draft: it must be proposed before anyone approves it.</source>
        <extracomment>definition.approve_draft</extracomment>
        <translation>バージョン {version} はまだ下書きです。承認の前に提案してください。</translation>
    </message>
    <message>
        <source>Version {version} is already approved by both sides.</source>
        <extracomment>definition.approve_approved</extracomment>
        <translation>バージョン {version} は両部門の承認済みです。</translation>
    </message>
    <message>
        <source>Version {version} was withdrawn and can no longer be approved.</source>
        <extracomment>definition.approve_withdrawn</extracomment>
        <translation>バージョン {version} は取り下げ済みのため、承認できません。</translation>
    </message>
    <message>
        <source>{user} already approved version {version} on {at}; the other side&apos;s approval must come from someone else.</source>
        <extracomment>definition.approved_twice</extracomment>
        <translation>{user} はバージョン {version} を {at} に承認済みです。もう一方の部門の承認は別の人が行う必要があります。</translation>
    </message>
    <message>
        <source>{user} proposed version {version} and has approved it once; a proposer cannot approve it alone: the other side&apos;s approval must come from someone else.</source>
        <extracomment>definition.proposer_alone</extracomment>
        <translation>{user} はバージョン {version} の提案者で、すでに一度承認しています。提案者だけでは承認できません。もう一方の部門の承認は別の人が行う必要があります。</translation>
    </message>
    <message>
        <source>Marketing already approved version {version} ({user}, {at}); it now needs a sales approval, from a team lead or an administrator.</source>
        <extracomment>definition.side_taken.marketing</extracomment>
        <translation>バージョン {version} はマーケティング側の承認済みです（{user}、{at}）。あとは営業側（チームリーダーか管理者）の承認が必要です。</translation>
    </message>
    <message>
        <source>Sales already approved version {version} ({user}, {at}); it now needs a marketing approval.</source>
        <extracomment>definition.side_taken.sales</extracomment>
        <translation>バージョン {version} は営業側の承認済みです（{user}、{at}）。あとはマーケティング側の承認が必要です。</translation>
    </message>
    <message>
        <source>The effective date {at} is in the past; choose now or a later time.</source>
        <extracomment>definition.effective_past</extracomment>
        <translation>適用開始日時 {at} は過去です。現在以降の日時を指定してください。</translation>
    </message>
    <message>
        <source>Version {version} is approved: an approved version is replaced by a newer one, never withdrawn.</source>
        <extracomment>definition.withdraw_approved</extracomment>
        <translation>バージョン {version} は承認済みです。承認済みのバージョンは取り下げず、新しいバージョンで置き換えます。</translation>
    </message>
    <message>
        <source>Version {version} was already withdrawn.</source>
        <extracomment>definition.withdraw_withdrawn</extracomment>
        <translation>バージョン {version} はすでに取り下げ済みです。</translation>
    </message>
    <message>
        <source>Version {version} was changed since you opened it (by {user} at {at}): nothing was saved. The current draft is shown and what you typed is kept: check it and save again.</source>
        <extracomment>definition.changed_meanwhile</extracomment>
        <translation>バージョン {version} は開いた後に変更されました（{user}、{at}）。何も保存していません。最新の下書きを表示し、入力内容は残してあります。確認してからもう一度保存してください。</translation>
    </message>
    <message>
        <source>The definition&apos;s name is empty.</source>
        <extracomment>definition.name_empty</extracomment>
        <translation>引き渡し基準の名前が空です。</translation>
    </message>
    <message>
        <source>Cannot read {file}; nothing was imported.</source>
        <extracomment>definition.file.unreadable</extracomment>
        <translation>{file} を読み込めません。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>Cannot write {file}; nothing was exported.</source>
        <extracomment>definition.file.unwritable</extracomment>
        <translation>{file} に書き込めません。何も書き出していません。</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text; nothing was imported.</source>
        <extracomment>definition.file.not_utf8</extracomment>
        <translation>{file} は UTF-8 のテキストではありません。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>{file}, line {line}, column {column}: this is not valid TOML; nothing was imported.</source>
        <extracomment>definition.file.syntax</extracomment>
        <translation>{file} の {line} 行目 {column} 文字目：TOML として正しくありません。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>{file} has no [{path}] table; nothing was imported.</source>
        <extracomment>definition.file.missing</extracomment>
        <translation>{file} に [{path}] の表がありません。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>{file}, line {line}: unknown key “{path}”; expected {expected}. Nothing was imported.</source>
        <extracomment>definition.file.unknown_key</extracomment>
        <translation>{file} の {line} 行目：不明なキー「{path}」です。{expected} のいずれかを指定してください。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>{file}, line {line}: {path} must be text in quotes; nothing was imported.</source>
        <extracomment>definition.file.not_text</extracomment>
        <translation>{file} の {line} 行目：{path} は引用符で囲んだ文字列にしてください。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>{file}, line {line}: {path} must be a version number; nothing was imported.</source>
        <extracomment>definition.file.not_version</extracomment>
        <translation>{file} の {line} 行目：{path} はバージョン番号にしてください。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>{file}, line {line}: {path}: “{value}” is not allowed; expected {expected}. Nothing was imported.</source>
        <extracomment>definition.file.criteria</extracomment>
        <translation>{file} の {line} 行目：{path}：「{value}」は指定できません。{expected} を指定してください。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the scoring setting {path} is not valid (it is {value}); nothing was imported.</source>
        <extracomment>definition.file.scoring</extracomment>
        <translation>{file} の {line} 行目：スコア設定 {path} の値（{value}）が正しくありません。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the scoring settings lack {path}; nothing was imported.</source>
        <extracomment>definition.file.scoring_missing</extracomment>
        <translation>{file} の {line} 行目：スコア設定に {path} がありません。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>Choose at least one lead to reassign.</source>
        <extracomment>assignment.no_leads</extracomment>
        <translation>担当を変更するリードを1件以上選んでください。</translation>
    </message>
    <message>
        <source>Say why the leads change hands: the reason is kept in each lead&apos;s history.</source>
        <extracomment>assignment.reason_empty</extracomment>
        <translation>担当を変更する理由を入力してください。理由は各リードの履歴に残ります。</translation>
    </message>
    <message>
        <source>{user} is deactivated: choose an active rep.</source>
        <extracomment>assignment.target_inactive</extracomment>
        <translation>{user} は無効化されています。有効な担当者を選んでください。</translation>
    </message>
    <message>
        <source>{user} ({role}) does not work leads: choose a rep or a team lead.</source>
        <extracomment>assignment.target_role</extracomment>
        <translation>{user}（{role}）はリードを担当しません。インサイドセールス担当者かチームリーダーを選んでください。</translation>
    </message>
    <message>
        <source>{user} works in another team: a team lead gives leads within their own team.</source>
        <extracomment>assignment.target_other_team</extracomment>
        <translation>{user} は別のチームに所属しています。チームリーダーは自分のチーム内でのみリードを割り当てられます。</translation>
    </message>
    <message>
        <source>{user} is away from {first} to {last}: choose a rep who is here, or confirm that the leads go to {user} anyway.</source>
        <extracomment>assignment.target_away</extracomment>
        <translation>{user} は {first} から {last} まで不在です。在席している担当者を選ぶか、それでも {user} に割り当てることを確認してください。</translation>
    </message>
    <message>
        <source>{lead} is in the stage “{stage}”; only new and working leads change hands.</source>
        <extracomment>assignment.stage</extracomment>
        <translation>{lead} のステージは「{stage}」です。担当を変更できるのは新規と対応中のリードだけです。</translation>
    </message>
    <message>
        <source>The leads or the reps of {team} changed since the plan was made (a lead arrived or was taken, a rep&apos;s load changed): nothing was assigned. The current plan is shown: check it and apply it again.</source>
        <extracomment>assignment.plan_changed</extracomment>
        <translation>割り当て案を作成した後に {team} のリードまたは担当者が変わりました（リードの追加・引き取り、担当者の負荷の変化）。何も割り当てていません。最新の割り当て案を表示しています。確認してからもう一度適用してください。</translation>
    </message>
    <message>
        <source>Untouched for {value} days: expected a number of days from 1 to {max}.</source>
        <extracomment>assignment.untouched_days</extracomment>
        <translation>未対応の日数 {value}：1〜{max} の日数を指定してください。</translation>
    </message>
    <message>
        <source>The away period ends ({last}) before it starts ({first}).</source>
        <extracomment>away.dates_order</extracomment>
        <translation>不在期間の終了日（{last}）が開始日（{first}）より前です。</translation>
    </message>
    <message>
        <source>{actor} may not change {user}&apos;s away periods: only {user}, their team lead or an administrator may.</source>
        <extracomment>away.not_allowed</extracomment>
        <translation>{actor} は {user} の不在期間を変更できません。変更できるのは {user} 本人、そのチームリーダー、または管理者だけです。</translation>
    </message>
    <message>
        <source>No away period with id {away_id}; it may have been removed.</source>
        <extracomment>away.not_found</extracomment>
        <translation>ID {away_id} の不在期間はありません。削除された可能性があります。</translation>
    </message>
    <message>
        <source>A capacity of {value} open leads: expected a number from 0 to {max}.</source>
        <extracomment>capacity.range</extracomment>
        <translation>対応上限 {value} 件は範囲外です。0 から {max} までの数を指定してください。</translation>
    </message>
    <message>
        <source>{actor} may not change {user}&apos;s capacity: only their team lead or an administrator may.</source>
        <extracomment>capacity.not_allowed</extracomment>
        <translation>{actor} は {user} の対応上限を変更できません。変更できるのはチームリーダーか管理者だけです。</translation>
    </message>
    <message>
        <source>Team mode needs a PostgreSQL server; {url} is not one (expected postgresql://LOGIN@HOST/DATABASE).</source>
        <extracomment>admin.not_postgresql</extracomment>
        <translation>チームモードには PostgreSQL サーバーが必要です。{url} は PostgreSQL ではありません（postgresql://LOGIN@HOST/DATABASE の形で指定してください）。</translation>
    </message>
    <message>
        <source>The login {login} does not own Baton&apos;s tables in this database ({owner} does): run baton admin init as their owner.</source>
        <extracomment>admin.init_not_owner</extracomment>
        <translation>ログイン {login} はこのデータベースにある Baton のテーブルの所有者ではありません（所有者は {owner} です）。所有者として baton admin init を実行してください。</translation>
    </message>
    <message>
        <source>The login {login} cannot create roles: run baton admin init as the database&apos;s owner with the CREATEROLE right, or as a superuser.</source>
        <extracomment>admin.init_needs_createrole</extracomment>
        <translation>ログイン {login} にはロールを作成する権限がありません。CREATEROLE 権限を持つデータベースの所有者、またはスーパーユーザーとして baton admin init を実行してください。</translation>
    </message>
    <message>
        <source>The role prefix is empty.</source>
        <extracomment>admin.prefix_empty</extracomment>
        <translation>ロール名の接頭辞が空です。</translation>
    </message>
    <message>
        <source>The role prefix “{prefix}” is too long: the longest group role would be {length} bytes, and PostgreSQL allows 63.</source>
        <extracomment>admin.prefix_too_long</extracomment>
        <translation>ロール名の接頭辞「{prefix}」が長すぎます。最も長いグループロール名が {length} バイトになりますが、PostgreSQL で使えるのは 63 バイトまでです。</translation>
    </message>
    <message>
        <source>This database&apos;s group roles start with “{stored}”, not “{prefix}”: run baton admin init without --role-prefix (or with that prefix).</source>
        <extracomment>admin.prefix_mismatch</extracomment>
        <translation>このデータベースのグループロール名は「{prefix}」ではなく「{stored}」で始まります。--role-prefix を付けずに（またはその接頭辞を指定して）baton admin init を実行してください。</translation>
    </message>
    <message>
        <source>A role named {role} exists on the server and is not a Baton group role (it can log in or has special rights): choose another prefix with --role-prefix.</source>
        <extracomment>admin.role_taken</extracomment>
        <translation>サーバーには {role} という名前のロールがすでにあり、Baton のグループロールではありません（ログインできるか、特別な権限を持っています）。--role-prefix で別の接頭辞を指定してください。</translation>
    </message>
    <message>
        <source>The group roles recorded for this database do not follow one prefix ({roles}): run baton admin init again as the owner of its tables.</source>
        <extracomment>admin.roles_inconsistent</extracomment>
        <translation>このデータベースに記録されているグループロール名の接頭辞がそろっていません（{roles}）。テーブルの所有者として baton admin init をもう一度実行してください。</translation>
    </message>
    <message>
        <source>This database is not set up for team mode: run baton admin init first.</source>
        <extracomment>admin.not_team_mode</extracomment>
        <translation>このデータベースはチームモード用に設定されていません。先に baton admin init を実行してください。</translation>
    </message>
    <message>
        <source>The login {login} is not an active Baton administrator of this database: sign in as one (--db postgresql://ADMIN@HOST/DATABASE) to manage users.</source>
        <extracomment>admin.not_admin</extracomment>
        <translation>ログイン {login} はこのデータベースの有効な Baton 管理者ではありません。ユーザーを管理するには管理者としてサインインしてください（--db postgresql://ADMIN@HOST/DATABASE）。</translation>
    </message>
    <message>
        <source>The email {email} cannot be a server login: it is {length} bytes long, and PostgreSQL allows 63.</source>
        <extracomment>admin.login_too_long</extracomment>
        <translation>メールアドレス {email} はサーバーのログイン名にできません。長さが {length} バイトあり、PostgreSQL で使えるのは 63 バイトまでです。</translation>
    </message>
    <message>
        <source>Another Baton user of this database signs in as {login} already.</source>
        <extracomment>admin.login_taken</extracomment>
        <translation>このデータベースの別の Baton ユーザーがすでに {login} でサインインしています。</translation>
    </message>
    <message>
        <source>A role named {login} exists on the server but cannot be a Baton user&apos;s login (it cannot log in, or has rights that go around Baton&apos;s rules).</source>
        <extracomment>admin.login_unusable</extracomment>
        <translation>サーバーには {login} という名前のロールがありますが、Baton ユーザーのログインには使えません（ログインできないか、Baton のルールを迂回できる権限を持っています）。</translation>
    </message>
    <message>
        <source>In team mode {email} also has a server login: use “baton admin deactivate {email}”, which deactivates both.</source>
        <extracomment>admin.deactivate_with_login</extracomment>
        <translation>チームモードでは {email} にサーバーのログインもあります。両方を無効化する「baton admin deactivate {email}」を使ってください。</translation>
    </message>
    <message>
        <source>The new login needs a password; none was given.</source>
        <extracomment>admin.password_empty</extracomment>
        <translation>新しいログインにはパスワードが必要ですが、入力されていません。</translation>
    </message>
    <message>
        <source>The two passwords typed differ: nothing was changed.</source>
        <extracomment>admin.password_mismatch</extracomment>
        <translation>入力された 2 つのパスワードが一致しません。何も変更していません。</translation>
    </message>
    <message>
        <source>Unknown import preset “{value}”; expected one of {expected}.</source>
        <extracomment>import.preset_unknown</extracomment>
        <translation>インポートのプリセット「{value}」はありません。次のいずれかを指定してください: {expected}</translation>
    </message>
    <message>
        <source>{file} holds no rows to import (it is empty or has only a header).</source>
        <extracomment>import.file_empty</extracomment>
        <translation>{file} には取り込む行がありません(空か、見出し行だけです)。</translation>
    </message>
    <message>
        <source>{file} is not a CSV or XLSX export (it holds binary data): export the list again as CSV or XLSX.</source>
        <extracomment>import.file_binary</extracomment>
        <translation>{file} は CSV や XLSX のエクスポートではありません(バイナリデータを含んでいます)。CSV か XLSX で出力し直してください。</translation>
    </message>
    <message>
        <source>{file} does not read as UTF-8 or Shift_JIS (CP932), and no other encoding makes sense of it: save it from Excel as “CSV UTF-8” and import it again.</source>
        <extracomment>import.file_garbled</extracomment>
        <translation>{file} は UTF-8 としても Shift_JIS (CP932) としても読めず、ほかの文字コードでも意味のある文字になりません。Excel で「CSV UTF-8」として保存し直してから取り込んでください。</translation>
    </message>
    <message>
        <source>Cannot read {file}: nothing was imported.</source>
        <extracomment>import.file_unreadable</extracomment>
        <translation>{file} を読み込めません。何も取り込まれていません。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the CSV cannot be read there.</source>
        <extracomment>import.csv_unreadable</extracomment>
        <translation>{file} の {line} 行目: この箇所の CSV を読み取れません。</translation>
    </message>
    <message>
        <source>{file} is not a workbook Baton can read: nothing was imported.</source>
        <extracomment>import.xlsx_unreadable</extracomment>
        <translation>{file} は Baton が読めるブックではありません。何も取り込まれていません。</translation>
    </message>
    <message>
        <source>{file} has several sheets with data ({expected}): choose the sheet to import.</source>
        <extracomment>import.xlsx_sheets</extracomment>
        <translation>{file} にはデータのあるシートが複数あります({expected})。取り込むシートを選んでください。</translation>
    </message>
    <message>
        <source>{file} has no sheet “{value}”; its sheets: {expected}.</source>
        <extracomment>import.xlsx_sheet_missing</extracomment>
        <translation>{file} にシート「{value}」はありません。シート: {expected}</translation>
    </message>
    <message>
        <source>Cannot read the mapping file {file}: expected JSON.</source>
        <extracomment>import.mapping_unreadable</extracomment>
        <translation>対応付けファイル {file} を読めません。JSON 形式のファイルを指定してください。</translation>
    </message>
    <message>
        <source>The mapping {file} is not a mapping: expected an object with “columns” (field -&gt; column header).</source>
        <extracomment>import.mapping_malformed</extracomment>
        <translation>対応付け {file} の形式が正しくありません。「columns」(項目 → 列見出し)を持つオブジェクトを指定してください。</translation>
    </message>
    <message>
        <source>The mapping {file}, “{key}”: {value} is not allowed; expected one of {expected}.</source>
        <extracomment>import.mapping_value</extracomment>
        <translation>対応付け {file} の「{key}」: {value} は使えません。次のいずれかを指定してください: {expected}</translation>
    </message>
    <message>
        <source>The mapping for {file} does not say which column gives {expected}: nothing was imported.</source>
        <extracomment>import.mapping_incomplete</extracomment>
        <translation>{file} の対応付けに、{expected} をどの列から読むかが指定されていません。何も取り込まれていません。</translation>
    </message>
    <message>
        <source>{file} has no column “{column}” (mapped to {what}); its columns: {expected}.</source>
        <extracomment>import.mapping_column_missing</extracomment>
        <translation>{file} に列「{column}」({what} に対応付け)はありません。列: {expected}</translation>
    </message>
    <message>
        <source>{file} is not a {value} export: its columns ({expected}) are not the ones that tool writes.</source>
        <extracomment>import.preset_mismatch</extracomment>
        <translation>{file} は {value} のエクスポートではありません。列({expected})がそのツールの出力と一致しません。</translation>
    </message>
    <message>
        <source>Baton does not recognise the columns of {file} ({expected}): map them (in the app, or with --mapping FILE).</source>
        <extracomment>import.no_mapping</extracomment>
        <translation>{file} の列({expected})を認識できません。列を対応付けてください(アプリで、または --mapping FILE で)。</translation>
    </message>
    <message>
        <source>{what} is empty; this row needs it.</source>
        <extracomment>import.row.required</extracomment>
        <translation>{what} が空です。この行には必要です。</translation>
    </message>
    <message>
        <source>no email, phone number or id: Baton could not tell who this is, nor find them again.</source>
        <extracomment>import.row.no_identity</extracomment>
        <translation>メールアドレス・電話番号・ID のいずれもありません。誰の行か判別できず、後で照合もできません。</translation>
    </message>
    <message>
        <source>{what} holds the control character {character}.</source>
        <extracomment>import.row.bad_character</extracomment>
        <translation>{what} に制御文字 {character} が含まれています。</translation>
    </message>
    <message>
        <source>{what} is {length} characters long; at most {max} fit.</source>
        <extracomment>import.row.too_long</extracomment>
        <translation>{what} が {length} 文字あります。{max} 文字までです。</translation>
    </message>
    <message>
        <source>{what} “{value}” is no kind of engagement Baton knows.</source>
        <extracomment>import.row.touch_kind</extracomment>
        <translation>{what}「{value}」は Baton が知っている接点の種類ではありません。</translation>
    </message>
    <message>
        <source>no lead in Baton has this {what}: import the lead before its engagements.</source>
        <extracomment>import.row.lead_unknown</extracomment>
        <translation>この{what}のリードは Baton にありません。接点より先にリードを取り込んでください。</translation>
    </message>
    <message>
        <source>{count} fields, but the header has {expected}.</source>
        <extracomment>import.row.too_many_fields</extracomment>
        <translation>項目が {count} 個ありますが、見出し行は {expected} 個です。</translation>
    </message>
    <message>
        <source>only {count} fields, but the header has {expected}: the row is cut short.</source>
        <extracomment>import.row.too_few_fields</extracomment>
        <translation>項目が {count} 個しかありません(見出し行は {expected} 個)。行が途中で切れています。</translation>
    </message>
    <message>
        <source>{what} “{value}” is not an email address.</source>
        <extracomment>import.value.email</extracomment>
        <translation>{what}「{value}」はメールアドレスではありません。</translation>
    </message>
    <message>
        <source>{what} “{value}” is not a whole number.</source>
        <extracomment>import.value.integer</extracomment>
        <translation>{what}「{value}」は整数ではありません。</translation>
    </message>
    <message>
        <source>{what} “{value}” is not a number of employees.</source>
        <extracomment>import.value.employees</extracomment>
        <translation>{what}「{value}」は従業員数ではありません。</translation>
    </message>
    <message>
        <source>{what} “{value}” is not a date (expected e.g. 2026-04-01 10:30).</source>
        <extracomment>import.value.date</extracomment>
        <translation>{what}「{value}」は日付ではありません(例: 2026-04-01 10:30)。</translation>
    </message>
    <message>
        <source>{what} “{value}” is a day that does not exist.</source>
        <extracomment>import.value.date_impossible</extracomment>
        <translation>{what}「{value}」は存在しない日付です。</translation>
    </message>
    <message>
        <source>{what} “{value}” is not a date Baton keeps (expected a year from {first} to {last}).</source>
        <extracomment>import.value.date_range</extracomment>
        <translation>{what}「{value}」は Baton で扱える日付ではありません({first}年から{last}年までの日付を指定してください)。</translation>
    </message>
    <message>
        <source>Row {row}</source>
        <extracomment>import.where.row</extracomment>
        <translation>{row} 行目</translation>
    </message>
    <message>
        <source>Row {row} (line {line})</source>
        <extracomment>import.where.row_line</extracomment>
        <translation>{row} 行目({line} 行目の物理行)</translation>
    </message>
    <message>
        <source>The period ends ({last}) before it starts ({first}).</source>
        <extracomment>kpi.period_order</extracomment>
        <translation>期間の終わり（{last}）が始まり（{first}）より前です。</translation>
    </message>
    <message>
        <source>The period is {days} days long; a report covers at most {limit} days.</source>
        <extracomment>kpi.period_too_long</extracomment>
        <translation>期間が{days}日あります。レポートの期間は{limit}日までです。</translation>
    </message>
    <message>
        <source>Unknown period “{value}”; expected one of {expected}.</source>
        <extracomment>kpi.period_unknown</extracomment>
        <translation>「{value}」という期間はありません。次のいずれかを指定してください：{expected}</translation>
    </message>
    <message>
        <source>Unknown funnel stage “{value}”; expected one of {expected}.</source>
        <extracomment>kpi.stage_unknown</extracomment>
        <translation>ファネルに「{value}」という段階はありません。次のいずれかを指定してください：{expected}</translation>
    </message>
    <message>
        <source>No engagement belongs to the campaign “{campaign}”.</source>
        <extracomment>kpi.campaign_unknown</extracomment>
        <translation>キャンペーン「{campaign}」の接点はありません。</translation>
    </message>
    <message>
        <source>{user} belongs to no team; a team lead&apos;s reports cover their own team.</source>
        <extracomment>kpi.no_team</extracomment>
        <translation>{user}はどのチームにも所属していません。チームリーダーのレポートは自分のチームが対象です。</translation>
    </message>
    <message>
        <source>Row {row} ({record}), {column}: the character “{character}” ({code_point}) cannot be written in {encoding}. Nothing was written: export in UTF-8 (the default), or change that text.</source>
        <extracomment>report.unencodable</extracomment>
        <translation>{row}行目（{record}）、{column}：文字「{character}」（{code_point}）は{encoding}では書き出せません。何も書き出していません。UTF-8（既定）で書き出すか、その文字を変更してください。</translation>
    </message>
    <message>
        <source>Unknown report language “{value}”; expected one of {expected}.</source>
        <extracomment>report.language_unknown</extracomment>
        <translation>レポートの言語「{value}」はありません。次のいずれかを指定してください：{expected}</translation>
    </message>
    <message>
        <source>Give either --period or --since (and --until), not both.</source>
        <extracomment>cli.kpi.period_twice</extracomment>
        <translation>--period と --since（と --until）はどちらか一方だけを指定してください。</translation>
    </message>
    <message>
        <source>--until needs --since (or choose a --period).</source>
        <extracomment>cli.kpi.until_alone</extracomment>
        <translation>--until には --since が必要です（または --period を指定してください）。</translation>
    </message>
    <message>
        <source>Whole days on the team&apos;s calendar (its time zone), the first and last day included.</source>
        <extracomment>kpi.def.period</extracomment>
        <translation>チームのカレンダー（タイムゾーン）での日単位。初日と最終日を含みます。</translation>
    </message>
    <message>
        <source>Team: its leads, and the calls and promotions of its members. Rep: the rep&apos;s leads, and the calls and promotions they made. Campaign: leads with an engagement in that campaign. Industry: leads whose company is in it. Definition version: promotions made under that version, and field sales&apos; answers to them.</source>
        <extracomment>kpi.def.filters</extracomment>
        <translation>チーム：そのチームのリードと、メンバーの架電・引き渡し。担当者：その担当者のリードと、本人の架電・引き渡し。キャンペーン：そのキャンペーンの接点があるリード。業種：企業がその業種のリード。定義のバージョン：そのバージョンで行った引き渡しと、それへのフィールドセールスの回答。</translation>
    </message>
    <message>
        <source>Leads whose MQL date (when marketing sent them, or sent them again) falls in the period. The funnel follows these leads up to now.</source>
        <extracomment>kpi.def.mql</extracomment>
        <translation>MQL日（マーケティングから渡された日、または再度渡された日）が期間内のリード。ファネルはこのリードの現在までの推移を示します。</translation>
    </message>
    <message>
        <source>Of the MQLs, the leads called at least once since their MQL date.</source>
        <extracomment>kpi.def.working</extracomment>
        <translation>MQLのうち、MQL日以降に1回以上架電したリード。</translation>
    </message>
    <message>
        <source>Of the leads called, those a call reached (connected, callback requested, meeting booked or not interested), counting the calls that stand after corrections.</source>
        <extracomment>kpi.def.reached</extracomment>
        <translation>架電したリードのうち、架電で本人と話せた（接続、折り返し依頼、アポ獲得、興味なし）リード。訂正後の架電で数えます。</translation>
    </message>
    <message>
        <source>Opportunity rate after first contact: of the MQLs reached, the share handed off to field sales.</source>
        <extracomment>kpi.def.conversion_rate</extracomment>
        <translation>初回接点後の商談化率：リーチしたMQLのうち、フィールドセールスへ引き渡した割合。</translation>
    </message>
    <message>
        <source>Reach rate: reaches ÷ calls.</source>
        <extracomment>kpi.def.reach_rate</extracomment>
        <translation>リーチ率：リーチ数 ÷ 架電数。</translation>
    </message>
    <message>
        <source>Opportunity rate per reach: handoffs ÷ reaches.</source>
        <extracomment>kpi.def.promotions_per_reach</extracomment>
        <translation>リーチあたりの商談化率：引き渡し数 ÷ リーチ数。</translation>
    </message>
    <message>
        <source>Opportunity rate per call: handoffs ÷ calls.</source>
        <extracomment>kpi.def.promotions_per_call</extracomment>
        <translation>架電あたりの商談化率：引き渡し数 ÷ 架電数。</translation>
    </message>
    <message>
        <source>Of the leads reached, those handed off to field sales (SQL) since their MQL date.</source>
        <extracomment>kpi.def.promoted</extracomment>
        <translation>リーチしたリードのうち、MQL日以降にフィールドセールスへ引き渡したリード（商談化）。</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}”</source>
        <extracomment>import.where.row_column</extracomment>
        <translation>{row} 行目、列「{column}」</translation>
    </message>
    <message>
        <source>Row {row} (line {line}), column “{column}”</source>
        <extracomment>import.where.row_line_column</extracomment>
        <translation>{row} 行目({line} 行目の物理行)、列「{column}」</translation>
    </message>
    <message>
        <source>Unknown industry “{industry}”; the codes are {expected}.</source>
        <extracomment>kpi.industry_unknown</extracomment>
        <translation>業種「{industry}」はありません。業種コードは {expected} です。</translation>
    </message>
    <message>
        <source>Of the leads promoted, those field sales accepted (SAL).</source>
        <extracomment>kpi.def.accepted</extracomment>
        <translation>引き渡したリードのうち、フィールドセールスが受け入れたリード。</translation>
    </message>
    <message>
        <source>The share of a stage&apos;s leads that did not get to the next stage.</source>
        <extracomment>kpi.def.drop_off</extracomment>
        <translation>ある段階のリードのうち、次の段階に進まなかった割合。</translation>
    </message>
    <message>
        <source>Days from a lead&apos;s MQL date to its first handoff, for the MQLs of the period that were handed off: the median (half took less, half more) and how many took 0-1, 1-3, 3-7, 7-14, 14-30 and 30 days or more.</source>
        <extracomment>kpi.def.time_to_promotion</extracomment>
        <translation>案件化までの期間：期間内のMQLのうち引き渡したリードについて、MQL日から最初の引き渡しまでの日数。中央値（半数はそれより短く、半数は長い）と、0〜1日、1〜3日、3〜7日、7〜14日、14〜30日、30日以上の件数。</translation>
    </message>
    <message>
        <source>Calls made in the period, on the day they were made; a corrected call counts once.</source>
        <extracomment>kpi.def.calls</extracomment>
        <translation>期間内の架電数（架電した日に計上）。訂正した架電は1件と数えます。</translation>
    </message>
    <message>
        <source>Calls that reached the person: connected, callback requested, meeting booked or not interested.</source>
        <extracomment>kpi.def.reaches</extracomment>
        <translation>本人と話せた架電：接続、折り返し依頼、アポ獲得、興味なし。</translation>
    </message>
    <message>
        <source>Handoffs to field sales made in the period, counted for the rep who made them, on the day they made them.</source>
        <extracomment>kpi.def.promotions</extracomment>
        <translation>期間内のフィールドセールスへの引き渡し。引き渡した担当者に、引き渡した日で計上します。</translation>
    </message>
    <message>
        <source>A rep&apos;s calls of a day ÷ the hours from their first to their last call that day, counting at least one hour; over several days or reps, all the calls ÷ all those hours.</source>
        <extracomment>kpi.def.calls_per_hour</extracomment>
        <translation>担当者のその日の架電数 ÷ その日の最初の架電から最後の架電までの時間（最低1時間）。複数の日や担当者では、架電数の合計 ÷ 時間の合計。</translation>
    </message>
    <message>
        <source>Talk time per reach: the recorded duration of the calls that reached the person ÷ the reaches.</source>
        <extracomment>kpi.def.talk_per_reach</extracomment>
        <translation>リーチあたりの通話時間：本人と話せた架電の記録された通話時間 ÷ リーチ数。</translation>
    </message>
    <message>
        <source>Time from the MQL date to the first call, for the MQLs of the period: within 5 minutes, 1 hour, 4 hours, 24 hours, later, or not called yet.</source>
        <extracomment>kpi.def.speed_to_lead</extracomment>
        <translation>期間内のMQLの、MQL日から初回架電までの時間：5分以内、1時間以内、4時間以内、24時間以内、それ以降、未架電。</translation>
    </message>
    <message>
        <source>Of the MQLs whose target is decided (called, or the deadline passed), the share first called within the team&apos;s speed-to-lead target, counted in business hours.</source>
        <extracomment>kpi.def.sla_share</extracomment>
        <translation>目標の判定が済んだ（架電した、または期限が過ぎた）MQLのうち、チームの初回架電の目標時間内（営業時間で計算）に初回架電した割合。</translation>
    </message>
    <message>
        <source>Leads returned to nurture in each month (each week for periods of 8 weeks or less), by the reason given; a lead field sales sent back to nurture counts as rejected by field sales.</source>
        <extracomment>kpi.def.returns</extracomment>
        <translation>月ごと（8週間以下の期間では週ごと）にナーチャリングに戻したリードを理由別に数えます。フィールドセールスがナーチャリングに差し戻したリードは「フィールドセールスが差し戻し」と数えます。</translation>
    </message>
    <message>
        <source>Handoffs field sales rejected in each month (or week), by their reason, on the day they answered.</source>
        <extracomment>kpi.def.rejections</extracomment>
        <translation>月ごと（または週ごと）にフィールドセールスが差し戻した引き渡しを、理由別に回答した日で数えます。</translation>
    </message>
    <message>
        <source>Handoffs a team lead made although the lead did not meet every criterion of the definition (with a reason), on the day of the handoff.</source>
        <extracomment>kpi.def.overrides</extracomment>
        <translation>リードが定義の条件をすべて満たしていないのに、チームリーダーが理由を付けて行った引き渡し。引き渡した日で数えます。</translation>
    </message>
    <message>
        <source>Per industry of the company and per month (or week): of the leads called in that month, the share reached in that month. A lead counts once a month, however often it was called.</source>
        <extracomment>kpi.def.industry_response</extracomment>
        <translation>企業の業種別・月別（または週別）に、その月に架電したリードのうち、その月にリーチできた割合。何度架電しても、1か月に1件と数えます。</translation>
    </message>
    <message>
        <source>Leads with at least one engagement of the campaign (or content) in the period. A lead counts for every campaign and content it engaged with, not only the first or the last.</source>
        <extracomment>kpi.def.campaign_sent</extracomment>
        <translation>期間内にそのキャンペーン（コンテンツ）の接点が1件以上あったリード。リードは接点のあったすべてのキャンペーン・コンテンツに数えます（最初や最後の接点だけではありません）。</translation>
    </message>
    <message>
        <source>What happened to those leads after their first engagement of the campaign (or content) in the period, up to now: reached by a call, handed off to field sales, accepted by field sales, returned to nurture (with the reason of the latest return).</source>
        <extracomment>kpi.def.campaign_outcomes</extracomment>
        <translation>期間内で最初の接点以降、現在までにそのリードに起きたこと：架電でリーチ、フィールドセールスへ引き渡し、フィールドセールスが受け入れ、ナーチャリングに戻した（最後に戻したときの理由）。</translation>
    </message>
    <message>
        <source>The median days from the MQL date to the handoff, for the leads handed off after the engagement.</source>
        <extracomment>kpi.def.campaign_days</extracomment>
        <translation>接点以降に引き渡したリードの、MQL日から引き渡しまでの日数の中央値。</translation>
    </message>
    <message>
        <source>{what}: {length} characters; at most {max} are allowed.</source>
        <extracomment>text.too_long</extracomment>
        <translation>{what}は{max}文字以内で入力してください（現在{length}文字）。</translation>
    </message>
    <message>
        <source>This database has an administrator: only an administrator adds users. Say who is acting with --user EMAIL (or set BATON_USER).</source>
        <extracomment>user.admin_needed</extracomment>
        <translation>このデータベースには管理者がいます。ユーザーを追加できるのは管理者だけです。--user EMAIL（または BATON_USER）で操作する人を指定してください。</translation>
    </message>
    <message>
        <source>{user} is the last active administrator: make someone else an administrator first.</source>
        <extracomment>user.last_admin</extracomment>
        <translation>{user} は有効な最後の管理者です。先に別の人を管理者にしてください。</translation>
    </message>
    <message>
        <source>{user} cannot deactivate themselves: another administrator does that.</source>
        <extracomment>user.deactivate_self</extracomment>
        <translation>{user} は自分自身を無効化できません。別の管理者が行います。</translation>
    </message>
    <message>
        <source>{what}: the character {character} at position {position} is not allowed; remove it.</source>
        <extracomment>text.bad_character</extracomment>
        <translation>{what}の{position}文字目に使用できない文字（{character}）が含まれています。削除してください。</translation>
    </message>
    <message>
        <source>Row {row}, {what}: {length} characters; at most {max} are allowed.</source>
        <extracomment>text.row.too_long</extracomment>
        <translation>{row}件目の{what}は{max}文字以内にしてください（現在{length}文字）。</translation>
    </message>
    <message>
        <source>Row {row}, {what}: the character {character} at position {position} is not allowed; remove it.</source>
        <extracomment>text.row.bad_character</extracomment>
        <translation>{row}件目の{what}の{position}文字目に使用できない文字（{character}）が含まれています。削除してください。</translation>
    </message>
    <message>
        <source>Touch {row}: unknown kind “{value}”; expected one of {expected}.</source>
        <extracomment>touch.kind_unknown</extracomment>
        <translation>{row} 件目の接点: 種類「{value}」は指定できません。次のいずれかを指定してください: {expected}</translation>
    </message>
    <message>
        <source>Touch {row}: occurred_at has no time zone.</source>
        <extracomment>touch.time_naive</extracomment>
        <translation>{row} 件目の接点: 発生日時にタイムゾーンが指定されていません。</translation>
    </message>
    <message>
        <source>The number of demo leads must be at least 1.</source>
        <extracomment>demo.too_few_leads</extracomment>
        <translation>デモのリード数は 1 以上にしてください。</translation>
    </message>
    <message>
        <source>The database already holds {count} leads; demo data goes into an empty database only.</source>
        <extracomment>demo.not_empty</extracomment>
        <translation>このデータベースには、すでに {count} 件のリードがあります。デモデータは空のデータベースにだけ作成できます。</translation>
    </message>
    <message>
        <source>{option}: “{value}” is not an ISO date-time (for example {example}).</source>
        <extracomment>input.not_a_datetime</extracomment>
        <translation>{option}: 「{value}」は日時として読み取れません（例: {example}）。</translation>
    </message>
    <message>
        <source>{option}: “{value}” is not a date (for example {example}).</source>
        <extracomment>input.not_a_date</extracomment>
        <translation>{option}: 「{value}」は日付ではありません（例: {example}）。</translation>
    </message>
    <message>
        <source>Unknown encoding “{value}”; expected one of {expected}.</source>
        <extracomment>export.encoding_unknown</extracomment>
        <translation>文字コード「{value}」は使えません。{expected} のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>Row {row} (handoff {record}), {column}: the character “{character}” ({code_point}) cannot be written in {encoding}. Nothing was written: export in UTF-8 (the default), or change that text.</source>
        <extracomment>export.unencodable</extracomment>
        <translation>{row} 行目（引き渡し {record}）の「{column}」: 文字「{character}」（{code_point}）は {encoding} で書けません。何も書き出していません。UTF-8（既定）で書き出すか、その文字を変えてください。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder {folder} does not exist.</source>
        <extracomment>export.folder_missing</extracomment>
        <translation>{path} に書き込めません。フォルダ {folder} がありません。</translation>
    </message>
    <message>
        <source>Cannot write {path}: nothing was written.</source>
        <extracomment>export.cannot_write</extracomment>
        <translation>{path} に書き込めません。何も書き出していません。</translation>
    </message>
    <message>
        <source>--until {last} is before --since {first}: no day to export.</source>
        <extracomment>cli.handoffs.period</extracomment>
        <translation>--until {last} が --since {first} より前です。書き出す期間がありません。</translation>
    </message>
    <message>
        <source>--bant “{value}”: expected FIELD=VALUE or FIELD=VALUE:EVIDENCE (for example budget=planned or need=explicit:&apos;manual work&apos;).</source>
        <extracomment>cli.bant_format</extracomment>
        <translation>--bant 「{value}」: 項目=値 または 項目=値:根拠 の形で指定してください（例: budget=planned、need=explicit:&apos;手作業が多い&apos;）。</translation>
    </message>
    <message>
        <source>--hours “{value}”: expected START-END, for example 09:00-18:00.</source>
        <extracomment>cli.team.hours_format</extracomment>
        <translation>--hours 「{value}」: 開始-終了 の形で指定してください（例: 09:00-18:00）。</translation>
    </message>
    <message>
        <source>--weekdays “{value}”: expected numbers 0-6 (Monday = 0), for example 0,1,2,3,4.</source>
        <extracomment>cli.team.weekdays_format</extracomment>
        <translation>--weekdays 「{value}」: 0〜6 の数字で指定してください（月曜 = 0、例: 0,1,2,3,4）。</translation>
    </message>
    <message>
        <source>Nothing to change: give at least one option.</source>
        <extracomment>cli.team.nothing_to_change</extracomment>
        <translation>変更する項目がありません。オプションを1つ以上指定してください。</translation>
    </message>
    <message>
        <source>There is no routing rule {value}: the team has {count} (baton team routing list).</source>
        <extracomment>cli.team.routing_no_rule</extracomment>
        <translation>振り分けルール {value} はありません。チームのルールは {count} 件です（baton team routing list）。</translation>
    </message>
    <message>
        <source>Routing rules: expected a list of rules, got {value}.</source>
        <extracomment>team.routing_malformed</extracomment>
        <translation>振り分けルール：ルールの一覧が必要です（受け取った値：{value}）。</translation>
    </message>
    <message>
        <source>Routing rule {rule}: unknown field “{value}”; expected one of {expected}.</source>
        <extracomment>team.routing_key_unknown</extracomment>
        <translation>振り分けルール{rule}：不明な項目「{value}」です。次のいずれかを指定してください：{expected}</translation>
    </message>
    <message>
        <source>Routing rule {rule}, {key}: {value} is not allowed; expected some of {expected}.</source>
        <extracomment>team.routing_value_unknown</extracomment>
        <translation>振り分けルール{rule}の{key}：{value} は指定できません。次の中から選んでください：{expected}</translation>
    </message>
    <message>
        <source>Routing rule {rule} names no field rep.</source>
        <extracomment>team.routing_no_field_reps</extracomment>
        <translation>振り分けルール{rule}にフィールドセールス担当者が指定されていません。</translation>
    </message>
    <message>
        <source>Routing rule {rule}: {user} is not a field sales rep ({role}).</source>
        <extracomment>team.routing_not_field_rep</extracomment>
        <translation>振り分けルール{rule}：{user}さんはフィールドセールス担当者ではありません（{role}）。</translation>
    </message>
    <message>
        <source>The days field sales have to answer a handoff must be from 1 to 30 (got {value}).</source>
        <extracomment>team.response_days_range</extracomment>
        <translation>引き渡しへの回答期限（営業日）は1〜30で指定してください（指定値：{value}）。</translation>
    </message>
    <message>
        <source>{lead} does not meet the handoff definition (version {version}) any more: {criterion}. Nothing was handed off.</source>
        <extracomment>handoff.not_qualified</extracomment>
        <translation>{lead}は引き渡し基準（バージョン{version}）を満たさなくなりました：{criterion}。引き渡しは行っていません。</translation>
    </message>
    <message>
        <source>{lead} does not meet every criterion: an override needs a reason.</source>
        <extracomment>handoff.override_reason_needed</extracomment>
        <translation>{lead}はすべての基準を満たしていません。例外として引き渡すには理由が必要です。</translation>
    </message>
    <message>
        <source>{lead} does not meet every criterion ({criterion}); only a team lead may hand it off anyway.</source>
        <extracomment>handoff.override_supervisors_only</extracomment>
        <translation>{lead}はすべての基準を満たしていません（{criterion}）。例外として引き渡せるのはチームリーダーだけです。</translation>
    </message>
    <message>
        <source>Choose the field sales rep who takes {lead}.</source>
        <extracomment>handoff.field_rep_needed</extracomment>
        <translation>{lead}を担当するフィールドセールスを選んでください。</translation>
    </message>
    <message>
        <source>{user} is not a field sales rep ({role}): choose a field rep.</source>
        <extracomment>handoff.not_field_rep</extracomment>
        <translation>{user}さんはフィールドセールス担当者ではありません（{role}）。フィールドセールスを選んでください。</translation>
    </message>
    <message>
        <source>{user} is no longer active: choose another field rep.</source>
        <extracomment>handoff.field_rep_inactive</extracomment>
        <translation>{user}さんは現在無効なユーザーです。別のフィールドセールスを選んでください。</translation>
    </message>
    <message>
        <source>The meeting time {at} has passed: give a time ahead.</source>
        <extracomment>handoff.meeting_past</extracomment>
        <translation>商談日時 {at} は過ぎています。これから先の日時を指定してください。</translation>
    </message>
    <message>
        <source>{lead} is {stage}: only a lead being worked can be handed off.</source>
        <extracomment>handoff.promote_stage</extracomment>
        <translation>{lead}は「{stage}」です。引き渡せるのは対応中のリードだけです。</translation>
    </message>
    <message>
        <source>Handoff {handoff_id} does not exist.</source>
        <extracomment>handoff.not_found</extracomment>
        <translation>引き渡し {handoff_id} は存在しません。</translation>
    </message>
    <message>
        <source>The handoff of {lead} went to {owner}, not to you: only they can answer it.</source>
        <extracomment>handoff.not_yours</extracomment>
        <translation>{lead}の引き渡し先は{owner}さんです。回答できるのは担当者だけです。</translation>
    </message>
    <message>
        <source>The handoff of {lead} was already {status} on {at}.</source>
        <extracomment>handoff.answered</extracomment>
        <translation>{lead}の引き渡しは{at}にすでに「{status}」となっています。</translation>
    </message>
    <message>
        <source>Say why the handoff is rejected: choose a reason.</source>
        <extracomment>handoff.reason_needed</extracomment>
        <translation>引き渡しを差し戻す理由を選んでください。</translation>
    </message>
    <message>
        <source>Unknown rejection reason “{value}”; expected one of {expected}.</source>
        <extracomment>handoff.reason_unknown</extracomment>
        <translation>不明な差し戻し理由「{value}」です。次のいずれかを指定してください：{expected}</translation>
    </message>
    <message>
        <source>Give the handoff number, or --csv FILE with the answers.</source>
        <extracomment>cli.respond_what</extracomment>
        <translation>引き渡し番号、または回答をまとめた --csv FILE を指定してください。</translation>
    </message>
    <message>
        <source>Cannot read {file}; nothing was answered.</source>
        <extracomment>responses.unreadable</extracomment>
        <translation>{file} を読み込めません。回答は登録していません。</translation>
    </message>
    <message>
        <source>{file} is neither UTF-8 nor Shift_JIS (cp932) text; nothing was answered.</source>
        <extracomment>responses.encoding</extracomment>
        <translation>{file} は UTF-8 でも Shift_JIS（cp932）でもありません。回答は登録していません。</translation>
    </message>
    <message>
        <source>{file} lacks the column(s) {missing}; expected handoff, answer, reason, text, return_to. Nothing was answered.</source>
        <extracomment>responses.header</extracomment>
        <translation>{file} に列 {missing} がありません。必要な列：handoff, answer, reason, text, return_to。回答は登録していません。</translation>
    </message>
    <message>
        <source>Line {line}, handoff: “{value}” is not a handoff number.</source>
        <extracomment>responses.row_handoff</extracomment>
        <translation>{line}行目 handoff：「{value}」は引き渡し番号ではありません。</translation>
    </message>
    <message>
        <source>Line {line}, answer: “{value}” is neither accept nor reject.</source>
        <extracomment>responses.row_answer</extracomment>
        <translation>{line}行目 answer：「{value}」は accept でも reject でもありません。</translation>
    </message>
    <message>
        <source>Unknown place to send the lead back “{value}”; expected one of {expected}.</source>
        <extracomment>handoff.return_unknown</extracomment>
        <translation>不明な戻し先「{value}」です。次のいずれかを指定してください：{expected}</translation>
    </message>
    <message>
        <source>“Other” needs a few words on why the handoff is rejected.</source>
        <extracomment>handoff.other_needs_text</extracomment>
        <translation>「その他」を選んだ場合は、差し戻す理由を入力してください。</translation>
    </message>
    <message>
        <source>The handoff of {lead} changed since it was opened ({status}); it was reloaded. Nothing was saved.</source>
        <extracomment>handoff.changed_meanwhile</extracomment>
        <translation>{lead}の引き渡しは開いた後に変更されました（{status}）。再読み込みしました。保存はしていません。</translation>
    </message>
    <message>
        <source>Reason “other” needs a note saying what it was.</source>
        <extracomment>lead.reason_other_needs_note</extracomment>
        <translation>理由が「その他」の場合は、内容をメモに記入してください。</translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <extracomment>What a user reads for a failure Baton did not foresee: never the exception&apos;s text or repr (the failure policy logs those and shows where the log is).</extracomment>
        <translation>予期しないエラーが発生しました。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export handoffs</source>
        <translation>引き渡しのエクスポート</translation>
    </message>
    <message>
        <source>Every field rep</source>
        <extracomment>The running export (None when idle).</extracomment>
        <translation>すべてのフィールドセールス</translation>
    </message>
    <message>
        <source>A CSV of the handoffs, for Excel</source>
        <translation>引き渡しの一覧を CSV で（Excel 用）</translation>
    </message>
    <message>
        <source>Each handoff&apos;s summary, into a folder</source>
        <translation>引き渡しごとの商談化シートをフォルダーへ</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (Excel)</source>
        <translation>UTF-8 BOM 付き（Excel）</translation>
    </message>
    <message>
        <source>Shift_JIS (cp932, older tools)</source>
        <translation>Shift_JIS（cp932、旧来のツール向け）</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Handed off from</source>
        <translation>引き渡した期間</translation>
    </message>
    <message>
        <source>To</source>
        <translation>引き渡し先</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>エクスポートを中止</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1（無効）</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>期間の終わりが始まりより前です。</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the summaries into</source>
        <translation>商談化シートの保存先フォルダー</translation>
    </message>
    <message>
        <source>Wrote %1 handoffs to %2.</source>
        <translation>%1 件の引き渡しを %2 に書き出しました。</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 handoffs exported (%3 whole files).</source>
        <translation>中止しました：%2 件中 %1 件を書き出し済み（完全なファイル %3 個）。</translation>
    </message>
    <message>
        <source>Wrote %1 summaries (%2 handoffs) to %3.</source>
        <translation>商談化シート %1 ファイル（引き渡し %2 件）を %3 に書き出しました。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>中止しました：何も書き出していません。</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>CSV for Excel, UTF-8 (*.csv)</source>
        <extracomment>Shift_JIS as Windows writes it (what older Excel and many Japanese tools read). A figure with nothing to divide, as the views show it. Signs of the dashboard&apos;s English words that Shift_JIS lacks, as it writes them.</extracomment>
        <translation>Excel用CSV、UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>CSV, Shift_JIS (*.csv)</source>
        <translation>CSV、Shift_JIS (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSVを書き出す</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webページ (*.html)</translation>
    </message>
    <message>
        <source>Export web page</source>
        <translation>Webページを書き出す</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG画像 (*.png)</translation>
    </message>
    <message>
        <source>Export picture</source>
        <translation>画像を書き出す</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1に書き出せませんでした：%2</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1に書き出しました。</translation>
    </message>
</context>
<context>
    <name>FailurePolicy</name>
    <message>
        <source>Someone else changed this lead a moment ago, so nothing was saved. The current values are shown; what you typed is kept.</source>
        <extracomment>An uncaught exception from any thread, delivered on the GUI thread. Every sentence shown to the user, in order (what a test or a support call reads).</extracomment>
        <translation>直前に他の人がこのリードを変更したため、保存しませんでした。最新の内容を表示しています。入力した内容はそのまま残っています。</translation>
    </message>
    <message>
        <source>The database is busy. Your work is kept and will be saved shortly…</source>
        <translation>データベースが混み合っています。作業内容は保持しており、まもなく保存します…</translation>
    </message>
    <message>
        <source>Another change got in the way. Retrying…</source>
        <translation>別の変更と重なりました。再試行しています…</translation>
    </message>
    <message>
        <source>The database cannot be reached. Your work is kept; Baton keeps trying…</source>
        <translation>データベースに接続できません。作業内容は保持しています。接続を再試行しています…</translation>
    </message>
    <message>
        <source>Details are in %1.</source>
        <translation>詳細は %1 に記録しました。</translation>
    </message>
    <message>
        <source>Something went wrong. The details were written to %1.</source>
        <translation>問題が発生しました。詳細は %1 に記録しました。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Active (new + working)</source>
        <extracomment>Active leads judged by the handoff definition in effect (as of when the filter applies).</extracomment>
        <translation>対応中（新規＋架電中）</translation>
    </message>
    <message>
        <source>Ready to hand off (meeting booked)</source>
        <translation>引き渡し待ち（商談設定済み）</translation>
    </message>
    <message>
        <source>Meets the handoff definition</source>
        <translation>引き渡し基準を満たす</translation>
    </message>
    <message>
        <source>One criterion away</source>
        <translation>あと1項目で基準達成</translation>
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
        <source>Callbacks due</source>
        <translation>折り返し期限</translation>
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
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the first administrator</source>
        <translation>最初の管理者を作成</translation>
    </message>
    <message>
        <source>This database has no users yet. Create its first user: you, as its administrator (you can then set the team&apos;s rules and add the others with “baton user add”).
To try Baton with sample data instead, open the demo: “baton --demo”.</source>
        <translation>このデータベースにはまだユーザーがいません。最初のユーザーとして、あなたを管理者として作成します（作成後にチームのルールを設定でき、ほかのメンバーは「baton user add」で追加できます）。
サンプルデータで試す場合は、デモを開いてください:「baton --demo」</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>作成してサインイン</translation>
    </message>
    <message>
        <source>Inside sales</source>
        <translation>インサイドセールス</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>%1d %2h</source>
        <extracomment>Qt&apos;s display formats for the same style (weekday and month names from the widget&apos;s locale, which :func:`desktop.i18n.languages.install` sets to the UI language). A duration of a day or more (&quot;10d 5h&quot;; Japanese 「10日5時間」).</extracomment>
        <translation>%1日%2時間</translation>
    </message>
</context>
<context>
    <name>FunnelSection</name>
    <message>
        <source>Funnel of the period&apos;s MQLs</source>
        <extracomment>Each stage&apos;s colour, darker as the funnel narrows.</extracomment>
        <translation>ファネル（期間内のMQL）</translation>
    </message>
    <message>
        <source>Click a bar to see the leads behind it.</source>
        <translation>棒をクリックすると、その段階のリードを一覧できます。</translation>
    </message>
    <message>
        <source>Leads…</source>
        <extracomment>The leads behind a stage, chosen without the mouse.</extracomment>
        <translation>リード一覧…</translation>
    </message>
    <message>
        <source>The leads behind a stage of the funnel</source>
        <translation>ファネルの段階ごとのリード一覧</translation>
    </message>
    <message>
        <source>Drop-off</source>
        <translation>離脱率</translation>
    </message>
    <message>
        <source>%1 (−%2)</source>
        <translation>%1（離脱 %2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 MQLs, %2 accepted by field sales (%3 of the MQLs)</source>
        <translation>MQL %1件、フィールドセールスの受け入れ %2件（MQLの%3）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>リード数</translation>
    </message>
    <message>
        <source>Of the MQLs</source>
        <translation>MQL比</translation>
    </message>
</context>
<context>
    <name>HandoffLabels</name>
    <message>
        <source>Waiting for field sales</source>
        <translation>フィールドセールスの回答待ち</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受け入れ</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>差し戻し</translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation>連絡がつかない</translation>
    </message>
    <message>
        <source>Not a fit</source>
        <translation>対象外</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>予算なし</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>時期尚早</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Back to the rep&apos;s queue</source>
        <translation>担当者のキューに戻す</translation>
    </message>
    <message>
        <source>Back to nurture</source>
        <translation>ナーチャリングに戻す</translation>
    </message>
</context>
<context>
    <name>HandoffModel</name>
    <message>
        <source>Overdue: no answer yet</source>
        <extracomment>The row&apos;s :class:`HandoffRow`. True for a pending handoff past its due time.</extracomment>
        <translation>回答期限切れ（未回答）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>リード</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企業</translation>
    </message>
    <message>
        <source>Promoted by</source>
        <translation>引き渡した人</translation>
    </message>
    <message>
        <source>Field rep</source>
        <translation>フィールドセールス</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>商談日時</translation>
    </message>
    <message>
        <source>Answer due by</source>
        <translation>回答期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
</context>
<context>
    <name>HandoffStrip</name>
    <message>
        <source>Promote to field sales…</source>
        <translation>フィールドセールスへ引き渡す…</translation>
    </message>
    <message>
        <source>Summary</source>
        <extracomment>Copy summary / Export summary… (its menu is set by desktop.lead.summary_menu).</extracomment>
        <translation>商談化シート</translation>
    </message>
    <message>
        <source>Meets the handoff definition (version %1).</source>
        <extracomment>Why promotion is refused to this user now (None: the button is enabled).</extracomment>
        <translation>引き渡し基準（バージョン%1）を満たしています。</translation>
    </message>
    <message numerus="yes">
        <source>%n criterion(s) missing (definition v%1) — %2</source>
        <translation>
            <numerusform>%n件の基準が未達（基準バージョン%1）— %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Hand this lead to field sales, with a summary</source>
        <translation>商談化シートを添えてフィールドセールスへ引き渡します</translation>
    </message>
    <message>
        <source>Not every criterion is met:
%1
As a team lead you may hand it off anyway, with a reason.</source>
        <translation>満たしていない基準があります：
%1
チームリーダーは理由を記入して例外として引き渡せます。</translation>
    </message>
    <message>
        <source>Not every criterion of the handoff definition is met:
%1</source>
        <translation>引き渡し基準をすべて満たしていません：
%1</translation>
    </message>
</context>
<context>
    <name>HandoffSummary</name>
    <message>
        <source>Handoff summary</source>
        <translation>商談化シート</translation>
    </message>
    <message>
        <source>Preview: not handed off yet (as of %1)</source>
        <translation>プレビュー：まだ引き渡していません（%1 時点）</translation>
    </message>
    <message>
        <source>Handoff %1</source>
        <translation>引き渡し %1</translation>
    </message>
    <message>
        <source>Handed off</source>
        <translation>引き渡し日時</translation>
    </message>
    <message>
        <source>Handed off by</source>
        <translation>引き渡した担当者</translation>
    </message>
    <message>
        <source>Field sales rep</source>
        <translation>担当フィールドセールス</translation>
    </message>
    <message>
        <source>Inside sales rep</source>
        <translation>担当インサイドセールス</translation>
    </message>
    <message>
        <source>Handoff definition</source>
        <translation>商談化の定義</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1（第%2版）</translation>
    </message>
    <message>
        <source>Handed off by a team lead without meeting every criterion</source>
        <translation>基準を満たさないまま、チームリーダーの判断で引き渡し</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企業</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>フリガナ</translation>
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
        <source>%1 employees</source>
        <translation>従業員 %1名</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Webサイト</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>What the prospect told us</source>
        <translation>ヒアリング内容</translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation>課題</translation>
    </message>
    <message>
        <source>Decision process</source>
        <translation>決裁フロー</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>導入時期</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度感</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 ― %2</translation>
    </message>
    <message>
        <source>Not captured yet</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Qualification (BANT)</source>
        <translation>ヒアリング項目（BANT）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>In the prospect&apos;s words</source>
        <translation>お客様の言葉</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>記録日</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>商談</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>出席者</translation>
    </message>
    <message>
        <source>No meeting booked yet</source>
        <translation>商談日時は未定</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>prospect</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>field sales</source>
        <translation>フィールドセールス</translation>
    </message>
    <message>
        <source>inside sales</source>
        <translation>インサイドセールス</translation>
    </message>
    <message>
        <source>Why it qualified</source>
        <translation>商談化の根拠</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>達成</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未達</translation>
    </message>
    <message>
        <source>Meets every criterion of %1.</source>
        <translation>%1のすべての基準を満たしています。</translation>
    </message>
    <message>
        <source>Does not meet every criterion of %1.</source>
        <translation>%1の基準を満たしていない項目があります。</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>%1 (grade %2)</source>
        <translation>%1（グレード%2）</translation>
    </message>
    <message>
        <source>fit %1 of %2, engagement %3 of %4</source>
        <translation>属性 %1/%2、行動 %3/%4</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>Content history</source>
        <translation>コンテンツ履歴</translation>
    </message>
    <message>
        <source>No engagement recorded.</source>
        <translation>接点の記録はありません。</translation>
    </message>
    <message>
        <source>Inquiries</source>
        <translation>問い合わせ</translation>
    </message>
    <message>
        <source>Demo requests</source>
        <translation>デモ依頼</translation>
    </message>
    <message>
        <source>Seminars</source>
        <translation>セミナー</translation>
    </message>
    <message>
        <source>Document requests and downloads</source>
        <translation>資料請求・ダウンロード</translation>
    </message>
    <message>
        <source>Other engagement</source>
        <translation>その他の接点</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>架電記録</translation>
    </message>
    <message>
        <source>No calls recorded.</source>
        <translation>架電の記録はありません。</translation>
    </message>
    <message>
        <source>Meeting booked for</source>
        <translation>商談予約</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>The rep&apos;s recommendation</source>
        <translation>インサイドセールスからの申し送り</translation>
    </message>
    <message>
        <source>No note from the rep.</source>
        <translation>申し送りはありません。</translation>
    </message>
    <message>
        <source>Made with Baton · %1</source>
        <translation>Baton で作成 · %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <extracomment>Japanese first (Noto Sans CJK JP ships with fonts-noto-cjk), then what Windows and macOS have; Qt falls back further for characters none of them has. A4 with margins a printer keeps clear of (top, right, bottom, left; millimetres); the footer sits in the bottom margin&apos;s upper part.</extracomment>
        <translation>%1 / %2 ページ</translation>
    </message>
</context>
<context>
    <name>HandoffTable</name>
    <message>
        <source>Handoff</source>
        <translation>引き渡しID</translation>
    </message>
    <message>
        <source>Handed off</source>
        <translation>引き渡し日時</translation>
    </message>
    <message>
        <source>Lead ID</source>
        <translation>リードID</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>役職</translation>
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
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Handed off by</source>
        <translation>引き渡した担当者</translation>
    </message>
    <message>
        <source>Field sales rep</source>
        <translation>担当フィールドセールス</translation>
    </message>
    <message>
        <source>Field sales rep&apos;s email</source>
        <translation>フィールドセールスのメール</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>商談日時</translation>
    </message>
    <message>
        <source>Definition version</source>
        <translation>定義の版</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>基準外で引き渡した理由</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>回答期限</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>回答日時</translation>
    </message>
    <message>
        <source>Rejection reason</source>
        <translation>差し戻し理由</translation>
    </message>
    <message>
        <source>Why rejected</source>
        <translation>差し戻しの説明</translation>
    </message>
    <message>
        <source>Returned to</source>
        <translation>戻し先</translation>
    </message>
    <message>
        <source>Rep&apos;s note</source>
        <translation>申し送り</translation>
    </message>
</context>
<context>
    <name>HandoffsView</name>
    <message>
        <source>Handoffs — Baton</source>
        <translation>引き渡し — Baton</translation>
    </message>
    <message>
        <source>Handoffs to you</source>
        <translation>あなたへの引き渡し</translation>
    </message>
    <message>
        <source>Every handoff to field sales</source>
        <translation>フィールドセールスへのすべての引き渡し</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>回答期限切れのみ</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受け入れる</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>差し戻す…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>商談化シート</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>The handoffs of a period as a CSV for Excel, or their summaries as files</source>
        <translation>期間内の引き渡しを Excel 用の CSV に、または商談化シートをファイルに書き出します</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <extracomment>The last reject dialog opened; the export dialog, once opened.</extracomment>
        <translation>
            <numerusform>回答期限切れ %n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a handoff.</source>
        <translation>引き渡しを選んでください。</translation>
    </message>
    <message>
        <source>This handoff was answered already.</source>
        <translation>この引き渡しには回答済みです。</translation>
    </message>
    <message>
        <source>Only the field rep it went to (or a team lead) answers a handoff.</source>
        <translation>引き渡しに回答できるのは、引き渡し先のフィールドセールス（またはチームリーダー）だけです。</translation>
    </message>
    <message>
        <source>%1 (%2) — promoted %3 by %4, definition version %5</source>
        <translation>%1（%2）— %3に%4が引き渡し、基準バージョン%5</translation>
    </message>
    <message>
        <source>Handed off by a team lead without meeting every criterion.</source>
        <translation>基準をすべて満たさないまま、チームリーダーが例外として引き渡しました。</translation>
    </message>
    <message>
        <source>Note from the rep: %1</source>
        <translation>インサイドセールスからの申し送り：%1</translation>
    </message>
    <message>
        <source>Rejected: %1 — %2</source>
        <translation>差し戻し：%1 — %2</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import leads — Baton</source>
        <extracomment>Rows per transaction (None: the import&apos;s own; tests make it small to cancel half-way).</extracomment>
        <translation>リードの取り込み — Baton</translation>
    </message>
    <message>
        <source>Import engagements — Baton</source>
        <translation>接点の取り込み — Baton</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 を取り込んでいます…</translation>
    </message>
    <message>
        <source>Reading the first rows…</source>
        <translation>最初の行を読んでいます…</translation>
    </message>
    <message>
        <source>%1 of about %2 rows</source>
        <translation>約 %2 行のうち %1 行</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>いま処理中のまとまりが終わったら止めます…</translation>
    </message>
    <message>
        <source>The import stopped before the end; the batches before it landed. Import the file again to finish.</source>
        <translation>取り込みが途中で止まりました。それまでのまとまりは取り込み済みです。続きはもう一度同じファイルを取り込んでください。</translation>
    </message>
    <message>
        <source>Export rejected rows</source>
        <translation>取り込めなかった行の書き出し</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Wrote %1 rejected rows to %2.</source>
        <translation>取り込めなかった %1 行を %2 に書き出しました。</translation>
    </message>
    <message>
        <source>Choose the export to import</source>
        <translation>取り込むファイルを選ぶ</translation>
    </message>
    <message>
        <source>Exports (*.csv *.xlsx *.txt)</source>
        <translation>エクスポートファイル (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>ImportResult</name>
    <message>
        <source>Row</source>
        <extracomment>The rejected rows&apos; columns: the result page&apos;s titles and the exported CSV&apos;s header.</extracomment>
        <translation>行</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>物理行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>リード</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>統合の根拠</translation>
    </message>
    <message>
        <source>Filled in</source>
        <translation>補った項目</translation>
    </message>
    <message>
        <source>Back from nurture</source>
        <translation>ナーチャリングから復帰</translation>
    </message>
    <message>
        <source>Same id in the marketing tool</source>
        <translation>MAツールのIDが同じ</translation>
    </message>
    <message>
        <source>Same email address</source>
        <translation>メールアドレスが同じ</translation>
    </message>
    <message>
        <source>Same phone, name and company</source>
        <translation>電話番号・氏名・企業が同じ</translation>
    </message>
    <message>
        <source>Not merged: another name at a number other people share</source>
        <translation>統合せず: ほかの人と共有の電話番号(代表番号)で氏名が違う</translation>
    </message>
    <message>
        <source>Lead %1</source>
        <translation>リード %1</translation>
    </message>
    <message>
        <source>%1, as row %2 of this file</source>
        <translation>%1(このファイルの %2 行目と同じ)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
</context>
<context>
    <name>IndustrySection</name>
    <message>
        <source>Response rate by industry</source>
        <translation>業種別の反応率</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>反応率</translation>
    </message>
    <message>
        <source>%1 · reached of the leads called</source>
        <translation>%1・架電したリードのうちリーチできた割合</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>業種</translation>
    </message>
    <message>
        <source>Reached / called</source>
        <translation>リーチ/架電</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>%1 (%2/%3)</source>
        <translation>%1（%2/%3）</translation>
    </message>
</context>
<context>
    <name>KpiDashboard</name>
    <message>
        <source>MQL</source>
        <translation>MQL</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>架電済み</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>リーチ</translation>
    </message>
    <message>
        <source>Handed off (SQL)</source>
        <translation>引き渡し（SQL）</translation>
    </message>
    <message>
        <source>Accepted (SAL)</source>
        <translation>受け入れ（SAL）</translation>
    </message>
    <message>
        <source>≤ 5 min</source>
        <translation>5分以内</translation>
    </message>
    <message>
        <source>≤ 1 h</source>
        <translation>1時間以内</translation>
    </message>
    <message>
        <source>≤ 4 h</source>
        <translation>4時間以内</translation>
    </message>
    <message>
        <source>≤ 24 h</source>
        <translation>24時間以内</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>それ以降</translation>
    </message>
    <message>
        <source>Not called</source>
        <translation>未架電</translation>
    </message>
    <message>
        <source>0–1 d</source>
        <translation>0〜1日</translation>
    </message>
    <message>
        <source>1–3 d</source>
        <translation>1〜3日</translation>
    </message>
    <message>
        <source>3–7 d</source>
        <translation>3〜7日</translation>
    </message>
    <message>
        <source>7–14 d</source>
        <translation>7〜14日</translation>
    </message>
    <message>
        <source>14–30 d</source>
        <translation>14〜30日</translation>
    </message>
    <message>
        <source>30 d or more</source>
        <translation>30日以上</translation>
    </message>
    <message>
        <source>Rejected by field sales</source>
        <translation>フィールドセールスが差し戻し</translation>
    </message>
    <message>
        <source>Industry not known</source>
        <translation>業種不明</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1日</translation>
    </message>
    <message>
        <source>Nothing in the period</source>
        <translation>期間内にはありません</translation>
    </message>
    <message>
        <source>Per week (weeks from Monday)</source>
        <translation>週ごと（月曜始まり）</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>月ごと</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <extracomment>A number&apos;s name (bold) and its definition.</extracomment>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2</translation>
    </message>
</context>
<context>
    <name>KpiFilterBar</name>
    <message>
        <source>This month</source>
        <translation>今月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>先月</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去30日間</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>今四半期</translation>
    </message>
    <message>
        <source>Days from… to…</source>
        <translation>期間を指定…</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>すべてのチーム</translation>
    </message>
    <message>
        <source>All reps</source>
        <translation>すべての担当者</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>すべてのキャンペーン</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>すべての業種</translation>
    </message>
    <message>
        <source>All versions</source>
        <translation>すべてのバージョン</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>チーム</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>キャンペーン</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>業種</translation>
    </message>
    <message>
        <source>Definition version</source>
        <translation>商談化の定義</translation>
    </message>
    <message>
        <source>v%1 %2</source>
        <translation>バージョン%1 %2</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>New</source>
        <extracomment>A timestamp as every view shows it (the one style of :mod:`desktop.i18n.formats`). An ISO timestamp from a message&apos;s parameters, shown the same way.</extracomment>
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
        <extracomment>How a Japanese reader reads each industry&apos;s label (kana): lists of industries are in gojūon order of these, as a Japanese user looks for them (not by code or kanji).</extracomment>
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
        <source>work leads</source>
        <extracomment>What each role × action permission (models.core.permission_table.Action) lets one do, as the end of &quot;… may not …&quot;.</extracomment>
        <translation>リードの対応</translation>
    </message>
    <message>
        <source>reassign leads</source>
        <translation>リードの再割り当て</translation>
    </message>
    <message>
        <source>hand off a lead that misses criteria (override)</source>
        <translation>基準を満たさないリードの引き渡し（オーバーライド）</translation>
    </message>
    <message>
        <source>send leads back to the queue</source>
        <translation>リードのキューへの差し戻し</translation>
    </message>
    <message>
        <source>edit handoff definition drafts</source>
        <translation>引き渡し基準の下書きの編集</translation>
    </message>
    <message>
        <source>propose and approve handoff definitions</source>
        <translation>引き渡し基準の提案と承認</translation>
    </message>
    <message>
        <source>change the team&apos;s rules</source>
        <translation>チームのルールの変更</translation>
    </message>
    <message>
        <source>read reports</source>
        <translation>レポートの閲覧</translation>
    </message>
    <message>
        <source>answer handoffs</source>
        <translation>引き渡しへの回答</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>ユーザーの管理</translation>
    </message>
    <message>
        <source>import leads and engagements</source>
        <translation>リードと接点の取り込み</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>不在</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>留守電</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>話し中</translation>
    </message>
    <message>
        <source>Gatekeeper</source>
        <translation>受付ブロック</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>番号違い</translation>
    </message>
    <message>
        <source>Callback requested</source>
        <translation>折り返し依頼</translation>
    </message>
    <message>
        <source>Meeting booked</source>
        <translation>商談獲得</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>興味なし</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>架電禁止</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>ホット</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>ウォーム</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>コールド</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>決裁権</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>ニーズ</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>導入時期</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>予算なし</translation>
    </message>
    <message>
        <source>Being planned</source>
        <translation>予算化予定</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>予算確保済み</translation>
    </message>
    <message>
        <source>User</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>推進者</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>決裁者</translation>
    </message>
    <message>
        <source>No need</source>
        <translation>ニーズなし</translation>
    </message>
    <message>
        <source>Latent</source>
        <translation>潜在</translation>
    </message>
    <message>
        <source>Explicit</source>
        <translation>顕在</translation>
    </message>
    <message>
        <source>Over 12 months</source>
        <translation>1年以上先</translation>
    </message>
    <message>
        <source>Within 12 months</source>
        <translation>1年以内</translation>
    </message>
    <message>
        <source>Within 6 months</source>
        <translation>半年以内</translation>
    </message>
    <message>
        <source>Within 3 months</source>
        <translation>3か月以内</translation>
    </message>
    <message>
        <source>Timing not right</source>
        <translation>時期尚早</translation>
    </message>
    <message>
        <source>No authority reached</source>
        <translation>決裁者に届かない</translation>
    </message>
    <message>
        <source>Using a competitor</source>
        <translation>競合製品を利用中</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>連絡がつかない</translation>
    </message>
    <message>
        <source>Bad data</source>
        <translation>データ不備</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Not a fit</source>
        <translation>ターゲット外</translation>
    </message>
    <message>
        <source>A competitor</source>
        <translation>競合企業</translation>
    </message>
    <message>
        <source>Student or personal use</source>
        <translation>学生・個人利用</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>Callback due</source>
        <translation>折り返し期限</translation>
    </message>
    <message>
        <source>Resting after unanswered calls</source>
        <translation>不在続きのため間隔を空け中</translation>
    </message>
    <message>
        <source>Wrong number: needs a new one</source>
        <translation>番号違い：新しい番号が必要</translation>
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
        <source>Call notes</source>
        <extracomment>The inputs a domain refusal names (its ``what``: the same code as its ``field``).</extracomment>
        <translation>通話メモ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Budget evidence</source>
        <translation>予算の根拠</translation>
    </message>
    <message>
        <source>Authority evidence</source>
        <translation>決裁権の根拠</translation>
    </message>
    <message>
        <source>Need evidence</source>
        <translation>ニーズの根拠</translation>
    </message>
    <message>
        <source>Timeline evidence</source>
        <translation>導入時期の根拠</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Content title</source>
        <translation>コンテンツ名</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>キャンペーン</translation>
    </message>
    <message>
        <source>Source system</source>
        <translation>連携元システム</translation>
    </message>
    <message>
        <source>External ID</source>
        <translation>外部ID</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Name (kana)</source>
        <translation>氏名(カナ)</translation>
    </message>
    <message>
        <source>Last name (kana)</source>
        <translation>姓(カナ)</translation>
    </message>
    <message>
        <source>First name (kana)</source>
        <translation>名(カナ)</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>携帯電話番号</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企業</translation>
    </message>
    <message>
        <source>Company (kana)</source>
        <translation>企業名(カナ)</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>従業員数</translation>
    </message>
    <message>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Webサイト</translation>
    </message>
    <message>
        <source>Became a lead (MQL date)</source>
        <translation>リードになった日(MQL日)</translation>
    </message>
    <message>
        <source>Score in the marketing tool</source>
        <translation>MAツールのスコア</translation>
    </message>
    <message>
        <source>Lead source</source>
        <translation>リードソース</translation>
    </message>
    <message>
        <source>Engagement ID</source>
        <translation>接点ID</translation>
    </message>
    <message>
        <source>Engagement kind</source>
        <translation>接点の種類</translation>
    </message>
    <message>
        <source>Engagement date</source>
        <translation>接点の日時</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>コンテンツ</translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation>課題</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>Decision process</source>
        <translation>決裁フロー</translation>
    </message>
    <message>
        <source>Note to the field rep</source>
        <translation>フィールドセールスへの申し送り</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>例外引き渡しの理由</translation>
    </message>
    <message>
        <source>Why (in a few words)</source>
        <translation>理由（ひとこと）</translation>
    </message>
    <message>
        <source>a call was logged</source>
        <extracomment>What an audited change did (the audit trail&apos;s ``action``), for &quot;what changed&quot; messages.</extracomment>
        <translation>架電記録</translation>
    </message>
    <message>
        <source>a call was corrected</source>
        <translation>架電記録の訂正</translation>
    </message>
    <message>
        <source>returned to nurture</source>
        <translation>ナーチャリングへの差し戻し</translation>
    </message>
    <message>
        <source>disqualified</source>
        <translation>対象外</translation>
    </message>
    <message>
        <source>marked do-not-call</source>
        <translation>架電禁止の設定</translation>
    </message>
    <message>
        <source>sent again by marketing</source>
        <translation>マーケティングからの再送</translation>
    </message>
    <message>
        <source>back from nurture</source>
        <translation>ナーチャリングからの復帰</translation>
    </message>
    <message>
        <source>the first-call deadline passed</source>
        <translation>初回架電期限の超過</translation>
    </message>
    <message>
        <source>a new phone number was entered</source>
        <translation>新しい電話番号の入力</translation>
    </message>
    <message>
        <source>handed off to field sales</source>
        <translation>フィールドセールスへ引き渡された</translation>
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
    <name>LeadActions</name>
    <message>
        <source>Call saved.</source>
        <translation>架電を保存しました。</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>架電禁止</translation>
    </message>
    <message>
        <source>Mark %1 as do-not-call? Calls are switched off and the lead never returns to any queue.</source>
        <translation>%1 を架電禁止にしますか？架電できなくなり、このリードはどのキューにも戻りません。</translation>
    </message>
    <message>
        <source>New number saved.</source>
        <translation>新しい番号を保存しました。</translation>
    </message>
</context>
<context>
    <name>LeadPane</name>
    <message>
        <source>Factor</source>
        <extracomment>Whose pane it is: the detail says what this user may not do to the lead. The detail with the definition checked on it (None while nothing is shown).</extracomment>
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
        <source>Content history</source>
        <translation>コンテンツ履歴</translation>
    </message>
    <message>
        <source>Score breakdown</source>
        <translation>スコアの内訳</translation>
    </message>
    <message>
        <source>Handoff checklist</source>
        <translation>引き渡しチェックリスト</translation>
    </message>
    <message>
        <source>Select a lead in the queue to see its details.</source>
        <translation>キューのリードを選ぶと詳細が表示されます。</translation>
    </message>
    <message>
        <source>Could not load the lead.</source>
        <translation>リードを読み込めませんでした。</translation>
    </message>
    <message>
        <source>wrong number</source>
        <translation>番号違い</translation>
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
    <message>
        <source>(corrected)</source>
        <translation>（訂正済み）</translation>
    </message>
    <message>
        <source>Callback %1</source>
        <translation>折り返し %1</translation>
    </message>
    <message>
        <source>Correct this call…</source>
        <translation>この架電を訂正…</translation>
    </message>
</context>
<context>
    <name>LeadSummary</name>
    <message>
        <source>Copy the handoff summary or export it as PDF, HTML, Markdown or JSON</source>
        <translation>商談化シートをコピー、または PDF・HTML・Markdown・JSON で書き出します</translation>
    </message>
</context>
<context>
    <name>LeadsBehindDialog</name>
    <message>
        <source>Leads: %1 — Baton</source>
        <translation>リード：%1 — Baton</translation>
    </message>
    <message>
        <source>Only those of the stage before that did not get here</source>
        <translation>前の段階からここに進まなかったリードだけ</translation>
    </message>
    <message>
        <source>Double-click a lead to open it in the main window.</source>
        <translation>リードをダブルクリックすると、メインウィンドウで開きます。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>%1 leads of the stage before did not get to “%2”.</source>
        <translation>前の段階のリードのうち%1件が「%2」に進みませんでした。</translation>
    </message>
    <message>
        <source>%1 leads got to “%2”.</source>
        <translation>「%2」に進んだリードは%1件です。</translation>
    </message>
    <message>
        <source>The newest %1 are listed.</source>
        <translation>MQL日の新しい%1件を表示しています。</translation>
    </message>
</context>
<context>
    <name>LeadsModel</name>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企業</translation>
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
        <source>MQL date</source>
        <translation>MQL日</translation>
    </message>
</context>
<context>
    <name>LifecycleBar</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>提案する</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>取り下げる</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>承認する</translation>
    </message>
    <message>
        <source>In effect from</source>
        <translation>適用開始</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Baton — %1</source>
        <translation>Baton — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Rescore all leads</source>
        <extracomment>Field sales&apos; handoffs (the inbox). The handoff definition&apos;s versions, editor and approvals. Give the selected leads to another rep. The team&apos;s workload, distributing and rebalancing leads. The shared KPIs and the campaign report (desktop/dashboards/). A marketing tool&apos;s export of leads, or of engagements (desktop/imports/). Japanese, English or the system&apos;s language (``data()``: &quot;ja&quot;, &quot;en&quot; or &quot;&quot;). The language menu reads the same in every language: a user lost in one finds it. Each language by its own name; &quot;&quot; follows the system.</extracomment>
        <translation>全リードを再スコアリング(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Lead</source>
        <translation>リード(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Log call…</source>
        <translation>架電を記録(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Return to nurture…</source>
        <translation>ナーチャリングに戻す(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Disqualify…</source>
        <translation>対象外にする(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Team rules…</source>
        <translation>チームのルール(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Promote to field sales…</source>
        <translation>フィールドセールスへ引き渡す(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Handoffs</source>
        <translation>引き渡し(&amp;H)</translation>
    </message>
    <message>
        <source>Handoff &amp;definition…</source>
        <translation>引き渡し基準(&amp;D)…</translation>
    </message>
    <message>
        <source>Re&amp;assign…</source>
        <translation>担当を変更(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Workload…</source>
        <translation>負荷状況(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;KPI dashboard…</source>
        <translation>KPIダッシュボード(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Import leads…</source>
        <translation>リードを取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;engagements…</source>
        <translation>接点を取り込む(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>チーム(&amp;T)</translation>
    </message>
    <message>
        <source>System setting</source>
        <translation>システムの設定</translation>
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
    <message>
        <source>Rescoring…</source>
        <translation>再スコアリング中…</translation>
    </message>
</context>
<context>
    <name>MappingForm</name>
    <message>
        <source> or </source>
        <extracomment>Fields per row of the form&apos;s grid (label + combo pairs side by side). How long a source name is kept (``models.imports.mapping.from_json``).</extracomment>
        <translation>または</translation>
    </message>
    <message>
        <source>the marketing tool, e.g. acme-ma</source>
        <extracomment>The user changed something (the mapping is theirs: remembered for the source). The file&apos;s columns that can be mapped (the header&apos;s non-blank cells).</extracomment>
        <translation>MAツールの名前 (例: acme-ma)</translation>
    </message>
    <message>
        <source>Where the rows come from: ids are kept per source, and the mapping is remembered for the next file from it.</source>
        <translation>行の出どころです。IDは連携元ごとに管理し、この対応づけは同じ連携元の次のファイルのために記憶します。</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Engagement kind when no column says it:</source>
        <translation>接点の種類(列がない場合):</translation>
    </message>
    <message>
        <source>The import needs this field (or one of its group).</source>
        <translation>取り込みに必要な項目です(またはそのグループのいずれか)。</translation>
    </message>
    <message>
        <source>— none: no engagement recorded —</source>
        <translation>— なし: 接点は記録しない —</translation>
    </message>
    <message>
        <source>— a column says it —</source>
        <translation>— 列の値を使う —</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 取り込まない —</translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>あと必要な項目: %1</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Choose another file…</source>
        <translation>別のファイルを選ぶ…</translation>
    </message>
    <message>
        <source>Change the mapping…</source>
        <translation>列の対応を変更…</translation>
    </message>
    <message>
        <source>Open this sheet</source>
        <translation>このシートを開く</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>シート:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>ファイルを読んでいます…</translation>
    </message>
    <message>
        <source>This workbook has several sheets with data.</source>
        <translation>このブックにはデータのあるシートが複数あります。取り込むシートを選んでください。</translation>
    </message>
    <message>
        <source>sheet %1</source>
        <translation>シート %1</translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>文字コード %1</translation>
    </message>
    <message>
        <source>Baton does not recognise these columns (%1): say below which column is which.</source>
        <translation>この列構成は Baton の知らない形式です(%1)。下でどの列が何かを指定してください。</translation>
    </message>
    <message>
        <source>The mapping kept for “%1”, %2</source>
        <translation>「%1」用に記憶した対応づけ、%2</translation>
    </message>
    <message>
        <source>%1 export, %2</source>
        <translation>%1 のエクスポート、%2</translation>
    </message>
    <message>
        <source>The preview shows once the fields needed are mapped.</source>
        <translation>必要な項目の列を指定すると、プレビューが表示されます。</translation>
    </message>
    <message>
        <source>Preview of the first %1 rows as they will land (%2 rejected, in red):</source>
        <translation>最初の %1 行の取り込み結果のプレビュー(取り込めない行 %2 行は赤):</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Callback due</source>
        <translation>折り返し期限</translation>
    </message>
    <message>
        <source>%1 (%2) asked to be called back now.</source>
        <translation>%1（%2）の折り返し時刻になりました。</translation>
    </message>
</context>
<context>
    <name>OutcomePicker</name>
    <message>
        <source>Outcome</source>
        <translation>架電結果</translation>
    </message>
</context>
<context>
    <name>OverdueHandoffs</name>
    <message>
        <source>Handoffs field sales have not answered in time: show them</source>
        <translation>フィールドセールスが期限までに回答していない引き渡しを表示します</translation>
    </message>
    <message numerus="yes">
        <source>%n handoff(s) overdue</source>
        <translation>
            <numerusform>回答期限切れの引き渡し %n件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhoneDialog</name>
    <message>
        <source>New phone number — %1</source>
        <translation>新しい電話番号 — %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 reached a wrong number.</source>
        <translation>%1 は番号違いでした。</translation>
    </message>
    <message>
        <source>Current number: %1</source>
        <translation>現在の番号: %1</translation>
    </message>
    <message>
        <source>New number</source>
        <translation>新しい番号</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Distribute new leads</source>
        <extracomment>The plan shown (what Apply writes).</extracomment>
        <translation>新規リードの割り当て</translation>
    </message>
    <message>
        <source>Rebalance leads untouched for %1 days</source>
        <translation>%1 日間対応のないリードの再配分</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Receives</source>
        <translation>割り当て件数</translation>
    </message>
    <message>
        <source>Open leads</source>
        <translation>対応中のリード</translation>
    </message>
    <message>
        <source>Free capacity</source>
        <translation>空き / 上限</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>リード</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>割り当て先</translation>
    </message>
    <message>
        <source>Why not placed</source>
        <translation>割り当てられない理由</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>%1: %2 leads to place. Nothing is assigned until you apply.</source>
        <translation>%1: 割り当てるリードは %2 件です。適用するまで何も割り当てません。</translation>
    </message>
    <message>
        <source>%1: no lead can be placed now.</source>
        <translation>%1: 今割り当てられるリードはありません。</translation>
    </message>
    <message numerus="yes">
        <source>Not placed: %n leads</source>
        <translation>
            <numerusform>割り当てられないリード: %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlatformCheck</name>
    <message>
        <source>Baton cannot open its window: Qt&apos;s xcb platform plugin needs system libraries that are not installed:</source>
        <extracomment>Every system library Qt&apos;s xcb plugin, its xcb library and the Qt libraries they load link against, with the Debian package that holds it (the same names on Ubuntu 24.04, where apt picks libglib2.0-0t64 for libglib2.0-0). Found with ``ldd`` on a bare Debian 12 and ``apt-file search``; the README&apos;s install line is this list. The files asked about, relative to PySide6&apos;s Qt folder (the plugin, then the library it loads first: between them they need every library above).</extracomment>
        <translation>Baton のウィンドウを開けません。Qt の xcb プラットフォームプラグインに必要な、次のシステムライブラリがインストールされていません:</translation>
    </message>
    <message>
        <source>%1 (find its package: apt-file search %1)</source>
        <translation>%1（パッケージの探し方: apt-file search %1）</translation>
    </message>
    <message>
        <source>Install them on Debian or Ubuntu (in a root shell, leave out “sudo”):</source>
        <translation>Debian または Ubuntu では次のコマンドでインストールしてください（root のシェルでは「sudo」を省きます）:</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <extracomment>The column a rejected row&apos;s reason starts in (it spans the rest of the row). True for a rejected row.</extracomment>
        <translation>行</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Lead files: (title, the cell of a record).</extracomment>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企業</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Phone (E.164)</source>
        <translation>電話番号(E.164)</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>接点</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>コンテンツ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Lead ID</source>
        <extracomment>Engagement files.</extracomment>
        <translation>リードID</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>キャンペーン</translation>
    </message>
</context>
<context>
    <name>PromoteDialog</name>
    <message>
        <source>Promote to field sales — %1</source>
        <translation>フィールドセールスへ引き渡す — %1</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>引き渡す</translation>
    </message>
    <message>
        <source>%1 (%2) goes to field sales with a summary of everything known.</source>
        <translation>%1（%2）を、わかっていることをまとめた商談化シートとともにフィールドセールスへ引き渡します。</translation>
    </message>
    <message>
        <source>Why field sales should take this lead anyway (recorded and reported)</source>
        <translation>基準未達でもフィールドセールスが対応すべき理由（記録され、レポートに集計されます）</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>例外の理由</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>商談</translation>
    </message>
    <message>
        <source>The meeting booked on the call carries over</source>
        <translation>架電で設定した商談を引き継ぎます</translation>
    </message>
    <message>
        <source>Your recommendation to the field rep: what to bring, who to meet…</source>
        <translation>フィールドセールスへの申し送り：持参するもの、会うべき人など…</translation>
    </message>
    <message>
        <source>Field sales rep</source>
        <translation>フィールドセールス</translation>
    </message>
    <message>
        <source>Note to the field rep</source>
        <translation>申し送り</translation>
    </message>
    <message>
        <source>This lead does not meet every criterion of the handoff definition:
%1
As a team lead you may hand it off anyway: say why.</source>
        <translation>このリードは引き渡し基準をすべて満たしていません：
%1
チームリーダーは例外として引き渡せます。理由を記入してください。</translation>
    </message>
    <message>
        <source>The team has no active field sales rep.</source>
        <translation>チームに有効なフィールドセールスがいません。</translation>
    </message>
    <message>
        <source>Chosen by you (not the suggestion).</source>
        <translation>あなたが選択（提案とは別の担当者）。</translation>
    </message>
    <message>
        <source>Suggested by routing rule %1, in turn.</source>
        <translation>振り分けルール%1による提案（順番制）。</translation>
    </message>
    <message>
        <source>Suggested in turn: no routing rule matches this company.</source>
        <translation>順番制による提案：この企業に合う振り分けルールはありません。</translation>
    </message>
</context>
<context>
    <name>Promotion</name>
    <message>
        <source>Handed off to field sales.</source>
        <extracomment>The last promotion dialog opened.</extracomment>
        <translation>フィールドセールスへ引き渡しました。</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Priority</source>
        <extracomment>Who is on the phone with the lead right now (a live claim; team mode). Columns whose first click sorts highest / newest first (numbers and dates). Columns of numbers: right-aligned.</extracomment>
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
        <source>Why now</source>
        <translation>今かける理由</translation>
    </message>
    <message>
        <source>First call</source>
        <translation>初回架電</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>最終架電</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>架電回数</translation>
    </message>
    <message>
        <source>Last marketing touch</source>
        <translation>最終マーケ接点</translation>
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
        <source>On the phone</source>
        <translation>通話中</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未割り当て</translation>
    </message>
    <message>
        <source>%1 is on the phone with this lead (since %2).</source>
        <translation>%1 がこのリードと通話中です（%2 から）。</translation>
    </message>
    <message>
        <source>✓ in time</source>
        <translation>✓ 期限内</translation>
    </message>
    <message>
        <source>✗ late</source>
        <translation>✗ 超過</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>超過 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>残り %1</translation>
    </message>
    <message>
        <source>The queue could not be loaded. Trying again…</source>
        <extracomment>How long a failed reload or row block waits before it is fetched again. Who is on the phone with the loaded leads (live claims only matter until they expire: :attr:`now` decides what is shown). Blocks whose fetch failed: shown as such, fetched again after RETRY_MS. Why the last reload failed (None once a reload succeeds). The top of the priority order, whatever the sort (the next lead first). (lead id, row): a lead shown at that row across reloads, wherever its priority moves it, while the rep stays on it (&quot;save and stay&quot;); see :meth:`pin`.</extracomment>
        <translation>キューを読み込めませんでした。再試行しています…</translation>
    </message>
    <message>
        <source>⚠ Not loaded (retrying)</source>
        <translation>⚠ 未読み込み（再試行中）</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Return to nurture — %1</source>
        <translation>ナーチャリングに戻す — %1</translation>
    </message>
    <message>
        <source>Disqualify — %1</source>
        <translation>対象外にする — %1</translation>
    </message>
    <message>
        <source>Re-enter the queue on</source>
        <translation>キューに戻す日</translation>
    </message>
    <message>
        <source>What marketing should know</source>
        <translation>マーケティングへの共有事項</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>ReasonsSection</name>
    <message>
        <source>Why leads went back, over time</source>
        <extracomment>The industries drawn as lines (the most called; the table lists every one).</extracomment>
        <translation>失注理由の分類と傾向</translation>
    </message>
    <message>
        <source>Returned to nurture, by reason</source>
        <translation>ナーチャリングに戻した理由</translation>
    </message>
    <message>
        <source>Rejected by field sales, by reason</source>
        <translation>フィールドセールスが差し戻した理由</translation>
    </message>
    <message>
        <source>Returned to nurture</source>
        <translation>ナーチャリングに戻した</translation>
    </message>
    <message>
        <source>Rejected by field sales</source>
        <translation>フィールドセールスが差し戻し</translation>
    </message>
    <message>
        <source>Handed off over the definition</source>
        <translation>定義を満たさずに引き渡し</translation>
    </message>
    <message>
        <source>%1 · returned to nurture: %2 · rejected: %3 · over the definition: %4</source>
        <translation>%1・ナーチャリングに戻した：%2件・差し戻し：%3件・定義を満たさず引き渡し：%4件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign leads</source>
        <extracomment>How many of the chosen leads the dialog names (the rest are counted). The version of each lead as the dialog showed it (what the save is checked against).</extracomment>
        <translation>リードの担当変更</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Open leads</source>
        <translation>対応中のリード</translation>
    </message>
    <message>
        <source>Free capacity</source>
        <translation>空き / 上限</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>本日</translation>
    </message>
    <message>
        <source>Give them the leads even though they are away</source>
        <translation>不在でもこの担当者に割り当てる</translation>
    </message>
    <message>
        <source>Why (kept in each lead&apos;s history)</source>
        <translation>理由（各リードの履歴に残ります）</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>担当を変更</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>担当者なし</translation>
    </message>
    <message>
        <source>%1 — now with %2</source>
        <translation>%1 — 現在の担当: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n leads selected:</source>
        <translation>
            <numerusform>選択したリード %n 件:</numerusform>
        </translation>
    </message>
    <message>
        <source>…and %1 more</source>
        <translation>…ほか %1 件</translation>
    </message>
</context>
<context>
    <name>Reassigning</name>
    <message>
        <source>Only team leads and administrators reassign leads.</source>
        <extracomment>The last dialog opened.</extracomment>
        <translation>リードの担当を変更できるのはチームリーダーと管理者だけです。</translation>
    </message>
    <message>
        <source>Select the leads to reassign in the queue first.</source>
        <translation>先にキューで担当を変更するリードを選んでください。</translation>
    </message>
    <message>
        <source>Leads reassigned to %1: %2</source>
        <translation>%1 さんに担当を変更したリード: %2</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject the handoff — %1</source>
        <translation>引き渡しを差し戻す — %1</translation>
    </message>
    <message>
        <source>%1 (%2), handed off by %3</source>
        <translation>%1（%2）、引き渡した人：%3</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>差し戻す</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Why, in a few words</source>
        <translation>理由（ひとこと）</translation>
    </message>
    <message>
        <source>The lead goes</source>
        <translation>リードの戻し先</translation>
    </message>
    <message>
        <source>Required for “Other”: why field sales says no</source>
        <translation>「その他」の場合は必須：差し戻す理由</translation>
    </message>
    <message>
        <source>Optional: what the inside-sales rep should know</source>
        <translation>任意：インサイドセールスに伝えたいこと</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Export rejected rows…</source>
        <translation>取り込めなかった行を書き出す…</translation>
    </message>
    <message>
        <source>Import another file…</source>
        <translation>別のファイルを取り込む…</translation>
    </message>
    <message>
        <source>Merged (%1)</source>
        <translation>統合 (%1)</translation>
    </message>
    <message>
        <source>Merged or kept apart (%1)</source>
        <translation>統合・統合せず (%1)</translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation>取り込めなかった行 (%1)</translation>
    </message>
    <message>
        <source>%1: cancelled. The rows read before it landed (whole batches); import the file again to finish: rows already imported change nothing.</source>
        <translation>%1: 取り消しました。それまでに読んだ行はまとまり単位で取り込み済みです。続きはもう一度同じファイルを取り込んでください(取り込み済みの行は何も変わりません)。</translation>
    </message>
    <message>
        <source>%1: imported.</source>
        <translation>%1: 取り込みました。</translation>
    </message>
    <message>
        <source>Rows read:</source>
        <translation>読んだ行:</translation>
    </message>
    <message>
        <source>New leads:</source>
        <translation>新しいリード:</translation>
    </message>
    <message>
        <source>New engagements:</source>
        <translation>新しい接点:</translation>
    </message>
    <message>
        <source>Merged into leads Baton had:</source>
        <translation>既存のリードに統合:</translation>
    </message>
    <message>
        <source>Engagements recorded:</source>
        <translation>記録した接点:</translation>
    </message>
    <message>
        <source>Unchanged (already imported):</source>
        <translation>変更なし(取り込み済み):</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>取り込めなかった行:</translation>
    </message>
    <message>
        <source>Not merged (a number other people share):</source>
        <translation>統合しなかった行(ほかの人と共有の電話番号):</translation>
    </message>
    <message>
        <source>Columns the tool computes, not imported:</source>
        <translation>ツールが計算する列(取り込んでいません):</translation>
    </message>
    <message>
        <source>%1 × like %2</source>
        <translation>%1件（例：%2）</translation>
    </message>
</context>
<context>
    <name>RoutingEditor</name>
    <message>
        <source>Regions</source>
        <extracomment>The rule&apos;s lists, in the table&apos;s column order: (settings key, its vocabulary).</extracomment>
        <translation>地域</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>業種</translation>
    </message>
    <message>
        <source>Company sizes</source>
        <translation>企業規模</translation>
    </message>
    <message>
        <source>Field reps</source>
        <translation>フィールドセールス</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>ルールを追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>The first rule that matches a lead&apos;s company gives its field reps, who take turns. Nothing ticked matches any. Without a matching rule, every active field rep takes turns.</source>
        <translation>リードの企業に最初に合ったルールのフィールドセールスが順番に担当します。チェックがない項目はすべてに合います。合うルールがなければ、有効なフィールドセールス全員が順番に担当します。</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1（無効）</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>未選択</translation>
    </message>
</context>
<context>
    <name>ScoringForm</name>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Points for each kind of engagement</source>
        <translation>接点の種類ごとの点数</translation>
    </message>
    <message>
        <source>Half-life of engagement</source>
        <translation>接点の半減期</translation>
    </message>
    <message>
        <source>Lowest score of each grade</source>
        <translation>各グレードの最低スコア</translation>
    </message>
    <message>
        <source>A touch counts half as much after the half-life; the other scoring settings are kept as they are.</source>
        <translation>接点の点数は半減期ごとに半分になります。ほかのスコアリング設定はそのまま引き継ぎます。</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Export this view&apos;s figures as CSV</source>
        <translation>この表示の数値をCSVで書き出す</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Export this view as a picture</source>
        <translation>この表示を画像で書き出す</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Baton</source>
        <extracomment>Tries the server: the URL (without password) and the typed password; raises BatonError.</extracomment>
        <translation>Baton にサインイン</translation>
    </message>
    <message>
        <source>your work email</source>
        <translation>仕事用のメールアドレス</translation>
    </message>
    <message>
        <source>Remember my password on this computer</source>
        <translation>このコンピューターにパスワードを保存する</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in a file or Baton&apos;s settings.</source>
        <translation>システムのキーチェーンに保存します。ファイルや Baton の設定には保存しません。</translation>
    </message>
    <message>
        <source>Forget my saved password</source>
        <translation>保存したパスワードを削除</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Sign in with your own database login, as your team set it up.</source>
        <translation>チームで設定された、ご自身のデータベースのログインでサインインしてください。</translation>
    </message>
    <message>
        <source>The saved password was removed from the keychain.</source>
        <translation>保存したパスワードをキーチェーンから削除しました。</translation>
    </message>
</context>
<context>
    <name>SpeedSection</name>
    <message>
        <source>Speed to lead</source>
        <translation>初回架電までの時間（スピード・トゥ・リード）</translation>
    </message>
    <message>
        <source>Time to the first call</source>
        <translation>初回架電までの時間</translation>
    </message>
    <message>
        <source>Within the target</source>
        <translation>目標時間内</translation>
    </message>
    <message>
        <source>Within the target: %1 (%2 of %3 decided; %4 not decided yet)</source>
        <translation>目標時間内：%1（判定済み%3件のうち%2件、未判定%4件）</translation>
    </message>
    <message>
        <source>MQLs</source>
        <translation>MQL数</translation>
    </message>
    <message>
        <source>Target missed</source>
        <translation>目標時間超過</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>未判定</translation>
    </message>
    <message>
        <source>Share within the target</source>
        <translation>目標時間内の割合</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>リード数</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Demo</source>
        <extracomment>The demo database&apos;s file name (``baton --demo``).</extracomment>
        <translation>デモ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) in this view</source>
        <translation>
            <numerusform>この表示のリード: %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n callback(s) due</source>
        <translation>
            <numerusform>折り返し期限: %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
</context>
<context>
    <name>SummaryActions</name>
    <message>
        <source>&amp;Copy summary</source>
        <extracomment>The export&apos;s formats, in the order the file dialog offers them. What a file name may not hold on Windows, macOS or Linux (a run becomes one &quot;_&quot;).</extracomment>
        <translation>商談化シートをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>The handoff summary to the clipboard: Markdown, and formatted for mail</source>
        <translation>商談化シートをクリップボードへ：Markdown と、メール用の書式付き</translation>
    </message>
    <message>
        <source>&amp;Export summary…</source>
        <translation>商談化シートを書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>The handoff summary as PDF, HTML, Markdown or JSON</source>
        <translation>商談化シートを PDF・HTML・Markdown・JSON で書き出します</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Web page, self-contained (*.html)</source>
        <translation>Web ページ、単一ファイル (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON data (*.json)</source>
        <translation>JSON データ (*.json)</translation>
    </message>
    <message>
        <source>Copied a preview of the summary (not handed off yet).</source>
        <translation>商談化シートのプレビューをコピーしました（まだ引き渡していません）。</translation>
    </message>
    <message>
        <source>Copied the handoff summary.</source>
        <translation>商談化シートをコピーしました。</translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation>商談化シートを書き出す</translation>
    </message>
    <message>
        <source>Wrote a preview of the summary to %1.</source>
        <translation>商談化シートのプレビューを %1 に書き出しました。</translation>
    </message>
    <message>
        <source>Wrote the handoff summary to %1.</source>
        <translation>商談化シートを %1 に書き出しました。</translation>
    </message>
</context>
<context>
    <name>TeamRules</name>
    <message>
        <source>Team</source>
        <extracomment>The rules&apos; names, as the table and the dialog show them.</extracomment>
        <translation>チーム</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>営業時間</translation>
    </message>
    <message>
        <source>Business days</source>
        <translation>営業日</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>祝日カレンダー</translation>
    </message>
    <message>
        <source>First-call target (SLA)</source>
        <translation>初回架電の目標 (SLA)</translation>
    </message>
    <message>
        <source>Unanswered attempts</source>
        <translation>不在時の架電上限</translation>
    </message>
    <message>
        <source>Field sales answer within</source>
        <translation>フィールドセールスの回答期限</translation>
    </message>
    <message>
        <source>Routing to field sales</source>
        <translation>フィールドセールスへの振り分け</translation>
    </message>
    <message>
        <source>%1 business days</source>
        <translation>%1 営業日</translation>
    </message>
    <message>
        <source>%1 rules (baton team routing list)</source>
        <translation>ルール %1 件（baton team routing list）</translation>
    </message>
    <message>
        <source>Mon</source>
        <extracomment>Monday first, as the rules number them (0-6).</extracomment>
        <translation>月</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>火</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>水</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>木</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>金</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>土</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Japan</source>
        <extracomment>The holiday calendars a team picks from (``holidays`` country codes), and none.</extracomment>
        <translation>日本</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Japan time</source>
        <translation>日本時間</translation>
    </message>
    <message>
        <source>%1 min of business time</source>
        <translation>営業時間で %1 分</translation>
    </message>
    <message>
        <source>%1 within %2 days</source>
        <translation>%2 日間に %1 回</translation>
    </message>
    <message>
        <source>%1. Regions: %2 / Industries: %3 / Sizes: %4 → %5</source>
        <translation>%1. 地域：%2 / 業種：%3 / 企業規模：%4 → %5</translation>
    </message>
    <message>
        <source>any</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1（無効）</translation>
    </message>
    <message>
        <source>No routing rules: every active field rep takes turns.</source>
        <translation>振り分けルールはありません：有効なフィールドセールス全員が順番に担当します。</translation>
    </message>
    <message>
        <source>A lead no rule matches goes to every active field rep in turn.</source>
        <translation>どのルールにも合わないリードは、有効なフィールドセールス全員が順番に担当します。</translation>
    </message>
</context>
<context>
    <name>TeamRulesDialog</name>
    <message>
        <source>Team rules</source>
        <extracomment>Which rule each dotted name (a refusal&apos;s ``field``, a stale refusal&apos;s ``changed``) belongs to, named as the form names it.</extracomment>
        <translation>チームのルール</translation>
    </message>
    <message>
        <source> min</source>
        <extracomment>The team and its rules as the form was (re)loaded: saves are checked against it.</extracomment>
        <translation> 分</translation>
    </message>
    <message>
        <source> attempts</source>
        <translation> 回</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日間</translation>
    </message>
    <message>
        <source> business days</source>
        <translation> 営業日</translation>
    </message>
    <message>
        <source>%1 within %2</source>
        <translation>%2 で %1 まで</translation>
    </message>
    <message>
        <source>Times count in business hours only, skipping days off and the holiday calendar&apos;s holidays. After the unanswered attempts, the lead pane suggests returning the lead to nurture.</source>
        <translation>時間は営業時間だけで数え、休業日と祝日カレンダーの祝日は除きます。不在の架電がこの回数に達すると、リードの画面でナーチャリングへ戻すことを提案します。</translation>
    </message>
    <message>
        <source>Only team leads and administrators change these rules.</source>
        <translation>このルールを変更できるのは、チームリーダーと管理者だけです。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>Changed meanwhile: %1.</source>
        <translation>その間に変更された項目: %1。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Time</source>
        <extracomment>The call&apos;s id for calls (to correct it); None for touches. A call&apos;s whole note (``content`` shows its first line).</extracomment>
        <translation>時刻</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Content / notes</source>
        <translation>コンテンツ / メモ</translation>
    </message>
    <message>
        <source>Campaign / rep</source>
        <translation>キャンペーン / 担当</translation>
    </message>
</context>
<context>
    <name>UnsavedDraft</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Version %1 has changes that are not saved. Save them first?</source>
        <translation>第%1版に保存していない変更があります。先に保存しますか？</translation>
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
<context>
    <name>WhatIfPanel</name>
    <message>
        <source>What if this draft were in effect</source>
        <translation>この下書きを適用した場合</translation>
    </message>
    <message>
        <source>Edit the draft: the figures follow.</source>
        <translation>下書きを編集すると、数値が追従します。</translation>
    </message>
    <message>
        <source>Working leads</source>
        <translation>対応中のリード</translation>
    </message>
    <message>
        <source>Qualify</source>
        <translation>基準を満たす</translation>
    </message>
    <message>
        <source>Newly qualify</source>
        <translation>新たに満たす</translation>
    </message>
    <message>
        <source>Drop out</source>
        <translation>満たさなくなる</translation>
    </message>
    <message>
        <source>Past handoffs</source>
        <translation>過去の引き渡し</translation>
    </message>
    <message>
        <source>Field sales accepted</source>
        <translation>フィールドセールスの受入率</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>計算中…</translation>
    </message>
    <message>
        <source>Against version %1, in effect.</source>
        <translation>適用中のバージョン %1 との比較です。</translation>
    </message>
    <message>
        <source>%1 under this draft, %2 under version %3</source>
        <translation>この下書きで %1 件、バージョン %3 で %2 件</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>まだありません</translation>
    </message>
    <message>
        <source>%1 of %2 would have qualified (%3)</source>
        <translation>%2 件中 %1 件が満たしていた（%3）</translation>
    </message>
    <message>
        <source>%1 of those that would qualify, %2 of the others</source>
        <translation>満たす引き渡しで %1、それ以外で %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 件：%2</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> ほか %1 件</translation>
    </message>
    <message>
        <source>none answered</source>
        <translation>回答なし</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>The draft cannot be read yet:</source>
        <translation>下書きにまだ未完成の条件があります：</translation>
    </message>
</context>
<context>
    <name>WorkPanel</name>
    <message>
        <source>Log call (%1)</source>
        <translation>架電を記録 (%1)</translation>
    </message>
    <message>
        <source>Return to nurture…</source>
        <translation>ナーチャリングに戻す…</translation>
    </message>
    <message>
        <source>Disqualify…</source>
        <translation>対象外にする…</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>架電禁止</translation>
    </message>
    <message>
        <source>New number…</source>
        <translation>新しい番号…</translation>
    </message>
    <message>
        <source>Log a call on this lead (%1)</source>
        <translation>このリードの架電を記録（%1）</translation>
    </message>
    <message>
        <source>Not ready: back to marketing&apos;s nurture, with a reason</source>
        <translation>まだ早い：理由を添えてマーケティングのナーチャリングに戻す</translation>
    </message>
    <message>
        <source>Not a fit: out of every queue, with a reason</source>
        <translation>対象外：理由を添えてすべてのキューから外す</translation>
    </message>
    <message>
        <source>The prospect asked not to be called again</source>
        <translation>相手から今後の架電を断られた</translation>
    </message>
    <message>
        <source>Enter a new phone number for this lead</source>
        <translation>このリードの新しい電話番号を入力</translation>
    </message>
    <message>
        <source>Already marked do-not-call.</source>
        <translation>すでに架電禁止です。</translation>
    </message>
    <message>
        <source>Do not call: phone actions are off.</source>
        <translation>架電禁止: 電話の操作は無効です。</translation>
    </message>
    <message>
        <source>Wrong number: enter a new number to call this lead again.</source>
        <translation>番号違い：新しい番号を入力すると再び架電できます。</translation>
    </message>
    <message>
        <source>Callback overdue since %1</source>
        <translation>折り返し期限超過（%1 から）</translation>
    </message>
    <message>
        <source>Callback at %1</source>
        <translation>折り返し %1</translation>
    </message>
    <message>
        <source>Meeting at %1</source>
        <translation>商談 %1</translation>
    </message>
    <message>
        <source>Temperature: %1</source>
        <translation>温度感: %1</translation>
    </message>
    <message>
        <source>Returned to nurture: %1</source>
        <translation>ナーチャリングに戻した理由: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unanswered attempt(s) in a row. Consider returning this lead to nurture.</source>
        <translation>
            <numerusform>%n 回連続で不在です。ナーチャリングに戻すことを検討してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>First call in time</source>
        <translation>初回架電は期限内</translation>
    </message>
    <message>
        <source>First call missed its target (%1)</source>
        <translation>初回架電が目標時刻（%1）を超過</translation>
    </message>
    <message>
        <source>First call due by %1</source>
        <translation>初回架電の期限 %1</translation>
    </message>
</context>
<context>
    <name>WorkloadModel</name>
    <message>
        <source>Rep</source>
        <extracomment>The row&apos;s :class:`RepLoad`. True when leads may be given to the member today (active, not away).</extracomment>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Open leads</source>
        <translation>対応中のリード</translation>
    </message>
    <message>
        <source>Free / capacity</source>
        <translation>空き / 上限</translation>
    </message>
    <message>
        <source>Overdue callbacks</source>
        <translation>期限切れの折り返し</translation>
    </message>
    <message>
        <source>Callbacks later today</source>
        <translation>本日この後の折り返し</translation>
    </message>
    <message>
        <source>Speed-to-lead missed</source>
        <translation>初回架電の期限超過</translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation>本日の架電</translation>
    </message>
    <message>
        <source>Connect rate (week)</source>
        <translation>接続率（今週）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>本日</translation>
    </message>
    <message>
        <source>Next away</source>
        <translation>次の不在予定</translation>
    </message>
</context>
<context>
    <name>WorkloadWindow</name>
    <message>
        <source>Workload — Baton</source>
        <extracomment>Changes arriving together (a busy team logging calls) reload the figures once.</extracomment>
        <translation>負荷状況 — Baton</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Distribute…</source>
        <translation>割り当て…</translation>
    </message>
    <message>
        <source> days untouched</source>
        <translation> 日間対応なし</translation>
    </message>
    <message>
        <source>Rebalance…</source>
        <translation>再配分…</translation>
    </message>
    <message>
        <source>Only team leads and administrators assign leads.</source>
        <translation>リードを割り当てられるのはチームリーダーと管理者だけです。</translation>
    </message>
    <message>
        <source>%1 — unassigned new leads: %2</source>
        <extracomment>The plan dialog last opened.</extracomment>
        <translation>%1 — 未割り当ての新規リード: %2</translation>
    </message>
    <message>
        <source>Leads assigned: %1; not placed: %2</source>
        <translation>割り当てたリード: %1、割り当てられなかったリード: %2</translation>
    </message>
    <message>
        <source>Team leads, marketing and administrators see the workload.</source>
        <translation>負荷状況を見られるのはチームリーダー、マーケティング、管理者です。</translation>
    </message>
</context>
</TS>
