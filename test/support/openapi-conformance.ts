import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

type Schema = Record<string, unknown>;
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};
export type Operation = {
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  security?: Array<Record<string, string[]>>;
};

/**
 * The errors a maintained validator finds against the official OpenAPI schemas. It is an ES
 * module only, so it runs in a child Node process rather than inside the CommonJS test.
 */
export function openApiSchemaErrors(doc: OpenApiDocument): unknown[] {
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    const result = await new Validator().validate(JSON.parse(text));
    process.stdout.write(JSON.stringify(result.valid ? [] : result.errors));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    input: JSON.stringify(doc),
    cwd: join(__dirname, '..', '..'),
  });
  return JSON.parse(out.toString()) as unknown[];
}

/**
 * Path parameters the operation's path names but does not declare (or declares optional, or
 * declares without naming them): each is an error by the OpenAPI specification that the JSON
 * schemas of the document cannot see.
 */
export function pathParameterProblems(path: string, op: Operation): string[] {
  const named = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
  return [
    ...named
      .filter((name) => !declared.some((p) => p.name === name))
      .map((name) => `{${name}} not declared`),
    ...declared.filter((p) => !named.includes(p.name)).map((p) => `${p.name} not in the path`),
    ...declared.filter((p) => p.required !== true).map((p) => `${p.name} not required`),
  ];
}

/** The schema an operation documents for a status, as JSON. */
export function responseSchema(op: Operation, status: number): Schema | undefined {
  return op.responses[String(status)]?.content?.['application/json']?.schema;
}

/**
 * Where a JSON value departs from its documented schema: a field the schema does not name, a
 * required field missing, or a value of another type. An empty list means the schema is true.
 */
export function departures(
  doc: OpenApiDocument,
  schema: Schema,
  value: unknown,
  at = '$',
): string[] {
  const s = resolve(doc, schema);
  if (value === null) return s.nullable ? [] : [`${at}: null but not nullable`];
  if (Array.isArray(s.allOf)) {
    const merged = (s.allOf as Schema[]).map((part) => resolve(doc, part));
    return departures(doc, { ...mergeObjects(merged), nullable: s.nullable }, value, at);
  }
  if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) {
    const options = (s.oneOf ?? s.anyOf) as Schema[];
    return options.some((o) => departures(doc, o, value, at).length === 0)
      ? []
      : [`${at}: matches none of the documented alternatives`];
  }
  if (s.enum && !(s.enum as unknown[]).includes(value))
    return [`${at}: ${String(value)} not in enum`];
  switch (s.type) {
    case 'array':
      if (!Array.isArray(value)) return [`${at}: not an array`];
      return value.flatMap((item, i) => departures(doc, s.items as Schema, item, `${at}[${i}]`));
    case 'string':
      return typeof value === 'string' ? [] : [`${at}: not a string`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: not a number`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: not an integer`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
    case 'object':
    case undefined:
      return objectDepartures(doc, s, value, at);
    default:
      return [`${at}: unknown schema type ${String(s.type)}`];
  }
}

function objectDepartures(doc: OpenApiDocument, s: Schema, value: unknown, at: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${at}: not an object`];
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const extra = s.additionalProperties as Schema | boolean | undefined;
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of (s.required ?? []) as string[])
    if (!(name in record)) problems.push(`${at}.${name}: required but missing`);
  for (const [name, field] of Object.entries(record)) {
    if (properties[name])
      problems.push(...departures(doc, properties[name], field, `${at}.${name}`));
    else if (typeof extra === 'object')
      problems.push(...departures(doc, extra, field, `${at}.${name}`));
    // A schema naming no fields is a free-form object; one naming fields names all of them.
    else if (extra !== true && s.properties) problems.push(`${at}.${name}: not in the schema`);
  }
  return problems;
}

function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  const ref = schema.$ref as string | undefined;
  if (!ref) return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`dangling $ref ${ref}`);
  return resolve(doc, target);
}

function mergeObjects(parts: Schema[]): Schema {
  return {
    type: 'object',
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    required: parts.flatMap((p) => (p.required ?? []) as string[]),
  };
}
