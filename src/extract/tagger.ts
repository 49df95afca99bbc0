import type { Document } from '../core/document.js';
import { PRIORITY } from '../core/priority.js';
import type { Candidate, ExtractorFactory } from './types.js';
import { loadModel } from '../tagger/model.js';
import { tagText } from '../tagger/tag.js';

export { loadModel } from '../tagger/model.js';
export { tagText, type TaggedSpan } from '../tagger/tag.js';

/**
 * People, places and organizations found by the trained tagger (models/tagger.bin), which reads
 * the rules' spans as evidence: it runs after them and gets their candidates.
 */
export const taggerExtractor: ExtractorFactory = ({ modelPath, model: given }) => {
  const model = given ?? loadModel(modelPath);
  return {
    id: 'nlp:tagger',
    description: 'People, places and organizations found by the trained sequence tagger (an averaged perceptron fed by the rules)',
    types: ['person', 'place', 'org'],
    extract: (doc: Document, earlier: readonly Candidate[] = []): Candidate[] =>
      tagText(model, doc.text, earlier).map((s) => ({
        type: s.type,
        start: s.start,
        end: s.end,
        by: 'nlp:tagger',
        priority: PRIORITY.tagger,
        confidence: s.confidence,
      })),
  };
};
