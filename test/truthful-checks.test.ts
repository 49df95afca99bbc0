import { describe, expect, it } from 'vitest';
import { factsFromText } from '../src/checks/facts.js';
import { runChecks } from '../src/checks/run.js';
import { Document } from '../src/core/document.js';
import { noteCandidates, noteStructure } from '../src/extract/notes.js';
import { CITATION_RULES } from '../src/rules/citations.js';
import { NOTE_RULES } from '../src/rules/notes.js';

/** Issue 28: `check` on clean texts of three genres reports nothing about their notes. */
const NOTE_FINDING_RULES = [...NOTE_RULES, ...CITATION_RULES.filter((r) => r.meta.id !== 'document-without-citation-metadata')];
const findings = (text: string) =>
  runChecks(factsFromText(new Document('t.txt', text)), { require: { source: ['archive'] } }, NOTE_FINDING_RULES).map(
    (m) => `${m.ruleId}:${m.line}`,
  );

describe('FRUS notes with the label on a line of its own', () => {
  const text =
    '12. Telegram From the Embassy in Israel to the Department of State(1)\n\n' +
    'Tel Aviv, April 4, 1957.\n\n' +
    'The Ambassador saw the Prime Minister today.(2)\n\n' +
    '(1)\nSource: Department of State, Central Files, 684A.86/4–457. Secret.\n' +
    '(2)\nNot printed.\n';

  it('reads `(1)` then `Source: …` on the next line as note 1, with its citation', () => {
    const { notes } = noteStructure(text);
    const source = text.indexOf('Source:');
    const notPrinted = text.indexOf('Not printed');
    expect(notes.map((n) => [n.numbers, n.labelStart, n.start, n.end])).toEqual([
      [['1'], source - 4, source, text.indexOf('\n(2)')],
      [['2'], notPrinted - 4, notPrinted, notPrinted + 'Not printed.'.length],
    ]);
    const note1 = noteCandidates(text).find((c) => c.type === 'note' && c.n === '1')!;
    expect(note1.kind).toBe('source');
    expect(note1.citation?.archive).toBe('Department of State');
  });

  it('check reports no marker without its note', () => {
    expect(findings(text)).toEqual([]);
  });
});
