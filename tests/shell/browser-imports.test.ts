// What the browser downloads: every module a client component imports (not only for its types)
// is bundled for the browser. The ORM, the database drivers, zod and the logger are server code;
// one import of a module that mixes a label with a query put drizzle in every list page's
// JavaScript, one of a parser beside a zod schema put zod there (issue 20: ~46 KB compressed).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVER_PACKAGES = ['drizzle-orm', 'pg', 'zod', '@electric-sql/pglite', 'pino', 'server-only', 'next-auth/jwt', 'node:'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : path.resolve(path.dirname(path.join(ROOT, from)), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return path.relative(ROOT, candidate);
  }
  return null;
}

/** The modules a file needs at run time: imports and re-exports that are not for types only. */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typesOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typesOnly) found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

const isClientModule = (file: string) => /^\s*['"]use client['"]/.test(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const isServerActions = (file: string) => /^\s*['"]use server['"]/.test(fs.readFileSync(path.join(ROOT, file), 'utf8'));

/** Each server package the browser's modules reach, with the chain of imports that reaches it. */
function serverPackagesInTheBrowser(): string[] {
  const entries = ['app', 'components', 'lib'].flatMap(sourceFiles).filter(isClientModule);
  const reachedFrom = new Map<string, string | null>(entries.map((file) => [file, null]));
  const queue = [...entries];
  const problems: string[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    // A client module calling a server action gets a reference to it, not its code.
    if (isServerActions(file)) continue;
    for (const specifier of runtimeImports(file)) {
      if (specifier.endsWith('.css')) continue;
      const isLocal = specifier.startsWith('@/') || specifier.startsWith('.');
      if (!isLocal) {
        if (SERVER_PACKAGES.some((name) => specifier === name || specifier.startsWith(name.endsWith(':') ? name : `${name}/`))) {
          const chain = [specifier, file];
          for (let at = reachedFrom.get(file); at; at = reachedFrom.get(at)) chain.push(at);
          problems.push(chain.join(' <- '));
        }
        continue;
      }
      const resolved = resolveLocal(file, specifier);
      if (resolved && !reachedFrom.has(resolved)) {
        reachedFrom.set(resolved, file);
        queue.push(resolved);
      }
    }
  }
  return problems;
}

describe('the browser bundle', () => {
  it('reaches no server package from a client component', () => {
    expect(serverPackagesInTheBrowser()).toEqual([]);
  });
});
