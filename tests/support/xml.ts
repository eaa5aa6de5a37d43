/**
 * Reads the feed and the sitemap strictly, as a feed reader or a search engine would: saxes is a
 * conformant XML 1.0 and Namespaces in XML parser, so anything that is not well-formed (an
 * unescaped "&", an unknown entity, a character XML does not allow, an undeclared prefix...) throws.
 * A DOCTYPE throws too: the site writes none, and one could declare entities.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  /** The local part of the name, without its prefix. */
  local: string;
  /** The namespace URI the element is in, or "" for none. */
  namespace: string;
  /** Attribute values by name, as written with any prefix. */
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

/** Parses a whole document and returns its root element; throws on the first well-formedness error. */
export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  const append = (text: string) => open.at(-1)?.children.push(text);

  parser.on('doctype', () => {
    throw parser.makeError('a DOCTYPE, which the site never writes');
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      local: tag.local,
      namespace: tag.uri,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])),
      children: [],
    };
    open.at(-1)?.children.push(element);
    root ??= element;
    open.push(element);
  });
  parser.on('closetag', () => void open.pop());
  parser.on('text', append);
  parser.on('cdata', append);
  parser.write(source).close();
  if (!root) throw new Error('no root element');
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
