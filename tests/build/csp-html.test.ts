/**
 * The Content Security Policy (src/lib/csp.ts, written into every page by src/layouts/Page.astro), in
 * the built HTML of every page of every site the tests build: the policy is the first element of
 * <head>, it is the one src/lib/csp.ts builds, every inline script's hash is in it, and nothing is
 * inline that it would block. (tests/browser/csp.test.ts checks, in Chromium, that the policy is
 * enforced and that no page breaks it.)
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, JS_ENABLED_SCRIPT, cspHash } from '../../src/lib/csp.ts';
import { builtSite } from '../support/built-sites.ts';
import { parseTags } from '../support/html.ts';
import { pageFile, sitePages } from '../support/serve.ts';
import { FILE_CHECKED_SITES } from '../support/sites.ts';

/** The sources a policy string gives one directive. */
function sourcesOf(policy: string, directive: string): string[] {
  const found = policy.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name === directive);
  return found ? found.slice(1) : [];
}

describe('the policy', () => {
  it('allows nothing from another site and no inline code but its own hash', () => {
    for (const [directive, sources] of Object.entries(CSP_DIRECTIVES)) {
      for (const source of sources) {
        expect(source, `${directive} ${source}`).toMatch(/^'(?:self|none|wasm-unsafe-eval|sha256-[A-Za-z0-9+/]+=*)'$/);
      }
    }
    expect(sourcesOf(CONTENT_SECURITY_POLICY, 'default-src')).toEqual(["'none'"]);
    expect(sourcesOf(CONTENT_SECURITY_POLICY, 'script-src')).toEqual(["'self'", cspHash(JS_ENABLED_SCRIPT), "'wasm-unsafe-eval'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'|strict-dynamic|\*|https?:|data:|blob:/);
  });
});

describe.each(FILE_CHECKED_SITES)('the built HTML of every page of the "%s" site', (name) => {
  const dir = builtSite(name).dir;
  const pages = sitePages(dir);

  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(5);
  });

  it.each(pages)('%s', (page) => {
    const html = fs.readFileSync(pageFile(dir, page), 'utf8');
    const tags = parseTags(html);
    const policies = tags.filter((t) => t.name === 'meta' && t.attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy');
    expect(policies, 'one policy').toHaveLength(1);
    const policy = policies[0]!.attributes.get('content');
    expect(policy).toBe(CONTENT_SECURITY_POLICY);

    // The policy comes first, so it covers everything the page loads after it.
    expect(tags.find((t) => t.parent?.name === 'head'), 'the first element of <head>').toBe(policies[0]);
    expect(policies[0]!.parent?.name, 'in <head>').toBe('head');
    // The character encoding is still declared within the first 1024 bytes, as HTML requires.
    const charsetEnd = html.indexOf('<meta charset="utf-8">') + '<meta charset="utf-8">'.length;
    expect(Buffer.byteLength(html.slice(0, charsetEnd)), 'bytes up to the end of <meta charset>').toBeLessThanOrEqual(1024);

    // Every inline script is allowed by its hash, worked out here from the page itself.
    const inline = tags.filter((t) => t.name === 'script' && !t.attributes.has('src')).map((t) => t.text);
    expect(inline, 'inline scripts').toEqual([JS_ENABLED_SCRIPT]);
    for (const text of inline) {
      const hash = `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
      expect(sourcesOf(policy!, 'script-src'), 'script-src').toContain(hash);
    }
    // Nothing inline the policy would block: no <style>, no style="", no event handler attributes.
    expect(tags.filter((t) => t.name === 'style').map((t) => `line ${t.line}`), '<style> elements').toEqual([]);
    const inlineAttributes = tags.flatMap((t) =>
      [...t.attributes.keys()].filter((a) => a === 'style' || /^on/.test(a)).map((a) => `line ${t.line}: <${t.name} ${a}>`),
    );
    expect(inlineAttributes, 'style and event handler attributes').toEqual([]);
  });
});
