/**
 * The Atom feed (RFC 4287) of new plans and progress, made from the model like every page.
 *
 * - A new plan's entry is dated by the plan's first change-log entry ("First published."), or by
 *   the date HMPPS submitted it where the plan has no change log.
 * - Progress has one entry per plan per date: every status update, revised target date and HMIP
 *   review of that plan on that date, and any later change-log note of that date.
 * - Everything is as at the site's "as at" date (later updates are not in the model), and no date
 *   comes from the clock: the feed's <updated> is its newest entry's date, or the "as at" date
 *   when there are no entries. Two builds of the same content give the same feed.
 * - Entry ids are `urn:uuid:` name-based (version 5) UUIDs of the plan id and date, so they are
 *   absolute, never change when the site moves to another address, and need no domain of ours.
 * - Links are absolute where the site's address is known (SITE_URL). Without it they are paths
 *   from the site's root, which RFC 4287 allows (atom:link's href is an IRI reference, resolved
 *   against the feed's own address), and which feed readers resolve against where they fetched it.
 */
import { createHash } from 'node:crypto';
import type { Plan, Site } from '../content/model.ts';
import { markdownToPlainText } from '../govuk/markdown.ts';
import { formatDate, formatDateRange } from '../lib/dates.ts';
import { plural } from '../lib/format.ts';
import { escapeHtml } from '../lib/html.ts';
import { XML_DECLARATION, xmlElement, xmlText, xmlTextElement } from '../lib/xml.ts';

/** The feed holds the newest entries only: readers fetch it often, and the site holds the rest. */
export const FEED_LIMIT = 50;

/** The namespace of this site's entry ids (a random UUID, chosen once; never change it). */
export const FEED_NAMESPACE = '410e17ce-0c6b-464e-8a68-303610f93306';

/** A name-based (SHA-1, version 5) UUID, as RFC 9562 section 5.5 defines it. */
export function uuidV5(name: string, namespace: string = FEED_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One thing that happened, as a line of an entry: "Concern 3, action 2: Completed. The wing reopened." */
export interface FeedLine {
  kind: 'update' | 'revision' | 'review';
  /** Where it is on the site: a path from the site's root, with the fragment of its section. */
  path: string;
  /** What it is about, the text of its link: "Concern 3, action 2". */
  label: string;
  /** What happened, as plain text. */
  text: string;
}

export interface FeedEntry {
  kind: 'plan' | 'progress';
  /** "plan/<plan id>" or "progress/<plan id>/<date>": what its id is made from. */
  key: string;
  /** urn:uuid:… made from the key. */
  id: string;
  planId: string;
  date: string;
  title: string;
  /** Where the entry links to: a path from the site's root. */
  path: string;
  summary: string;
  lines: FeedLine[];
}

function planEntry(plan: Plan): FeedEntry {
  const key = `plan/${plan.id}`;
  return {
    kind: 'plan',
    key,
    id: `urn:uuid:${uuidV5(key)}`,
    planId: plan.id,
    date: plan.published,
    title: `New action plan: ${plan.shortName}`,
    path: plan.path,
    summary:
      `The action plan HM Prison and Probation Service wrote after HM Inspectorate of Prisons inspected ` +
      `${plan.establishment.name} (${formatDateRange(plan.inspectionStart, plan.inspectionEnd)}): ${plural(plan.concerns.length, 'concern')} and ${plural(plan.actionCount, 'action')}.`,
    lines: [],
  };
}

const plain = (markdown: string) => markdownToPlainText(markdown).replace(/\s+/g, ' ').trim();

/** The progress entries of one plan: one per date on which anything about its progress was published. */
function progressEntries(plan: Plan): FeedEntry[] {
  interface Day {
    lines: FeedLine[];
    notes: string[];
    actions: Set<string>;
    revisions: number;
    reviews: number;
  }
  const days = new Map<string, Day>();
  const day = (date: string): Day => {
    let found = days.get(date);
    if (!found) days.set(date, (found = { lines: [], notes: [], actions: new Set(), revisions: 0, reviews: 0 }));
    return found;
  };

  // Every change after the first: the first is the plan's own entry.
  for (const change of plan.changes.slice(1)) day(change.date).notes.push(change.note);
  for (const concern of plan.concerns) {
    for (const review of concern.reviews) {
      const d = day(review.date);
      d.reviews++;
      d.lines.push({
        kind: 'review',
        path: concern.path,
        label: `Concern ${concern.number}`,
        text: `HM Inspectorate of Prisons’ Independent Review of Progress judged: ${review.label}.`,
      });
    }
    for (const action of concern.actions) {
      const label = `Concern ${concern.number}, action ${action.number}`;
      for (const update of action.updates) {
        const d = day(update.date);
        d.actions.add(action.path);
        d.lines.push({ kind: 'update', path: action.path, label, text: `${update.statusLabel}.${update.note ? ` ${plain(update.note)}` : ''}` });
      }
      for (const revision of action.revisedTargets) {
        const d = day(revision.date);
        d.revisions++;
        d.lines.push({ kind: 'revision', path: action.path, label, text: `Target date changed to “${revision.target}”. Reason given: ${revision.reason}` });
      }
    }
  }

  return [...days].map(([date, d]) => {
    const key = `progress/${plan.id}/${date}`;
    const parts = [
      ...(d.actions.size ? [`${plural(d.actions.size, 'action')} updated`] : []),
      ...(d.revisions ? [`${plural(d.revisions, 'target date')} revised`] : []),
      ...(d.reviews ? [`HMIP review of progress on ${plural(d.reviews, 'concern')}`] : []),
    ];
    const what = parts.length ? parts.join(', ') : 'page updated';
    return {
      kind: 'progress' as const,
      key,
      id: `urn:uuid:${uuidV5(key)}`,
      planId: plan.id,
      date,
      title: `${plan.shortName}: ${what}`,
      path: d.lines[0]?.path ?? plan.path,
      summary: [`Published ${formatDate(date)}: ${what}.`, ...d.notes].join(' '),
      lines: d.lines,
    };
  });
}

/**
 * Every entry of the feed, newest first, at most `limit`. Entries of one date follow the site's
 * order of plans (newest inspection first), a plan's own entry before its progress.
 */
export function feedEntries(site: Site, limit = FEED_LIMIT): FeedEntry[] {
  const order = new Map(site.plans.map((p, i) => [p.id, i]));
  const entries = site.plans.flatMap((plan) => [planEntry(plan), ...progressEntries(plan)]);
  entries.sort(
    (a, b) =>
      (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
      order.get(a.planId)! - order.get(b.planId)! ||
      (a.kind === b.kind ? 0 : a.kind === 'plan' ? -1 : 1),
  );
  return entries.slice(0, limit);
}

/** An RFC 3339 date-time for a date: midnight UTC, since the content records days, not times. */
export const atomDate = (date: string) => `${date}T00:00:00Z`;

export interface FeedOptions {
  /** The feed's title, such as the service name. */
  title: string;
  /** The address of a path from the site's root: absolute where the site's address is known. */
  url: (path: string) => string;
  limit?: number;
}

/** The content of an entry as HTML (escaped again as XML text by the feed). */
function entryHtml(entry: FeedEntry, url: (path: string) => string): string {
  const summary = `<p>${escapeHtml(entry.summary)}</p>`;
  if (!entry.lines.length) return summary;
  const items = entry.lines.map((line) => `<li><a href="${escapeHtml(url(line.path))}">${escapeHtml(line.label)}</a>: ${escapeHtml(line.text)}</li>`);
  const editorial = entry.lines.some((line) => line.kind === 'update')
    ? '<p>Statuses are editorial: this site records them from published progress updates.</p>'
    : '';
  return `${summary}<ul>${items.join('')}</ul>${editorial}`;
}

/** The whole feed as XML. */
export function atomFeed(site: Site, options: FeedOptions): string {
  const entries = feedEntries(site, options.limit);
  const updated = entries[0]?.date ?? site.asAt.date;
  const { url } = options;
  const lines = [
    XML_DECLARATION,
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  ${xmlTextElement('id', `urn:uuid:${uuidV5('feed')}`)}`,
    `  ${xmlTextElement('title', options.title)}`,
    `  ${xmlTextElement('subtitle', 'New prison inspection action plans, and progress on their actions.')}`,
    `  ${xmlTextElement('updated', atomDate(updated))}`,
    `  ${xmlElement('author', {}, xmlTextElement('name', options.title))}`,
    `  ${xmlElement('link', { rel: 'self', type: 'application/atom+xml', href: url('/feed.xml') })}`,
    `  ${xmlElement('link', { rel: 'alternate', type: 'text/html', href: url('/') })}`,
    `  ${xmlTextElement('rights', 'Official text: Crown copyright, Open Government Licence v3.0. Statuses, themes and "target date passed" are editorial.')}`,
    ...entries.map((entry) =>
      [
        '  <entry>',
        `    ${xmlTextElement('id', entry.id)}`,
        `    ${xmlTextElement('title', entry.title)}`,
        `    ${xmlTextElement('updated', atomDate(entry.date))}`,
        `    ${xmlElement('link', { rel: 'alternate', type: 'text/html', href: url(entry.path) })}`,
        `    ${xmlTextElement('summary', entry.summary, { type: 'text' })}`,
        `    ${xmlElement('content', { type: 'html' }, xmlText(entryHtml(entry, url)))}`,
        '  </entry>',
      ].join('\n'),
    ),
    '</feed>',
  ];
  return lines.join('\n') + '\n';
}
