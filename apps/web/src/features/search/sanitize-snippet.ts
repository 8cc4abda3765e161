/**
 * Makes a search snippet safe for innerHTML. By contract the server sends HTML-escaped text whose only markup is
 * <mark>…</mark>; this keeps exactly those tags (balanced), escapes every other `<`, `>` and `"`, and every `&` that
 * does not start a character reference, so a server bug cannot inject markup.
 */
export function sanitizeSnippet(snippet: string): string {
  const parts = snippet.split(/(<\/?mark>)/i);
  let open = false;
  let out = '';
  for (const part of parts) {
    const tag = part.toLowerCase();
    if (tag === '<mark>') {
      if (!open) out += '<mark>';
      open = true;
    } else if (tag === '</mark>') {
      if (open) out += '</mark>';
      open = false;
    } else {
      out += part
        .replace(/&(?!(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});)/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
    }
  }
  if (open) out += '</mark>';
  return out;
}
