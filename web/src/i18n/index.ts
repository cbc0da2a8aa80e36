// The translation layer: t('key', { name }) in the chosen language, with the
// language remembered in the browser and reflected in <html lang>.
import { signal } from '@preact/signals';
import { en, type MessageKey } from './en.ts';
import { nl } from './nl.ts';

export const LANGUAGES = { en: 'English', nl: 'Nederlands' } as const;
export type Language = keyof typeof LANGUAGES;
const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, nl };

function initial(): Language {
  const saved = localStorage.getItem('pontis.lang');
  if (saved === 'en' || saved === 'nl') return saved;
  return navigator.language?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export const language = signal<Language>(initial());

export function setLanguage(lang: Language): void {
  language.value = lang;
  localStorage.setItem('pontis.lang', lang);
  document.documentElement.lang = lang;
}
document.documentElement.lang = language.value;

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = CATALOGUES[language.value][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

export type { MessageKey };
