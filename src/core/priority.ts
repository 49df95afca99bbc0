/**
 * Which candidate wins when spans of one layer overlap. Resolution compares the tens first
 * (a tier), then the length, then the exact value; so within a tier the longer span wins.
 */
export const PRIORITY = {
  /** Notes, note markers, cross-references: the document's structure. */
  structure: 100,
  reference: 60,
  money: 50,
  date: 50,
  datelinePlace: 47,
  /** A name and a lower-case geographic head (`Jackson county`): over the person the tagger reads in the name. */
  placeHead: 46,
  militaryUnit: 46,
  /** A newspaper's title (`Richmond Whig`): over the place it starts with. */
  newspaper: 45,
  orgOf: 44,
  orgHead: 42,
  /** The default of a rule-pack rule (gazetteers, regular expressions, compromise patterns). */
  packRule: 40,
  titledPerson: 40,
  vietnameseName: 38,
  /** A form of an accepted authority record: it fills the gaps; a longer name holding it (`Capt. Burger`) wins and takes its ref. */
  authority: 34,
  bracketedAcronym: 34,
  acronym: 32,
  signature: 30,
  speaker: 20,
  /** The trained tagger: below the rules' confident patterns and gazetteers, above their guesses. */
  tagger: 35,
  /** A known first name before a word in capitals (`Joseph STALIN`), and that word elsewhere: over the tagger's span of it. */
  capitalsName: 36,
  nlp: 10,
  /** The other half of a coordination (`Messrs. Rusk and McNamara`). */
  coordinated: 6,
  /** A name found elsewhere in the document, matched again (one sense per document). */
  propagated: 5,
} as const;
