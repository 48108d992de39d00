/** A phone number in E.164: plus, country code, at most 15 digits. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

// A plausibility check for what a caller spells out or a file holds; HTTP DTOs add RFC checks.
const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

export const isE164 = (value: string): boolean => E164_PATTERN.test(value);

export const isPlausibleEmail = (value: string): boolean =>
  value.length <= 255 && EMAIL_PATTERN.test(value);
