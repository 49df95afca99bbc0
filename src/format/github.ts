import type { Message } from '../core/message.js';
import { compareMessages } from '../core/message.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`. */
export function formatMessagesGithub(messages: readonly Message[]): string {
  return [...messages]
    .sort(compareMessages)
    .map((m) => {
      const props = [
        `file=${escapeProperty(m.file)}`,
        ...(m.line ? [`line=${m.line}`, `col=${m.column ?? 1}`] : []),
        `title=${escapeProperty(m.ruleId)}`,
      ];
      return `::${COMMAND[m.severity]} ${props.join(',')}::${escapeData(m.message)}\n`;
    })
    .join('');
}
