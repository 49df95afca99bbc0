import { describe, expect, it } from 'vitest';
import { findingsPolicy } from '../../src/checks/policy.js';
import type { Message } from '../../src/core/message.js';

const finding = (ruleId: string, file = 'corpus/a.txt'): Message =>
  ({ ruleId, messageId: 'x', severity: 'error', message: ruleId, file, source: 'check' }) as Message;

describe('findingsPolicy', () => {
  it('applies the ignore globs, the document’s own ignore lines, then the configured severities', () => {
    const policy = findingsPolicy({
      check: {
        ignore: ['corpus/drafts/**'],
        rules: { 'note-numbering-gap': 'warning', 'marker-without-note': 'off' },
        overrides: [{ files: ['corpus/news/**'], rules: { 'note-without-marker': 'off' } }],
        require: [],
      },
    } as never);
    expect(policy.ignored('corpus/drafts/x.txt')).toBe(true);
    expect(policy.ignored('corpus/a.txt')).toBe(false);
    const text = 'A text.\n<!-- marginalia-ignore: ibid-without-antecedent -->\n';
    expect(policy.inDocument(text, [finding('ibid-without-antecedent'), finding('note-numbering-gap')]).map((m) => m.ruleId)).toEqual([
      'note-numbering-gap',
    ]);
    const judged = policy.severity([
      finding('note-numbering-gap'),
      finding('marker-without-note'),
      finding('note-without-marker', 'corpus/news/n.txt'),
      finding('note-without-marker'),
    ]);
    expect(judged.map((m) => [m.ruleId, m.file, m.severity])).toEqual([
      ['note-numbering-gap', 'corpus/a.txt', 'warning'],
      ['note-without-marker', 'corpus/a.txt', 'error'],
    ]);
  });
});
