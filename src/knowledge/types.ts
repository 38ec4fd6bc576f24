export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];

export type Bilingual<T> = Record<Lang, T>;

export interface DocLink {
  title: string;
  url: string;
  lang: Lang;
}

/** One knowledge entry: the content of one `knowledge/<id>.md` file. */
export interface Topic {
  id: string;
  title: Bilingual<string>;
  aliases: Bilingual<string[]>;
  /**
   * Questions the way people ask this topic's question in their own words (context, the goal without
   * the term): their words count for the topic, less than a name's, and never make a name.
   */
  examples: Bilingual<string[]>;
  answer: Bilingual<string>;
  links: DocLink[];
  related: string[];
  tip: Bilingual<string>;
  /**
   * Literal fragments of Docker, Compose, Kubernetes or BuildKit error output that this topic fixes
   * (`port is already allocated`): a question containing one is answered with this topic.
   */
  errors: string[];
  /** Multiple-choice questions for studying the topic; at least one per topic (`kb:check`). */
  quiz: QuizItem[];
  /** The day its facts were last checked against the documentation, `YYYY-MM-DD`. */
  reviewed: string;
  /** Path of the file the topic came from, for error messages and reports. */
  file: string;
}

/** A multiple-choice question: the same choices in both languages; `answer` is the right one's index. */
export interface QuizItem {
  question: Bilingual<string>;
  choices: Bilingual<string[]>;
  answer: number;
  explain: Bilingual<string>;
}

/** An ordered learning path through topics (`knowledge/tracks.yaml`). */
export interface Track {
  id: string;
  title: Bilingual<string>;
  topics: string[];
}
