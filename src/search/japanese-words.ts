/**
 * Everyday Japanese words (316) that say nothing about Docker: people and teams (会社, チーム, 上司),
 * time (今, 昨日, 来週), the shape of a request (仕組み, 目的, 手順, 役割, 中身, 場合, 違和感) and daily life
 * (ランチ, 天気, 倉庫). They are the Japanese counterpart of the common-English list: neither content (the
 * knowledge is indexed without them and a question does not match with them) nor, in a question that
 * is clearly about Docker, evidence that it is about something else.
 *
 * Source: written for this project (no npm package fitted: the zxcvbn-ts Japanese lists are romaji,
 * stopwords-iso holds particles only, and a morphological dictionary such as kuromoji costs about
 * 340 MB). Kept to words that Intl.Segmenter returns as one word, and to none that names a Docker idea
 * in the knowledge (理由, 一覧, 共有, 失敗, 無料 and 本番 stay content); `npm run kb:check` does not
 * need to know it, the tests in test/search/tokenize.test.ts do.
 */
const WORDS = new Set(
  [
    'いつも うち お客様 お祝い お茶 お金 お願い かなり きっと ころ すべて たち たび たぶん だいたい ついで とき ほか みんな もともと アニメ オフィス ギフト ゲーム コーヒー',
    'サッカー スポーツ セール タイミング チーム ドア ブログ プレゼント マネージャー マラソン ミーティング メール ランチ リーダー 一番 上司 不便 不安 不明 中身 中途 主に 予定 予算',
    '事故 人事 人数 今 今回 今年 今後 今日 今更 今月 今週 仕事 仕組み 他人 以上 以下 以前 以降 企画 休み 休暇 会社 会議 体調 依頼 価格 便利 倉庫 値引き 値段 健康 側面 僕ら',
    '元々 先方 先日 先月 先輩 先週 全て 全然 具合 内容 写真 出張 出社 判断 前提 前日 努力 勉強 動物 動画 勘違い 医者 午前 午後 単に 印象 印鑑 去年 友人 友達 反対 可能 同僚',
    '周り 周囲 営業 在宅 基本 基準 報告 場合 夕飯 多分 多少 大丈夫 大事 大体 大切 大変 天気 契約 好き 好奇心 嫌い 子供 学習 定例 実は 実際 家族 寒さ 将来 少々 工夫 常識',
    '建前 弊社 引っ越し 当日 当時 役割 役員 後輩 得意 心配 必ず 必要 悩み 意味 意外 意外と 意見 感じ 感想 成功 我々 手引き 手続き 手順 打ち合わせ 承認 担当 挑戦 提案 支払い',
    '改善 教育 文化 料理 新卒 方々 方針 旅行 明日 映画 昨日 普段 普通 晴れ 書籍 書類 最初 最後 最悪 最近 最適 最高 有給 本当に 本来 本音 来年 来月 来週 案件 椅子 検討 業務',
    '様子 機会 次回 正解 毎日 気持ち 気軽 決まり 決定 漫画 片方 特に 現在 現場 現実 現状 理想 申請 疑問 病院 皆さん 目安 目標 目的 相手 相談 知識 研修 確か 確実 社員 社長',
    '程度 稟議 空港 突然 立場 簡単 精算 納得 納期 経営 経理 経費 経験 結婚 結果 結構 結論 給料 絶対 総務 締め切り 練習 署名 翌日 習慣 考え 職場 自分 自宅 興味 苦手 要約',
    '視点 観点 計画 評判 試験 誤解 説得 誰か 課長 調子 請求 負担 買い物 資料 資料集 資格 賛成 趣味 途中 連絡 連絡先 週末 進捗 違和感 部屋 部署 部長 部門 重要 野球 釣り',
    '間違い 関心 難しい 雰囲気 電話 電車 音楽 顧客 風邪 飛行機 食事',
    'こういう どういう どうして それとも ずっと ちゃんと 色々 いろいろ ダメ 具体',
  ]
    .join(' ')
    .split(' '),
);

/**
 * The tokenizer meets kanji and kana apart (仕組み reaches the word splitter as 仕組, then み), so a
 * word of kanji and kana is also listed by its kanji when they are one run of two or more (仕組, 気持,
 * 手続). Everyday verbs reach it as their one-kanji stem (言って → 言, 思う → 思): those are listed too.
 */
const VERB_STEMS = '言 聞 思';

/**
 * The everyday words of daily life rather than of a request (ランチ, 天気, 有給, 会議): like "lunch" and
 * "weather", evidence that a question is about something else while nothing in it shows Docker.
 */
export const DAILY_LIFE_JAPANESE_WORDS: ReadonlySet<string> = new Set(
  [
    'コーヒー ランチ 天気 倉庫 料理 旅行 映画 音楽 漫画 アニメ ゲーム スポーツ サッカー 野球 マラソン 釣り 健康 病院',
    '医者 風邪 体調 家族 子供 友達 友人 結婚 お祝い プレゼント ギフト 買い物 セール 値引き 値段 価格 給料 経費 精算',
    '請求 支払い 有給 休暇 休み 出張 引っ越し 部屋 椅子 ドア 空港 飛行機 電車 晴れ 寒さ 夕飯 食事 お茶 お金 印鑑',
    '署名 稟議 申請 手続き 手続 書類 試験 資格 趣味 動物 写真 動画 書籍 会議 打ち合わせ ミーティング 定例 営業 経理',
    '人事 総務 契約 納期 締め切り 予算',
  ]
    .join(' ')
    .split(' '),
);

export const EVERYDAY_JAPANESE_WORDS: ReadonlySet<string> = new Set([
  ...WORDS,
  ...[...WORDS].flatMap((word) => {
    const runs = word.match(/\p{Script=Han}+/gu) ?? [];
    return runs.length === 1 && runs[0] !== word && (runs[0] as string).length >= 2 ? runs : [];
  }),
  ...VERB_STEMS.split(' '),
]);
