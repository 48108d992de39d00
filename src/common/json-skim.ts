/**
 * Reads the outline of a JSON text as bytes, without building any value: checks its structure
 * (brackets, strings, commas, colons) and its depth, and leaves out members a rule does not
 * keep, so that only the rest is ever parsed. What is left out is stepped over, never decoded,
 * and checked only for its depth, its strings and matching brackets; the kept bytes are checked
 * in full by JSON.parse afterwards.
 */

/** Inside the object at `path` (keys from the root), only `keys` are kept. */
export interface KeepOnlyRule {
  readonly path: readonly string[];
  readonly keys: ReadonlySet<string>;
}

export interface SkimOptions {
  /** Objects and arrays nested deeper than this are refused (the root is level 1). */
  readonly maxDepth: number;
  readonly keepOnly: readonly KeepOnlyRule[];
}

export type SkimResult =
  | { readonly ok: true; readonly kept: Buffer }
  | { readonly ok: false; readonly problem: 'malformed' | 'too_deep' };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** What a byte means to a left-out value: most bytes nothing, a few open or close something. */
const PLAIN = 0;
const STRING = 1;
const OPENS = 2;
const CLOSES = 3;
const BYTE_KIND = new Uint8Array(257);
BYTE_KIND[QUOTE] = STRING;
BYTE_KIND[OPEN_OBJECT] = OPENS;
BYTE_KIND[OPEN_ARRAY] = OPENS;
BYTE_KIND[CLOSE_OBJECT] = CLOSES;
BYTE_KIND[CLOSE_ARRAY] = CLOSES;

class Refusal {
  constructor(readonly problem: 'malformed' | 'too_deep') {}
}
const MALFORMED = new Refusal('malformed');
const TOO_DEEP = new Refusal('too_deep');

export function skimJson(bytes: Buffer, options: SkimOptions): SkimResult {
  try {
    return { ok: true, kept: new Skimmer(bytes, options).run() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    throw error;
  }
}

class Skimmer {
  private pos = 0;
  /** The brackets open while a left-out value is stepped over. */
  private readonly openers: Uint8Array;
  /** Byte ranges [from, to) left out, in order. */
  private readonly dropped: Array<[number, number]> = [];

  constructor(
    private readonly b: Buffer,
    private readonly options: SkimOptions,
  ) {
    this.openers = new Uint8Array(options.maxDepth + 1);
  }

  run(): Buffer {
    this.space();
    // Strict, as express.json is: the text is an object or an array.
    const first = this.b[this.pos];
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) throw MALFORMED;
    this.value(0, []);
    this.space();
    if (this.pos !== this.b.length) throw MALFORMED;
    return this.keptBytes();
  }

  private keptBytes(): Buffer {
    if (this.dropped.length === 0) return this.b;
    const parts: Buffer[] = [];
    let from = 0;
    for (const [start, end] of this.dropped) {
      parts.push(this.b.subarray(from, start));
      from = end;
    }
    parts.push(this.b.subarray(from));
    return Buffer.concat(parts);
  }

  /** `path` is null below every rule's path: nothing there is left out, no key is read. */
  private value(depth: number, path: readonly string[] | null): void {
    this.space();
    const c = this.b[this.pos];
    if (c === OPEN_OBJECT) this.object(depth + 1, path);
    else if (c === OPEN_ARRAY) this.array(depth + 1);
    else if (c === QUOTE) this.string();
    else this.literal();
  }

  private object(depth: number, path: readonly string[] | null): void {
    if (depth > this.options.maxDepth) throw TOO_DEEP;
    const b = this.b;
    this.pos++;
    this.space();
    if (b[this.pos] === CLOSE_OBJECT) {
      this.pos++;
      return;
    }
    const rule = path && this.options.keepOnly.find((r) => samePath(r.path, path));
    let keptAny = false;
    let commaBefore = -1;
    for (;;) {
      this.space();
      if (b[this.pos] !== QUOTE) throw MALFORMED;
      const keyStart = this.pos;
      this.string();
      let childPath: string[] | null = null;
      let drop = false;
      if (path) {
        const key = this.keyBetween(keyStart, this.pos);
        drop = rule ? !rule.keys.has(key) : false;
        childPath = drop ? null : this.below(path, key);
      }
      this.space();
      if (b[this.pos] !== COLON) throw MALFORMED;
      this.pos++;
      if (drop) this.skip(depth);
      else this.value(depth, childPath);
      const valueEnd = this.pos;
      this.space();
      const next = b[this.pos];
      if (drop) {
        // The text stays JSON: a member after a kept one goes with its leading comma, one
        // before any kept member with its trailing comma.
        if (keptAny) this.dropped.push([commaBefore, valueEnd]);
        else this.dropped.push([keyStart, next === COMMA ? this.pos + 1 : valueEnd]);
      } else {
        keptAny = true;
      }
      if (next === COMMA) {
        commaBefore = this.pos;
        this.pos++;
      } else if (next === CLOSE_OBJECT) {
        this.pos++;
        return;
      } else {
        throw MALFORMED;
      }
    }
  }

  /**
   * A left-out value, in one pass: brackets matched, strings stepped over, every other byte
   * (numbers, literals, commas, colons, space) passed without a look.
   */
  private skip(depth: number): void {
    this.space();
    const b = this.b;
    const first = b[this.pos];
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
      if (first === QUOTE) this.string();
      else this.literal();
      return;
    }
    const open = this.openers;
    const limit = this.options.maxDepth - depth;
    let level = 0;
    let p = this.pos;
    for (;;) {
      let kind = BYTE_KIND[b[p]];
      while (kind === PLAIN) kind = BYTE_KIND[b[++p]];
      const c = b[p++];
      if (kind === STRING) {
        for (;;) {
          const s = b[p++];
          if (s === QUOTE) break;
          if (s === BACKSLASH) p++;
          else if (s === undefined) throw MALFORMED;
        }
      } else if (kind === OPENS) {
        if (level >= limit) throw TOO_DEEP;
        open[level++] = c;
      } else if (kind === CLOSES) {
        if (level === 0 || open[level - 1] !== c - 2) throw MALFORMED;
        if (--level === 0) break;
      } else {
        throw MALFORMED; // past the end
      }
    }
    this.pos = p;
  }

  private array(depth: number): void {
    if (depth > this.options.maxDepth) throw TOO_DEEP;
    const b = this.b;
    this.pos++;
    this.space();
    if (b[this.pos] === CLOSE_ARRAY) {
      this.pos++;
      return;
    }
    for (;;) {
      this.value(depth, null);
      this.space();
      const next = b[this.pos];
      if (next === COMMA) this.pos++;
      else if (next === CLOSE_ARRAY) {
        this.pos++;
        return;
      } else throw MALFORMED;
    }
  }

  /** From an opening quote to after its closing one; escapes are stepped over, not decoded. */
  private string(): void {
    const b = this.b;
    let p = this.pos + 1;
    for (;;) {
      const c = b[p];
      if (c === QUOTE) break;
      if (c === BACKSLASH) p += 2;
      else if (c === undefined) throw MALFORMED;
      else p++;
    }
    this.pos = p + 1;
  }

  /** Numbers, true, false, null: their bytes are stepped over; JSON.parse checks kept ones. */
  private literal(): void {
    const b = this.b;
    const start = this.pos;
    let p = start;
    for (;;) {
      const c = b[p];
      const isLiteralByte =
        (c >= 0x30 && c <= 0x39) || // 0-9
        (c >= 0x61 && c <= 0x7a) || // a-z (true, false, null, e)
        c === 0x2d || // -
        c === 0x2b || // +
        c === 0x2e || // .
        c === 0x45; // E
      if (!isLiteralByte) break;
      p++;
    }
    if (p === start) throw MALFORMED;
    this.pos = p;
  }

  private space(): void {
    const b = this.b;
    let p = this.pos;
    for (;;) {
      const c = b[p];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p++;
      else break;
    }
    this.pos = p;
  }

  /** A key on a watched path, decoded as JSON.parse would (escapes included). */
  private keyBetween(start: number, end: number): string {
    const raw = this.b.subarray(start, end);
    if (raw.indexOf(BACKSLASH) < 0) return raw.toString('utf8', 1, raw.length - 1);
    try {
      return JSON.parse(raw.toString('utf8')) as string;
    } catch {
      throw MALFORMED;
    }
  }

  /** The path of a member's value, or null when no rule lies at or below it. */
  private below(path: readonly string[], key: string): string[] | null {
    const child = [...path, key];
    return this.options.keepOnly.some((r) => startsWith(r.path, child)) ? child : null;
  }
}

const samePath = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((k, i) => k === b[i]);

const startsWith = (path: readonly string[], prefix: readonly string[]) =>
  prefix.length <= path.length && prefix.every((k, i) => k === path[i]);
