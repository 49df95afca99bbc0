import type { Command } from 'commander';
import type { Cli } from './context.js';
import { defineAnnotate } from './commands/annotate.js';
import { defineAuthority } from './commands/authority.js';
import { defineCheck } from './commands/check.js';
import { defineIndex } from './commands/corpus-index.js';
import { defineCurate } from './commands/curate.js';
import { defineDiff } from './commands/diff.js';
import { defineEval } from './commands/eval.js';
import { defineExport } from './commands/export.js';
import { defineImport } from './commands/import.js';
import { defineInit } from './commands/init.js';
import { defineReview } from './commands/review.js';
import { defineSchema } from './commands/schema.js';
import { defineServe } from './commands/serve.js';
import { defineTrain } from './commands/train.js';
import { defineValidate } from './commands/validate.js';
import { defineView } from './commands/view.js';

/** Every command of the CLI (one file each in commands/: flags, help, and an action that calls the library), in the order of `--help`. */
export function defineCommands(program: Command, cli: Cli): void {
  defineAnnotate(program, cli);
  defineValidate(program, cli);
  defineCheck(program, cli);
  defineDiff(program, cli);
  defineCurate(program, cli);
  defineReview(program, cli);
  defineTrain(program, cli);
  defineExport(program, cli);
  defineImport(program, cli);
  defineIndex(program, cli);
  defineView(program, cli);
  defineServe(program, cli);
  defineEval(program, cli);
  defineSchema(program, cli);
  defineInit(program, cli);
  defineAuthority(program, cli);
}
