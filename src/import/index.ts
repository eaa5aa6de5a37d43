/**
 * `npm run import`'s work, without the terminal: a published plan (its bytes) → the text of a draft
 * content file and the list of places to check. Input it cannot read at all is an ImportError with
 * a one-line reason; anything it can read becomes a draft, with flags where it is unsure.
 */
import path from 'node:path';
import { readCover } from './cover.ts';
import { today } from '../lib/dates.ts';
import { ImportError } from './errors.ts';
import { buildPlan, type DraftPlan, type KnownEstablishment } from './plan.ts';
import type { SourceDocument } from './source.ts';
import { readDocx } from './table-docx.ts';
import { readPdf } from './table-pdf.ts';
import { readTextLayout } from './table-text.ts';
import { writeDraft, type Check } from './write.ts';

export { ImportError } from './errors.ts';
export type { Check } from './write.ts';

export interface ImportOptions {
  /** The source file's name: its extension matters only to say what is wrong with a file. */
  fileName: string;
  /** YYYY-MM-DD; today (UTC) by default. */
  retrieved?: string;
  establishments?: KnownEstablishment[];
  /** The plan JSON Schema's path relative to where the draft will be saved. */
  schemaPath?: string;
  /** The establishment and plan ids the draft's path gives: they decide over the cover's. */
  ids?: { establishment: string; id: string };
}

export interface ImportResult {
  plan: DraftPlan;
  /** The draft content file. */
  text: string;
  checks: Check[];
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** The source as text or as Word, told by its bytes rather than its name. */
export async function readSource(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
  if (bytes.length === 0) throw new ImportError('the file is empty');
  // A .docx is a zip archive: "PK\3\4" (or "PK\5\6" for an empty one).
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) return readDocx(bytes);
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return readPdf(bytes);
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new ImportError('this is an old Word .doc file: open it in Word and save it as .docx');
  }
  if (/\.docx$/i.test(fileName)) {
    throw new ImportError('the file is named .docx but is not a Word document (a .docx is a zip archive and this is not one): it may be damaged or cut short');
  }
  return readTextLayout(decodeText(bytes));
}

function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, 0xff, 0xfe)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, 0xfe, 0xff)) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const notText = () => new ImportError('this is neither text nor a Word .docx file (it looks like binary data): give the plan as a .txt in the text layout or as a .docx');
  if (bytes.includes(0)) throw notText();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notText();
  }
}

/** The source read into a draft plan with its flags, before it is written as text. */
export async function readPlan(bytes: Uint8Array, options: Pick<ImportOptions, 'fileName' | 'establishments' | 'ids'>): Promise<DraftPlan> {
  const source = await readSource(bytes, options.fileName);
  const cover = readCover(source.cover);
  return buildPlan(source, cover, {
    fileName: path.basename(options.fileName),
    ...(options.establishments ? { establishments: options.establishments } : {}),
    ...(options.ids ? { ids: options.ids } : {}),
  });
}

/** The ids a draft's path gives: content/plans/<establishment>/<id>.md → { establishment, id }; none for a folder or another name. */
export function idsFromPath(out: string): { establishment: string; id: string } | undefined {
  if (!/\.md$/i.test(out)) return undefined;
  const id = path.basename(out).replace(/\.md$/i, '');
  const establishment = path.basename(path.dirname(path.resolve(out)));
  return id && establishment ? { establishment, id } : undefined;
}

export function writePlan(plan: DraftPlan, options: Omit<ImportOptions, 'establishments'>): ImportResult {
  const { text, checks } = writeDraft(plan, {
    retrieved: options.retrieved ?? today(),
    sourceName: path.basename(options.fileName),
    ...(options.schemaPath ? { schemaPath: options.schemaPath } : {}),
  });
  return { plan, text, checks };
}

export async function importPlan(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  return writePlan(await readPlan(bytes, options), options);
}
