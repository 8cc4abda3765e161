import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Bootstrap Italia gives some component classes (`.notification`, `.toast`, `.modal`, `.collapse`, `.dropdown-menu`…)
// `display: none`, `position: fixed` or `visibility: hidden` until their script shows them. A page that uses one of
// those names for its own markup hides its content (the notifications page once showed "1 unread" and no item).
// This check lists every such class of the framework and fails when the web app's markup uses one outside the few
// places that mean to hide something.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CSS = path.join(ROOT, 'node_modules/bootstrap-italia/dist/css/bootstrap-italia.min.css');
const WEB = path.join(ROOT, 'apps/web/src');

/** Framework classes the app uses on purpose to hide something, each with where and why. */
const ALLOWED: Record<string, string> = {
  'd-none': 'responsive display utilities (d-none d-lg-block): the header search shows on large screens only',
  'd-lg-none':
    "responsive display utilities: the mobile menu button and the menu's search entry (the header's search box replaces it) hide on large screens",
  'd-md-none': 'responsive display utilities: the S3 heat map reads as a list per centre below the medium breakpoint',
  'custom-navbar-toggler': "the header's menu button, shown by the framework below the large breakpoint",
  'visually-hidden': 'text for screen readers only, by design',
};

/** Single-class rules (`.x`, `.x:not(.show)`) of the framework that hide the element or take it out of the page. */
function hidingClasses(css: string): Set<string> {
  const found = new Set<string>();
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const [, selectors, body] = m;
    if (!/display:\s*none|position:\s*fixed|visibility:\s*hidden/.test(body!)) continue;
    for (const s of selectors!.split(',')) {
      const single = /^\s*\.([a-zA-Z][\w-]*)(?::not\([^)]*\))?\s*$/.exec(s);
      if (single) found.add(single[1]!);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every class name written in a className (string literals inside the attribute's expression included). */
function classNamesUsed(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const names: string[] = [];
  for (const m of text.matchAll(/className=(?:"([^"]*)"|\{([^}]*)\})/g)) {
    const literal = m[1] ?? [...(m[2] ?? '').matchAll(/['"`]([^'"`]*)['"`]/g)].map((x) => x[1]).join(' ');
    names.push(...literal.split(/\s+/).filter((c) => /^[a-zA-Z][\w-]*$/.test(c)));
  }
  return names;
}

describe('framework classes that hide content', () => {
  it('finds the hiding classes of Bootstrap Italia (the check itself works)', () => {
    const hiding = hidingClasses(fs.readFileSync(CSS, 'utf8'));
    for (const c of ['notification', 'toast', 'modal', 'collapse', 'dropdown-menu', 'd-none'])
      expect(hiding, c).toContain(c);
  });

  it("are never used by the web app's own markup, except where it means to hide", () => {
    const hiding = hidingClasses(fs.readFileSync(CSS, 'utf8'));
    const misuse: string[] = [];
    for (const file of sourceFiles(WEB)) {
      for (const c of classNamesUsed(file)) {
        if (hiding.has(c) && !ALLOWED[c]) misuse.push(`${path.relative(ROOT, file)}: .${c}`);
      }
    }
    expect(misuse).toEqual([]);
  });
});
