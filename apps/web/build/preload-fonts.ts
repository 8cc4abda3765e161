import type { Plugin } from 'vite';

/**
 * The first page needs Titillium Web before it can paint its text in the final font. As plain @font-face rules the
 * fonts are found only once the stylesheet is parsed and the text rendered, and arrive after the first paint; the swap
 * then moves text about (layout shift). Preloading the weights every page shows above the fold (regular, semibold,
 * bold; upright only) starts them with the stylesheet. The other weights and the italics stay on demand.
 */
const PRELOADED = /titillium-web-[^/]*latin-(regular|600|700)-[\w-]+\.woff2$/;

export function preloadFonts(): Plugin {
  return {
    name: 'clock:preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const fonts = Object.keys(ctx.bundle ?? {})
          .filter((f) => PRELOADED.test(f))
          .sort();
        if (fonts.length !== 3)
          throw new Error(`expected three Titillium Web fonts to preload, found: ${fonts.join(', ') || 'none'}`);
        return fonts.map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `/${f}`, as: 'font', type: 'font/woff2', crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
