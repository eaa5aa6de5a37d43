/**
 * Building small pieces of HTML from text. Content can hold any characters, so every piece of text
 * or address that goes into markup built by hand goes through `escapeHtml` first.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A GOV.UK link; both the address and the text are escaped. */
export function linkHtml(url: string, text: string): string {
  return `<a class="govuk-link" href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}
