/** The hashed feature names: FNV-1a over strings such as `w-1:the`, computed without building them. */

/** FNV-1a, 32 bits. */
export function hash(s: string): number {
  return more(0x811c9dc5, s) >>> 0;
}

/** The FNV-1a hash of a string continued with `s` (from `from` to `to`): hash(a + b) = more(hash(a), b). */
export function more(h: number, s: string, from = 0, to = s.length): number {
  const end = Math.min(to, s.length);
  for (let i = Math.max(0, from); i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

export const PREFIXES = [
  'w:',
  'W:',
  's:',
  'p1:',
  'p3:',
  'x2:',
  'x3:',
  'x4:',
  'w-1:',
  'w+1:',
  'w-2:',
  'w+2:',
  's-1:',
  's+1:',
  's-1s:',
  'first:',
  'cap:',
  'cap+1:',
  'title:',
  'head:',
  'part:',
  'not:',
  'caps:',
  'h:',
  'h-1:',
  'h+1:',
  'hs:',
  'w-1w:',
  'ww+1:',
  'c:',
  'c-1:',
  'c+1:',
  'c-1c:',
  'gz:',
  'k4:',
  'k8:',
  'k10:',
  'k-1:',
  'k+1:',
  'pc:',
  'pt:',
] as const;
export type Prefix = (typeof PREFIXES)[number];

/** Each slot's feature, by the prefix its hashed strings start with; `featurize` fills them in this order. */
export const SLOT_NAMES = ['bias', ...PREFIXES] as const;
/** Features per token: a fixed number of slots (one per name above), so a sentence's features fit one typed array. */
export const SLOTS = SLOT_NAMES.length;

/** Raised when a feature's computation changes while its name stays: a model trained before no longer fits. */
const FEATURES_REVISION = 2;

/** The feature set a model is trained for, written in its header and checked on load (see FORMAT.md). */
export const FEATURE_SET = `${FEATURES_REVISION}:${hash(SLOT_NAMES.join(' ')).toString(16).padStart(8, '0')}`;

const SEEDS = new Map<string, number>(PREFIXES.map((p) => [p, more(0x811c9dc5, p)]));
/** The hash state after a feature's prefix. */
export const seed = (prefix: Prefix): number => SEEDS.get(prefix)!;

/** The hash of a feature's prefix followed by the parts, joined by `|`: `joined('c-1c:', a, b)` is hash(`c-1c:a|b`). */
export function joined(prefix: Prefix, ...parts: string[]): number {
  let h = seed(prefix);
  for (let i = 0; i < parts.length; i++) h = more(i ? more(h, '|') : h, parts[i]!);
  return h;
}
