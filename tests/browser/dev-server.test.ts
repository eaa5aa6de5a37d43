/**
 * The dev server (`npm run dev`) with invalid content, as an editor meets it: the terminal lists
 * every problem with file:line, the error page in the browser shows the same words as
 * `npm run validate`, and once the file is fixed and saved the page comes back.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { ROOT } from '../support/build-site.ts';

const PLAN = 'plans/chelmsford/chelmsford-2024.md';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let work: string;
let content: string;
let valid: string;
let dev: ChildProcess;
let terminal = '';
let url: string;
let browser: Browser;
let page: Page;

/** The plan as an editor might leave it: a category not in the list, and an owner left empty. */
const broken = (plan: string) => plan.replace('category: priority', 'category: urgent').replace('        owner: Governor\n        target: July 2024', '        owner:\n        target: July 2024');

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'action-plans-dev-'));
  content = path.join(work, 'content');
  fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  valid = fs.readFileSync(path.join(content, PLAN), 'utf8');
  fs.writeFileSync(path.join(content, PLAN), broken(valid));

  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const astro = path.join(ROOT, 'node_modules/astro/astro.js');
  dev = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, ACTION_PLANS_CONTENT: content, FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk) => (terminal += String(chunk)));
  dev.stderr!.on('data', (chunk) => (terminal += String(chunk)));
  // The server starts even though the content is invalid: it must, to show the problems.
  const started = Date.now();
  while (!/Local\s+http/.test(terminal)) {
    if (dev.exitCode !== null || Date.now() - started > 90_000) throw new Error(`astro dev did not start:\n${terminal}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // The first page the dev server renders compiles the styles and scripts: seconds on a busy machine.
  await fetch(`${url}/plans/chelmsford-2024/`);
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dev?.pid) {
    try {
      process.kill(-dev.pid);
    } catch {
      // Already ended.
    }
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const shownPlan = () => path.relative(ROOT, path.join(content, PLAN)).split(path.sep).join('/');
/** The two problems, word for word as the content format says they must be told. */
const expectedLines = () => [
  `${shownPlan()}:44:15  concern 1, category  found "urgent", but it must be "priority" or "key"`,
  `${shownPlan()}:51:9  concern 1, action 1, owner  "owner" is empty: write the owner exactly as the plan writes it, or "owner: null" where the plan names no owner`,
];

describe('the dev server with invalid content', () => {
  it('lists every problem in the terminal, with file:line', () => {
    for (const line of expectedLines()) expect(terminal).toContain(line);
    expect(terminal).not.toContain('listed above');
  });

  it('shows the problems on the error page, in the same words as npm run validate', async () => {
    const response = await page.goto(`${url}/plans/chelmsford-2024/`, { waitUntil: 'domcontentloaded' });
    expect(response!.status()).toBe(500);
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ timeout: 30_000 });
    await expect.poll(() => overlay.locator('#title').innerText()).toBe('The content has problems');
    const message = await overlay.locator('#message-content').innerText();
    expect(message.split('\n')).toEqual([
      'The content has 2 problems. Fix and save: the page reloads by itself once the content is valid.',
      ...expectedLines(),
    ]);

    const validate = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/validate.ts'), '--content', content], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(validate.status).toBe(1);
    expect(validate.stdout.trim().split('\n')).toEqual(message.split('\n').slice(1));
  });

  it('comes back once the file is fixed and saved, and the terminal says so', { timeout: 180_000 }, async () => {
    fs.writeFileSync(path.join(content, PLAN), valid);
    // When the save is not noticed, the terminal since the error page says what the server did instead.
    const since = terminal.length;
    await expect
      .poll(() => /The content is valid\./.test(terminal), { timeout: 60_000 })
      .toBe(true)
      .catch((error: Error) => {
        throw new Error(`${error.message}\nThe terminal after the save:\n${terminal.slice(since)}`);
      });
    const response = await page.goto(`${url}/plans/chelmsford-2024/`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    expect(response!.status()).toBe(200);
    expect(await page.locator('h1.govuk-heading-xl').innerText()).toBe('HMP Chelmsford: action plan after the 2024 inspection');
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
  });
});
