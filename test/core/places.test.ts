import { describe, expect, it } from 'vitest';
import { choosePlace, linkPlaces, parsePlaces, placeCandidates, placeKey, recordOf } from '../../src/core/places.js';

/** A small table in the shipped format: id, name, country, admin1, feature, lat, lon, population, other names. */
const table = parsePlaces(
  [
    '1566083\tHo Chi Minh City\tVN\t20\tPPLA\t10.82302\t106.62965\t3467331\tSaigon@-1976',
    '2651101\tDorchester\tGB\tENG\tPPLA2\t50.71667\t-2.43333\t16879\t',
    '5941761\tDorchester\tCA\t08\tPPL\t42.98\t-81.06\t9329\t',
    '2635167\tUnited Kingdom\tGB\t\tPCLI\t54.76\t-2.7\t66000000\tUK|U.K.|Britain',
    '2963597\tIreland\tIE\t\tPCLI\t53\t-8\t4900000\tIreland@1922-',
    '6269131\tEngland\tGB\t\tADM1\t52.16\t-0.7\t54000000\t',
    '890299\tHarare\tZW\t05\tPPLC\t-17.82772\t31.05337\t1542813\tSalisbury@1890-1982',
    '2638664\tSalisbury\tGB\tENG\tPPLA2\t51.06931\t-1.79569\t40302\t',
    '4060000\tRogers\tUS\tAR\tPPL\t36.33\t-94.11\t60000\t',
    '1880251\tSingapore\tSG\t\tPCLI\t1.37\t103.8\t5600000\t',
    '1880252\tSingapore\tSG\t01\tPPLC\t1.28967\t103.85007\t3547809\t',
    'a line that is no record',
  ].join('\n'),
  'abc',
);

describe('placeKey(name)', () => {
  it('drops accents, case, periods, apostrophes, a leading `the` and a possessive; reads Saint as St', () => {
    expect(['U.S.', 'Genève', 'the United Kingdom', "Moscow's", 'Saint Ives', 'Stratford-upon-Avon'].map(placeKey)).toEqual([
      'us',
      'geneve',
      'united kingdom',
      'moscow',
      'st ives',
      'stratford upon avon',
    ]);
  });
});

describe('parsePlaces(text, sha256)', () => {
  it('reads records and their other names, skipping lines that are no record', () => {
    expect(table.records.size).toBe(11);
    expect(table.records.get(1566083)).toEqual({
      id: 1566083,
      name: 'Ho Chi Minh City',
      country: 'VN',
      admin: '20',
      feature: 'PPLA',
      lat: 10.82302,
      lon: 106.62965,
      population: 3467331,
    });
    expect(table.byName.get('saigon')).toEqual([{ record: table.records.get(1566083), until: 1976 }]);
    expect(table.byName.get('uk')?.map((n) => n.record.id)).toEqual([2635167]);
  });

  it('recordOf: a geonames ref the table knows; no other authority, no unknown id', () => {
    expect(recordOf(table, 'geonames:2651101')?.name).toBe('Dorchester');
    expect(recordOf(table, 'geonames:999999999')).toBeUndefined();
    expect(recordOf(table, 'person:burger')).toBeUndefined();
    expect(recordOf(table, undefined)).toBeUndefined();
  });
});

describe('linkPlaces(table, mentions, year?)', () => {
  const ids = (mentions: { text: string; after?: string }[], year?: number) => linkPlaces(table, mentions, year).map((r) => r?.id);

  it('a former name within its years, and after them when no other place has it', () => {
    expect(ids([{ text: 'Saigon' }], 1965)).toEqual([1566083]);
    expect(ids([{ text: 'Saigon' }], 2010)).toEqual([1566083]);
    expect(ids([{ text: 'Ho Chi Minh City' }], 1980)).toEqual([1566083]);
  });

  it("a former name outside its years gives way to the place that has that name: Salisbury in 1860 is England's", () => {
    expect(ids([{ text: 'Salisbury' }], 1965)).toEqual([890299]);
    expect(ids([{ text: 'Salisbury' }, { text: 'England' }], 1860)).toEqual([2638664, 6269131]);
    // 40,000 people in a country the document does not name: too doubtful.
    expect(ids([{ text: 'Salisbury' }], 1860)).toEqual([undefined]);
    // In its years, Harare's 1.5 million win even in a document that names England.
    expect(ids([{ text: 'Salisbury' }, { text: 'England' }], 1965)).toEqual([890299, 6269131]);
    // Undated: the text may be older than the name Harare had from 1890; England's alone, too small to link.
    expect(ids([{ text: 'Salisbury' }])).toEqual([undefined]);
  });

  it('a name a record got later (`Ireland`, the state, 1922) only in a document dated after it', () => {
    expect([ids([{ text: 'Ireland' }], 1965), ids([{ text: 'Ireland' }], 1830), ids([{ text: 'Ireland' }])]).toEqual([
      [2963597],
      [undefined],
      [undefined],
    ]);
  });

  it('two places of one name stay unlinked until the document names a country, or one follows the name', () => {
    expect(ids([{ text: 'Dorchester' }])).toEqual([undefined]);
    expect(ids([{ text: 'Dorchester' }, { text: 'England' }])).toEqual([2651101, 6269131]);
    expect(ids([{ text: 'DORCHESTER', after: ', England, June 3' }])).toEqual([2651101]);
    expect(ids([{ text: 'Dorchester' }, { text: 'the U.K.' }])).toEqual([2651101, 2635167]);
  });

  it('a small place in a country the document does not name is too doubtful; an unknown name has no record', () => {
    expect(ids([{ text: 'Rogers' }, { text: 'Atlantis' }])).toEqual([undefined, undefined]);
    expect(choosePlace(placeCandidates(table, { text: 'Rogers' }, undefined, new Set(['US'])))?.id).toBe(4060000);
  });

  it('a country and its city of the same name: the country', () => {
    expect(placeCandidates(table, { text: 'Singapore' }).map((c) => c.record.id)).toEqual([1880251]);
    expect(ids([{ text: 'Singapore' }])).toEqual([1880251]);
  });

  it('candidates come best first, the population as a prior, the id breaking ties', () => {
    expect(placeCandidates(table, { text: 'Dorchester' }).map((c) => [c.record.id, Number(c.score.toFixed(3)), c.near])).toEqual([
      [2651101, 4.227, false],
      [5941761, 3.97, false],
    ]);
  });
});
