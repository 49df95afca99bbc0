import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Message, Severity } from '../core/message.js';
import { compareMessages } from '../core/message.js';

export interface SarifContext {
  version: string;
  rules: readonly { id: string; severity: Severity; description: string; help: string }[];
}

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0 for code-scanning uploads; columns are code points, paths relative to the project root. */
export function formatMessagesSarif(messages: readonly Message[], { version, rules }: SarifContext): string {
  const descriptors: ReportingDescriptor[] = rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    help: { text: r.help },
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = [...messages].sort(compareMessages).map((m) => ({
    ruleId: m.ruleId,
    ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId)! } : {}),
    level: LEVEL[m.severity],
    message: { text: m.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(m.file), uriBaseId: '%SRCROOT%' },
          ...(m.line ? { region: { startLine: m.line, startColumn: m.column ?? 1 } } : {}),
        },
      },
    ],
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'marginalia', version, rules: descriptors } }, columnKind: 'unicodeCodePoints', results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
