import path from 'node:path';
import { PurgeCSS } from 'purgecss';
import type { Plugin } from 'vite';

/**
 * bootstrap-italia ships one 560 KB stylesheet for every component of the design system; the app uses a few dozen of
 * them. At build time this keeps only the rules whose classes, ids and elements occur somewhere in the app's source
 * (index.html and src/**, scanned as plain words, so a class named anywhere in the code is kept) — see
 * docs/decisions/010-static-assets.md. The app's own stylesheet is left whole.
 */
export function purgeBootstrapItalia(webRoot: string): Plugin {
  return {
    name: 'clock:purge-bootstrap-italia',
    apply: 'build',
    enforce: 'pre',
    async transform(code, id) {
      if (!id.includes('bootstrap-italia.min.css')) return null;
      const [result] = await new PurgeCSS().purge({
        content: [
          path.join(webRoot, 'index.html'),
          path.join(webRoot, 'src/**/*.{ts,tsx}'),
          // Attributes no source file spells this way: the keyboard focus ring is `:focus:not([data-focus-mouse=true])`
          // (the attribute is bootstrap-italia's script's, which we do not run) and JSX writes `tabIndex`.
          { raw: 'data-focus-mouse true tabindex -1', extension: 'html' },
        ],
        // A rule for every element (`:focus:not(…)`, the keyboard focus ring) names nothing to look for: never purged.
        css: [{ raw: code.replace(/([{}])(?=:[a-z])/g, '$1/* purgecss ignore */') }],
        safelist: {
          // Elements no source file names: the search snippets' highlights come from the server as HTML.
          // The reboot's rules for bare elements are a few hundred bytes: kept whole, whatever a page shows later.
          standard: ['mark', /^(hr|blockquote|sub|sup|pre|code|kbd|samp|tfoot|optgroup|output|iframe)$/],
          // Classes composed at run time from a value (`state-${state}`, `step-${status}`, …).
          greedy: [/^state-/, /^step-/, /^type-badge-/, /^search-box-/],
        },
        keyframes: true,
        fontFace: true,
        // Custom properties stay: the app's own stylesheet reads bootstrap-italia's variables.
        variables: false,
      });
      if (!result) throw new Error('PurgeCSS returned nothing for bootstrap-italia.min.css');
      return { code: result.css, map: null };
    },
  };
}
