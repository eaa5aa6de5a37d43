/**
 * The peer workload: N copies of the real Chelmsford plan, laid out as the peer benchmark
 * (../shared/peer-eleventy/generate.mjs) lays them out, so our build and Eleventy's do the same
 * work. Plan k is the Chelmsford plan with the prison renamed "HMP Example <e>" wherever the text
 * names it and " k" after each concern; every 5 plans share an establishment, and the plans of one
 * establishment are its inspections a year apart (plan j of an establishment has every date and
 * target moved j years earlier), so no two plans of an establishment are alike.
 *
 * Only the frontmatter's structure is changed (through the YAML document, so comments and block
 * scalars stay as written); the body is the plan's own introduction, renamed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, Scalar, visit } from 'yaml';
import { loadContent } from '../content/load.ts';
import { formatProblem } from '../content/problems.ts';
import { EstateError, REAL_CONTENT } from './estate.ts';

export const PEER_PLAN = path.join(REAL_CONTENT, 'plans/chelmsford/chelmsford-2024.md');
export const PLANS_PER_ESTABLISHMENT = 5;

/** Keys whose values hold dates or target months: their years move with the plan. */
const DATED_KEYS = new Set(['asWritten', 'start', 'end', 'date', 'target']);

export interface PeerEstateSummary {
  out: string;
  plans: number;
  establishments: number;
  concerns: number;
  actions: number;
}

/** Every four-digit year from 2000 in `text`, moved `years` earlier. */
export function shiftYears(text: string, years: number): string {
  return text.replace(/\b20\d\d\b/g, (y) => String(Number(y) - years));
}

/** The plan's establishment name ("HMP Chelmsford") and its bare place name, both become `to`. */
function renamer(from: string, to: string): (text: string) => string {
  const bare = from.replace(/^HMP\s+/, '');
  return (text) => text.split(from).join(to).split(bare).join(to);
}

/** Plan k (from 1) of the peer workload: its establishment number, id and file text. */
export function peerPlan(source: string, k: number): { establishment: number; id: string; text: string } {
  const match = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(source);
  if (!match) throw new EstateError('The peer plan has no YAML frontmatter between --- lines.');
  const doc = parseDocument(match[1]!);
  const e = Math.ceil(k / PLANS_PER_ESTABLISHMENT);
  const years = (k - 1) % PLANS_PER_ESTABLISHMENT;
  const establishmentId = `example-${e}`;
  const from = String(doc.get('title')).replace(/^Action Plan:\s*/i, '');
  const rename = renamer(from, `HMP Example ${e}`);
  const year = Number(String(doc.getIn(['inspection', 'periods', 0, 'start'])).slice(0, 4)) - years;
  const id = `${establishmentId}-${year}`;

  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value;
      if (!isScalar(value) || typeof value.value !== 'string') return;
      let text = value.value;
      if (DATED_KEYS.has(key)) text = shiftYears(text, years);
      if (key !== 'id' && key !== 'establishment') text = rename(text);
      value.value = text;
    },
  });
  doc.set('id', id);
  doc.set('establishment', establishmentId);
  const concerns = doc.get('concerns');
  if (!isSeq(concerns)) throw new EstateError('The peer plan has no concerns.');
  for (const concern of concerns.items) {
    if (!isMap(concern)) continue;
    const text = concern.get('text', true);
    if (isScalar(text)) text.value = `${String(text.value)} ${k}`;
  }
  return { establishment: e, id, text: `---\n${doc.toString({ lineWidth: 0 })}---\n${rename(match[2]!)}` };
}

function establishmentYaml(e: number, source: string): string {
  const doc = parseDocument(source);
  doc.set('id', `example-${e}`);
  doc.set('name', new Scalar(`HMP Example ${e}`));
  return doc.toString({ lineWidth: 0 });
}

/**
 * Writes the peer workload of `plans` plans into `out` (emptied first; it must be outside the real
 * content) and checks it with loadContent, as the build does.
 */
export function generatePeerEstate(options: { plans: number; out: string; planFile?: string }): PeerEstateSummary {
  const { plans } = options;
  if (!Number.isInteger(plans) || plans < 1) throw new EstateError(`The number of plans must be a whole number of 1 or more, not ${plans}.`);
  const out = path.resolve(options.out);
  const relative = path.relative(REAL_CONTENT, out);
  if (relative === '' || !relative.startsWith('..')) throw new EstateError(`Refusing to write the peer workload into ${out}: it is inside the real content folder.`);
  const planFile = options.planFile ?? PEER_PLAN;
  const source = fs.readFileSync(planFile, 'utf8');
  const sourceEstablishment = String(parseDocument(/^---\n([\s\S]*?\n)---\n/.exec(source)?.[1] ?? '').get('establishment'));
  const establishmentSource = fs.readFileSync(path.join(path.dirname(planFile), '../../establishments', `${sourceEstablishment}.yaml`), 'utf8');

  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'establishments'), { recursive: true });
  // The real site's themes and search vocabulary, so the build does the work it does for the real site.
  for (const shared of ['themes.yaml', 'vocabulary.yaml']) {
    const file = path.join(path.dirname(planFile), '../..', shared);
    if (fs.existsSync(file)) fs.copyFileSync(file, path.join(out, shared));
  }
  fs.writeFileSync(
    path.join(out, 'README.md'),
    `# Peer benchmark workload: fiction\n\n${plans} copies of the Chelmsford plan, renamed "HMP Example ...", written by \`npm run bench\` (src/bench/peer-estate.ts). Never copy these files into content/.\n`,
  );
  const establishments = Math.ceil(plans / PLANS_PER_ESTABLISHMENT);
  for (let e = 1; e <= establishments; e++) {
    fs.writeFileSync(path.join(out, 'establishments', `example-${e}.yaml`), establishmentYaml(e, establishmentSource));
    fs.mkdirSync(path.join(out, 'plans', `example-${e}`), { recursive: true });
  }
  for (let k = 1; k <= plans; k++) {
    const plan = peerPlan(source, k);
    fs.writeFileSync(path.join(out, 'plans', `example-${plan.establishment}`, `${plan.id}.md`), plan.text);
  }

  const result = loadContent(out);
  if (!result.ok) {
    throw new EstateError(`The peer workload in ${out} is not valid content: ${result.problems.slice(0, 20).map(formatProblem).join('\n')}`);
  }
  const concerns = result.site.plans.flatMap((p) => p.concerns);
  return { out, plans, establishments, concerns: concerns.length, actions: concerns.reduce((n, c) => n + c.actions.length, 0) };
}
