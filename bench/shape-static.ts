import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The code-shape measures read from the sources with the TypeScript compiler: imports between
 * the inbound and outbound adapters, long functions in src/application, ports, `@Optional()`,
 * runtime import cycles and the runtime-import closure of an entry file.
 */

/** Longer than this many lines is a long function (the style's limit for src/application). */
export const LONG_FUNCTION_LINES = 60;
/** Elementary cycles listed at most; past it the count reads "at least". */
const CYCLE_LIMIT = 500;

export interface SourceTree {
  readonly root: string;
  /** Paths relative to root, `src/...`, sorted; no spec files. */
  readonly files: readonly string[];
  readonly program: ts.Program;
}

export function readSourceTree(root: string): SourceTree {
  const files = walk(join(root, 'src'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts'))
    .map((f) => relative(root, f))
    .sort();
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram(
    files.map((f) => join(root, f)),
    { ...options, noEmit: false, sourceMap: false, inlineSourceMap: false, declaration: false },
  );
  return { root, files, program };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function sourceOf(tree: SourceTree, file: string): ts.SourceFile {
  const source = tree.program.getSourceFile(join(tree.root, file));
  if (!source) throw new Error(`not in the program: ${file}`);
  return source;
}

/** A relative specifier resolved to a file of the tree, or undefined (a package, or not src). */
function resolveSpecifier(tree: SourceTree, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(tree.root, dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    const rel = relative(tree.root, candidate);
    if (tree.files.includes(rel)) return rel;
  }
  return undefined;
}

// ---- imports between inbound and outbound adapters -----------------------------------------

export interface CrossImports {
  readonly statements: number;
  readonly pairs: ReadonlyArray<readonly [string, string]>;
}

const INBOUND = 'src/adapters/inbound/';
const OUTBOUND = 'src/adapters/outbound/';

/** Import and re-export statements (type-only ones too) from one adapter side to the other. */
export function crossImports(tree: SourceTree): { inToOut: CrossImports; outToIn: CrossImports } {
  const count = (fromDir: string, toDir: string): CrossImports => {
    let statements = 0;
    const pairs = new Map<string, readonly [string, string]>();
    for (const file of tree.files.filter((f) => f.startsWith(fromDir))) {
      for (const statement of sourceOf(tree, file).statements) {
        const specifier = moduleSpecifierOf(statement);
        const target = specifier && resolveSpecifier(tree, file, specifier);
        if (!target?.startsWith(toDir)) continue;
        statements++;
        pairs.set(`${file}→${target}`, [file, target]);
      }
    }
    return { statements, pairs: [...pairs.values()] };
  };
  return { inToOut: count(INBOUND, OUTBOUND), outToIn: count(OUTBOUND, INBOUND) };
}

function moduleSpecifierOf(statement: ts.Statement): string | undefined {
  if (
    (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
    statement.moduleSpecifier &&
    ts.isStringLiteral(statement.moduleSpecifier)
  ) {
    return statement.moduleSpecifier.text;
  }
  if (ts.isImportEqualsDeclaration(statement)) {
    const ref = statement.moduleReference;
    if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) {
      return ref.expression.text;
    }
  }
  return undefined;
}

// ---- long functions ---------------------------------------------------------------------------

export interface LongFunction {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly lines: number;
}

/** Function declarations, methods, constructors, accessors and functions/arrows with a body. */
export function longFunctions(tree: SourceTree, under: string): LongFunction[] {
  const found: LongFunction[] = [];
  for (const file of tree.files.filter((f) => f.startsWith(under))) {
    const source = sourceOf(tree, file);
    const visit = (node: ts.Node): void => {
      const body = functionBody(node);
      if (body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        if (lines > LONG_FUNCTION_LINES) {
          found.push({ file, line: start + 1, name: functionName(node, source), lines });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

function functionBody(node: ts.Node): ts.Block | undefined {
  if (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node)
  ) {
    return node.body && ts.isBlock(node.body) ? node.body : undefined;
  }
  return undefined;
}

function functionName(node: ts.Node, source: ts.SourceFile): string {
  const owner = (n: ts.Node) => {
    const cls = n.parent && ts.isClassLike(n.parent) ? n.parent.name?.text : undefined;
    return cls ? `${cls}.` : '';
  };
  if (ts.isConstructorDeclaration(node)) return `${owner(node)}constructor`;
  const named = node as ts.NamedDeclaration;
  if (named.name) return `${owner(node)}${named.name.getText(source)}`;
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))) {
    return parent.name.getText(source);
  }
  if (parent && ts.isPropertyDeclaration(parent))
    return `${owner(parent)}${parent.name.getText(source)}`;
  return '(anonymous)';
}

// ---- ports, tokens, @Optional() ---------------------------------------------------------------

export function portFiles(tree: SourceTree): { files: string[]; tokens: number } {
  const files = tree.files.filter(
    (f) => (f.startsWith('src/application/') && f.includes('/ports/')) || f.endsWith('.port.ts'),
  );
  const tokens = files.reduce(
    (sum, f) => sum + (readFileSync(join(tree.root, f), 'utf8').match(/\bSymbol\(/g)?.length ?? 0),
    0,
  );
  return { files, tokens };
}

/** `@Optional()` decorators (Nest's), not class-validator's `@IsOptional()`. */
export function optionalInjections(tree: SourceTree): Array<{ file: string; line: number }> {
  const found: Array<{ file: string; line: number }> = [];
  for (const file of tree.files) {
    const source = sourceOf(tree, file);
    const visit = (node: ts.Node): void => {
      if (
        ts.isDecorator(node) &&
        ts.isCallExpression(node.expression) &&
        ts.isIdentifier(node.expression.expression) &&
        node.expression.expression.text === 'Optional'
      ) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ file, line });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

// ---- runtime imports: what the compiler emits as require() ------------------------------------

/**
 * Each file's runtime imports: the `require()` calls `tsc` emits for it with the project's
 * options (so `import type`, type-only uses and elided names do not count, while a class
 * named in a decorated constructor's parameters does, as in the built service).
 */
export function runtimeImports(tree: SourceTree): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of tree.files) {
    let emitted = '';
    tree.program.emit(sourceOf(tree, file), (name, text) => {
      if (name.endsWith('.js')) emitted = text;
    });
    const targets = new Set<string>();
    for (const match of emitted.matchAll(/\brequire\("([^"]+)"\)/g)) {
      const target = resolveSpecifier(tree, file, match[1]);
      if (target) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** Every file reachable from `entry` over runtime imports, the entry included. */
export function runtimeClosure(graph: Map<string, string[]>, entry: string): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length) {
    for (const next of graph.get(queue.shift()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...seen].sort();
}

export interface Cycles {
  /** Strongly connected groups of more than one file (or a file importing itself). */
  readonly groups: string[][];
  readonly cycles: string[][];
  readonly complete: boolean;
}

/** Elementary cycles (Johnson's algorithm), skipping those made only of `*.orm-entity.ts`. */
export function importCycles(graph: Map<string, string[]>): Cycles {
  const groups = stronglyConnected(graph).filter(
    (g) => g.length > 1 || (graph.get(g[0]) ?? []).includes(g[0]),
  );
  const cycles: string[][] = [];
  let complete = true;
  for (const group of groups) {
    const members = new Set(group);
    const ordered = [...group].sort();
    for (let s = 0; s < ordered.length && complete; s++) {
      const start = ordered[s];
      const allowed = new Set(ordered.slice(s));
      const blocked = new Set<string>();
      const blockMap = new Map<string, Set<string>>();
      const stack: string[] = [];
      const unblock = (node: string): void => {
        blocked.delete(node);
        for (const w of blockMap.get(node) ?? []) {
          blockMap.get(node)!.delete(w);
          if (blocked.has(w)) unblock(w);
        }
      };
      const circuit = (node: string): boolean => {
        let closed = false;
        stack.push(node);
        blocked.add(node);
        for (const next of graph.get(node) ?? []) {
          if (!members.has(next) || !allowed.has(next)) continue;
          if (next === start) {
            if (!stack.every((f) => f.endsWith('.orm-entity.ts'))) cycles.push([...stack]);
            if (cycles.length >= CYCLE_LIMIT) complete = false;
            closed = true;
          } else if (!blocked.has(next) && complete && circuit(next)) {
            closed = true;
          }
        }
        if (closed) unblock(node);
        else {
          for (const next of graph.get(node) ?? []) {
            if (!members.has(next) || !allowed.has(next)) continue;
            if (!blockMap.has(next)) blockMap.set(next, new Set());
            blockMap.get(next)!.add(node);
          }
        }
        stack.pop();
        return closed;
      };
      circuit(start);
    }
  }
  const relevant = groups.filter((g) => !g.every((f) => f.endsWith('.orm-entity.ts')));
  return { groups: relevant.map((g) => [...g].sort()), cycles, complete };
}

function stronglyConnected(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const connect = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      groups.push(group);
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) connect(v);
  return groups;
}
