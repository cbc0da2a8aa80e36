// The authorities and sources an import may refer to: those stored before it
// started plus those its own accepted lines define. A line that names an
// unknown one is rejected before anything is written.
import type { Kysely } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import { rawQuery } from '../../store/database.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import type { ValidLine } from './validate-line.ts';

export class KnownRegistry {
  readonly authorities = new Set<string>();
  readonly sources = new Map<string, string>(); // source id → authority id

  static async load(db: Kysely<Schema>): Promise<KnownRegistry> {
    const k = new KnownRegistry();
    for (const r of await rawQuery<{ id: string }>(db, 'select id from authorities')) k.authorities.add(r.id);
    for (const r of await rawQuery<{ id: string; authority_id: string }>(db, 'select id, authority_id from sources')) k.sources.set(r.id, r.authority_id);
    return k;
  }

  /** Problems with the references of a valid line; empty when all are known. */
  check(line: ValidLine): FieldIssue[] {
    const unknownSource = (path: string, id: string): FieldIssue => ({ path, message: `unknown source "${id}"; import its source line (and its authority) first` });
    switch (line.type) {
      case 'authority':
        return [];
      case 'source':
        return this.authorities.has(line.value.authorityId) ? [] : [{ path: 'authorityId', message: `unknown authority "${line.value.authorityId}"; import its authority line first` }];
      case 'person':
      case 'object':
        return this.sources.has(line.value.sourceId) ? [] : [unknownSource('source', line.value.sourceId)];
      case 'alert': {
        const issues: FieldIssue[] = [];
        if (!this.sources.has(line.value.sourceId)) issues.push(unknownSource('source', line.value.sourceId));
        if (line.value.subjectSourceId !== line.value.sourceId && !this.sources.has(line.value.subjectSourceId)) issues.push(unknownSource('subject/source', line.value.subjectSourceId));
        return issues;
      }
    }
  }

  /** Makes what an accepted line defines known to the lines after it. */
  learn(line: ValidLine): void {
    if (line.type === 'authority') this.authorities.add(line.value.id);
    if (line.type === 'source') this.sources.set(line.value.id, line.value.authorityId);
  }
}
