import { defineRule } from './rule.js';

/** Rules about the texts of the corpus as files. */
export const textUnreadable = defineRule({
  id: 'text-unreadable',
  severity: 'error',
  source: 'text',
  description: 'A text cannot be read',
  help: 'Check the file exists and can be read.',
  messages: { unreadable: 'cannot read the text: {{reason}}' },
});

export const textEncoding = defineRule({
  id: 'text-encoding',
  severity: 'error',
  source: 'text',
  description: 'A text cannot be decoded',
  help: 'Declare its encoding under `encodings` in the config, or convert it to UTF-8.',
  messages: { undecodable: '{{reason}}', sourceUndecodable: 'source text {{text}} cannot be decoded' },
});

export const textBinary = defineRule({
  id: 'text-binary',
  severity: 'warning',
  source: 'text',
  description: 'A file of the corpus is binary, not text; skipped',
  help: 'Move it out of the corpus, or exclude it.',
  messages: { binary: 'binary file ({{kind}}), skipped' },
});

export const textSymlink = defineRule({
  id: 'text-symlink',
  severity: 'warning',
  source: 'text',
  description: 'A text, or a folder of the corpus, is a symbolic link; never followed',
  help: 'Copy the file (or the folder) into the corpus instead of linking it.',
  messages: {
    link: 'symbolic link, not followed: put the text itself in the corpus',
    folder: 'symbolic link to a folder, not followed: put the texts themselves in the corpus',
  },
});

export const textOutsideProject = defineRule({
  id: 'text-outside-project',
  severity: 'error',
  source: 'text',
  description: 'A text resolves to a file outside the project',
  help: 'Copy the file into the corpus.',
  messages: { outside: 'the text is a link to {{real}}, outside the project; skipped' },
});

export const TEXT_RULES = [textUnreadable, textEncoding, textBinary, textSymlink, textOutsideProject];
