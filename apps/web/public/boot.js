// Starts the app on a page the server rendered, once the browser has painted it: the page is readable already, so
// its scripts need not compete with the stylesheet, the fonts and the first paint on a slow connection.
// The server puts this script in place of the app's own <script type="module"> (apps/server/src/core/page-render.ts).
(() => {
  // Until the app has taken the page over, a form is not sent the browser's way (the app sends it, with what was
  // typed, once it runs): an early press of Enter must not post a form to an address that is only a page.
  document.addEventListener(
    'submit',
    (event) => {
      if (document.documentElement.dataset.app !== 'ready') event.preventDefault();
    },
    true,
  );
  const me = document.currentScript;
  const entry = me?.dataset.entry;
  if (!entry) return;
  const preload = (me.dataset.preload || '').split(' ').filter(Boolean);
  const start = () => {
    for (const href of preload) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      link.crossOrigin = '';
      document.head.appendChild(link);
    }
    import(entry);
  };
  requestAnimationFrame(() => setTimeout(start, 0));
})();
