export { DETECTION, type DetectLanguageInput, detectLanguage } from './detect-language.ts';
export { languageOfTag } from './language-codes.ts';
