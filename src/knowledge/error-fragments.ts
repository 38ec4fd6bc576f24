/**
 * Error output as the knowledge's `errors:` fragments are compared with questions: code marks
 * dropped, width and case folded (NFKC + lower case), control and format characters made spaces.
 */
export function foldErrorText(text: string): string {
  return text
    .replace(/`+/g, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, ' ');
}

/**
 * The key under which a fragment is compared and checked for duplicates: folded and with every space
 * removed, so a fragment pasted across a line break, or retyped as "Exited(137)", is still the same.
 */
export function errorFragmentKey(fragment: string): string {
  return foldErrorText(fragment).replace(/\s+/gu, '');
}

/** Fragments shorter than this (as keys) would be found in questions they do not belong to. */
export const MIN_ERROR_FRAGMENT_LENGTH = 8;
