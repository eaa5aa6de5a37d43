/**
 * HTML text to and from plain text. Content can hold any characters, so every piece of text or
 * address that goes into markup built by hand goes through `escapeHtml` first; text read out of
 * HTML (Pagefind's excerpts, an imported document) goes through `decodeEntities`.
 */

/** Text for an element's content or a quoted attribute value (either quote): & < > " ' escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', bull: '•' };

/**
 * Plain text of HTML-escaped text: "&lt;b&gt; &amp; &#39;" → "<b> & '". Numeric references and the
 * named ones such text uses are decoded; any other "&" ("D&I lead", "&bogus;") is left as written.
 */
export function decodeEntities(html: string): string {
  return html.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** A GOV.UK link; both the address and the text are escaped. */
export function linkHtml(url: string, text: string): string {
  return `<a class="govuk-link" href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}
