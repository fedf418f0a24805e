import type { LanguageCode } from '../../core/languages.ts';

/**
 * Short, frequent words that tell close languages apart where trigrams
 * hesitate (Russian/Bulgarian, Czech/Slovak, English/Romanian without
 * diacritics). Written for pressmon, one list per language; a word shared by
 * two close languages is left out of both.
 */
export const FUNCTION_WORDS: Readonly<Record<LanguageCode, readonly string[]>> = {
  en: 'the of and to is that for with was are this have from by which be it were has had not but they their would will been or an we you he she his her its who there what can about when'.split(
    ' ',
  ),
  ro: 'și si în la cu pe că care este sunt din pentru nu mai au fost fi acest această aceasta sau dar lui ei lor unui unei după dupa prin despre într intr sa să fie iar cum când cand'.split(
    ' ',
  ),
  pl: 'i w z na się nie do to że jest jak po co ale od za przez przy dla tak już są był była było oraz który która które jego jej ich tylko może także gdy aby bardzo ze we też'.split(
    ' ',
  ),
  cs: 'jsou jsem jsme pro když také který která které není podle ještě může jen své než při být byl byla bylo jejich nebo se jako co'.split(
    ' ',
  ),
  sk: 'sú som sme pre keď tiež ktorý ktorá ktoré nie podľa ešte môže len svoje pri byť bol bola bolo ich alebo sa ako čo aj'.split(
    ' ',
  ),
  hu: 'az és hogy nem is egy meg van volt csak már még mint ez vagy nagyon lesz lehet kell minden után között pedig szerint amely aki ami'.split(
    ' ',
  ),
  de: 'der die das und ist nicht ein eine zu den dem mit sich des auf für im von auch es werden wird sie er ich wir war hat haben aus bei nach noch wie einer über dass oder aber nur kann sind'.split(
    ' ',
  ),
  fr: 'le les des du et est une que qui dans pour pas sur aux avec elle cette sont par plus nous vous ou mais été être leur son ses comme'.split(
    ' ',
  ),
  ru: 'что он она оно это когда если уже только чтобы очень может нет себя также тоже для к же его ее её их был была были сейчас потом теперь где меня мне него ему всё этого который которые которая'.split(
    ' ',
  ),
  bg: 'е са ще че се към във със това този тази тези който която които което беше бяха вече още тя той те ги го ми си нещо няма има може трябва след между когато като защото така много обаче му'.split(
    ' ',
  ),
  uk: 'і й що та як це від він вона вони його її їх також коли вже лише тільки має буде який яка які якщо щоб дуже між після з але свої мене мені нього йому'.split(
    ' ',
  ),
};

/** Added to a language's score per function word of its list in the text. */
export const FUNCTION_WORD_BONUS = 0.04;
/** Most a language can gain from function words. */
export const MAX_FUNCTION_WORD_BONUS = 0.12;

const WORD_LISTS = new Map<string, LanguageCode[]>();
for (const [code, words] of Object.entries(FUNCTION_WORDS) as [LanguageCode, readonly string[]][]) {
  for (const word of words) WORD_LISTS.set(word, [...(WORD_LISTS.get(word) ?? []), code]);
}

/** Score bonus per language for the function words in the (lower-case) text. */
export function functionWordEvidence(lowerText: string): Map<LanguageCode, number> {
  const bonus = new Map<LanguageCode, number>();
  for (const word of lowerText.match(/\p{L}+/gu) ?? []) {
    for (const code of WORD_LISTS.get(word) ?? []) {
      bonus.set(code, Math.min(MAX_FUNCTION_WORD_BONUS, (bonus.get(code) ?? 0) + FUNCTION_WORD_BONUS));
    }
  }
  return bonus;
}
