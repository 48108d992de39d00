import { execSync } from 'node:child_process';
import {
  crossImports,
  importCycles,
  LONG_FUNCTION_LINES,
  longFunctions,
  optionalInjections,
  portFiles,
  readSourceTree,
  runtimeClosure,
  runtimeImports,
} from './shape-static';
import { measureRuntimePaths, type RuntimePaths } from './shape-runtime';

/**
 * `npm run measure:shape`: the code-shape measures of the redesign, printed as text. Static
 * ones from the sources (TypeScript compiler API); the files a `check_availability` call and a
 * sync job pass through from V8 coverage of the service booted on real Postgres and Redis with
 * a fake Cal.com (SHAPE_RUNTIME=0 skips that part). Run from the repository root.
 */
const RETELL_CONTROLLER = 'src/adapters/inbound/retell/retell-function.controller.ts';
const SYNC_WORKER_ENTRY = 'src/adapters/inbound/sync-worker/sync-worker.service.ts';

async function main(): Promise<void> {
  const root = process.cwd();
  const out: string[] = [];
  const say = (line = '') => out.push(line);
  say(`# code shape at ${git('rev-parse HEAD')} (${git('log -1 --format=%cI HEAD')})`);
  say(`# src last changed in ${git('log -1 --format=%H -- src')}`);
  if (git('status --porcelain --untracked-files=no -- src')) say('# src has uncommitted changes');
  say();

  const tree = readSourceTree(root);
  say(`src files (no specs): ${tree.files.length}`);
  say();

  const { inToOut, outToIn } = crossImports(tree);
  say('## imports between adapters (import/export-from statements, type-only included)');
  say(`inbound → outbound: ${inToOut.statements} statements, ${inToOut.pairs.length} file pairs`);
  say(`outbound → inbound: ${outToIn.statements} statements, ${outToIn.pairs.length} file pairs`);
  for (const [from, to] of [...inToOut.pairs, ...outToIn.pairs]) say(`  ${from} → ${to}`);
  say();

  const long = longFunctions(tree, 'src/application/');
  say(`## functions over ${LONG_FUNCTION_LINES} lines in src/application: ${long.length}`);
  for (const f of long) say(`  ${f.file}:${f.line} ${f.name} (${f.lines} lines)`);
  say();

  const ports = portFiles(tree);
  say(`## port files: ${ports.files.length}, injection tokens (Symbol( in them): ${ports.tokens}`);
  for (const f of ports.files) say(`  ${f}`);
  say();

  const optional = optionalInjections(tree);
  say(`## @Optional() in src: ${optional.length}`);
  for (const o of optional) say(`  ${o.file}:${o.line}`);
  say();

  const graph = runtimeImports(tree);
  const cycles = importCycles(graph);
  say(
    '## runtime import cycles (require() as tsc emits it; cycles only of *.orm-entity.ts left out)',
  );
  say(
    `cycles: ${cycles.complete ? '' : 'at least '}${cycles.cycles.length}, ` +
      `in ${cycles.groups.length} strongly connected groups of ${cycles.groups.reduce((n, g) => n + g.length, 0)} files`,
  );
  cycles.groups.forEach((g, i) => say(`  group ${i + 1} (${g.length} files): ${g.join(', ')}`));
  for (const c of cycles.cycles) say(`  cycle: ${[...c, c[0]].join(' → ')}`);
  say();

  const callClosure = runtimeClosure(graph, RETELL_CONTROLLER);
  const syncClosure = runtimeClosure(graph, SYNC_WORKER_ENTRY);
  say('## static runtime-import closure (files loaded, not files run)');
  say(`from ${RETELL_CONTROLLER}: ${callClosure.length} files`);
  say(`from ${SYNC_WORKER_ENTRY}: ${syncClosure.length} files`);
  say();

  if (process.env.SHAPE_RUNTIME === '0') {
    say('## files run: skipped (SHAPE_RUNTIME=0)');
  } else {
    printRuntime(say, await measureRuntimePaths(root));
  }
  console.log(out.join('\n'));
}

function printRuntime(say: (line?: string) => void, paths: RuntimePaths): void {
  say(
    '## files run (measured: V8 precise coverage, src files with a function called in the window)',
  );
  say(paths.setting);
  const block = (title: string, files: readonly string[], idle: ReadonlySet<string>) => {
    const own = files.filter((f) => !idle.has(f));
    say(
      `${title}: ${files.length} files (${own.length} not run in an idle window of the same length)`,
    );
    for (const f of files) say(`  ${f}${idle.has(f) ? '   (also idle)' : ''}`);
  };
  block('one signed check_availability call', paths.check, paths.idleDuringCheck);
  block('one sync job (create, Cal.com faked)', paths.sync, paths.idleDuringSync);
  say();
}

function git(args: string): string {
  return execSync(`git ${args}`, { encoding: 'utf8' }).trim();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
