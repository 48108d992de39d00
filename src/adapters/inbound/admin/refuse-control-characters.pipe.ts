import { Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInput } from '../../../application/admin/admin.errors';
import { AdminRefusal } from './admin-refusal';
import type { FieldProblem } from './admin-validation';

/**
 * C0 control characters other than tab, line feed and carriage return. NUL is refused by
 * Postgres in text; the others have no place in a salon's data and can garble logs and
 * terminals. Tab and line breaks are left to each field: free text allows them, names do not.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const MAX_DEPTH = 32;
const PROBLEM = 'must not contain control characters';

/**
 * Every string of an admin body or query, keys included and however deep, checked before the
 * DTO's own rules: the answer names each field that carries a control character.
 */
@Injectable()
export class RefuseControlCharactersPipe implements PipeTransform {
  transform(value: unknown): unknown {
    const fields: FieldProblem[] = [];
    collect(value, '', fields, 0);
    if (fields.length === 0) return value;
    throw new AdminRefusal(
      new InvalidInput('VALIDATION.FAILED', 'The request has invalid or unknown fields.', {
        fields,
      }),
    );
  }
}

function collect(value: unknown, path: string, fields: FieldProblem[], depth: number): void {
  if (typeof value === 'string') {
    const field = path || '(body)';
    if (CONTROL.test(value)) fields.push({ field, problems: [`${field} ${PROBLEM}`] });
    return;
  }
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return;
  for (const [key, inner] of Object.entries(value)) {
    const field = path ? `${path}.${printable(key)}` : printable(key);
    if (CONTROL.test(key)) fields.push({ field, problems: [`field names ${PROBLEM}`] });
    collect(inner, field, fields, depth + 1);
  }
}

/** A key as the answer may show it: control characters escaped. */
const printable = (key: string): string =>
  key.replace(
    new RegExp(CONTROL.source, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
