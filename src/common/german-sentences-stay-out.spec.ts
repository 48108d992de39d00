import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import * as ts from 'typescript';

/**
 * German sentences belong to the edges (the Retell presenter, domain-error.sentences): the domain
 * and the application hold none. This reads every string and template literal (comments aside)
 * of src/domain and src/application and flags a sentence: a capital letter, at least two words,
 * a final . ? or !, and something German in it (ä, ö, ü, ß or a common German word).
 *
 * What it does not catch: fragments without final punctuation ("Meinen Sie ", "Termin
 * verschoben"), and German made only of words outside the list. The words the domain parses
 * (src/domain/language/*.words.ts) are not sentences and are not read.
 */
const ROOTS = ['domain', 'application'];
const WORD_TABLES = /language\/[^/]+\.words\.ts$/;
const GERMAN_WORDS = new Set(
  (
    'ist nicht und oder sie ich wir ein eine einen leider bitte termin uhr mit bei kann gibt ' +
    'meinen welche welchen welcher diese dieser das der ihre ihr ihnen noch schon bereits ' +
    'gerade wurde auch kenne keine kein zu'
  ).split(' '),
);

function isGermanSentence(text: string): boolean {
  const said = text.trim();
  if (!/^[A-ZÄÖÜ]\S*(\s+\S+)+[.?!]$/.test(said)) return false;
  if (/[äöüßÄÖÜ]/.test(said)) return true;
  return said
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((word) => GERMAN_WORDS.has(word));
}

/** The text of every string literal; a template's placeholders become one word each. */
function literals(file: string): Array<{ line: number; text: string }> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    if (ts.isTemplateExpression(node)) {
      text = node.head.text + node.templateSpans.map((s) => `X${s.literal.text}`).join('');
    }
    if (text !== undefined) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push({ line, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    const source = entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts');
    return source && !WORD_TABLES.test(path) ? [path] : [];
  });
}

describe('German sentences stay out of the domain and the application', () => {
  it.each([
    'Dieser Termin ist leider schon vergeben.',
    'Meinen Sie X oder X?',
    'Welchen Tag meinen Sie genau?',
    'Der Kalender antwortet gerade nicht.',
    'Die Kundendaten sind nicht gültig.',
    'Ich konnte den Anruf nicht zuordnen.',
  ])('knows a sentence when it sees one: %s', (text) => {
    expect(isGermanSentence(text)).toBe(true);
  });

  it.each([
    'The start lies in the past.',
    'Status cancelled does not allow cancel.',
    'The calendar refused the request: too many requests.',
    'nicht verfügbar',
    'halb drei',
    'Termin verschoben',
    'Montag',
  ])('lets English lines and parsed words pass: %s', (text) => {
    expect(isGermanSentence(text)).toBe(false);
  });

  it('finds none in src/domain and src/application', () => {
    const src = join(__dirname, '..');
    const sentences = ROOTS.flatMap((root) => sourceFiles(join(src, root))).flatMap((file) =>
      literals(file)
        .filter(({ text }) => isGermanSentence(text))
        .map(({ line, text }) => `${relative(src, file)}:${line}: ${text}`),
    );
    expect(sentences).toEqual([]);
  });
});
