/**
 * The command line of every `npm run` command (validate, import, new-plan, generate-estate, bench,
 * bench:search): `--help` prints the usage, and a mistake in the command itself (an unknown option,
 * an option without its value, an argument the command does not take) is one line and exit status
 * 2. Never a stack trace: the fix is in the command, and a trace would hide it.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandLine<O extends Options> {
  /** The npm script, such as "validate": the start of every error line. */
  command: string;
  /** What --help prints: the first line is "Usage: ...". */
  usage: string;
  options: O;
  /** What the command's arguments are, such as "files or folders"; leave out when it takes none. */
  positionals?: string;
}

type Values<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];

export type ParsedCommandLine<O extends Options> =
  | { ok: true; values: Values<O>; positionals: string[] }
  /** Nothing to run: print `output` (to stdout when the status is 0, else stderr) and exit with `status`. */
  | { ok: false; status: 0 | 2; output: string };

/** Reads `argv` (without node and the script); pure, so every command's mistakes can be tested. */
export function parseCommandLine<const O extends Options>(spec: CommandLine<O>, argv: string[]): ParsedCommandLine<O> {
  if (argv.includes('--help') || argv.includes('-h')) return { ok: false, status: 0, output: spec.usage };
  const wrong = (what: string): ParsedCommandLine<O> => ({
    ok: false,
    status: 2,
    output: `${spec.command}: ${what}. See npm run ${spec.command} -- --help`,
  });
  try {
    const { values, positionals } = parseArgs({ args: argv, options: spec.options, allowPositionals: true, strict: true });
    if (positionals.length && !spec.positionals) return wrong(`it takes options only, not "${positionals[0]}"`);
    return { ok: true, values: values as Values<O>, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-[^' ]*)/.exec(message)?.[1];
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return wrong(`there is no option ${option}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      return wrong(/does not take/.test(message) ? `${option} takes no value` : `${option} needs a value after it`);
    }
    return wrong(message.split('\n')[0]!);
  }
}

/** For a script: the parsed command line, or the usage or error printed and the process ended. */
export function commandLine<const O extends Options>(spec: CommandLine<O>, argv = process.argv.slice(2)): { values: Values<O>; positionals: string[] } {
  const parsed = parseCommandLine(spec, argv);
  if (parsed.ok) return parsed;
  if (parsed.status === 0) console.log(parsed.output);
  else console.error(parsed.output);
  process.exit(parsed.status);
}
