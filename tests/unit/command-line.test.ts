/**
 * Every command on the command line, as an editor types it: `--help` prints the usage, an unknown
 * option or an argument the command does not take is one line and exit status 2 (never a stack
 * trace), and `validate` given files or folders checks just those, against the rest of the content.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/lib/cli.ts';
import { runScript } from '../support/run-script.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PLAN = 'plans/chelmsford/chelmsford-2024.md';

/** Runs `npm run <script> -- ...args` as npm would (the script's own command), from the project root. */
const run = (script: string, args: string[]) => runScript(script, args);

const STACK_TRACE = /^\s+at |ERR_PARSE_ARGS|node:internal/m;

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'action-plans-cli-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A copy of the real content, with `change` applied to the Chelmsford plan's text. */
function contentWith(name: string, change: (plan: string) => string, extra: Record<string, string> = {}): string {
  const dir = path.join(work, name);
  fs.cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  const planFile = path.join(dir, PLAN);
  fs.writeFileSync(planFile, change(fs.readFileSync(planFile, 'utf8')));
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const rel = (dir: string, file = '') => path.relative(ROOT, path.join(dir, file)).split(path.sep).join('/');

// Each run starts a Node process; bench loads Lighthouse and Playwright first, which takes seconds on a busy machine.
describe('every command: --help, an unknown option, an argument it does not take', { timeout: 120_000 }, () => {
  const COMMANDS: { script: string; usage: RegExp; takesFiles: boolean }[] = [
    { script: 'validate', usage: /^Usage: npm run validate -- \[FILE or FOLDER \.\.\.\]/, takesFiles: true },
    { script: 'import', usage: /^usage: npm run import -- <plan\.pdf\|plan\.docx\|plan\.txt> --out/, takesFiles: true },
    { script: 'new-plan', usage: /^Usage: npm run new-plan -- --establishment chelmsford/, takesFiles: false },
    { script: 'generate-estate', usage: /^Usage: npx tsx scripts\/generate-estate\.ts --plans 500 --out/, takesFiles: false },
    { script: 'bench', usage: /^Usage: npm run bench -- \[--sizes 6,60,600\]/, takesFiles: false },
    { script: 'bench:search', usage: /^Usage: npx tsx scripts\/bench-search\.ts \[--plans 600\]/, takesFiles: false },
    { script: 'bench:pagefind', usage: /^Usage: npm run bench:pagefind -- \[--plans 600\] \[--variants as-built,per-page,/, takesFiles: false },
    { script: 'bench:yaml', usage: /^Usage: npm run bench:yaml -- \[--copies 600\] \[--rounds 5\]/, takesFiles: false },
  ];

  it.each(COMMANDS)('$script -- --help prints the usage and exits 0', ({ script, usage }) => {
    const result = run(script, ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(usage);
    expect(result.stderr).toBe('');
  });

  it.each(COMMANDS)('$script -- --colour: one line, exit 2', ({ script }) => {
    const result = run(script, ['--colour']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    if (script === 'new-plan') expect(result.stderr).toMatch(/^Unknown option '--colour'\. Usage: npm run new-plan -- /);
    else expect(result.stderr).toBe(`${script}: there is no option --colour. See npm run ${script} -- --help\n`);
  });

  it.each(COMMANDS.filter((c) => !c.takesFiles))('$script -- content/themes.yaml: one line, exit 2 (it takes no files)', ({ script }) => {
    const result = run(script, ['content/themes.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    if (script === 'new-plan') expect(result.stderr).toMatch(/^Unexpected argument 'content\/themes\.yaml'\. This command does not take positional arguments\. Usage:/);
    else expect(result.stderr).toBe(`${script}: it takes options only, not "content/themes.yaml". See npm run ${script} -- --help\n`);
  });

  it('import -- FILE --out DRAFT writes the draft of that file', () => {
    const out = path.join(work, 'imported.md');
    const result = run('import', ['tests/fixtures/source/chelmsford-2024.txt', '--out', out, '--retrieved', '2024-07-01']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*imported\.md: 15 concerns, 66 actions \(concerns format\)\./);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^---\n# yaml-language-server: \$schema=/);
  });

  it('an option missing its value: one line, exit 2', () => {
    const result = run('validate', ['--content']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('validate: --content needs a value after it. See npm run validate -- --help\n');
  });
});

describe('validate with files or folders', { timeout: 120_000 }, () => {
  it('checks just the file named, and says so', () => {
    const result = run('validate', ['content/plans/chelmsford/chelmsford-2024.md']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('content/plans/chelmsford/chelmsford-2024.md: no problems (the content has 1 establishments, 1 plans, 15 concerns, 66 actions).\n');
  });

  it("leaves out another file's problems, but checks the named file's references against it", () => {
    // A second establishment whose file is broken, and a plan for a prison with no file at all.
    const dir = contentWith('references', (plan) => plan, {
      'establishments/norwich.yaml': 'id: norwich\nnmae: HMP Norwich\n',
      'plans/leeds/leeds-2024.md': fs
        .readFileSync(path.join(ROOT, 'content', PLAN), 'utf8')
        .replace('id: chelmsford-2024', 'id: leeds-2024')
        .replace('establishment: chelmsford', 'establishment: leeds'),
    });
    const leeds = rel(dir, 'plans/leeds/leeds-2024.md');
    const result = run('validate', ['--content', dir, leeds]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `${leeds}:14:16  establishment  the establishment "leeds" does not exist: use the id of a file in content/establishments/, or add content/establishments/leeds.yaml\n`,
    );
    expect(result.stderr).toBe('\n1 problem in 1 file. Nothing was published.\n');

    const chelmsford = run('validate', ['--content', dir, rel(dir, 'plans/chelmsford')]);
    expect(chelmsford.status).toBe(0);
    expect(chelmsford.stdout).toBe(
      `${rel(dir, 'plans/chelmsford')}: no problems. Other files in the content folder have problems: npm run validate lists them.\n`,
    );
  });

  it('refuses a path that does not exist, or is outside the content folder, in one line', () => {
    expect(run('validate', ['content/plans/chelmsford/chelmsford-2042.md'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'validate: there is no file or folder "content/plans/chelmsford/chelmsford-2042.md". See npm run validate -- --help\n',
    });
    expect(run('validate', ['tests/fixtures/source/chelmsford-2024.txt'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'validate: "tests/fixtures/source/chelmsford-2024.txt" is not inside the content folder content. See npm run validate -- --help\n',
    });
  });
});

describe('validate and unfinished work', { timeout: 120_000 }, () => {
  const withCheck = (plan: string) =>
    plan.replace('        owner: Governor\n        target: July 2024', '        # CHECK: the owner is cut off at the page break.\n        owner: Governor\n        target: July 2024');

  it('refuses a leftover "# CHECK:" comment, and the "complete" transcription with it', () => {
    const dir = contentWith('check', withCheck);
    const plan = rel(dir, PLAN);
    const result = run('validate', ['--content', dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `${plan}:32:18  provenance, transcription  the transcription is marked "complete", but the file still has 1 "# CHECK:" comment: finish it, or write "partial" until it is done\n` +
        `${plan}:51:9  comment  a "# CHECK:" comment is still here ("the owner is cut off at the page break."): check the line below it against the plan, correct it if needed, then delete the comment\n`,
    );
    expect(result.stderr).toBe('\n2 problems in 1 file. Nothing was published.\n');
  });

  it('--draft allows it as a warning, and --format github makes it a warning annotation', () => {
    const dir = contentWith('draft', (plan) => withCheck(plan).replace('transcription: complete', 'transcription: partial'));
    const plan = rel(dir, PLAN);
    const draft = run('validate', ['--content', dir, '--draft']);
    expect(draft.status).toBe(0);
    expect(draft.stdout).toBe(
      `${plan}:51:9  comment  warning: a "# CHECK:" comment is still here ("the owner is cut off at the page break."): check the line below it against the plan, correct it if needed, then delete the comment\n` +
        'Content is valid: 1 establishments, 1 plans, 15 concerns, 66 actions. 1 warning: unfinished work to finish before it can be published.\n',
    );
    const github = run('validate', ['--content', dir, '--draft', '--format', 'github']);
    expect(github.stdout.split('\n')[0]).toBe(
      `::warning file=${plan},line=51,col=9,title=file::comment: a "# CHECK:" comment is still here ("the owner is cut off at the page break."): check the line below it against the plan, correct it if needed, then delete the comment`,
    );
  });

  it('names a field for GitHub by its path counted from 1, and the place in the message', () => {
    const dir = contentWith('github', (plan) => plan.replace('category: priority', 'category: urgent'));
    const result = run('validate', ['--content', dir, '--format', 'github']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `::error file=${rel(dir, PLAN)},line=44,col=15,title=concerns.1.category::concern 1, category: found "urgent", but it must be "priority" or "key"\n`,
    );
  });
});

describe('parseCommandLine', () => {
  const spec = { command: 'demo', usage: 'Usage: demo [--count N]', options: { count: { type: 'string' }, quiet: { type: 'boolean' } } } as const;

  it('reads the options', () => {
    expect(parseCommandLine(spec, ['--count', '3', '--quiet'])).toEqual({ ok: true, values: { count: '3', quiet: true }, positionals: [] });
  });

  it('gives the usage for --help and -h, whatever else is written', () => {
    expect(parseCommandLine(spec, ['--nonsense', '--help'])).toEqual({ ok: false, status: 0, output: 'Usage: demo [--count N]' });
    expect(parseCommandLine(spec, ['-h'])).toEqual({ ok: false, status: 0, output: 'Usage: demo [--count N]' });
  });

  it('says what is wrong with the command in one line', () => {
    expect(parseCommandLine(spec, ['--cuont', '3'])).toEqual({ ok: false, status: 2, output: 'demo: there is no option --cuont. See npm run demo -- --help' });
    expect(parseCommandLine(spec, ['--quiet=yes'])).toEqual({ ok: false, status: 2, output: 'demo: --quiet takes no value. See npm run demo -- --help' });
    expect(parseCommandLine(spec, ['--count'])).toEqual({ ok: false, status: 2, output: 'demo: --count needs a value after it. See npm run demo -- --help' });
    expect(parseCommandLine(spec, ['file.md'])).toEqual({ ok: false, status: 2, output: 'demo: it takes options only, not "file.md". See npm run demo -- --help' });
  });
});
