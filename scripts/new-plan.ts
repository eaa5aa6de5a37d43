/**
 * `npm run new-plan`: writes a valid skeleton for a new plan, and the establishment's file when the
 * establishment is new (src/scaffold/new-plan.ts). Asks for anything not given as a flag when run in
 * a terminal; otherwise names the missing flags on one line.
 *
 *   npm run new-plan -- --establishment chelmsford --inspection "22nd January – 8th February 2024" --format concerns
 *   npm run new-plan -- --establishment wandsworth --name "HMP Wandsworth" --start 2024-01-22 --end 2024-02-08 --format recommendations
 *   Options: --id <plan-id> (default <establishment>-<year>), --content DIR (default ./content)
 */
import { newPlanCommand } from '../src/scaffold/new-plan.ts';

process.exitCode = await newPlanCommand(process.argv.slice(2), {
  input: process.stdin,
  output: process.stdout,
  interactive: Boolean(process.stdin.isTTY),
  log: (line) => console.log(line),
  error: (line) => console.error(line),
});
