import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/schema.js';
import { assignIds, idKey, machineId } from '../../src/pipeline/ids.js';

const entry = (start: number, text: string, type = 'place'): Entry => ({
  type,
  start,
  end: start + text.length,
  text,
  by: 'rule:x',
  status: 'auto',
});

describe('assignIds', () => {
  it('numbers the entries of one type and text in order, from their type and text only, never their offsets', () => {
    const ids = assignIds([entry(40, 'Hanoi'), entry(3, 'Hanoi'), entry(20, 'Saigon')]).map((e) => [e.start, e.id]);
    expect(ids).toEqual([
      [3, machineId({ type: 'place', text: 'Hanoi' }, 0, 0)],
      [20, machineId({ type: 'place', text: 'Saigon' }, 0, 0)],
      [40, machineId({ type: 'place', text: 'Hanoi' }, 1, 0)],
    ]);
    // Moved text: the same ids.
    const moved = assignIds([entry(140, 'Hanoi'), entry(103, 'Hanoi'), entry(120, 'Saigon')]).map((e) => e.id);
    expect(moved).toEqual(ids.map(([, id]) => id));
  });

  it('keeps an id a person gave, and salts a machine id that would take it', () => {
    const taken = machineId({ type: 'place', text: 'Hanoi' }, 0, 0);
    const [human, machine] = assignIds([{ ...entry(0, 'Saigon'), id: taken, by: 'human' }, entry(10, 'Hanoi')]);
    expect(human!.id).toBe(taken);
    expect(machine!.id).toBe(machineId({ type: 'place', text: 'Hanoi' }, 0, 1));
  });

  it('keys by type, text and number', () => {
    expect(idKey({ type: 'note', text: 'x', n: '2' })).not.toBe(idKey({ type: 'note', text: 'x', n: '3' }));
    expect(machineId({ type: 'org', text: 'x' }, 0, 0)).toMatch(/^org-[0-9a-f]{8}$/);
  });
});
