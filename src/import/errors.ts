/**
 * Input the importer cannot read at all (empty, not a plan, damaged). The message is one plain
 * sentence for the person running the import: the CLI prints it as one line and exits 1, with no
 * stack trace, because the fix is in their file, not in our code.
 */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** Where the importer is unsure: a `# CHECK:` comment at `path` in the draft, and a line on the terminal. */
export interface Flag {
  /** Path of the field in the draft the comment goes above; [] for the top of the file. */
  path: (string | number)[];
  /** One line saying what to check and why. */
  message: string;
}
