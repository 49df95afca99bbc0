import { describe, expect, it } from 'vitest';
import { NOTE_RULES } from '../../src/rules/notes.js';
import { runChecks } from '../../src/checks/run.js';
import { factsFromText } from '../../src/checks/facts.js';
import { Document } from '../../src/core/document.js';
import { inferMarkers, markerCandidates } from '../../src/extract/marker-sequence.js';
import { noteStructure } from '../../src/extract/notes.js';

/** `rule:line` of what the note rules report on a text. */
function reported(text: string): string[] {
  const facts = factsFromText(new Document('t.txt', text));
  return runChecks(facts, { require: { source: [], bibliographic: [] } }, NOTE_RULES).map((m) => `${m.ruleId}:${m.line}`);
}

const markersOf = (text: string) => noteStructure(text).markers.map((m) => m.n);
const notes = (...numbers: number[]) =>
  `Notes\n${numbers.map((n) => `(${n}) ${n === 1 ? 'Source: Department of State, Central Files, 751K.00/2-2161. Secret.' : 'Not found.'}`).join('\n')}\n`;

describe('note markers read as one sequence', () => {
  const head = 'Letter From the Ambassador to the Prime Minister(1)\n\nSaigon, May 1, 1963.\n\n';

  it('a spaced marker that continues the sequence is a marker even when its note was deleted', () => {
    const text = `${head}I refer to our talks(2) and to the cable of May 2.(3) The Minister(4) spoke of his letter to the Prime Minister (5) and of the reply.(6)\n\n${notes(1, 2, 3, 4, 6)}`;
    expect(markersOf(text)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(reported(text)).toContain('marker-without-note:5');
  });

  it('also when it was the last marker', () => {
    const text = `${head}I refer to our talks(2) and to the cable of May 2.(3) The Minister(4) spoke of his letter to the Prime Minister (5) and of the reply.\n\n${notes(1, 2, 3, 4)}`;
    expect(reported(text)).toContain('marker-without-note:5');
  });

  it('a paragraph reference is not a marker, so a deleted first marker is reported', () => {
    for (const body of [
      'He cited par. 7(1) of the agreement. The Minister(2) agreed.(3)',
      'The Minister(2) agreed.(3) He cited para. 7(1) of the agreement.',
    ]) {
      const text = `Letter From the Ambassador to the Prime Minister\n\nSaigon, May 1, 1963.\n\n${body}\n\n${notes(1, 2, 3)}`;
      expect(markersOf(text), body).toEqual(['2', '3']);
      expect(reported(text), body).toContain('note-without-marker:8');
    }
  });

  it('a marker right after a number is one where the sequence expects it, not where it is out of order', () => {
    const meeting =
      'Summary Record of National Security Council Meeting No. 525(1)\n\nWashington, April 2, 1964.\n\nThe President(2) opened the meeting.\n\n';
    expect(markersOf(`${meeting}${notes(1, 2)}`)).toEqual(['1', '2']);
    // With the title marker gone, a `242(1)` after marker (2) cannot be note 1's marker.
    const late = 'Summary Record of a Meeting\n\nWashington, April 2, 1964.\n\nThe President(2) spoke of Resolution 242(1) at length.\n\n';
    expect(markersOf(`${late}${notes(1, 2)}`)).toEqual(['2']);
  });

  it('a marker after a number skipping a deleted one is still in order', () => {
    const text = `${head}Both CAS Saigon 1896(2) and the cable(3) were sent. My 1993(5) was not.(6)\n\n${notes(1, 2, 3, 4, 5, 6)}`;
    expect(markersOf(text)).toEqual(['1', '2', '3', '5', '6']);
    expect(reported(text)).toContain('note-without-marker:11');
  });

  it('an enumeration in the running text stays an enumeration', () => {
    const text = `${head}We should (2) hold the line, (3) wait for the reply.\n\n${notes(1)}`;
    expect(markersOf(text)).toEqual(['1']);
    const list = `${head}The talks covered two points (2) the elections and (3) the budget.\n\n${notes(1)}`;
    expect(markersOf(list)).toEqual(['1']);
    expect(markersOf('We should (1) hold the line and (2) wait.\n')).toEqual([]);
  });

  it('gives each candidate a context and a confidence', () => {
    const text = `${head}The Minister(2) cited par. 7(1) and his letter (3) to me.`;
    const inferred = inferMarkers(markerCandidates(text, 0, text.length), new Set(['1', '2']));
    expect(inferred.map((c) => [c.n, c.context, c.isMarker])).toEqual([
      ['1', 'attached', true],
      ['2', 'attached', true],
      ['1', 'paragraph-reference', false],
      ['3', 'spaced-inline', true],
    ]);
    for (const c of inferred) expect(c.confidence >= 0.6).toBe(c.isMarker);
  });
});
