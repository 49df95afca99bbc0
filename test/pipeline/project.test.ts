import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/io/config.js';
import { runContext } from '../../src/pipeline/context.js';
import { projectOf } from '../../src/pipeline/project.js';
import { loadModel, serializeModel } from '../../src/tagger/model.js';
import { REPO, makeProject } from '../helpers.js';

/** A project whose own model (as `train` writes one) knows `Nodis` as a nationality. */
function projectWithOwnModel(): string {
  const root = makeProject({ 'marginalia.config.yaml': 'model: models/tagger.bin\n' });
  const shipped = loadModel();
  const lexicon = { ...shipped.lexicon, classes: { ...shipped.lexicon.classes, nodis: 'demonym' } };
  mkdirSync(join(root, 'models'));
  writeFileSync(join(root, 'models/tagger.bin'), serializeModel({ ...shipped, lexicon }));
  copyFileSync(join(REPO, 'models/period.bin'), join(root, 'models/period.bin'));
  return root;
}

describe('the project reads its own model for what words mean', () => {
  it("resolve's vocabulary is the config's model, not the shipped one, and the run hands it down", () => {
    const own = loadConfig(projectWithOwnModel());
    const shipped = loadConfig(makeProject());
    expect(projectOf(own).vocabulary().isDemonym('Nodis')).toBe(true);
    expect(projectOf(shipped).vocabulary().isDemonym('Nodis')).toBe(false);
    expect(runContext(own).vocabulary).toBe(projectOf(own).vocabulary());
  });

  it('with ner: none, no tagger runs and no model hash is in the fingerprint', () => {
    const config = loadConfig(makeProject({ 'marginalia.config.yaml': 'ner: none\n' }));
    const context = runContext(config);
    expect(context.extractors.map((e) => e.id)).not.toContain('nlp:tagger');
    expect(projectOf(config).model).toBeUndefined();
  });
});
