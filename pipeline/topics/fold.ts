/**
 * Folding for diacritics-insensitive matching: lower case; Latin letters lose
 * their marks (`ă â î ș ş` → `a a i s s`, so cedilla and comma-below forms are
 * equal); letters that do not decompose are mapped (`ł`→`l`, `ß`→`ss`, `đ`→`d`,
 * `ø`→`o`, `æ`→`ae`, `œ`→`oe`, `ı`→`i`); typographic apostrophes become `'`.
 * Cyrillic keeps its letters, with one exception: `ё` → `е`, since Russian
 * usually prints `е` for it. `й` and `ї` stay distinct from `и` and `і`: they
 * are letters of their own that tell words apart (`мой`/`мои`).
 */
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const SPECIAL = /[łđøßæœı’‘ʼё]/gu;
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  '’': "'",
  '‘': "'",
  ʼ: "'",
  ё: 'е',
};

/** The folded form of a word, as documented above (tokenise keeps the folded form of each word it meets). */
export function foldWord(word: string): string {
  // An ASCII word has no marks and no special letters: folding it is lower-casing it.
  if (isAscii(word)) return word.toLowerCase();
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_MARKS, '$1')
    .normalize('NFC')
    .replace(SPECIAL, (letter) => SPECIAL_FOLDS[letter] ?? letter);
}

function isAscii(word: string): boolean {
  for (let index = 0; index < word.length; index++) if (word.charCodeAt(index) > 0x7f) return false;
  return true;
}
