/**
 * Reads built pages as a browser does, with parse5 (the WHATWG HTML parser): markup inside attribute
 * values, comments and scripts is never taken for an element, and character references are decoded
 * the way the HTML standard decodes them.
 */
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** One element of a page. */
export interface Tag {
  /** Lower case. */
  name: string;
  /** Attribute names in lower case, values decoded ("" for an attribute with no value); the first of a name counts. */
  attributes: Map<string, string>;
  /** 1-based line of its start tag; 0 for one the parser implies (an <html>, <head> or <body> the page leaves out). */
  line: number;
  /** Its text, markup removed and references decoded: for <script> and <style>, their code as written. */
  text: string;
  /** The element it is in, if any. */
  parent?: Tag;
}

/** Whether `tag` is inside an element that `test` accepts. */
export function isInside(tag: Tag, test: (ancestor: Tag) => boolean): boolean {
  for (let at = tag.parent; at; at = at.parent) if (test(at)) return true;
  return false;
}

/** Whether a tag has a class in its class attribute. */
export const hasClass = (tag: Tag, name: string): boolean => (tag.attributes.get('class') ?? '').split(/\s+/).includes(name);

const isElement = (node: Node): node is DefaultTreeAdapterMap['element'] => 'tagName' in node;

/** Every element of `root`, in document order, the content of <template>s included. */
function* elements(root: ParentNode): Generator<DefaultTreeAdapterMap['element']> {
  for (const node of root.childNodes) {
    if (!isElement(node)) continue;
    yield node;
    yield* elements(node.tagName === 'template' ? (node as DefaultTreeAdapterMap['template']).content : node);
  }
}

/** The text of a node: its text nodes joined, as `textContent` gives it, or with a space for every tag. */
function textOf(node: Node, spaced = false): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!('childNodes' in node)) return '';
  const children = isElement(node) && node.tagName === 'template' ? (node as DefaultTreeAdapterMap['template']).content.childNodes : node.childNodes;
  const text = children.map((child) => textOf(child, spaced)).join('');
  return spaced && isElement(node) ? ` ${text} ` : text;
}

function tagsOf(root: ParentNode): Tag[] {
  const made = new Map<ParentNode, Tag>();
  return [...elements(root)].map((element) => {
    const tag: Tag = {
      name: element.tagName,
      attributes: new Map(element.attrs.map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value])),
      line: element.sourceCodeLocation?.startLine ?? 0,
      // Worked out when asked for: most checks read only names and attributes.
      get text() {
        return textOf(element);
      },
      parent: made.get(element.parentNode!),
    };
    made.set(element, tag);
    return tag;
  });
}

/** Every element of a whole page, in document order. */
export function parseTags(html: string): Tag[] {
  return tagsOf(parse(html, { sourceCodeLocationInfo: true }));
}

/** Every element of a piece of HTML (the HTML content of a feed entry), in document order. */
export function fragmentTags(html: string): Tag[] {
  return tagsOf(parseFragment(html, { sourceCodeLocationInfo: true }));
}

/**
 * The words of a piece of HTML, white space collapsed: every tag stands for a space, so the words of
 * two paragraphs (`<p>a</p><p>b</p>`) stay apart, and references are decoded.
 */
export function htmlWords(html: string): string {
  return textOf(parseFragment(html), true).replace(/\s+/g, ' ').trim();
}
