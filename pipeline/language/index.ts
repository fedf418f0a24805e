export { type DetectLanguageInput, DETECTION, detectLanguage } from './detect-language.ts';
export { languageOfTag } from './language-codes.ts';
