import { E164_PATTERN } from '../../../../domain/shared/contact-formats';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

/** Tags go, along with any stray angle bracket; what is left is trimmed. */
export function stripHtml(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .replace(/<[^>]*>/g, '')
    .replace(/[<>]/g, '')
    .trim();
}

const optional = (required: boolean) => (required ? [] : [IsOptional()]);
const doc = (required: boolean, options: ApiPropertyOptions) =>
  ApiProperty({ required, ...options } as ApiPropertyOptions);

/** Text shown to people on one line (names, labels): HTML stripped, 1..max characters. */
export function Text(max: number, required = true, example?: string) {
  return applyDecorators(
    doc(required, { type: String, maxLength: max, minLength: 1, example }),
    ...optional(required),
    Transform(({ value }) => stripHtml(value)),
    IsString(),
    MinLength(1),
    MaxLength(max),
    Matches(/^[^\u0000-\u001f]*$/, {
      message: '$property must be one line without tabs or control characters',
    }),
  );
}

/** Free text (notes, reasons): like Text, but tabs and line breaks are allowed. */
export function FreeText(max: number, required = true, example?: string) {
  return applyDecorators(
    doc(required, { type: String, maxLength: max, minLength: 1, example }),
    ...optional(required),
    Transform(({ value }) => stripHtml(value)),
    IsString(),
    MinLength(1),
    MaxLength(max),
  );
}

export const E164 = E164_PATTERN;

export function PhoneE164(required = true) {
  return applyDecorators(
    doc(required, { type: String, example: '+493012345678', pattern: E164.source }),
    ...optional(required),
    IsString(),
    Matches(E164, { message: '$property must be an E.164 number such as +493012345678' }),
  );
}

export function Email(required = true) {
  return applyDecorators(
    doc(required, { type: String, format: 'email', maxLength: 255 }),
    ...optional(required),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MaxLength(255),
    IsEmail({ allow_display_name: false, allow_ip_domain: false }),
  );
}

export function Uuid(required = true, description?: string) {
  return applyDecorators(
    doc(required, { type: String, format: 'uuid', description }),
    ...optional(required),
    IsUUID('all'),
  );
}

export function WholeNumber(min: number, max: number, required = true, description?: string) {
  return applyDecorators(
    doc(required, { type: Number, minimum: min, maximum: max, description }),
    ...optional(required),
    IsInt(),
    Min(min),
    Max(max),
  );
}

export function Flag(required = true, description?: string) {
  return applyDecorators(
    doc(required, { type: Boolean, description }),
    ...optional(required),
    IsBoolean(),
  );
}

/**
 * An optional flag that, when sent, is true or false: null is refused, not skipped (as
 * IsOptional would). "No answer" is not "false", and a silent no-op would leave the operator
 * believing the flag was cleared. PartialType adds IsOptional, so update DTOs declare it again.
 */
export function NonNullFlag(description?: string) {
  return applyDecorators(
    doc(false, { type: Boolean, description }),
    ValidateIf((_object: unknown, value: unknown) => value !== undefined),
    IsBoolean(),
  );
}

/** An instant with its offset, e.g. 2026-12-04T10:00:00+01:00. */
export function Instant(required = true, description?: string) {
  return applyDecorators(
    doc(required, { type: String, format: 'date-time', description }),
    ...optional(required),
    IsString(),
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: '$property must carry Z or an offset' }),
  );
}

/** Query strings are text; numbers in them are converted before validation. */
export const toNumber = Transform(({ value }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value,
);
