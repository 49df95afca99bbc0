import { describe, expect, it } from 'vitest';
import { timelinePage, yearOfEdtf } from '../../src/html/timeline.js';

describe('yearOfEdtf(value)', () => {
  it('the year a date begins in; none for a date without one', () => {
    expect(['1964-04-02', '1964~', '1964/1966', '196X', '-0044-03-15', 'XXXX-12-28', undefined].map(yearOfEdtf)).toEqual([
      1964,
      1964,
      1964,
      1960,
      -44,
      undefined,
      undefined,
    ]);
  });
});

describe('timelinePage(documents)', () => {
  it('one row a year: the documents of the year and the dates documents name in it; undated documents apart', () => {
    const html = timelinePage([
      { href: 'corpus/b.html', title: 'B', date: '1965-06-03', entryYears: [1964, 1965, 1965] },
      { href: 'corpus/a.html', title: 'A', date: '1964-04-02', entryYears: [] },
      { href: 'corpus/c.html', title: 'C & D', entryYears: [1964] },
    ]);
    const rows = [...html.matchAll(/<tr data-year="(\d+)">(.*?)<\/tr>/g)].map((m) => [m[1], m[2]]);
    expect(rows.map(([y]) => y)).toEqual(['1964', '1965']);
    expect(rows[0]![1]).toBe(
      '<th class="year" scope="row">1964</th><td><ul><li><time>1964-04-02</time> <a href="corpus/a.html">A</a></li></ul></td>' +
        '<td><ul><li><span class="bar" style="width:4px"></span>1 in <a href="corpus/b.html">B</a></li>' +
        '<li><span class="bar" style="width:4px"></span>1 in <a href="corpus/c.html">C &amp; D</a></li></ul></td>',
    );
    expect(html).toContain('<ul class="undated"><li><a href="corpus/c.html">C &amp; D</a></li></ul>');
  });

  it('no document and no date: an empty table, no undated list', () => {
    const html = timelinePage([]);
    expect(html).toContain('<tbody></tbody>');
    expect(html).not.toContain('Undated');
  });
});
