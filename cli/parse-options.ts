import { InvalidArgumentError } from 'commander';

export function parsePositiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return number;
}

/** YYYY-MM-DD (or a full ISO date-time), returned as given after checking it parses. */
export function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError(`expected a date like 2026-11-24, got "${value}"`);
  }
  return value;
}
