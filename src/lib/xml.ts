/**
 * Writing XML (the Atom feed and the sitemap) by hand. Content can hold any character, official
 * text included ("Safety & Equality", "fewer than 5 < 10"), so every piece of text or address
 * that goes into XML goes through `xmlText` or `xmlAttribute` first.
 */

/**
 * Characters XML 1.0 does not allow anywhere, not even escaped: control characters other than tab,
 * line feed and carriage return, lone surrogates, U+FFFE and U+FFFF. A parser must reject a
 * document holding one, so each is replaced with U+FFFD (the replacement character).
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for the content of an element. A carriage return is written as a reference, which a parser keeps (a literal one becomes a line feed). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Text for a quoted attribute value: quotes escaped too, and the white space a parser would turn into spaces kept as references. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/**
 * One element: `xmlElement('link', { rel: 'self', href })` is `<link rel="self" href="..."/>`, and
 * `xmlElement('title', {}, xmlText(title))` is `<title>...</title>`. Attributes whose value is
 * undefined are left out; `content` must already be XML (escaped text or other elements).
 */
export function xmlElement(name: string, attributes: Record<string, string | undefined>, content?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlAttribute(value)}"`)
    .join('');
  return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

/** An element holding only text: `<name attrs>escaped text</name>`. */
export function xmlTextElement(name: string, text: string, attributes: Record<string, string | undefined> = {}): string {
  return xmlElement(name, attributes, xmlText(text));
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
