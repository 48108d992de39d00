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
const fs = require('node:fs');
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

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
