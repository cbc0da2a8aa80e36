// The name primitives of identity matching: folding, script detection,
// transliteration, tokenising and phonetic keys.
export { foldLatin } from './fold.ts';
export { detectScript, type NameScript } from './script.ts';
export { latinForms, MAX_LATIN_FORMS } from './transliterate.ts';
export { nameForms, nameTokenForms, MAX_NAME_FORMS, type NameForm } from './parse.ts';
export { nameKey, givenNameGroup, MAX_KEY_LENGTH } from './keys.ts';
