import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Localized } from '@clock/contracts';
import { LANG_COOKIE } from '@clock/contracts/values';
import { it, type MessageKey, type Messages } from './messages.it.ts';

export type Lang = 'it' | 'en';
export const LANGS: readonly Lang[] = ['it', 'en'];
export const DEFAULT_LANG: Lang = 'it';
const STORAGE_KEY = 'clock.lang';
// The same choice as a cookie (LANG_COOKIE), so the server renders public pages in the reader's language.
/**
 * Italian, the default, ships with the app; English is fetched when someone reads in English, so nobody downloads a
 * dictionary they do not read (each is about a fifth of the script every page needs).
 */
const DICTIONARIES: Partial<Record<Lang, Messages>> = { it };
const LOADERS: Record<Lang, () => Promise<Messages>> = {
  it: async () => it,
  en: () => import('./messages.en.ts').then((m) => m.en),
};

/** Makes `lang`'s dictionary available; the app awaits the reader's language before its first render. */
export async function loadLanguage(lang: Lang): Promise<void> {
  DICTIONARIES[lang] ??= await LOADERS[lang]();
}
const LOCALES: Record<Lang, string> = { it: 'it-IT', en: 'en-GB' };

export type MessageVars = Record<string, string | number>;

/** Messages of parts of the app that load on demand: their chunk registers them (addMessages) before it renders. */
const ON_DEMAND: Record<Lang, Record<string, string>> = { it: {}, en: {} };

/** Adds the messages of a part loaded on demand, in both languages (the English typed against the Italian). */
export function addMessages(parts: Record<Lang, Record<string, string>>): void {
  Object.assign(ON_DEMAND.it, parts.it);
  Object.assign(ON_DEMAND.en, parts.en);
}
/** Keys that exist in a `.one`/`.other` pair, usable with `tp`. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

/** A localized text resolved for the current language; `isFallback` when only the other language had it. */
export interface PickedText {
  text: string;
  lang: Lang;
  isFallback: boolean;
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** The message for `key` in the current language, with `{name}` placeholders filled from `vars`. */
  t: (key: MessageKey, vars?: MessageVars) => string;
  /** A count-dependent message: `base.one` or `base.other`; `{count}` is the formatted count. */
  tp: (base: PluralBase, count: number, vars?: MessageVars) => string;
  pick: (text: Localized | undefined | null) => PickedText | undefined;
  formatNumber: (n: number) => string;
  formatDate: (iso: string) => string;
  /** Date and time in the reader's time zone, e.g. for a record's history. */
  formatDateTime: (iso: string) => string;
}

function isLang(value: unknown): value is Lang {
  return value === 'it' || value === 'en';
}

/** Remembers the choice for the server too (a year; not a secret, so readable by the page). */
export function writeLangCookie(lang: Lang): void {
  try {
    // biome-ignore lint/suspicious/noDocumentCookie: a fixed value with nothing to escape; the Cookie Store API is missing in Firefox
    document.cookie = `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`;
  } catch {
    // No document (server) or cookies disabled: the server renders in Italian.
  }
}

/** Reads the saved language (storage, else the cookie); storage can be unavailable (private mode). */
export function readStoredLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage disabled: the cookie may still say.
  }
  try {
    const fromCookie = document.cookie.match(new RegExp(`(?:^|; )${LANG_COOKIE}=(it|en)(?:;|$)`))?.[1];
    return isLang(fromCookie) ? fromCookie : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

function interpolate(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const I18nContext = createContext<I18n | null>(null);

/**
 * `initialLang`: the language the server rendered the page in (the first render must match it); when the reader's
 * stored choice differs (chosen before the choice was also a cookie), the page switches to it right after.
 */
export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? readStoredLang());

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // The choice then lasts for this visit only.
    }
    writeLangCookie(next);
    // If the dictionary cannot be fetched (offline), the page stays in the language it is in.
    loadLanguage(next).then(
      () => setLangState(next),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    const stored = readStoredLang();
    if (initialLang && stored !== initialLang) setLang(stored);
  }, [initialLang, setLang]);

  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang] ?? it;
    const numberFormat = new Intl.NumberFormat(LOCALES[lang]);
    const dateFormat = new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    // Italian time whatever the device's zone: the network works in Italy, and the server renders pages the same way.
    const dateTimeFormat = new Intl.DateTimeFormat(LOCALES[lang], {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Rome',
    });
    const plural = new Intl.PluralRules(LOCALES[lang]);
    const text = (key: string): string => (dict as Record<string, string>)[key] ?? ON_DEMAND[lang][key] ?? key;
    const t = (key: MessageKey, vars?: MessageVars) => interpolate(text(key), vars);
    return {
      lang,
      setLang,
      t,
      tp: (base, count, vars) => {
        const category = plural.select(count) === 'one' ? 'one' : 'other';
        return interpolate(text(`${base}.${category}`), { ...vars, count: numberFormat.format(count) });
      },
      pick: (text) => {
        if (!text) return undefined;
        const own = text[lang];
        if (own) return { text: own, lang, isFallback: false };
        const other: Lang = lang === 'it' ? 'en' : 'it';
        const theirs = text[other];
        return theirs ? { text: theirs, lang: other, isFallback: true } : undefined;
      },
      formatNumber: (n) => numberFormat.format(n),
      formatDate: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
      },
      formatDateTime: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
      },
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
