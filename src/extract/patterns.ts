import type { Document } from '../core/document.js';
import { alternation } from '../core/regexp.js';
import { expandLists, type RulePack } from '../io/rule-packs.js';
import { fromView, longSTolerant, matchingView } from './ocr.js';
import type { Candidate, ExtractorFactory } from './types.js';

interface Compiled {
  by: string;
  type: string;
  priority: number;
  pattern: RegExp;
  /** Normalized value and cluster per matched surface form (gazetteers). */
  entries?: Map<string, { value?: string; cluster?: string }>;
  value?: string;
}

const WORD = String.raw`[\p{L}\p{N}]`;

/** The gazetteer key of a form: long s, and `f` read for it, folded to `s` on both sides. */
function keyOf(form: string, ignoreCase: boolean): string {
  return (ignoreCase ? form.toLowerCase() : form).replace(/[sfſ](?=\p{L})/gu, 's');
}

function compile(packs: readonly RulePack[], lists: ReadonlyMap<string, string[]>): Compiled[] {
  const compiled: Compiled[] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const by = `rule:${pack.name}/${rule.id}`;
      const flags = rule.caseSensitive ? 'gu' : 'giu';
      if (rule.regex) {
        compiled.push({
          by,
          type: rule.type,
          priority: rule.priority,
          pattern: new RegExp(expandLists(rule.regex, pack.lists, lists), flags),
          ...(rule.value ? { value: rule.value } : {}),
        });
      } else if (rule.gazetteer) {
        const entries = new Map<string, { value?: string; cluster?: string }>();
        for (const entry of rule.gazetteer) {
          const e = typeof entry === 'string' ? { name: entry } : entry;
          const info = { ...(e.value ? { value: e.value } : {}), ...(e.id ? { cluster: e.id } : {}) };
          for (const form of [e.name, ...(e.aliases ?? [])]) entries.set(keyOf(form, !rule.caseSensitive), info);
        }
        // Whole words only: no letter or digit may touch the match on either side.
        const pattern = new RegExp(`(?<!${WORD})(?:${longSTolerant(alternation([...entries.keys()]))})(?!${WORD})`, flags);
        compiled.push({ by, type: rule.type, priority: rule.priority, pattern, entries, ...(rule.value ? { value: rule.value } : {}) });
      }
    }
  }
  return compiled;
}

/** Gazetteer and regex rules of the rule packs (compromise match rules run in the NLP extractor). */
export const patternExtractor: ExtractorFactory = ({ packs, lists }) => {
  const rules = compile(packs, lists);
  return {
    id: 'rule:patterns',
    description: 'Gazetteers and regular expressions from the rule packs',
    types: [...new Set(rules.map((r) => r.type))],
    extract(doc: Document): Candidate[] {
      const view = matchingView(doc.text);
      const out: Candidate[] = [];
      for (const rule of rules) {
        for (const m of view.text.matchAll(rule.pattern)) {
          const group = m[1] !== undefined ? m.index + m[0].indexOf(m[1]) : m.index;
          const text = m[1] ?? m[0];
          if (!text) continue;
          const info = rule.entries?.get(keyOf(text, rule.pattern.flags.includes('i')));
          const value = info?.value ?? rule.value;
          out.push(
            fromView(view, {
              type: rule.type,
              start: group,
              end: group + text.length,
              by: rule.by,
              priority: rule.priority,
              ...(value ? { value } : {}),
              ...(info?.cluster ? { cluster: info.cluster } : {}),
            }),
          );
        }
      }
      return out;
    },
  };
};
