import type { Entry } from '../core/schema.js';
import { live, valueString, type Exportable } from './formats.js';

/** W3C Web Annotation, one per entry: a tag body, a value body, quote and position selectors (code points). */
export function toWebAnnotations({ doc, sidecar }: Exportable): object[] {
  return live(sidecar.entries).map((e) => {
    const value = valueString(e);
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:marginalia:${sidecar.source.sha256}:${e.id}`,
      type: 'Annotation',
      motivation: 'tagging',
      creator: e.by,
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: e.type },
        ...(value !== undefined ? [{ type: 'TextualBody', purpose: 'describing', value }] : []),
      ],
      target: {
        source: sidecar.source.path,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: doc.slice(e.start, e.end),
            prefix: e.prefix ?? doc.slice(e.start - 24, e.start),
            suffix: e.suffix ?? doc.slice(e.end, e.end + 24),
          },
          { type: 'TextPositionSelector', start: e.start, end: e.end },
        ],
      },
    };
  });
}

interface WebAnnotation {
  body?: { purpose?: string; value?: string }[] | { purpose?: string; value?: string };
  target?: { selector?: { type?: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number }[] };
}

/** Web Annotations back to entries: the tag is the type, the position the span, the quote the text to prove it. */
export function fromWebAnnotations(annotations: WebAnnotation[]): Entry[] {
  return annotations.map((a, i) => {
    const bodies = Array.isArray(a.body) ? a.body : a.body ? [a.body] : [];
    const type = bodies.find((b) => b.purpose === 'tagging')?.value ?? bodies[0]?.value;
    const selectors = a.target?.selector ?? [];
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    if (!type || !quote?.exact) throw new Error(`annotation ${i + 1}: no tag or no quote`);
    const value = bodies.find((b) => b.purpose === 'describing')?.value;
    const n = /^n=([^;]+)(;source)?$/.exec(value ?? '');
    return {
      type,
      start: position?.start ?? 0,
      end: position?.end ?? 0,
      text: quote.exact,
      ...(quote.prefix ? { prefix: quote.prefix } : {}),
      ...(quote.suffix ? { suffix: quote.suffix } : {}),
      by: 'human',
      status: 'accepted' as const,
      ...(n ? { n: n[1], ...(n[2] ? { kind: 'source' as const } : {}) } : value !== undefined ? { value } : {}),
    };
  });
}
