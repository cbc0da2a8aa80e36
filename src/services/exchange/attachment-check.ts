// Which files may travel with a message: an allow-list of types, each checked
// three ways — declared content type, file-name extension and the bytes
// themselves (magic numbers, or well-formed UTF-8 text) — so a renamed
// executable or a mislabelled file is refused before it is stored.
import type { FieldIssue } from '../../domain/errors.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_MESSAGE_ATTACHMENT_BYTES = 25 * 1024 * 1024;

interface AllowedType {
  contentTypes: string[];
  extensions: string[];
  sniff(data: Uint8Array): boolean;
}

const startsWith = (data: Uint8Array, magic: number[]) => data.length >= magic.length && magic.every((b, i) => data[i] === b);

const utf8 = new TextDecoder('utf-8', { fatal: true });
function asText(data: Uint8Array): string | null {
  if (data.includes(0)) return null;
  try {
    return utf8.decode(data);
  } catch {
    return null;
  }
}

const ALLOWED: Record<string, AllowedType> = {
  pdf: { contentTypes: ['application/pdf'], extensions: ['pdf'], sniff: (d) => startsWith(d, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  png: { contentTypes: ['image/png'], extensions: ['png'], sniff: (d) => startsWith(d, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpeg: { contentTypes: ['image/jpeg'], extensions: ['jpg', 'jpeg'], sniff: (d) => startsWith(d, [0xff, 0xd8, 0xff]) },
  txt: { contentTypes: ['text/plain'], extensions: ['txt'], sniff: (d) => asText(d) !== null },
  csv: { contentTypes: ['text/csv'], extensions: ['csv'], sniff: (d) => asText(d) !== null },
  xml: {
    contentTypes: ['application/xml', 'text/xml'],
    extensions: ['xml'],
    sniff: (d) => /^\uFEFF?\s*</.test(asText(d) ?? ''),
  },
  json: {
    contentTypes: ['application/json'],
    extensions: ['json'],
    sniff: (d) => {
      const t = asText(d);
      if (t === null) return false;
      try {
        JSON.parse(t);
        return true;
      } catch {
        return false;
      }
    },
  },
};

export const ALLOWED_CONTENT_TYPES = Object.values(ALLOWED).flatMap((t) => t.contentTypes);

export interface AttachmentCandidate {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

/** Content type without parameters, lower-cased: `text/plain; charset=utf-8` → `text/plain`. */
export function bareContentType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/** Every reason the file is refused, with `path` prefixed; empty when it may be attached. */
export function checkAttachment(file: AttachmentCandidate, path = ''): FieldIssue[] {
  const at = (p: string) => (path ? `${path}/${p}` : p);
  const issues: FieldIssue[] = [];
  const name = typeof file.filename === 'string' ? file.filename : '';
  if (name.trim() === '' || name.length > 200 || /[\\/\u0000-\u001f\u007f]/.test(name) || name === '.' || name === '..') {
    issues.push({ path: at('filename'), message: 'a file name of 1–200 characters without slashes or control characters' });
  }
  const type = bareContentType(typeof file.contentType === 'string' ? file.contentType : '');
  const allowed = Object.values(ALLOWED).find((t) => t.contentTypes.includes(type));
  if (!allowed) {
    issues.push({ path: at('contentType'), message: `${type || '(none)'} is not allowed; allowed: ${ALLOWED_CONTENT_TYPES.join(', ')}` });
  }
  const size = file.data?.byteLength ?? 0;
  if (size === 0) issues.push({ path: at('data'), message: 'the file is empty' });
  if (size > MAX_ATTACHMENT_BYTES) issues.push({ path: at('data'), message: `the file has ${size} bytes; at most ${MAX_ATTACHMENT_BYTES} are allowed` });
  if (allowed && issues.length === 0) {
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
    if (!allowed.extensions.includes(ext)) {
      issues.push({ path: at('filename'), message: `a ${type} file name ends in .${allowed.extensions.join(' or .')}` });
    }
    if (!allowed.sniff(file.data)) {
      issues.push({ path: at('data'), message: `the content is not ${type} (its first bytes do not match the declared type)` });
    }
  }
  return issues;
}

/** Strict base64 decoding: undefined when the text is not canonical base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const buf = Buffer.from(text, 'base64');
  return buf.toString('base64') === text ? new Uint8Array(buf) : undefined;
}
