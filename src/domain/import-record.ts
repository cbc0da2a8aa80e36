// One line of an import file (JSON Lines). The `type` field says which
// aggregate it is; every record names its source so imports are idempotent
// per (source, ref). The same shapes are what `pontis generate` writes.
import { z } from 'zod';
import { Authority, Source } from './authority.ts';
import { PersonRecord } from './person.ts';
import { ObjectRecord } from './object.ts';
import { AlertInput } from './alert.ts';

export const AuthorityLine = Authority.extend({ type: z.literal('authority') });
export const SourceLine = Source.extend({ type: z.literal('source') });
export const PersonLine = z.intersection(PersonRecord, z.object({ type: z.literal('person'), source: z.string().min(1) }));
export const ObjectLine = z.intersection(ObjectRecord, z.object({ type: z.literal('object'), source: z.string().min(1) }));
export const AlertLine = AlertInput.extend({ type: z.literal('alert'), source: z.string().min(1) });

export type ImportLine =
  | z.infer<typeof AuthorityLine>
  | z.infer<typeof SourceLine>
  | z.infer<typeof PersonLine>
  | z.infer<typeof ObjectLine>
  | z.infer<typeof AlertLine>;

export const IMPORT_LINE_TYPES = ['authority', 'source', 'person', 'object', 'alert'] as const;
