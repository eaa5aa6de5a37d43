/**
 * The meta fields a search record has beyond what the page shows, shared by the build
 * (src/search/records.ts) and the browser (src/client/): Pagefind searches them, and the page reads
 * them to say where a result matched. Kept apart from records.ts so the browser's bundle does not
 * take in the build's Markdown code.
 */

/** A concern's responsible owners, joined by OWNER_SEPARATOR. */
export const OWNERS_FIELD = 'owners';
export const OWNER_SEPARATOR = '; ';

/** The keys of the vocabulary's groups a record says (src/search/vocabulary.ts), joined by spaces. */
export const TERMS_FIELD = 'terms';
