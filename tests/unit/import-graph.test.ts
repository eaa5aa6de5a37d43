/**
 * The code's import graph runs one way: content files → src/content (schema, model, rules) → pages,
 * search and downloads, with src/lib's small pure helpers usable by all of them. So nothing in
 * src/lib may import from src/content, and no two modules may import each other, however indirectly.
 * Imports are read with TypeScript's own pre-processor, so comments and strings are not mistaken for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

/** The modules a file imports or re-exports, statically or dynamically, as written. An .astro file's imports are in its frontmatter. */
export function importsOf(source: string, file: string): string[] {
  const code = file.endsWith('.astro') ? (/^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '') : source;
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

/** Every module under a folder, by absolute path. */
function modulesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.(ts|astro)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

/** The import graph of the given files: each file's relative imports, resolved to files. */
export function importGraph(files: Map<string, string>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, source] of files) {
    graph.set(
      file,
      importsOf(source, file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => path.resolve(path.dirname(file), spec)),
    );
  }
  return graph;
}

/** Groups of modules that import each other, directly or through others (strongly connected components larger than one). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** Imports from files under `fromDir` into `toDir`, as "file → import". */
export function arrows(graph: Map<string, string[]>, fromDir: string, toDir: string): string[] {
  const inside = (file: string, dir: string) => !path.relative(dir, file).startsWith('..');
  return [...graph].flatMap(([file, imports]) =>
    inside(file, fromDir) ? imports.filter((to) => inside(to, toDir)).map((to) => `${path.relative(SRC, file)} → ${path.relative(SRC, to)}`) : [],
  );
}

const read = (files: string[]) => new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));

describe('the import graph of src/', () => {
  const graph = importGraph(read(modulesUnder(SRC)));

  it('has no arrow from src/lib to src/content', () => {
    expect(arrows(graph, path.join(SRC, 'lib'), path.join(SRC, 'content'))).toEqual([]);
  });

  it('has no arrow from src/ into tests/', () => {
    expect(arrows(graph, SRC, path.resolve('tests'))).toEqual([]);
  });

  it('has no cycles, so none between src/content and src/lib', () => {
    expect(cycles(graph).map((group) => group.map((f) => path.relative(SRC, f)))).toEqual([]);
  });
});

describe('the checks above', () => {
  // Made-up modules, to show that the checks see what they are meant to.
  const lib = path.join(SRC, 'lib');
  const content = path.join(SRC, 'content');
  const fake = (entries: Record<string, string>) => importGraph(new Map(Object.entries(entries).map(([f, s]) => [path.join(SRC, f), s])));

  it('see every form of import, and not words in comments or strings', () => {
    const source = [
      "import { a } from '../content/a.ts';",
      "import type { B } from '../content/b.ts';",
      "export { c } from '../content/c.ts';",
      "export * from '../content/d.ts';",
      "import '../content/e.ts';",
      "const f = await import('../content/f.ts');",
      "import {\n  g,\n  h,\n} from '../content/g.ts';",
      "// import { x } from '../content/comment.ts';",
      "const text = \"import { y } from '../content/string.ts'\";",
    ].join('\n');
    expect(importsOf(source, 'x.ts')).toEqual(['../content/a.ts', '../content/b.ts', '../content/c.ts', '../content/d.ts', '../content/e.ts', '../content/f.ts', '../content/g.ts']);
    expect(importsOf("---\nimport { a } from '../content/a.ts';\n---\n<p>import { b } from '../content/b.ts'</p>", 'x.astro')).toEqual(['../content/a.ts']);
  });

  it('find an import from src/lib into src/content', () => {
    const graph = fake({ 'lib/helper.ts': "import type { Plan } from '../content/model.ts';", 'content/model.ts': "import { x } from '../lib/dates.ts';" });
    expect(arrows(graph, lib, content)).toEqual([`lib/helper.ts → content/model.ts`]);
    expect(arrows(graph, content, lib)).toEqual([`content/model.ts → lib/dates.ts`]);
  });

  it('find a cycle, however long', () => {
    const graph = fake({
      'lib/a.ts': "import { b } from './b.ts';",
      'lib/b.ts': "import { c } from '../content/c.ts';",
      'content/c.ts': "import { a } from '../lib/a.ts';",
      'content/d.ts': "import { a } from '../lib/a.ts';",
    });
    expect(cycles(graph).map((group) => group.map((f) => path.relative(SRC, f)))).toEqual([['content/c.ts', 'lib/a.ts', 'lib/b.ts']]);
    expect(cycles(fake({ 'lib/a.ts': "import { a } from './a.ts';" }))).toHaveLength(1);
  });
});
