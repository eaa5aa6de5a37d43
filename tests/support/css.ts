/**
 * Reads the selectors of a compiled style sheet, enough to compare two of them: every selector of
 * every style rule (inside @media and @supports too), one a selector list's item, with white space
 * written one way so that two minifiers' output of the same selector compare equal.
 */

/** The selectors of every style rule of `css`, in order, repeats kept. */
export function cssSelectors(css: string): string[] {
  const selectors: string[] = [];
  let prelude = '';
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (c === '/' && css[i + 1] === '*') {
      i = css.indexOf('*/', i + 2) + 1;
      if (i === 0) break;
    } else if (c === '"' || c === "'") {
      // A string (a `content` value, an attribute selector's value): its braces and semicolons are text.
      let end = i + 1;
      while (end < css.length && css[end] !== c) end += css[end] === '\\' ? 2 : 1;
      prelude += css.slice(i, end + 1);
      i = end;
    } else if (c === '{') {
      const text = prelude.trim();
      // An at-rule's block holds rules or declarations; a style rule's prelude is its selector list.
      if (text && !text.startsWith('@')) selectors.push(...selectorList(text));
      prelude = '';
    } else if (c === '}' || c === ';') {
      prelude = '';
    } else {
      prelude += c;
    }
  }
  return selectors;
}

/** A selector list's items (commas inside `:is()` or `:not()` belong to their item), white space normalised. */
function selectorList(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = '';
  for (const c of list) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      items.push(item);
      item = '';
    } else {
      item += c;
    }
  }
  items.push(item);
  return items.map((s) => s.trim().replace(/\s+/g, ' ').replace(/ ?([>+~]) ?/g, '$1'));
}

/**
 * The classes an element must have for `selector` to match it (its own or an ancestor's), escapes
 * decoded (`.govuk-\!-margin-bottom-0` is the class `govuk-!-margin-bottom-0`). Classes inside
 * `:not()` are left out, as an element without them matches.
 */
export function requiredClasses(selector: string): string[] {
  let text = selector;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/:not\([^()]*\)/g, '');
  }
  return [...text.matchAll(/\.((?:[\w-]|\\.)+)/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}
