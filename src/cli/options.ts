import { InvalidArgumentError, Option } from 'commander';

/** `a, b,c` → `['a', 'b', 'c']`. */
export const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export const formatOption = (choices: string[]) => new Option('-f, --format <format>', 'output format').choices(choices).default('text');

export const positiveInteger = (v: string) => {
  if (!/^[1-9]\d*$/.test(v)) throw new InvalidArgumentError('a positive whole number is expected');
  return Number(v);
};

/** The `Examples:` section of a command's help. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
