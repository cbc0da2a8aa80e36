// Reads PostgreSQL's binary COPY format (COPY … TO STDOUT (FORMAT binary))
// from a byte stream cut anywhere: an 11-byte signature, flags, a header
// extension, then tuples of (int16 field count, per field int32 length and
// that many bytes), ended by a field count of -1. Fields are handed over as
// views on the received bytes: no copy and no text decoding, which is what
// lets the verifier hash entries at wire speed. Malformed input stops the
// reader with a message naming the byte offset; it never throws.

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = SIGNATURE.length + 8;

export class CopyBinaryReader {
  /** Why the stream is not valid binary COPY, with the byte offset; undefined while it is. */
  error: string | undefined;
  #rest: Buffer | null = null;
  #consumed = 0;
  #headerDone = false;
  #ended = false;
  readonly #fields: Buffer[];

  constructor(readonly fieldCount: number) {
    this.#fields = new Array<Buffer>(fieldCount);
  }

  /**
   * Feeds the next bytes; calls `onTuple` with the fields of each complete
   * tuple (the array is reused: copy what you keep beyond the views). Returns
   * false once `onTuple` returned false or the input is malformed.
   */
  push(chunk: Buffer, onTuple: (fields: readonly Buffer[]) => boolean): boolean {
    if (this.error !== undefined) return false;
    const buf = this.#rest ? Buffer.concat([this.#rest, chunk]) : chunk;
    let p = 0;
    const stop = (message: string, at: number) => {
      this.error = `${message} at byte ${this.#consumed + at}`;
      return false;
    };
    if (!this.#headerDone) {
      if (buf.length < HEADER) return this.#keep(buf, 0);
      if (!buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) return stop('not binary COPY data: the signature is missing', 0);
      const extension = buf.readUInt32BE(SIGNATURE.length + 4);
      if (buf.length < HEADER + extension) return this.#keep(buf, 0);
      p = HEADER + extension;
      this.#headerDone = true;
    }
    for (;;) {
      if (this.#ended) {
        if (p < buf.length) return stop('data after the end-of-data marker', p);
        break;
      }
      if (buf.length - p < 2) break;
      const count = buf.readInt16BE(p);
      if (count === -1) {
        this.#ended = true;
        p += 2;
        continue;
      }
      if (count !== this.fieldCount) return stop(`a tuple has ${count} fields, expected ${this.fieldCount}`, p);
      let q = p + 2;
      let complete = true;
      for (let i = 0; i < count; i++) {
        if (buf.length - q < 4) {
          complete = false;
          break;
        }
        const len = buf.readInt32BE(q);
        if (len < 0) return stop(`field ${i + 1} of a tuple is null`, q);
        q += 4;
        if (buf.length - q < len) {
          complete = false;
          break;
        }
        this.#fields[i] = buf.subarray(q, q + len);
        q += len;
      }
      if (!complete) break;
      p = q;
      if (!onTuple(this.#fields)) {
        this.#keep(buf, p);
        return false;
      }
    }
    return this.#keep(buf, p);
  }

  /** After the last chunk: the error if the stream was cut short or malformed. */
  finish(): string | undefined {
    if (this.error === undefined && (!this.#ended || this.#rest)) this.error = `the stream ended before the end-of-data marker at byte ${this.#consumed}`;
    return this.error;
  }

  #keep(buf: Buffer, from: number): boolean {
    this.#consumed += from;
    this.#rest = from < buf.length ? buf.subarray(from) : null;
    return true;
  }
}
