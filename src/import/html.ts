/**
 * Just enough HTML for the importer: the fragments in the text layout's cells and mammoth's output
 * for a Word document. Neither is arbitrary web HTML (mammoth writes well-formed markup of a dozen
 * tags; the text layout's fragments are <p>, <ul>, <ol> and <li>, sometimes left unclosed), so a
 * small tokenizer and tree builder that never throw are enough, and no HTML parser is added.
 */

import { decodeEntities, escapeHtml } from '../lib/html.ts';

export type HtmlToken =
  | { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|<!--[\s\S]*?-->/g;
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** Tags and text in order. A "<" that starts no tag ("fewer than <5") stays text. */
export function tokenize(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let last = 0;
  const pushText = (text: string) => {
    if (text) tokens.push({ kind: 'text', text: decodeEntities(text) });
  };
  for (const m of html.matchAll(TAG)) {
    pushText(html.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0].startsWith('<!--')) continue;
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      tokens.push({ kind: 'close', name });
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(ATTRIBUTE)) attributes[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    tokens.push({ kind: 'open', name, attributes, selfClosing: m[4] === '/' || VOID.has(name) });
  }
  pushText(html.slice(last));
  return tokens;
}

const VOID = new Set(['br', 'img', 'hr', 'col', 'input', 'meta', 'link', 'wbr']);

export interface HtmlElement {
  name: string;
  attributes: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | string;

/**
 * A tree of the markup. A closing tag with no matching open tag is ignored, and an element left open
 * is closed with its parent, which is how browsers read mammoth's output too.
 */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { name: '#root', attributes: {}, children: [] };
  const stack: HtmlElement[] = [root];
  for (const token of tokenize(html)) {
    const top = stack.at(-1)!;
    if (token.kind === 'text') top.children.push(token.text);
    else if (token.kind === 'open') {
      const element: HtmlElement = { name: token.name, attributes: token.attributes, children: [] };
      top.children.push(element);
      if (!token.selfClosing) stack.push(element);
    } else {
      const at = stack.map((e) => e.name).lastIndexOf(token.name);
      if (at > 0) stack.length = at;
    }
  }
  return root;
}

export function serialize(nodes: HtmlNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return escapeHtml(node);
      const attributes = Object.entries(node.attributes)
        .map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
        .join('');
      if (VOID.has(node.name)) return `<${node.name}${attributes} />`;
      return `<${node.name}${attributes}>${serialize(node.children)}</${node.name}>`;
    })
    .join('');
}

/** The text of a node, with a space for each paragraph or line break so words never run together. */
export function textOf(node: HtmlNode): string {
  if (typeof node === 'string') return node;
  if (node.name === 'br') return ' ';
  const inner = node.children.map(textOf).join('');
  return BLOCK.has(node.name) ? ` ${inner} ` : inner;
}

const BLOCK = new Set(['p', 'li', 'ul', 'ol', 'td', 'th', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div']);

/**
 * Collapses white space (including no-break spaces) to single spaces and trims. Control characters
 * go too: they are never words, and YAML cannot hold most of them.
 */
export function normalise(text: string): string {
  return stripControls(text).replace(/[\s\u00a0]+/g, ' ').trim();
}

export function stripControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/g, '');
}
