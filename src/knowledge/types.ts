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
  answer: Bilingual<string>;
  links: DocLink[];
  related: string[];
  tip: Bilingual<string>;
  /**
   * Literal fragments of Docker, Compose, Kubernetes or BuildKit error output that this topic fixes
   * (`port is already allocated`): a question containing one is answered with this topic.
   */
  errors: string[];
  /** The day its facts were last checked against the documentation, `YYYY-MM-DD`. */
  reviewed: string;
  /** Path of the file the topic came from, for error messages and reports. */
  file: string;
}
