/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';

/**
 * Lets a plain `node` child process run the TypeScript sources, without dist/ and without an
 * extra dependency: `node --require ./test/support/ts-register.cjs some-entry.ts`.
 *
 * Every `.ts` file is transpiled on load with the project's own compiler and tsconfig.json
 * (CommonJS, decorator metadata for Nest's injection). Type checking stays with `tsc --noEmit`
 * and ts-jest; tsconfig's `isolatedModules` is what makes file-by-file transpiling safe.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..', '..');
const tsconfigPath = path.join(root, 'tsconfig.json');
const read = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
if (read.error) {
  throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
}
const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
const compilerOptions = {
  ...options,
  sourceMap: false,
  inlineSourceMap: true, // stack traces point at the .ts lines with --enable-source-maps
  declaration: false,
  noEmit: false,
};

// Every forked child loads the whole app: its transpiled files are kept on disk, keyed by the
// compiler, the options, the path and the source, so only the first child pays for them.
const cacheDir = path.join(
  os.tmpdir(),
  'ts-register-cache',
  hash([ts.version, JSON.stringify(compilerOptions)]).slice(0, 16),
);
fs.mkdirSync(cacheDir, { recursive: true });

function hash(parts) {
  const h = crypto.createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex');
}

function transpiled(source, filename) {
  const cached = path.join(cacheDir, `${hash([filename, source])}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
    // Written aside and renamed: a child reading at the same time sees all of it or nothing.
    const partial = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(partial, outputText);
    fs.renameSync(partial, cached);
    return outputText;
  }
}

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  module._compile(transpiled(fs.readFileSync(filename, 'utf8'), filename), filename);
};
