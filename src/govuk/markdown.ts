import MarkdownIt, { type Env, type StateCore, type Token } from 'markdown-it';

/**
 * Markdown to GOV.UK Design System HTML, for action plan content that is
 * written in Markdown. Styling comes from govuk-frontend's CSS classes, so the
 * markup carries those classes itself instead of relying on a wrapper
 * (govuk-body cannot be scoped to a container).
 */

/**
 * GOV.UK class for each HTML element markdown-it emits. Kept as data so the
 * styling of content can be reviewed (and changed) in one place. Elements not
 * listed (li, strong, em, code, s, img) have no Design System class and stay plain.
 */
export const GOVUK_CLASSES: Readonly<Record<string, string>> = {
  p: 'govuk-body',
  h1: 'govuk-heading-xl',
  h2: 'govuk-heading-l',
  h3: 'govuk-heading-m',
  h4: 'govuk-heading-s',
  h5: 'govuk-heading-s',
  h6: 'govuk-heading-s',
  ul: 'govuk-list govuk-list--bullet',
  ol: 'govuk-list govuk-list--number',
  a: 'govuk-link',
  blockquote: 'govuk-inset-text',
  hr: 'govuk-section-break govuk-section-break--m govuk-section-break--visible',
  table: 'govuk-table',
  thead: 'govuk-table__head',
  tbody: 'govuk-table__body',
  tr: 'govuk-table__row',
  th: 'govuk-table__header',
  td: 'govuk-table__cell',
};

export interface MarkdownOptions {
  /**
   * Levels to push headings down, so content headings sit under the page's
   * own: with 2, "#" becomes h3 (and gets the h3 class). Clamped at h6.
   */
  headingOffset?: number;
}

const md = new MarkdownIt('default', {
  // Content comes from documents, not trusted authors: raw HTML must be shown
  // as text, never run.
  html: false,
  // Only what the author marked up as a link becomes one.
  linkify: false,
  // Official wording must be published exactly: no smart quotes, dashes or
  // ellipses substituted.
  typographer: false,
});
// Plans are text: an image in content could only fetch something from elsewhere.
md.disable('image');

const ALLOWED_SCHEME = /^(?:https?|mailto):/i;
// A colon before any "/", "?" or "#" means the URL names a scheme.
const HAS_SCHEME = /^[^/?#]*:/;

const defaultValidateLink = md.validateLink.bind(md);
// markdown-it's own check only blocks a deny-list (javascript:, vbscript:,
// file:, most data:); on top of it, allow only web, email and relative URLs,
// so tel:, ftp:, data: images and unknown schemes are not linked either.
md.validateLink = (url: string): boolean => {
  if (!defaultValidateLink(url)) return false;
  const trimmed = url.trim();
  return ALLOWED_SCHEME.test(trimmed) || !HAS_SCHEME.test(trimmed);
};

function shiftHeading(token: Token, offset: number): void {
  const level = Number(token.tag.slice(1));
  token.tag = `h${Math.min(level + offset, 6)}`;
}

function addGovukClasses(tokens: Token[], headingOffset: number): void {
  for (const token of tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      // The closing tag has to move too, and before the class lookup so the
      // class matches the level actually published.
      if (headingOffset) shiftHeading(token, headingOffset);
    }
    // Opening (1) and self-closing (0) tokens carry attributes; closing don't.
    if (token.nesting !== -1) {
      const className = GOVUK_CLASSES[token.tag];
      if (className) token.attrJoin('class', className);
      // Matches govuk-frontend's table macro, and tells assistive technology
      // these header cells label columns.
      if (token.type === 'th_open') token.attrSet('scope', 'col');
      // markdown-it aligns table cells with inline styles, which a strict Content Security Policy
      // blocks; right-aligned columns are numbers, for which GOV.UK has classes.
      const style = token.attrGet('style');
      if (style) {
        token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
        if (String(style).includes('right') && (token.type === 'th_open' || token.type === 'td_open')) {
          token.attrJoin('class', token.type === 'th_open' ? 'govuk-table__header--numeric' : 'govuk-table__cell--numeric');
        }
      }
    }
    if (token.children) addGovukClasses(token.children, headingOffset);
  }
}

// Runs after inline parsing, so link tokens (children of inline tokens) exist.
md.core.ruler.push('govuk_classes', (state: StateCore) => {
  const { headingOffset } = state.env;
  addGovukClasses(state.tokens, typeof headingOffset === 'number' ? headingOffset : 0);
});

// A fresh env per call: markdown-it also stores link references in it.
function envFor(options: MarkdownOptions): Env {
  const headingOffset = options.headingOffset ?? 0;
  if (!Number.isInteger(headingOffset) || headingOffset < 0 || headingOffset > 5) {
    throw new RangeError(`headingOffset must be an integer from 0 to 5, got ${headingOffset}`);
  }
  return { headingOffset };
}

/** Render block Markdown (paragraphs, lists, tables...) to GOV.UK HTML. */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  return md.render(source, envFor(options)).trim();
}

/** Render a single line of Markdown (emphasis, links) with no <p> wrapper. */
export function renderInline(source: string): string {
  return md.renderInline(source, envFor({})).trim();
}

/**
 * The words of a Markdown text without its markup, for titles, contents lists and search records.
 * Read from markdown-it's own tokens, so list markers and emphasis go but every character of the
 * text stays, underscores and asterisks included.
 */
export function markdownToPlainText(source: string): string {
  const words: string[] = [];
  for (const token of md.parse(source, envFor({}))) {
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline') words.push(child.content);
      else if (child.type === 'softbreak' || child.type === 'hardbreak') words.push(' ');
    }
    if (token.type === 'inline') words.push(' ');
  }
  return words.join('').replace(/\s+/g, ' ').trim();
}
