import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Keeps the layers of ARCHITECTURE.md pointing one way: a rule broken here is an import to move,
 * not a test to loosen. Type-only imports (`import type`) cost nothing at run time and are
 * allowed across layers; every other import is a run-time dependency.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCES = ['common', 'db', 'search', 'server', 'migrations', 'tools', 'scripts', 'bench', 'web/src', 'test'];

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** The relative imports of a file: static imports, re-exports and dynamic `import()`. */
function importsOf(file: string): Edge[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const edges: Edge[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) return;
    const target = path.normalize(path.join(path.dirname(file), specifier.text)).replace(/\.js$/, '.ts');
    edges.push({ from: file, to: target, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node.importClause?.isTypeOnly === true);
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], false);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

const edges = SOURCES.flatMap(files).flatMap(importsOf);
const runtime = edges.filter((e) => !e.typeOnly);
const layer = (file: string) => SOURCES.find((dir) => file === dir || file.startsWith(`${dir}/`)) ?? file.split('/')[0]!;

/** Which layers each layer may import at run time. */
const ALLOWED: Record<string, string[]> = {
  common: ['common'],
  db: ['db', 'common', 'migrations'],
  migrations: ['migrations'],
  search: ['search', 'db', 'common'],
  // package.json is the package's name, version and description, data rather than code: the API docs show them.
  server: ['server', 'search', 'db', 'common', 'package.json'],
  'web/src': ['web/src', 'common'],
  // What the commands, the bench and the tests share lives in tools/, which none of them feeds.
  tools: ['tools', 'server', 'search', 'db', 'common', 'migrations'],
  scripts: ['scripts', 'tools', 'server', 'search', 'db', 'common', 'migrations'],
  bench: ['bench', 'tools', 'server', 'search', 'db', 'common', 'migrations'],
};

describe('the layers point one way', () => {
  it.each(Object.entries(ALLOWED))('%s imports at run time only from its allowed layers', (from, allowed) => {
    const wrong = runtime.filter((e) => layer(e.from) === from && !allowed.includes(layer(e.to)));
    expect(wrong.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('no shared code (common/) imports a Node built-in: the browser runs it too', () => {
    const nodeOnly = files('common').filter((file) => /from 'node:/.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(nodeOnly).toEqual([]);
  });

  it('no source files import each other in a loop at run time', () => {
    const graph = new Map<string, string[]>();
    for (const e of runtime) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const walk = (file: string) => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) walk(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) walk(file);
    expect(cycles).toEqual([]);
  });

  it('sees the imports it checks (a rule over nothing would pass by default)', () => {
    expect(runtime.some((e) => e.from.startsWith('server/') && e.to.startsWith('db/'))).toBe(true);
    expect(edges.some((e) => e.typeOnly && e.from.startsWith('web/src/') && e.to.startsWith('server/'))).toBe(true);
  });
});
