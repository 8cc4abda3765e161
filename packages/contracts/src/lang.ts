/** The cookie that carries the reader's language, so the server renders public pages in it (`it` or `en`). */
export const LANG_COOKIE = 'clock_lang';
