// The attachment allow-list: declared type, extension and bytes must agree;
// garbage of any shape yields issues, never an exception.
import { describe, expect, it } from 'vitest';
import { checkAttachment, decodeBase64, MAX_ATTACHMENT_BYTES } from './attachment-check.ts';

const bytes = (s: string) => new Uint8Array(Buffer.from(s));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe('checkAttachment', () => {
  it.each([
    ['report.pdf', 'application/pdf', bytes('%PDF-1.7\n…')],
    ['photo.png', 'image/png', PNG],
    ['photo.JPG', 'image/jpeg', JPEG],
    ['photo.jpeg', 'image/jpeg; foo=bar', JPEG],
    ['notes.txt', 'text/plain; charset=utf-8', bytes('Ивана Петрова — 1980')],
    ['list.csv', 'text/csv', bytes('a,b\n1,2\n')],
    ['data.xml', 'application/xml', bytes('\uFEFF <?xml version="1.0"?><a/>')],
    ['data.xml', 'text/xml', bytes('<a/>')],
    ['data.json', 'application/json', bytes('{"a":[1,2]}')],
  ])('accepts %s as %s', (filename, contentType, data) => {
    expect(checkAttachment({ filename, contentType, data })).toEqual([]);
  });

  it.each([
    ['fake.pdf', 'application/pdf', bytes('MZ\x90\x00'), 'data', /not application\/pdf/],
    ['fake.png', 'image/png', JPEG, 'data', /not image\/png/],
    ['photo.png', 'image/jpeg', JPEG, 'filename', /\.jpg or \.jpeg/],
    ['run.exe', 'application/octet-stream', bytes('MZ'), 'contentType', /not allowed/],
    ['bin.txt', 'text/plain', new Uint8Array([0x41, 0x00, 0x42]), 'data', /not text\/plain/],
    ['latin1.txt', 'text/plain', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'data', /not text\/plain/],
    ['x.json', 'application/json', bytes('{"a":'), 'data', /not application\/json/],
    ['x.xml', 'application/xml', bytes('not xml'), 'data', /not application\/xml/],
    ['a/b.txt', 'text/plain', bytes('x'), 'filename', /slashes/],
    ['', 'text/plain', bytes('x'), 'filename', /1–200/],
    ['e.txt', 'text/plain', new Uint8Array(0), 'data', /empty/],
  ])('refuses %s as %s', (filename, contentType, data, path, message) => {
    const issues = checkAttachment({ filename, contentType, data }, 'attachments/2');
    expect(issues.find((i) => i.path === `attachments/2/${path}`)?.message).toMatch(message);
  });

  it('refuses a file over the limit without reading it', () => {
    const issues = checkAttachment({ filename: 'big.pdf', contentType: 'application/pdf', data: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) });
    expect(issues).toEqual([{ path: 'data', message: `the file has ${MAX_ATTACHMENT_BYTES + 1} bytes; at most ${MAX_ATTACHMENT_BYTES} are allowed` }]);
  });

  it('never throws on random or mutated input and always answers with well-formed issues', () => {
    let seed = 20260601;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const names = ['a.pdf', 'b.png', 'c.jpg', 'd.txt', 'e.csv', 'f.xml', 'g.json', '', '..', 'x\u0000y.txt', 'noext', 'Z.PDF'];
    const types = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'text/csv', 'application/xml', 'application/json', '', ';;', 'TEXT/PLAIN ; x'];
    const seeds = [bytes('%PDF-1.4'), PNG, JPEG, bytes('{"x":1}'), bytes('<r/>'), bytes('plain')];
    for (let i = 0; i < 2000; i++) {
      const base = pick(seeds);
      const data = new Uint8Array(Math.floor(rand() * 24));
      for (let j = 0; j < data.length; j++) data[j] = rand() < 0.7 && j < base.length ? base[j]! : Math.floor(rand() * 256);
      const file = { filename: rand() < 0.05 ? (42 as unknown as string) : pick(names), contentType: rand() < 0.05 ? (null as unknown as string) : pick(types), data };
      const issues = checkAttachment(file, 'f');
      expect(Array.isArray(issues)).toBe(true);
      for (const issue of issues) {
        expect(issue.path).toMatch(/^f\/(filename|contentType|data)$/);
        expect(issue.message.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('decodeBase64', () => {
  it('decodes canonical base64 and refuses anything else', () => {
    expect(Buffer.from(decodeBase64('aGVsbG8=')!).toString()).toBe('hello');
    expect(decodeBase64('aGVsbG8')).toBeUndefined();
    expect(decodeBase64('aGVs bG8=')).toBeUndefined();
    expect(decodeBase64('aGVsbG9=')).toBeUndefined(); // non-canonical padding bits
    expect(decodeBase64(undefined as unknown as string)).toBeUndefined();
  });
});
