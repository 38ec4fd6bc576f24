import type { Bilingual, Lang } from '../knowledge/types.js';

/**
 * Every user-facing sentence, in both languages, in one place. Strings may use mrkdwn (`code`, *bold*)
 * but never `&`, `<` or `>` as markup: renderers escape those, so `<question>` shows as typed.
 * `{name}` marks a value filled in by `phraseWith`.
 */
export const MESSAGES = {
  noAnswer: {
    en: "Sorry, I'm not sure about that one, and I'd rather not guess.",
    ja: 'すみません、その質問には自信を持って答えられません。推測で答えるのはやめておきます。',
  },
  didYouMean: { en: 'Did you mean:', ja: 'もしかして:' },
  seeTopics: {
    en: 'Try rephrasing, or see every topic with `/docker topics`.',
    ja: '言い換えてみるか、`/docker topics` で話題の一覧を見てください。',
  },
  links: { en: 'Docs', ja: 'ドキュメント' },
  related: { en: 'Related', ja: '関連' },

  helpful: { en: '👍 Helpful', ja: '👍 役に立った' },
  notHelpful: { en: '👎 Not helpful', ja: '👎 役に立たなかった' },
  shareInChannel: { en: 'Share in channel', ja: 'チャンネルに共有' },
  askedBy: { en: 'Asked by {user}', ja: '{user} さんの質問' },
  youAsked: { en: 'You asked:', ja: 'あなたの質問:' },

  helpTitle: { en: 'How to use the Docker bot', ja: 'Docker ボットの使い方' },
  helpIntro: {
    en: 'I answer questions about Docker, containers and Kubernetes, in English or Japanese.',
    ja: 'Docker・コンテナ・Kubernetes についての質問に、日本語か英語で答えます。',
  },
  helpAsk: { en: '`/docker <question>`: ask a question', ja: '`/docker <質問>`: 質問する' },
  helpHelp: { en: '`/docker help`: show this help', ja: '`/docker help`: この使い方を表示' },
  helpTopics: {
    en: '`/docker topics`: list every topic I can explain',
    ja: '`/docker topics`: 説明できる話題の一覧',
  },
  helpTip: { en: '`/docker tip`: the Docker tip of the day', ja: '`/docker tip`: 今日の Docker ヒント' },
  helpLearn: {
    en: '`/docker learn`: study a track lesson by lesson, and see your progress',
    ja: '`/docker learn`: コースに沿ってレッスンで学び、進み具合を見る',
  },
  helpQuiz: {
    en: '`/docker quiz [topic|track]`: answer a quiz question (missed ones come back for review)',
    ja: '`/docker quiz [話題|コース]`: クイズに答える (間違えた問題は後で復習に出ます)',
  },
  helpQuizWeekly: {
    en: '`/docker quiz subscribe [weekday] [HH:MM] [en|ja|both]`: a weekly quiz in this channel, answered privately (`/docker quiz unsubscribe`, `/docker quiz status`)',
    ja: '`/docker quiz subscribe [曜日] [HH:MM] [en|ja|both]`: このチャンネルに毎週クイズを投稿 (回答は本人だけに表示。`/docker quiz unsubscribe`、`/docker quiz status`)',
  },
  helpMention: {
    en: 'Mention me in a channel or thread (`@Docker bot <question>`) and I reply in the thread',
    ja: 'チャンネルやスレッドでメンションすると (`@Docker bot <質問>`)、スレッドで返信します',
  },
  helpDm: { en: 'Send me a direct message with your question', ja: 'ダイレクトメッセージで質問もできます' },
  helpShortcut: {
    en: 'On any message, open the *⋮ More actions* menu and choose *Ask the Docker bot* to ask about it',
    ja: 'メッセージの *⋮ その他* メニューから *Ask the Docker bot* を選ぶと、そのメッセージについて質問できます',
  },
  bothLanguages: {
    en: 'Ask in English or Japanese: I answer in the language you write in.',
    ja: '日本語でも英語でも質問できます。質問と同じ言語で答えます。',
  },

  topicsTitle: { en: 'Topics I can explain', ja: '説明できる話題' },
  topicsCount: { en: '{count} topics', ja: '{count} 件の話題' },
  topicsHint: {
    en: 'Ask about any of them with `/docker <question>`, or browse them with buttons in my App Home.',
    ja: '`/docker <質問>` で質問するか、アプリのホームタブでボタンから選んでください。',
  },
  moreTopics: { en: '…and {count} more', ja: '…ほか {count} 件' },

  homeTitle: { en: 'Docker tutor', ja: 'Docker チューター' },

  sorry: {
    en: 'Sorry, something went wrong on my side and I could not post the answer. Please try again in a moment.',
    ja: 'すみません、こちらの問題で回答を投稿できませんでした。少し待ってからもう一度お試しください。',
  },
  notInChannel: {
    en: 'I am not in this channel, so I cannot reply in its thread. Invite me with `/invite @docker-tutor`, or ask me with `/docker <question>`.',
    ja: 'このチャンネルに参加していないため、スレッドに返信できません。`/invite @docker-tutor` で招待するか、`/docker <質問>` で質問してください。',
  },
  feedbackThanks: {
    en: 'Thanks for the feedback! It helps the maintainers improve the answers.',
    ja: 'フィードバックありがとうございます。回答の改善に役立てます。',
  },
  emptyMessage: {
    en: 'That message has no text I can read. Try `/docker <question>`.',
    ja: 'そのメッセージには読み取れる文章がありません。`/docker <質問>` で質問してください。',
  },
  tipTitle: { en: 'Docker tip', ja: 'Docker ヒント' },
  tipPaused: {
    en: 'I paused the daily Docker tip for {channel}: I could not post there ({reason}). Invite me with `/invite @docker-tutor` in that channel, then run `/docker tip subscribe` there again.',
    ja: '{channel} への Docker ヒントの投稿を一時停止しました。投稿できませんでした ({reason})。そのチャンネルで `/invite @docker-tutor` で招待してから、もう一度 `/docker tip subscribe` を実行してください。',
  },
  tipSubscribed: {
    en: 'This channel will get a Docker tip at {time} ({zone}), {days}, {lang}. Next tip: {next}. Make sure I am a member here (`/invite @docker-tutor`).',
    ja: 'このチャンネルに {time} ({zone}) に Docker ヒントを投稿します ({days}、{lang})。次回: {next}。このチャンネルに参加していることを確認してください (`/invite @docker-tutor`)。',
  },
  tipUnsubscribed: {
    en: 'No more Docker tips in this channel.',
    ja: 'このチャンネルへの Docker ヒントの投稿をやめました。',
  },
  tipNotSubscribed: {
    en: 'This channel has no tip of the day. Subscribe with `/docker tip subscribe 09:00`.',
    ja: 'このチャンネルには今日のヒントが設定されていません。`/docker tip subscribe 09:00` で設定できます。',
  },
  tipStatus: {
    en: 'Tip of the day here: {time} ({zone}), {days}, {lang}. Next tip: {next}.',
    ja: 'このチャンネルの今日のヒント: {time} ({zone})、{days}、{lang}。次回: {next}。',
  },
  tipStatusPaused: {
    en: 'Tip of the day here is paused: {reason}. Run `/docker tip subscribe` again once I can post here.',
    ja: 'このチャンネルの今日のヒントは一時停止中です: {reason}。投稿できるようになったら、もう一度 `/docker tip subscribe` を実行してください。',
  },
  tipFromConfig: {
    en: 'This schedule comes from TIP_CHANNELS in the bot configuration; change it there.',
    ja: 'この設定はボットの設定 (TIP_CHANNELS) から来ています。変更はそちらで行ってください。',
  },
  tipUsage: {
    en: 'Usage: `/docker tip` (a tip now), `/docker tip subscribe [HH:MM] [weekdays|daily] [en|ja|both] [tz=Asia/Tokyo]`, `/docker tip unsubscribe`, `/docker tip status`.',
    ja: '使い方: `/docker tip` (今すぐヒント)、`/docker tip subscribe [HH:MM] [weekdays|daily] [en|ja|both] [tz=Asia/Tokyo]`、`/docker tip unsubscribe`、`/docker tip status`。',
  },
  scheduleBadTime: {
    en: '"{word}" is not a time of day (use 24-hour HH:MM, e.g. 09:00).',
    ja: '「{word}」は時刻ではありません (24 時間制の HH:MM で指定してください。例: 09:00)。',
  },
  scheduleBadZone: {
    en: '"{word}" is not a time zone (e.g. Asia/Tokyo).',
    ja: '「{word}」はタイムゾーンではありません (例: Asia/Tokyo)。',
  },
  scheduleUnknownWord: {
    en: 'I don\'t understand "{word}".',
    ja: '「{word}」がわかりません。',
  },
  quizWeeklyTitle: { en: 'Weekly Docker quiz: {topic}', ja: '今週の Docker クイズ: {topic}' },
  quizWeeklyHint: {
    en: 'Pick an answer: only you will see whether it was right. Tomorrow I add how many answered and how many were right here, never who.',
    ja: 'ボタンで答えてください。正解かどうかはあなただけに表示されます。明日、回答した人数と正解した人数をここに書きます (誰が答えたかは書きません)。',
  },
  quizAlreadyAnswered: {
    en: 'You have already answered this quiz: your first answer is the one that counts.',
    ja: 'このクイズにはもう回答済みです。最初の回答が記録されています。',
  },
  quizSubscribed: {
    en: 'This channel will get a Docker quiz every {weekday} at {time} ({zone}), {lang}. Next quiz: {next}. Everyone answers privately; the next day I add how many answered and how many were right. Make sure I am a member here (`/invite @docker-tutor`).',
    ja: 'このチャンネルに毎週{weekday} {time} ({zone}) に Docker クイズを投稿します ({lang})。次回: {next}。回答は本人だけに表示され、翌日に回答した人数と正解した人数をスレッドに書きます。このチャンネルに私を招待しておいてください (`/invite @docker-tutor`)。',
  },
  quizUnsubscribed: {
    en: 'No more weekly quizzes in this channel.',
    ja: 'このチャンネルへの毎週のクイズをやめました。',
  },
  quizNotSubscribed: {
    en: 'This channel has no weekly quiz. Subscribe with `/docker quiz subscribe mon 10:00`.',
    ja: 'このチャンネルには毎週のクイズが設定されていません。`/docker quiz subscribe 月 10:00` で設定できます。',
  },
  quizStatus: {
    en: 'Weekly quiz here: every {weekday} at {time} ({zone}), {lang}. Next quiz: {next}.',
    ja: 'このチャンネルの毎週のクイズ: 毎週{weekday} {time} ({zone})、{lang}。次回: {next}。',
  },
  quizStatusPaused: {
    en: 'The weekly quiz here is paused: {reason}. Run `/docker quiz subscribe` again once I can post here.',
    ja: 'このチャンネルの毎週のクイズは一時停止中です: {reason}。投稿できるようになったら、もう一度 `/docker quiz subscribe` を実行してください。',
  },
  quizPaused: {
    en: 'I paused the weekly Docker quiz for {channel}: I could not post there ({reason}). Invite me with `/invite @docker-tutor` in that channel, then run `/docker quiz subscribe` there again.',
    ja: '{channel} への毎週の Docker クイズを一時停止しました。投稿できませんでした ({reason})。そのチャンネルで `/invite @docker-tutor` で招待してから、もう一度 `/docker quiz subscribe` を実行してください。',
  },
  quizSubscribeUsage: {
    en: 'Usage: `/docker quiz subscribe [weekday] [HH:MM] [en|ja|both] [tz=Asia/Tokyo]` (e.g. `/docker quiz subscribe fri 15:00`; Monday 10:00 when left out), `/docker quiz unsubscribe`, `/docker quiz status`.',
    ja: '使い方: `/docker quiz subscribe [曜日] [HH:MM] [en|ja|both] [tz=Asia/Tokyo]` (例: `/docker quiz subscribe 金曜 15:00`。省略すると月曜 10:00)、`/docker quiz unsubscribe`、`/docker quiz status`。',
  },
  sunday: { en: 'Sunday', ja: '日曜日' },
  monday: { en: 'Monday', ja: '月曜日' },
  tuesday: { en: 'Tuesday', ja: '火曜日' },
  wednesday: { en: 'Wednesday', ja: '水曜日' },
  thursday: { en: 'Thursday', ja: '木曜日' },
  friday: { en: 'Friday', ja: '金曜日' },
  saturday: { en: 'Saturday', ja: '土曜日' },
  quizSummary: {
    en: "Yesterday's quiz: {answered} answered, {right} right.",
    ja: '昨日のクイズ: 回答 {answered} 人、正解 {right} 人。',
  },
  quizSummaryNobody: {
    en: "Yesterday's quiz: nobody answered yet. The buttons still work.",
    ja: '昨日のクイズ: まだ回答がありません。ボタンはまだ使えます。',
  },
  weekdays: { en: 'on weekdays', ja: '平日' },
  daily: { en: 'every day', ja: '毎日' },
  inEnglish: { en: 'in English', ja: '英語' },
  inJapanese: { en: 'in Japanese', ja: '日本語' },
  inBoth: { en: 'in English and Japanese', ja: '英語と日本語' },
  browseTopics: { en: 'Browse topics', ja: '話題から選ぶ' },

  failedTryAgain: {
    en: 'Sorry, something went wrong on my side and I could not do that. Please try again in a minute; if it keeps happening, tell the bot admins.',
    ja: 'すみません、こちらの問題で処理できませんでした。1 分ほどしてからもう一度お試しください。続くようならボットの管理者に連絡してください。',
  },
  reportTitle: { en: 'Knowledge report {since} to {until}', ja: 'ナレッジレポート {since} 〜 {until}' },
  reportCounts: {
    en: '{questions} questions, {answered} answered, {unanswered} not answered.',
    ja: '質問 {questions} 件、回答 {answered} 件、未回答 {unanswered} 件。',
  },
  reportUnanswered: { en: 'Most frequent unanswered questions:', ja: 'よくある未回答の質問:' },
  reportNotHelpful: { en: 'Answers marked not helpful:', ja: '「役に立たなかった」と評価された回答:' },
  reportAskedAs: { en: 'asked as:', ja: '質問:' },
  reportTopTopics: { en: 'Most asked topics:', ja: 'よく聞かれる話題:' },
  reportStale: {
    en: 'Topics not reviewed for {days} days (oldest first; check the facts against the docs, then update `reviewed:`):',
    ja: '{days} 日以上見直されていない話題 (古い順。ドキュメントと照らして確認し、`reviewed:` を更新してください):',
  },
  reportStaleLine: {
    en: '{topic}: reviewed {reviewed}, {days} days ago',
    ja: '{topic}: {reviewed} に見直し ({days} 日前)',
  },
  reportNone: { en: '(none)', ja: '(なし)' },
  reportTextNotStored: { en: '(question text not stored)', ja: '(質問文は保存されていません)' },
  reportGoneTopic: { en: '{id} (no longer in knowledge/)', ja: '{id} (knowledge/ にはもうありません)' },
  quizTitle: { en: 'Quiz: {topic}', ja: 'クイズ: {topic}' },
  quizReview: {
    en: '🔁 Review: you missed this one before.',
    ja: '🔁 復習: 前に間違えた問題です。',
  },
  quizRight: { en: '✅ Right!', ja: '✅ 正解です！' },
  quizWrong: { en: '❌ Not quite. The answer is: {answer}', ja: '❌ 残念、不正解です。正解: {answer}' },
  quizYourAnswer: { en: 'Your answer: {answer}', ja: 'あなたの答え: {answer}' },
  quizNext: { en: 'Next question', ja: '次の問題' },
  quizDone: {
    en: 'You have answered every question here. The ones you missed come back for review from {date}.',
    ja: 'ここの問題にはすべて答えました。間違えた問題は {date} から復習に出ます。',
  },
  quizDoneNoReview: {
    en: 'You have answered every question here, and none is waiting for review. Well done!',
    ja: 'ここの問題にはすべて答え、復習待ちの問題もありません。お疲れさまでした！',
  },
  quizUnknown: {
    en: '"{word}" is neither a topic nor a track. Tracks: {tracks}; topics: `/docker topics`.',
    ja: '「{word}」は話題でもコースでもありません。コース: {tracks}。話題は `/docker topics` で。',
  },
  quizUsage: {
    en: 'Usage: `/docker quiz` (the next question), `/docker quiz <topic>` (e.g. `image`), `/docker quiz <track>` ({tracks}), `/docker quiz subscribe [weekday] [HH:MM]` (a weekly quiz in this channel).',
    ja: '使い方: `/docker quiz` (次の問題)、`/docker quiz <話題>` (例: `image`)、`/docker quiz <コース>` ({tracks})、`/docker quiz subscribe [曜日] [HH:MM]` (このチャンネルに毎週のクイズ)。',
  },
  lessonTitle: { en: 'Lesson {number}/{total}: {topic}', ja: 'レッスン {number}/{total}: {topic}' },
  lessonCheck: { en: 'Check yourself:', ja: '確認問題:' },
  learnTitle: { en: 'Study with the bot', ja: 'ボットで学ぶ' },
  learnTrackLine: {
    en: '*{track}* (`{id}`): {done} / {total} lessons done',
    ja: '*{track}* (`{id}`): {total} レッスン中 {done} 完了',
  },
  learnStreak: { en: '🔥 {days}-day streak', ja: '🔥 {days} 日連続' },
  learnNoStreak: {
    en: 'Answer a question a day to build a streak.',
    ja: '毎日 1 問答えて連続記録を伸ばしましょう。',
  },
  learnContinue: { en: 'Continue: {track}', ja: '続ける: {track}' },
  learnStart: { en: 'Start: {track}', ja: '始める: {track}' },
  learnHint: {
    en: '`/docker learn <track>` starts or resumes a track, `/docker quiz` gives one question, `/docker learn reset` starts over.',
    ja: '`/docker learn <コース>` でコースを始めるか再開、`/docker quiz` で 1 問、`/docker learn reset` で最初からやり直せます。',
  },
  learnFinished: {
    en: 'You have finished every lesson of {track}. Questions you missed come back with `/docker quiz`.',
    ja: '{track} のレッスンをすべて終えました。間違えた問題は `/docker quiz` で復習に出ます。',
  },
  learnAllFinished: {
    en: 'You have finished every track. Keep reviewing with `/docker quiz`.',
    ja: 'すべてのコースを終えました。`/docker quiz` で復習を続けましょう。',
  },
  learnReset: {
    en: 'Your study progress is reset: your answers and lessons are forgotten.',
    ja: '学習の記録をリセットしました。答えとレッスンの記録は消えました。',
  },
  learnUnknownTrack: {
    en: '"{word}" is not a track. Usage: `/docker learn` (your tracks), `/docker learn <track>` ({tracks}), `/docker learn reset`.',
    ja: '「{word}」はコースではありません。使い方: `/docker learn` (コース一覧)、`/docker learn <コース>` ({tracks})、`/docker learn reset`。',
  },
  homeStudy: { en: 'Study', ja: '学習' },

  adminOnly: {
    en: 'Only the bot admins (ADMIN_USER_IDS) can use `/docker admin`.',
    ja: '`/docker admin` はボットの管理者 (ADMIN_USER_IDS) だけが使えます。',
  },
  adminUsage: {
    en: 'Usage: `/docker admin report [days]` (default 30 days, at most 365), `/docker admin help-channel #channel|off`, `/docker admin experts @group|@person …|off`, `/docker admin` (the settings).',
    ja: '使い方: `/docker admin report [日数]` (既定は 30 日、最大 365 日)、`/docker admin help-channel #チャンネル|off`、`/docker admin experts @グループ|@ユーザー …|off`、`/docker admin` (設定の確認)。',
  },
  adminHelpChannel: { en: 'Help channel: {value}', ja: 'ヘルプチャンネル: {value}' },
  adminExperts: { en: 'Experts: {value}', ja: '回答者: {value}' },
  adminFromEnvironment: {
    en: '{value} (from {variable}, which wins over a setting made in Slack)',
    ja: '{value} ({variable} の設定。Slack での設定より優先されます)',
  },
  adminFromSlack: { en: '{value} (set in Slack)', ja: '{value} (Slack で設定)' },
  adminNotSet: { en: 'not set', ja: '未設定' },
  adminHelpChannelSet: {
    en: 'Help channel set: "Ask the team" now posts in {channel}. Invite me there if I am not a member (`/invite @docker-tutor`).',
    ja: 'ヘルプチャンネルを設定しました。「チームに聞く」は {channel} に投稿します。ボットがメンバーでなければ招待してください (`/invite @docker-tutor`)。',
  },
  adminHelpChannelCleared: {
    en: 'Help channel cleared: "Ask the team" is offered no more.',
    ja: 'ヘルプチャンネルの設定を消しました。「チームに聞く」は表示されなくなります。',
  },
  adminExpertsSet: {
    en: 'Experts set: help posts mention {experts}.',
    ja: '回答者を設定しました。ヘルプの投稿で {experts} をメンションします。',
  },
  adminExpertsCleared: {
    en: 'Experts cleared: help posts mention nobody.',
    ja: '回答者の設定を消しました。ヘルプの投稿では誰もメンションしません。',
  },
  adminEnvironmentWins: {
    en: 'Note: {variable} is set in the environment and wins over this setting until it is removed: {value} stays in use.',
    ja: '注意: 環境変数 {variable} が設定されているため、それを外すまではこの設定より優先され、{value} が使われ続けます。',
  },
  adminHelpChannelInvalid: {
    en: 'Name one channel: `/docker admin help-channel #channel` (or its id, C…), or `off`.',
    ja: 'チャンネルを 1 つ指定してください: `/docker admin help-channel #チャンネル` (または ID、C…)、または `off`。',
  },
  adminExpertsInvalid: {
    en: 'Mention one user group or some people: `/docker admin experts @group` or `@person @person`, or `off`.',
    ja: 'ユーザーグループを 1 つか、ユーザーをメンションしてください: `/docker admin experts @グループ` または `@ユーザー @ユーザー`、または `off`。',
  },

  askTeam: { en: 'Ask the team', ja: 'チームに聞く' },
  askAnonymously: { en: 'Ask anonymously', ja: '匿名で聞く' },
  askTeamOffer: {
    en: 'Not what you needed? Ask the people on your team.',
    ja: '解決しませんか？チームの人に聞けます。',
  },
  askTeamSetupHint: {
    en: 'Admins only: to offer "Ask the team" here, set a help channel with `/docker admin help-channel #channel` (or HELP_CHANNEL), and who to mention with `/docker admin experts @group`.',
    ja: '管理者の方へ: ここに「チームに聞く」を出すには、`/docker admin help-channel #チャンネル` (または HELP_CHANNEL) でヘルプチャンネルを、`/docker admin experts @グループ` でメンションする人を設定してください。',
  },
  askTeamNotSetUp: {
    en: 'Asking the team is not set up. Ask a bot admin to set a help channel.',
    ja: 'チームへの質問はまだ設定されていません。ボットの管理者にヘルプチャンネルの設定を頼んでください。',
  },
  helpPostTitle: { en: 'A question for the team', ja: 'チームへの質問' },
  helpPostAskedBy: { en: '{user} asked:', ja: '{user} さんの質問:' },
  helpPostAskedBySomeone: { en: 'Someone asked (anonymously):', ja: '匿名の質問:' },
  helpPostGuesses: { en: "The bot's best guesses: {titles}", ja: 'ボットの推測: {titles}' },
  helpPostNoGuess: { en: 'The bot had no guess.', ja: 'ボットには見当がつきませんでした。' },
  helpPostAskedIn: { en: 'Asked here: {link}', ja: '質問の場所: {link}' },
  helpPostOriginal: { en: 'the original message', ja: '元のメッセージ' },
  helpPostAskedPrivately: { en: 'Asked privately.', ja: '非公開で質問されました。' },
  helpPostExperts: {
    en: '{experts}: can you help? Reply in this thread and the asker is told.',
    ja: '{experts} 回答をお願いします。このスレッドに返信すると質問者に通知されます。',
  },
  helpPostReply: {
    en: 'Reply in this thread and the asker is told.',
    ja: 'このスレッドに返信すると質問者に通知されます。',
  },
  askedTeam: {
    en: 'I asked the team in {channel}: {link}. I will tell you when someone replies.',
    ja: '{channel} でチームに聞きました: {link}。誰かが返信したらお知らせします。',
  },
  askedTeamAnonymously: {
    en: 'I asked the team in {channel} without your name: {link}. I will tell you by direct message when someone replies.',
    ja: '{channel} で名前を出さずにチームに聞きました: {link}。誰かが返信したらダイレクトメッセージでお知らせします。',
  },
  askTeamThread: { en: 'the thread', ja: 'スレッド' },
  askTeamNotInChannel: {
    en: 'I could not post in {channel}: I am not a member. Ask a bot admin to invite me there.',
    ja: '{channel} に投稿できませんでした。ボットがメンバーではありません。管理者に招待を頼んでください。',
  },
  askTeamFailed: {
    en: 'Sorry, I could not reach the team just now. Please try again in a minute.',
    ja: 'すみません、今はチームに質問を届けられませんでした。少し待ってからもう一度お試しください。',
  },
  teamReplied: {
    en: '{user} replied to your question in {channel}: {link}',
    ja: '{user} さんが {channel} であなたの質問に返信しました: {link}',
  },
  teamRepliedAnonymous: {
    en: '{user} replied to the question you asked anonymously in {channel}: {link}',
    ja: '{user} さんが {channel} であなたの匿名の質問に返信しました: {link}',
  },
  teamReplyLink: { en: 'read the reply', ja: '返信を読む' },
  askTeamModalQuestion: { en: 'Your question', ja: 'あなたの質問' },
  askTeamModalSubmit: { en: 'Ask', ja: '送信' },
  askTeamModalCancel: { en: 'Cancel', ja: 'キャンセル' },
  askTeamModalAnonymous: {
    en: 'Your name is not shown in the help channel; only you are told of replies.',
    ja: 'ヘルプチャンネルにあなたの名前は表示されません。返信はあなたにだけ通知されます。',
  },
  homeAskTeam: {
    en: 'Stuck on something the bot cannot answer? Ask the people on your team.',
    ja: 'ボットが答えられないことで困っていますか？チームの人に聞けます。',
  },

  teachOnlyMaintainers: {
    en: 'Sorry, only the bot maintainers (ADMIN_USER_IDS) can teach the bot. Ask one of them, or ask the team.',
    ja: 'すみません、ボットに教えられるのはメンテナー (ADMIN_USER_IDS) だけです。メンテナーに頼むか、チームに質問してください。',
  },
  teachLearned: {
    en: 'Learned: "{phrasing}" now means {topic}. Every replica answers it within seconds.',
    ja: '覚えました: 「{phrasing}」は {topic} の質問として答えます。数秒ですべてのレプリカに反映されます。',
  },
  teachAlreadyLearned: {
    en: 'Already learned: "{phrasing}" means {topic}.',
    ja: '覚え済みです: 「{phrasing}」は {topic} の質問です。',
  },
  teachDraftSaved: {
    en: 'Draft topic {topic} saved. It is not served: export it with `npm run learned -- --export`, review the diff and commit.',
    ja: '下書きの話題 {topic} を保存しました。回答には使われません。`npm run learned -- --export` で書き出し、差分を確認してコミットしてください。',
  },
  teachRefused: { en: 'Not learned: {problem}', ja: '覚えられませんでした: {problem}' },
  teachButton: { en: 'Teach', ja: '教える' },
  teachTheBot: { en: 'Teach the bot', ja: 'ボットに教える' },
  reportTeachUnanswered: {
    en: 'Teach the bot an unanswered question:',
    ja: '未回答の質問をボットに教える:',
  },
  reportLearned: {
    en: 'Learned phrasings (not yet in knowledge/):',
    ja: '覚えた言い回し (knowledge/ に未反映):',
  },
  reportLearnedLine: {
    en: '#{id} "{phrasing}" → {topic}, taught by {user} on {day}',
    ja: '#{id} 「{phrasing}」→ {topic}、{user} さんが {day} に教えました',
  },
  reportDrafts: { en: 'Draft topics (never served):', ja: '下書きの話題 (回答には使われません):' },
  reportDraftLine: {
    en: 'draft-{id} {topic}: {title}, by {user} on {day}',
    ja: 'draft-{id} {topic}: {title}、{user} さんが {day} に作成',
  },
  reportResolved: {
    en: 'Questions two or more people resolved to the same suggestion:',
    ja: '2 人以上が同じ候補を選んだ質問:',
  },
  reportResolvedLine: {
    en: '"{question}" → {topic} ({people} people)',
    ja: '「{question}」→ {topic} ({people} 人)',
  },
} satisfies Record<string, Bilingual<string>>;

export type MessageKey = keyof typeof MESSAGES;

export function phrase(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}

/** `phrase` with its `{name}` placeholders filled in; values are inserted as given, so escape them first. */
export function phraseWith(key: MessageKey, lang: Lang, values: Record<string, string | number>): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}
