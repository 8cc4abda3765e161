import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { purgeBootstrapItalia } from './build/purge-bootstrap-italia.ts';
import { precompress } from './build/precompress.ts';
import { preloadFonts } from './build/preload-fonts.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// The fonts ship with bootstrap-italia; its own loader injects an inline <style>, which our CSP forbids,
// so src/fonts.css declares them and this alias lets the CSS reach them wherever npm hoisted the package.
const bootstrapItaliaDist = path.dirname(
  path.dirname(require.resolve('bootstrap-italia/dist/css/bootstrap-italia.min.css')),
);

/**
 * bootstrap-italia's CSS embeds the VideoJS icon font as a data: URL. We play no video, and a strict CSP
 * (font-src 'self') blocks it with a console error, so the build leaves that @font-face out.
 */
function dropVideoJsFont(): Plugin {
  return {
    name: 'clock:drop-videojs-font',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('bootstrap-italia.min.css')) return null;
      return { code: code.replace(/@font-face\{font-family:VideoJS;[^}]*\}/g, ''), map: null };
    },
  };
}

/** Used only by the sign-in, account and editing pages: kept out of the chunk every visitor downloads. */
const FORM_KIT = /[\\/](form-fields|error-summary|copy-button|form-errors|use-submit)\.tsx?$/;
/** The English dictionary is fetched only by English readers (src/lib/i18n.tsx). */
const ENGLISH = /[\\/]messages(\.[a-z]+)?\.en\.ts$/;

export default defineConfig({
  root: here,
  plugins: [dropVideoJsFont(), purgeBootstrapItalia(here), react(), preloadFonts(), precompress()],
  resolve: {
    alias: { '@bootstrap-italia-dist': bootstrapItaliaDist },
  },
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    // Keep assets as files: the CSP allows data: only for images.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // React and the router change far less often than the app: a chunk of their own stays cached across releases.
        codeSplitting: {
          groups: [
            // The charting library (visx and the d3 modules under it, decision 023) and the filiera map's layout (d3-force,
            // decision 024) stay out: only their pages use them, so they are split with those pages instead of joining the chunk every page loads.
            { name: 'vendor', test: /node_modules[\\/](?!@visx[\\/]|d3-[a-z-]+[\\/]|internmap[\\/]|classnames[\\/])/ },
            // The dictionaries and UI kit every page uses; the form kit stays with the (lazy) pages that have forms.
            {
              name: 'shared',
              test: (id) => /src[\\/](lib|components)[\\/]/.test(id) && !FORM_KIT.test(id) && !ENGLISH.test(id),
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
