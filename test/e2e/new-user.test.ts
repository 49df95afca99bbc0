import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CITATION_KEYS } from '../../src/core/schema.js';
import { loadConfig } from '../../src/io/config.js';
import { projectOf } from '../../src/pipeline/project.js';
import { loadModel, serializeModel } from '../../src/tagger/model.js';
import { REPO, cli, copyOfBundledCorpus, makeProject } from '../helpers.js';

/** Regression tests of the defects a new user met (tracker issue "What a new user trips over"), one per item. */
const LETTER = 'corpus/wilson-1986-01-06-schmidt-to-mielke.txt';
const LETTER_SIDECAR = 'annotations/wilson-1986-01-06-schmidt-to-mielke.txt.yaml';
const lines = (s: string) => s.split('\n').filter(Boolean);
/** A person's entry written into a sidecar by hand, first of its entries. */
const addHumanEntry = (path: string, type: string, start: number, end: number, text: string) =>
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace(
      'entries:\n',
      `entries:\n  - type: ${type}\n    start: ${start}\n    end: ${end}\n    text: ${text}\n    by: human\n`,
    ),
  );

describe('what a new user trips over', () => {
  it('item 2: a paragraph inserted at the top gives the stale error only, and every message is one line', async () => {
    const root = copyOfBundledCorpus();
    const text = readFileSync(join(root, LETTER), 'utf8');
    writeFileSync(join(root, LETTER), `A new first paragraph,\nover two lines.\n\n${text}`);
    const r = await cli(root, 'validate');
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([
      expect.stringMatching(
        /^annotations\/wilson-1986-01-06-schmidt-to-mielke\.txt\.yaml:\d+:\d+ {2}error {2}stale sidecar: .* {2}sidecar-stale$/,
      ),
      '14 sidecars: 1 error, 0 warnings',
    ]);
    // A human entry that is gone from the text is the one entry named; its long quote is cut, its line breaks escaped.
    const sidecar = readFileSync(join(root, LETTER_SIDECAR), 'utf8');
    const long = `${'Quite a long human note '.repeat(4)}\nover a line break`;
    writeFileSync(
      join(root, LETTER_SIDECAR),
      sidecar.replace(
        'entries:\n',
        `entries:\n  - type: person\n    start: 0\n    end: 3\n    text: ${JSON.stringify(long)}\n    by: human\n`,
      ),
    );
    const again = await cli(root, 'validate');
    const lost = lines(again.stdout).filter((l) => l.includes('entry-text-mismatch'));
    expect(lost).toEqual([
      expect.stringMatching(
        / {2}error {2}person #0 "Quite a long human note Quite a long human note Quite a lon…" cannot be found in the edited text: annotate will keep it as orphaned {2}entry-text-mismatch$/,
      ),
    ]);
  });

  it('item 3: a sidecar with broken YAML gives one line, with the first error’s line and column', async () => {
    const root = makeProject({
      'corpus/a.txt': 'Text.\n',
      'annotations/a.txt.yaml': 'schemaVersion: 1\nsource: [\n  path: x\nentries:\n  - {\n',
    });
    for (const command of ['annotate', 'validate']) {
      const r = await cli(root, command);
      const errors = lines(r.stdout).filter((l) => l.includes('sidecar-syntax'));
      expect(errors, command).toHaveLength(1);
      expect(errors[0]).toMatch(/^annotations\/a\.txt\.yaml:\d+:\d+ {2}error {2}/);
    }
  });

  it('item 4: no config, or no corpus folder, is "no marginalia project", exit 2; the config is found in parent folders', async () => {
    const missing = await cli(REPO, '-C', '/nonexistent', 'check');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'marginalia: no marginalia project at /nonexistent: no marginalia.config.yaml there (`marginalia init` starts one)\n',
    );
    const empty = makeProject();
    const bare = join(empty, 'elsewhere');
    mkdirSync(bare);
    writeFileSync(join(bare, 'a.txt'), 'Text.\n');
    const noConfig = await cli('/', '-C', bare, 'annotate');
    expect(noConfig.code).toBe(2);
    expect(noConfig.stderr).toMatch(/^marginalia: no marginalia project at .*elsewhere: no marginalia\.config\.yaml there/);
    expect(existsSync(join(bare, 'annotations'))).toBe(false);
    const noCorpus = makeProject({ 'marginalia.config.yaml': 'corpus: texts\n' });
    const r = await cli(noCorpus, 'check');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no marginalia project at .*: its corpus folder texts\/ is missing/);
    // From inside corpus/, the project is the folder above, and sidecars go to its annotations/.
    const root = makeProject({ 'corpus/sub/a.txt': 'Rusk met Gromyko in Geneva on May 5, 1962.\n' });
    const inside = await cli(join(root, 'corpus/sub'), 'annotate', 'a.txt');
    expect(inside.code).toBe(0);
    expect(existsSync(join(root, 'annotations/sub/a.txt.yaml'))).toBe(true);
    expect(existsSync(join(root, 'corpus/sub/annotations'))).toBe(false);
  });

  it('item 5: an unknown config key or rule id is named at its own line, with "did you mean"', async () => {
    const root = makeProject({ 'corpus/a.txt': 'Text.\n', 'marginalia.config.yaml': 'corpus: corpus\n\n# engine\nnerr: compromise\n' });
    const r = await cli(root, 'check');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('marginalia: marginalia.config.yaml:4:1  nerr: unknown key (did you mean "ner"?)\n');
    writeFileSync(join(root, 'marginalia.config.yaml'), 'check:\n  rules:\n    note-numbering-gapp: warning\n');
    const rule = await cli(root, 'check');
    expect(rule.code).toBe(2);
    expect(rule.stderr).toMatch(
      /^marginalia: marginalia\.config\.yaml:3:\d+ {2}check\.rules\.note-numbering-gapp: unknown key \(did you mean "note-numbering-gap"\?/,
    );
  });

  it('item 14: the tagger model’s hash is part of the generator fingerprint', () => {
    const root = makeProject({ 'marginalia.config.yaml': 'model: models/mine.bin\n' });
    mkdirSync(join(root, 'models'));
    copyFileSync(join(REPO, 'models/tagger.bin'), join(root, 'models/mine.bin'));
    copyFileSync(join(REPO, 'models/period.bin'), join(root, 'models/period.bin'));
    const same = projectOf(loadConfig(root)).generator(['nlp:tagger']);
    expect(projectOf(loadConfig(makeProject())).generator(['nlp:tagger'])).toBe(same);
    // A retrained model of the same version: another file.
    const retrained = loadModel(join(root, 'models/mine.bin'));
    writeFileSync(join(root, 'models/mine.bin'), serializeModel({ ...retrained, trainedOn: { ...retrained.trainedOn, seed: 2 } }));
    expect(projectOf(loadConfig(root)).generator(['nlp:tagger'])).not.toBe(same);
  });

  it('item 18: init starts a project with a corpus folder and keeps the run cache out of git', async () => {
    const root = makeProject();
    writeFileSync(join(root, '.gitignore'), 'node_modules/');
    const r = await cli(root, 'init', '--force');
    expect(r.stdout).toBe('wrote marginalia.config.yaml, .gitignore\n');
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe("node_modules/\n# marginalia's run cache\n.marginalia/\n");
    writeFileSync(join(root, 'corpus/a.txt'), 'Text of May 5, 1962.\n');
    await cli(root, 'annotate');
    expect(existsSync(join(root, '.marginalia/cache.json'))).toBe(true);
    expect(existsSync(join(root, 'annotations/.marginalia-cache.json'))).toBe(false);
    expect((await cli(root, 'init', '--force')).stdout).toBe('wrote marginalia.config.yaml\n');
  });

  it('-C DIR runs as if started in DIR: the paths given are relative to DIR, as in git', async () => {
    const parent = makeProject();
    const archive = join(parent, 'archive');
    mkdirSync(join(archive, 'corpus/frus'), { recursive: true });
    writeFileSync(join(archive, 'marginalia.config.yaml'), '');
    writeFileSync(join(archive, 'corpus/frus/d203.txt'), 'Rusk met Gromyko in Geneva on May 5, 1962.\n');
    writeFileSync(join(archive, 'corpus/frus/d204.txt'), 'Rusk met Dobrynin.\n');
    const elsewhere = join(parent, 'elsewhere');
    mkdirSync(elsewhere);
    const annotated = await cli(elsewhere, '-C', '../archive', 'annotate', 'corpus/frus/d203.txt');
    expect([annotated.code, annotated.stdout, annotated.stderr]).toEqual([0, '1 text: 1 written, 0 unchanged, 0 failed\n', '']);
    expect(existsSync(join(archive, 'annotations/frus/d204.txt.yaml'))).toBe(false);
    const checked = await cli(elsewhere, '-C', '../archive', 'check', 'corpus/frus/d203.txt');
    expect([checked.code, checked.stdout, checked.stderr]).toEqual([0, '✓ 1 text: no problems\n', '']);
  });

  it('bin/marginalia.js in a clone not built, or without its dependencies, says so in one line, exit 2', () => {
    const clone = makeProject();
    cpSync(join(REPO, 'bin'), join(clone, 'bin'), { recursive: true });
    copyFileSync(join(REPO, 'package.json'), join(clone, 'package.json'));
    const bin = join(clone, 'bin/marginalia.js');
    const notBuilt = spawnSync(process.execPath, [bin, 'check'], { cwd: clone, encoding: 'utf8' });
    expect([notBuilt.status, notBuilt.stdout, notBuilt.stderr]).toEqual([
      2,
      '',
      `marginalia: the package at ${clone} is not built (no dist/): run \`npm ci\` there (it installs and builds), or \`npm run build\`\n`,
    ]);
    // Built elsewhere and copied, without node_modules: commander cannot be found.
    cpSync(join(REPO, 'dist'), join(clone, 'dist'), { recursive: true });
    const noDependencies = spawnSync(process.execPath, [bin, 'check'], { cwd: clone, encoding: 'utf8' });
    expect([noDependencies.status, noDependencies.stderr]).toEqual([
      2,
      `marginalia: the package at ${clone} has no dependencies installed: run \`npm ci\` there\n`,
    ]);
  });

  it('init refuses to start a second project inside a project, naming the project above', async () => {
    const root = makeProject();
    mkdirSync(join(root, 'corpus/frus'));
    const inner = join(root, 'corpus/frus');
    const r = await cli(inner, 'init');
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      '',
      `marginalia: ${inner} is inside the marginalia project at ${root} (marginalia.config.yaml found there): run marginalia there, or \`init --force\` to start a separate project here\n`,
    ]);
    expect(existsSync(join(inner, 'marginalia.config.yaml'))).toBe(false);
    expect((await cli(inner, 'init', '--force')).code).toBe(0);
  });

  it('item 19: the binary-file warning says what the file is once', async () => {
    const root = makeProject({ 'corpus/a.txt': 'x\u0000y' });
    const r = await cli(root, 'annotate');
    expect(r.stdout).toContain('corpus/a.txt  warning  binary file (NUL bytes), skipped  text-binary');
  });

  it('item 1: import takes an absolute path as well as a relative one', async () => {
    const root = makeProject({ 'corpus/x.txt': 'Rusk met Gromyko.\n' });
    const ann = join(makeProject(), 'x.ann');
    writeFileSync(ann, 'T1\tperson 0 4\tRusk\n');
    const r = await cli(root, 'import', ann, '--from', 'brat', '--text', 'corpus/x.txt');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'annotations/x.txt.yaml'), 'utf8')).toContain('    text: Rusk\n');
    writeFileSync(join(root, 'y.ann'), 'T1\tperson 9 16\tGromyko\n');
    expect((await cli(join(root, 'corpus'), 'import', '../y.ann', '--from', 'brat', '--text', 'x.txt')).code).toBe(0);
    expect(readFileSync(join(root, 'annotations/x.txt.yaml'), 'utf8')).toContain('    text: Gromyko\n');
    const missing = await cli(root, 'import', '/nowhere/z.ann', '--from', 'brat', '--text', 'corpus/x.txt');
    expect([missing.code, missing.stderr]).toEqual([2, 'marginalia: /nowhere/z.ann: cannot be read (ENOENT)\n']);
  });

  it('item 6: accept --id with an unknown id warns and exits 1; an id in several sidecars needs a path', async () => {
    const root = makeProject({ 'corpus/a.txt': 'Kissinger met Dobrynin.\n', 'corpus/b.txt': 'Later, Kissinger left.\n' });
    await cli(root, 'annotate');
    const unknown = await cli(root, 'accept', '--id', 'nope-123');
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('warning  no entry has the id nope-123  curate-unknown-id');
    const sidecar = readFileSync(join(root, 'annotations/a.txt.yaml'), 'utf8');
    const id = /id: (person-[0-9a-f]{8})\n {4}type: person\n {4}start: 0/.exec(sidecar)![1]!;
    const ambiguous = await cli(root, 'reject', '--id', id);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain(`id ${id} names entries of 2 sidecars (annotations/a.txt.yaml, annotations/b.txt.yaml)`);
    expect(readFileSync(join(root, 'annotations/a.txt.yaml'), 'utf8')).toBe(sidecar);
    const one = await cli(root, 'reject', 'annotations/a.txt.yaml', '--id', id);
    expect([one.code, one.stdout]).toEqual([0, '1 entry rejected in 1 sidecar\n']);
    expect(readFileSync(join(root, 'annotations/b.txt.yaml'), 'utf8')).not.toContain('status: rejected');
  });

  it('item 9: a closed pipe ends the command quietly, exit 0', async () => {
    const child = spawn(process.execPath, [join(REPO, 'bin/marginalia.js'), 'export', '--format', 'jsonl'], { cwd: REPO });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((done) => child.stdout.once('data', () => done()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect([code, stderr]).toEqual([0, '']);
  });

  it('item 16: every citation field of the schema survives a write', async () => {
    const root = makeProject({ 'corpus/a.txt': 'A claim.(1)\n\nNotes\n(1) Smith, History, p. 4.\n' });
    await cli(root, 'annotate');
    const path = join(root, 'annotations/a.txt.yaml');
    const citation = Object.fromEntries(
      CITATION_KEYS.map((k) => [k, k === 'author' ? [{ literal: 'Smith' }] : k === 'type' ? 'book' : `${k} value`]),
    );
    const sidecar = parse(readFileSync(path, 'utf8'));
    const note = sidecar.entries.find((e: { type: string }) => e.type === 'note');
    Object.assign(note, { citation, status: 'accepted' });
    writeFileSync(path, stringify(sidecar));
    await cli(root, 'annotate', '--force');
    const kept = parse(readFileSync(path, 'utf8')).entries.find((e: { type: string }) => e.type === 'note');
    expect(Object.keys(kept.citation)).toEqual(CITATION_KEYS);
  });

  it('item 19: eval with every type recall-only gives micro recall; an orphaned status-less human entry gets no previousStatus', async () => {
    const gold = makeProject({ 'corpus/a.txt': '' });
    writeFileSync(join(gold, 'd.txt'), 'Rusk met Gromyko.\n');
    writeFileSync(join(gold, 'd.ann'), 'T1\tperson 0 4\tRusk\nT2\tperson 9 16\tGromyko\n');
    const r = await cli(gold, 'eval', '--gold', gold, '--recall-only', 'person', '--format', 'json');
    const { micro } = JSON.parse(r.stdout);
    expect(micro.recallOnly).toBe(true);
    expect(micro.gold).toBe(2);
    expect(micro.fuzzyScore.recall).toBeGreaterThan(0);
    const root = makeProject({ 'corpus/a.txt': 'Rusk met Gromyko.\n' });
    await cli(root, 'annotate');
    const path = join(root, 'annotations/a.txt.yaml');
    addHumanEntry(path, 'person', 0, 4, 'Rusk');
    writeFileSync(join(root, 'corpus/a.txt'), 'Someone else entirely.\n');
    await cli(root, 'annotate');
    const orphan = parse(readFileSync(path, 'utf8')).entries.find((e: { by: string }) => e.by === 'human');
    expect(orphan.status).toBe('orphaned');
    expect(orphan).not.toHaveProperty('previousStatus');
  });

  it('item 7: a machine entry retyped by hand is human work: kept through annotate --force and a text edit, with an id of its new type', async () => {
    const root = makeProject({ 'corpus/a.txt': 'Dean Acheson wrote to Paris on May 5, 1962.\n' });
    await cli(root, 'annotate');
    const path = join(root, 'annotations/a.txt.yaml');
    const sidecar = parse(readFileSync(path, 'utf8'));
    const paris = sidecar.entries.find((e: { text: string }) => e.text === 'Paris');
    expect(paris).toMatchObject({ type: 'place', status: 'auto' });
    paris.type = 'person';
    writeFileSync(path, stringify(sidecar));
    const others = sidecar.entries.filter((e: { id: string }) => e.id !== paris.id).map((e: { id: string }) => e.id);
    let retypedId: string | undefined;
    for (const args of [['annotate', '--force'], ['annotate']]) {
      if (args.length === 1) writeFileSync(join(root, 'corpus/a.txt'), 'Later: Dean Acheson wrote to Paris on May 5, 1962.\n');
      await cli(root, ...args);
      const entries = parse(readFileSync(path, 'utf8')).entries;
      const kept = entries.filter((e: { text: string }) => e.text === 'Paris');
      expect(kept, args.join(' ')).toEqual([expect.objectContaining({ type: 'person', by: 'human' })]);
      expect(kept[0].id).toMatch(/^person-/);
      retypedId ??= kept[0].id;
      expect(kept[0].id, 'the new id stays put').toBe(retypedId);
      expect(entries.map((e: { id: string }) => e.id).sort(), args.join(' ')).toEqual([...others, retypedId].sort());
    }
  });

  it('item 8: check reports a sidecar entry whose start was changed by hand', async () => {
    const root = copyOfBundledCorpus();
    await cli(root, 'annotate');
    const path = join(root, LETTER_SIDECAR);
    const sidecar = readFileSync(path, 'utf8');
    const start = /\n {4}start: (\d+)\n {4}end: \d+\n {4}text: Erich Mielke\n/.exec(sidecar)!;
    writeFileSync(path, sidecar.replace(start[0], start[0].replace(`start: ${start[1]}`, `start: ${Number(start[1]) + 1}`)));
    const r = await cli(root, 'check');
    expect(r.code).toBe(1);
    expect(lines(r.stdout).filter((l) => l.includes('entry-text-mismatch'))).toEqual([
      expect.stringMatching(
        /^annotations\/wilson-1986-01-06-schmidt-to-mielke\.txt\.yaml:\d+:\d+ {2}error {2}person person-[0-9a-f]{8} "Erich Mielke" does not match the text at/,
      ),
    ]);
  });

  it('a symbolic link to a folder that loops is reported once, by annotate and by check, and never followed', async () => {
    const root = makeProject({ 'corpus/frus/a.txt': 'Rusk met Gromyko.\n' });
    symlinkSync('..', join(root, 'corpus/frus/zz-dirloop'));
    const warning =
      'corpus/frus/zz-dirloop  warning  symbolic link to a folder, not followed: put the texts themselves in the corpus  text-symlink';
    const annotated = await cli(root, 'annotate');
    expect([annotated.code, annotated.stdout]).toEqual([
      0,
      `${warning}\n1 text: 0 errors, 1 warning\n1 text: 1 written, 0 unchanged, 0 failed\n`,
    ]);
    expect(existsSync(join(root, 'annotations/frus/zz-dirloop'))).toBe(false);
    const checked = await cli(root, 'check');
    expect(lines(checked.stdout).filter((l) => l.includes('text-symlink'))).toEqual([warning]);
  });

  it('item 13: a link named on the command line is not followed; a killed write’s temporary file is removed by the next run', async () => {
    const root = makeProject({ 'corpus/frus/a.txt': 'Rusk met Gromyko.\n' });
    symlinkSync('.', join(root, 'corpus/frus/loop'));
    const r = await cli(root, 'annotate', 'corpus/frus/loop');
    expect(r.stdout).toContain('corpus/frus/loop  warning  symbolic link, not followed: put the text itself in the corpus  text-symlink');
    expect(existsSync(join(root, 'annotations/frus/loop'))).toBe(false);
    expect((await cli(root, 'annotate', 'corpus/frus/loop/a.txt')).stdout).toContain('corpus/frus/loop  warning  symbolic link');
    expect(existsSync(join(root, 'annotations/frus/loop'))).toBe(false);
    // A temporary file of a process that is gone, and one of a live process (this one).
    mkdirSync(join(root, 'annotations/frus'), { recursive: true });
    const dead = join(root, 'annotations/frus/.a.txt.yaml.999999999.0123abcd.tmp');
    const live = join(root, `annotations/frus/.a.txt.yaml.${process.pid}.0123abcd.tmp`);
    writeFileSync(dead, 'half');
    writeFileSync(live, 'half');
    expect((await cli(root, 'validate')).stdout).not.toContain('.tmp');
    await cli(root, 'annotate');
    expect([existsSync(dead), existsSync(live)]).toEqual([false, true]);
  });

  it('item 15: annotate follows the configured severities; a pack rule the engine cannot run is said once; an undeclared pack type is a config error', async () => {
    const root = makeProject({ 'corpus/a.txt': 'Rusk met Gromyko.\n', 'corpus/b.txt': 'Rusk left.\n' });
    await cli(root, 'annotate');
    const path = join(root, 'annotations/a.txt.yaml');
    addHumanEntry(path, 'person', 0, 4, 'Rusk');
    writeFileSync(join(root, 'corpus/a.txt'), 'Someone met Gromyko.\n');
    writeFileSync(join(root, 'marginalia.config.yaml'), 'check:\n  rules:\n    entry-orphaned: off\n');
    const quiet = await cli(root, 'annotate');
    expect(quiet.stdout).not.toContain('entry-orphaned');
    writeFileSync(
      join(root, 'mine.yaml'),
      'name: mine\nrules:\n  - id: ships\n    type: person\n    match: "#ProperNoun+ #Verb"\n  - id: lancers\n    type: person\n    regex: "Lancers"\n',
    );
    writeFileSync(join(root, 'marginalia.config.yaml'), 'rules: [mine.yaml]\n');
    const said = await cli(root, 'annotate', '--force');
    expect(lines(said.stdout).filter((l) => l.includes('pack-rule-inactive'))).toEqual([
      'mine.yaml:3:5  warning  rule mine/ships is a compromise pattern (match:), which runs only with `ner: compromise`; it is skipped  pack-rule-inactive',
    ]);
    writeFileSync(join(root, 'mine.yaml'), 'name: mine\nrules:\n  - id: ships\n    type: ship\n    regex: "Pueblo"\n');
    const undeclared = await cli(root, 'annotate');
    expect([undeclared.code, undeclared.stderr]).toEqual([
      2,
      'marginalia: mine.yaml:4:11  rules.0.type: "ship" is not declared (add it to `types` in the config)\n',
    ]);
  });

  it('item 10: a date without its year takes the document’s year, else stays unknown; a weekday belongs to it', async () => {
    const root = makeProject({
      'corpus/a.txt':
        '12. Telegram From the Embassy in India\n\nNew Delhi, January 3, 1972.\n\nOn December 28 and on the afternoon of January 2 the Minister called.\n',
      'corpus/b.txt': 'The meeting is set for Tuesday, October 11th, and the 5th of June.\n',
    });
    await cli(root, 'annotate');
    const dates = (name: string) =>
      parse(readFileSync(join(root, `annotations/${name}.yaml`), 'utf8'))
        .entries.filter((e: { type: string }) => e.type === 'date')
        .map((e: { text: string; value: string }) => [e.text, e.value]);
    expect(dates('a.txt')).toEqual([
      ['January 3, 1972', '1972-01-03'],
      ['December 28', '1971-12-28'],
      ['January 2', '1972-01-02'],
    ]);
    expect(dates('b.txt')).toEqual([
      ['Tuesday, October 11th', 'XXXX-10-11'],
      ['5th of June', 'XXXX-06-05'],
    ]);
  });

  it('item 11: diff names what a curator did, keeps a moved paragraph’s entities, and labels a missing side /dev/null', async () => {
    const root = makeProject({
      'corpus/a.txt': 'Dean Rusk met Andrei Gromyko in Geneva.\n\nLater Robert McNamara flew to Saigon.\n\nThen Averell Harriman spoke.\n',
    });
    await cli(root, 'annotate');
    const path = join(root, 'annotations/a.txt.yaml');
    cpSync(path, join(root, 'before.yaml'));
    const sidecar = parse(readFileSync(path, 'utf8'));
    const byText = (t: string) => sidecar.entries.find((e: { text: string }) => e.text === t);
    byText('Geneva').status = 'accepted';
    byText('Saigon').status = 'rejected';
    byText('Andrei Gromyko').type = 'org';
    writeFileSync(path, stringify(sidecar));
    const curated = JSON.parse((await cli(root, 'diff', 'before.yaml', 'annotations/a.txt.yaml', '--format', 'json')).stdout).documents[0];
    const kinds = curated.changed.map((c: { after: { text: string }; changes: string[] }) => [c.after.text, c.changes]);
    expect(kinds).toEqual([
      ['Andrei Gromyko', ['retyped']],
      ['Geneva', ['accepted']],
      ['Saigon', ['rejected']],
    ]);
    // The last paragraph moved to the top: its entity moved, the others only shifted. (The curation
    // is annotated first: the retyped entry then loses the machine's cluster, a change of its own.)
    await cli(root, 'annotate');
    cpSync(path, join(root, 'before.yaml'));
    writeFileSync(
      join(root, 'corpus/a.txt'),
      'Then Averell Harriman spoke.\n\nDean Rusk met Andrei Gromyko in Geneva.\n\nLater Robert McNamara flew to Saigon.\n',
    );
    await cli(root, 'annotate');
    const moved = JSON.parse((await cli(root, 'diff', 'before.yaml', 'annotations/a.txt.yaml', '--format', 'json')).stdout).documents[0];
    expect([moved.added, moved.removed]).toEqual([[], []]);
    expect(moved.changed.map((c: { after: { text: string }; changes: string[] }) => [c.after.text, c.changes])).toEqual([
      ['Averell Harriman', ['moved']],
    ]);
    mkdirSync(join(root, 'x'));
    mkdirSync(join(root, 'y'));
    cpSync(path, join(root, 'y/a.txt.yaml'));
    const missing = await cli(root, 'diff', 'x', 'y');
    expect(missing.stdout.split('\n').slice(0, 2)).toEqual(['--- /dev/null', '+++ y/a.txt.yaml']);
  });

  it('item 12: a list of documents is one cross-reference per number; TEI keeps our own cluster keys out of @ref', async () => {
    const root = makeProject({ 'corpus/a.txt': 'See Documents 99 and 100, and Documents 12, 13, and 15.\n\nDean Rusk spoke.\n' });
    await cli(root, 'annotate');
    const xrefs = parse(readFileSync(join(root, 'annotations/a.txt.yaml'), 'utf8'))
      .entries.filter((e: { type: string }) => e.type === 'xref')
      .map((e: { text: string }) => e.text);
    expect(xrefs).toEqual(['Documents 99', '100', 'Documents 12', '13', '15']);
    await cli(root, 'export', '--format', 'tei', '--out', 'tei');
    const tei = readFileSync(join(root, 'tei/corpus/a.xml'), 'utf8');
    expect(tei).toContain('<persName key="person:rusk">Dean Rusk</persName>');
    expect(tei).not.toMatch(/ref="person:/);
  });

  it('item 12 (clusters): one key per person, never the given name of a surname-first name, diacritics folded', async () => {
    const root = makeProject({
      'corpus/a.txt':
        'Foreign Minister Kim Dong Jo met Allen Dulles and John Foster Dulles. Later Dulles left.\n\nMinister Çağlayangil spoke; Caglayangil agreed.\n',
    });
    await cli(root, 'annotate');
    const people = parse(readFileSync(join(root, 'annotations/a.txt.yaml'), 'utf8'))
      .entries.filter((e: { type: string }) => e.type === 'person')
      .map((e: { text: string; cluster: string }) => [e.text, e.cluster]);
    expect(people).toEqual(
      expect.arrayContaining([
        // Issue 28: a family name written first keys with its given name (`person:kim` would join every Kim of the corpus).
        [expect.stringMatching(/Kim Dong Jo$/), 'person:kim-dongjo'],
        ['Allen Dulles', 'person:dulles-a'],
        ['John Foster Dulles', 'person:dulles-j'],
        ['Dulles', 'person:dulles'],
        [expect.stringMatching(/Çağlayangil$/), 'person:caglayangil'],
        ['Caglayangil', 'person:caglayangil'],
      ]),
    );
  });

  it('item 17: view groups the entity list by entity, numbers and dates the index, and shows orphaned human entries', async () => {
    const root = makeProject({
      'corpus/d12.txt': '12. Telegram From the Embassy\n\nMoscow, May 5, 1962.\n\nRusk met Gromyko. Rusk left. Rusk returned.\n',
      'corpus/d13.txt': '13. Telegram From the Embassy\n\nMoscow, May 6, 1962.\n\nGromyko wrote.\n',
    });
    await cli(root, 'annotate');
    const path = join(root, 'annotations/d13.txt.yaml');
    addHumanEntry(path, 'person', 0, 5, 'Nobody');
    writeFileSync(join(root, 'corpus/d13.txt'), '13. Telegram From the Embassy\n\nMoscow, May 6, 1962.\n\nGromyko wrote again.\n');
    await cli(root, 'annotate');
    await cli(root, 'view', '--out', 'site');
    const page = readFileSync(join(root, 'site/corpus/d12.html'), 'utf8');
    const rows = [...page.matchAll(/<li><button [^>]*>Rusk<\/button> <small>([^<]*)<\/small>/g)].map((m) => m[1]);
    expect(rows).toEqual(['person ×3']);
    const index = readFileSync(join(root, 'site/index.html'), 'utf8');
    expect(index).toMatch(/<li>12\. <a href="corpus\/d12\.html">Telegram From the Embassy<\/a> <time>1962-05-05<\/time>/);
    expect(index).toMatch(/<li>13\. <a [^>]*>Telegram From the Embassy<\/a> <time>1962-05-06<\/time>/);
    const other = readFileSync(join(root, 'site/corpus/d13.html'), 'utf8');
    expect(other).toMatch(
      /<li class="orphaned" data-entry-id="[^"]+" data-status="orphaned">Nobody <small>person · orphaned<\/small><\/li>/,
    );
  });

  it('item 18: the README starts with the two commands, then says how to run marginalia on your own folder, and never points at ../shared', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(readme).not.toContain('../shared');
    const sections = readme.split('\n## ').map((s) => s.split('\n')[0]);
    expect(sections[1]).toBe('Your own corpus');
    expect(readme.split('## Your own corpus')[1]).toMatch(
      /npm pack[\s\S]*marginalia init[\s\S]*marginalia annotate[\s\S]*marginalia check/,
    );
  });
});
