import type { Document } from '../core/document.js';
import { PRIORITY } from '../core/priority.js';
import { headedNames, NAME_WORD } from './headed.js';
import type { Candidate, ExtractorFactory } from './types.js';
import { vocabularyAt } from './vocabulary.js';

/** Geographic words period papers write in lower case after a name: `Jackson county`, `Coosa river`, `Broad street`. */
const HEADS = [
  'county',
  'counties',
  'river',
  'creek',
  'street',
  'road',
  'bridge',
  'mountain',
  'mountains',
  'lake',
  'island',
  'valley',
  'township',
  'parish',
  'park',
  'avenue',
  'square',
  'bay',
  'harbor',
  'harbour',
  'canal',
];
const PLACE = new RegExp(String.raw`(?<![\p{L}\p{N}])${NAME_WORD}(?:\s+${NAME_WORD}){0,2}\s+(?:${HEADS.join('|')})(?![\p{L}\p{N}])`, 'gu');
/** Words that start a sentence or a clause or count and qualify (`Several square miles`), never a place's name: left outside. */
const LEAD =
  /^(?:(?:The|A|An|This|That|These|Those|In|On|At|Of|For|And|But|To|From|By|Near|Mr|Mrs|Dr|Several|Some|Many|All|Each|Every|Other|Said|Same|Public|Whole|Our|Your|My|Its|His|Her|Their|No)\.?\s+)+/;

/**
 * Places named by a lower-case geographic head (`Jackson county`, `Will’s creek`, `Leesburg
 * road`), as 19th-century papers print them: the tagger, trained on texts that capitalize the
 * head, reads the name alone, and as often a person. Runs after the tagger, which never reads them.
 */
export const placeHeadsExtractor: ExtractorFactory = ({ modelPath }) => {
  const vocabulary = vocabularyAt(modelPath);
  return {
    id: 'rule:places/heads',
    description: 'Places named by a lower-case geographic head word (Jackson county, Coosa river, Broad street)',
    types: ['place'],
    extract: (doc: Document): Candidate[] =>
      headedNames(doc.text, PLACE, LEAD)
        // `North Vietnamese road`: a people's road, not a named one.
        .filter(({ name }) => /\s/.test(name) && !name.split(/\s+/).some((w) => vocabulary.isDemonym(w)))
        .map(({ start, end }) => ({ type: 'place', start, end, by: 'rule:places/heads', priority: PRIORITY.placeHead })),
  };
};
