import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';

/** Reads a salon file; relative paths are taken from the working directory, then the repository. */
export async function readSalonFile(path: string): Promise<unknown> {
  const candidates = isAbsolute(path)
    ? [path]
    : [resolve(process.cwd(), path), resolve(__dirname, '../../../../..', path)];
  let lastError: unknown;
  for (const candidate of candidates) {
    try {
      return JSON.parse(await readFile(candidate, 'utf8')) as unknown;
    } catch (error) {
      lastError = error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') break;
    }
  }
  throw new Error(
    `cannot read salon file ${path}: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
  );
}
