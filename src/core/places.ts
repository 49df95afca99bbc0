/**
 * GeoNames records as plain data, and which one a place's mention names: the name and the
 * record's other names (a former name only in its years), the document's other places (the
 * countries it names nearby or links at once), a country named right after the name
 * (`Dorchester, England`), and the population as a prior. No record when two stay plausible.
 */

/** A place's GeoNames record (models/places.tsv.gz, scripts/places.js). */
export interface PlaceRecord {
  id: number;
  name: string;
  /** ISO 3166 code; empty for a continent. */
  country: string;
  /** GeoNames' first-level region code (`ENG`, `DC`, `44`); empty for the hand-kept records. */
  admin: string;
  /** GeoNames feature code: `PPLC` a capital, `PCLI` a country, `ADM1`, `CONT`… */
  feature: string;
  lat: number;
  lon: number;
  population: number;
}

/** One name a record answers to; a former name with the years it was in use. */
interface Named {
  record: PlaceRecord;
  from?: number;
  until?: number;
}

export interface PlaceTable {
  records: ReadonlyMap<number, PlaceRecord>;
  /** Records by `placeKey` of their names. */
  byName: ReadonlyMap<string, readonly Named[]>;
  /** Of the table's bytes: what the links were made from, for the generator's fingerprint. */
  sha256: string;
}

/** The written form of a link: `geonames:1581130`. */
export const geonamesRef = (id: number) => `geonames:${id}`;

/** The record a `ref` names, or undefined (another authority, or an id the table does not know). */
export function recordOf(table: PlaceTable, ref: string | undefined): PlaceRecord | undefined {
  const m = ref ? /^geonames:(\d+)$/.exec(ref) : null;
  return m ? table.records.get(Number(m[1])) : undefined;
}

/** How a name is looked up: no accents, case, periods, apostrophes or `the`; `Saint` as `St`; hyphens as spaces. */
export function placeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[.'’]/g, '')
    .replace(/[-‐–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/^saint /, 'st ');
}

/** The table from its text: tab-separated lines, id first (see scripts/places.js). */
export function parsePlaces(text: string, sha256: string): PlaceTable {
  const records = new Map<number, PlaceRecord>();
  const byName = new Map<string, Named[]>();
  const add = (name: string, named: Named) => {
    const key = placeKey(name);
    const list = byName.get(key);
    if (!list) byName.set(key, [named]);
    else if (!list.some((n) => n.record === named.record)) list.push(named);
  };
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 8) continue;
    const record: PlaceRecord = {
      id: Number(f[0]),
      name: f[1]!,
      country: f[2]!,
      admin: f[3]!,
      feature: f[4]!,
      lat: Number(f[5]),
      lon: Number(f[6]),
      population: Number(f[7]),
    };
    records.set(record.id, record);
    const others = (f[8] ? f[8].split('|') : []).map((other) => otherName(record, other));
    // `Ireland@1922-`: the record's own name, in its years only (the state, not the island).
    if (!others.some(([name]) => placeKey(name) === placeKey(record.name))) add(record.name, { record });
    for (const other of others) add(...other);
  }
  return { records, byName, sha256 };
}

/** `Saigon@-1976` → Saigon until 1976. */
function otherName(record: PlaceRecord, written: string): [string, Named] {
  const m = /^(.*)@(\d*)-(\d*)$/.exec(written);
  if (!m) return [written, { record }];
  return [m[1]!, { record, ...(m[2] ? { from: Number(m[2]) } : {}), ...(m[3] ? { until: Number(m[3]) } : {}) }];
}

/** A mention to link: its text and what follows it in the document (a country after a comma narrows it). */
export interface PlaceMention {
  text: string;
  after?: string;
}

/** A record a mention may name, and how well it fits. */
export interface ScoredPlace {
  record: PlaceRecord;
  score: number;
  /** In a country the document names, or the one named right after the mention. */
  near: boolean;
}

/** The best record must beat the next by this much: ten times the population, or the document's countries. */
const MARGIN = 1;
/** A candidate in a country the document names or links at once. */
const IN_CONTEXT = 1;
/** A candidate in the country named right after it (`Dorchester, England`). */
const QUALIFIED = 3;
/** A smaller place than this, in a country the document does not otherwise name, is too doubtful to link. */
const NOTABLE = 100_000;

const isArea = (r: PlaceRecord) => /^(PCL|ADM1|CONT)/.test(r.feature);
/** A place that sets the document's country: a country, a capital or seat of a region, a city of a million (not `Hayward`, a surname too). */
const isLandmark = (r: PlaceRecord) => isArea(r) || /^PPL[CA]/.test(r.feature) || r.population >= 1_000_000;

/**
 * The records a mention may name, best first: by name, a former name only where the
 * document's year falls within its years (or no other record has the name), a name given
 * later (`Ireland` the state, 1922) only in a document dated after it.
 */
export function placeCandidates(table: PlaceTable, mention: PlaceMention, year?: number, countries?: ReadonlySet<string>): ScoredPlace[] {
  const named = table.byName.get(placeKey(mention.text)) ?? [];
  // A later name is never read into a text that may be older than it; a former name, outside its years, only for want of another.
  const usable = (n: Named) => n.from === undefined || (year !== undefined && year >= n.from);
  const inTime = (n: Named) => usable(n) && (year === undefined || year <= (n.until ?? Infinity));
  const fitting = named.some(inTime) ? named.filter(inTime) : named.filter(usable);
  const qualifier = qualifierOf(table, mention.after);
  // `Singapore`, `Luxembourg`: the country, not its city of that name.
  const areas = new Set(fitting.filter((n) => isArea(n.record)).map((n) => n.record.country));
  return fitting
    .filter((n) => isArea(n.record) || !areas.has(n.record.country))
    .map(({ record }) => {
      const inContext = countries?.has(record.country) ?? false;
      const qualified = qualifier !== undefined && qualifier !== record && qualifier.country === record.country;
      const score = Math.log10(Math.max(record.population, 1)) + (inContext ? IN_CONTEXT : 0) + (qualified ? QUALIFIED : 0);
      return { record, score, near: inContext || qualified };
    })
    .sort((a, b) => b.score - a.score || a.record.id - b.record.id);
}

/** The country or region named right after a comma: `, England`, `, Vietnam`. */
function qualifierOf(table: PlaceTable, after: string | undefined): PlaceRecord | undefined {
  const m = after ? /^,\s*((?:[A-Z][\p{L}.']*\s?){1,3})/u.exec(after) : null;
  if (!m) return undefined;
  return (table.byName.get(placeKey(m[1]!)) ?? []).map((n) => n.record).find(isArea);
}

/** The one record that fits, if one does: far ahead of the next, and notable or in the document's countries. */
export function choosePlace(scored: readonly ScoredPlace[]): PlaceRecord | undefined {
  const [best, next] = scored;
  if (!best || (next && best.score - next.score < MARGIN)) return undefined;
  const r = best.record;
  return isArea(r) || r.population >= NOTABLE || best.near ? r : undefined;
}

/**
 * Each mention's record, or undefined: first without context, then with the countries of the
 * landmarks so found (countries, capitals and seats, great cities) as the document's context. Deterministic.
 */
export function linkPlaces(table: PlaceTable, mentions: readonly PlaceMention[], year?: number): (PlaceRecord | undefined)[] {
  const first = mentions.map((m) => choosePlace(placeCandidates(table, m, year)));
  const countries = new Set(first.flatMap((r) => (r?.country && isLandmark(r) ? [r.country] : [])));
  return mentions.map((m) => choosePlace(placeCandidates(table, m, year, countries)));
}
