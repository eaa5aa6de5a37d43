/**
 * A strict XML 1.0 reader for the tests, so the feed and the sitemap are read the way a feed reader
 * or a search engine reads them, and anything that is not well-formed fails loudly. It implements
 * the well-formedness rules of XML 1.0 (fifth edition) and Namespaces in XML 1.0 for documents
 * without a DOCTYPE (the site writes none, and one is rejected here):
 *
 * - every character is a legal XML Char; line ends are normalised as section 2.11 says;
 * - an XML declaration only at the very start; comments without "--"; no processing instruction
 *   named "xml" elsewhere; one root element and nothing but comments, PIs and white space around it;
 * - names are XML Names; every end tag matches its start tag; no attribute twice on an element;
 * - attribute values are quoted and hold no "<"; "&" only starts a reference, and references are
 *   the five predefined entities or character references to legal characters;
 * - "]]>" never appears in text; CDATA sections are read as text;
 * - every namespace prefix used is declared.
 *
 * Written for the tests rather than taken from a dependency: the project has no XML parser of its
 * own (the one in node_modules comes with mammoth and is lenient by default).
 */

export interface XmlElement {
  name: string;
  /** The local part of the name, without its prefix. */
  local: string;
  /** The namespace URI the element is in, or "" for none. */
  namespace: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

export class XmlError extends Error {}

const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = new RegExp(`[:${NAME_START}][:${NAME_CHAR}]*`, 'uy');
const NOT_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

const isCharCode = (code: number) =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);

/** Parses a whole document and returns its root element; throws an XmlError naming the offset of the first problem. */
export function parseXml(source: string): XmlElement {
  const bad = NOT_CHAR.exec(source);
  if (bad) throw new XmlError(`a character XML does not allow (U+${bad[0].codePointAt(0)!.toString(16).toUpperCase()}) at ${bad.index}`);
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let i = 0;
  const fail = (message: string): never => {
    throw new XmlError(`${message} at offset ${i}: ${JSON.stringify(text.slice(i, i + 30))}`);
  };
  const startsWith = (s: string) => text.startsWith(s, i);
  const expect = (s: string) => {
    if (!startsWith(s)) fail(`expected ${JSON.stringify(s)}`);
    i += s.length;
  };
  const space = () => {
    const start = i;
    while (i < text.length && ' \t\n'.includes(text[i]!)) i++;
    return i > start;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) return fail('expected a name');
    i += m[0].length;
    return m[0];
  };

  /** A reference after "&": predefined entity or character reference. */
  const reference = (): string => {
    expect('&');
    const end = text.indexOf(';', i);
    if (end === -1) fail('a reference with no ";"');
    const body = text.slice(i, end);
    i = end + 1;
    if (body.startsWith('#x')) {
      if (!/^#x[0-9a-fA-F]+$/.test(body)) fail(`a malformed character reference "&${body};"`);
      const code = parseInt(body.slice(2), 16);
      if (!isCharCode(code)) fail(`a character reference to a character XML does not allow "&${body};"`);
      return String.fromCodePoint(code);
    }
    if (body.startsWith('#')) {
      if (!/^#[0-9]+$/.test(body)) fail(`a malformed character reference "&${body};"`);
      const code = parseInt(body.slice(1), 10);
      if (!isCharCode(code)) fail(`a character reference to a character XML does not allow "&${body};"`);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[body];
    if (value === undefined) fail(`an undeclared entity "&${body};"`);
    return value!;
  };

  const comment = () => {
    expect('<!--');
    const end = text.indexOf('--', i);
    if (end === -1) fail('an unclosed comment');
    if (text[end + 2] !== '>') fail('"--" inside a comment');
    i = end + 3;
  };

  const processingInstruction = () => {
    expect('<?');
    const target = name();
    if (target.toLowerCase() === 'xml') fail('an XML declaration that is not at the very start');
    const end = text.indexOf('?>', i);
    if (end === -1) fail('an unclosed processing instruction');
    if (end > i && !space()) fail('no space after the processing instruction target');
    i = end + 2;
  };

  const misc = () => {
    for (;;) {
      if (space()) continue;
      if (startsWith('<!--')) comment();
      else if (startsWith('<?')) processingInstruction();
      else return;
    }
  };

  const declaration = () => {
    if (!startsWith('<?xml') || !/[\s?]/.test(text[5] ?? '')) return;
    i = 5;
    const pseudo: [string, RegExp, boolean][] = [
      ['version', /^1\.[0-9]+$/, true],
      ['encoding', /^[A-Za-z][A-Za-z0-9._-]*$/, false],
      ['standalone', /^(?:yes|no)$/, false],
    ];
    for (const [key, pattern, required] of pseudo) {
      const before = i;
      if (space() && startsWith(key)) {
        i += key.length;
        space();
        expect('=');
        space();
        const quote = text[i];
        if (quote !== '"' && quote !== "'") fail(`an unquoted ${key}`);
        const end = text.indexOf(quote!, i + 1);
        const value = text.slice(i + 1, end);
        if (end === -1 || !pattern.test(value)) fail(`a bad ${key} in the XML declaration`);
        i = end + 1;
      } else {
        i = before;
        if (required) fail(`an XML declaration without ${key}`);
      }
    }
    space();
    expect('?>');
  };

  const element = (scope: Map<string, string>): XmlElement => {
    expect('<');
    const qname = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const spaced = space();
      if (startsWith('/>') || startsWith('>')) break;
      if (!spaced) fail('no space before an attribute');
      const attribute = name();
      if (Object.hasOwn(attributes, attribute)) fail(`the attribute "${attribute}" twice`);
      space();
      expect('=');
      space();
      const quote = text[i];
      if (quote !== '"' && quote !== "'") fail('an unquoted attribute value');
      i++;
      let value = '';
      for (;;) {
        const c = text[i];
        if (c === undefined) fail('an unclosed attribute value');
        if (c === quote) break;
        if (c === '<') fail('"<" in an attribute value');
        if (c === '&') value += reference();
        else {
          // Attribute-value normalisation (3.3.3): literal white space becomes a space.
          value += c === '\t' || c === '\n' ? ' ' : c;
          i++;
        }
      }
      i++;
      attributes[attribute] = value;
    }

    // Namespaces in scope for this element.
    const inScope = new Map(scope);
    for (const [key, value] of Object.entries(attributes)) {
      if (key === 'xmlns') inScope.set('', value);
      else if (key.startsWith('xmlns:')) {
        if (value === '') fail(`an empty namespace for the prefix "${key.slice(6)}"`);
        inScope.set(key.slice(6), value);
      }
    }
    const resolve = (qualified: string, isElement: boolean) => {
      const parts = qualified.split(':');
      if (parts.length > 2 || parts.some((p) => p === '')) fail(`the name "${qualified}" is not a qualified name`);
      if (parts.length === 1) return { local: qualified, namespace: isElement ? (inScope.get('') ?? '') : '' };
      const [prefix, local] = parts as [string, string];
      if (prefix === 'xml') return { local, namespace: XML_NAMESPACE };
      if (prefix === 'xmlns') return { local, namespace: 'http://www.w3.org/2000/xmlns/' };
      const namespace = inScope.get(prefix);
      if (namespace === undefined) fail(`the undeclared namespace prefix "${prefix}"`);
      return { local, namespace: namespace! };
    };
    for (const key of Object.keys(attributes)) resolve(key, false);
    const { local, namespace } = resolve(qname, true);
    const result: XmlElement = { name: qname, local, namespace, attributes, children: [] };

    if (startsWith('/>')) {
      i += 2;
      return result;
    }
    expect('>');
    let chars = '';
    const flush = () => {
      if (chars) result.children.push(chars);
      chars = '';
    };
    for (;;) {
      if (i >= text.length) fail(`the element <${qname}> is not closed`);
      if (startsWith('</')) {
        i += 2;
        const closing = name();
        if (closing !== qname) fail(`</${closing}> closes <${qname}>`);
        space();
        expect('>');
        flush();
        return result;
      }
      if (startsWith('<!--')) comment();
      else if (startsWith('<![CDATA[')) {
        const end = text.indexOf(']]>', i);
        if (end === -1) fail('an unclosed CDATA section');
        chars += text.slice(i + 9, end);
        i = end + 3;
      } else if (startsWith('<?')) processingInstruction();
      else if (startsWith('<')) {
        flush();
        result.children.push(element(inScope));
      } else if (startsWith('&')) chars += reference();
      else {
        if (startsWith(']]>')) fail('"]]>" in text');
        chars += text[i++];
      }
    }
  };

  declaration();
  misc();
  if (startsWith('<!DOCTYPE')) fail('a DOCTYPE (this reader does not read DTDs, and the site writes none)');
  if (!startsWith('<')) fail('no root element');
  const root = element(new Map());
  misc();
  if (i < text.length) fail('content after the root element');
  return root;
}

/** The element's child elements, or those with a local name. */
export function childElements(element: XmlElement, local?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && (local === undefined || c.local === local));
}

/** The one child element with a local name; throws where there is none or more than one. */
export function onlyChild(element: XmlElement, local: string): XmlElement {
  const found = childElements(element, local);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${local}> elements, not one`);
  return found[0]!;
}

/** All the text inside an element. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
