// Where each field sits in each MRZ format, from ICAO 9303 part 4 (TD3,
// passports), part 5 (TD1, ID cards), part 6 (TD2) and part 7 (MRV-A and
// MRV-B visas). Lines and columns are 0-based here; messages show them
// 1-based as printed in the standard.

export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRVA' | 'MRVB';

export interface Span {
  line: number;
  start: number;
  /** Exclusive. */
  end: number;
}

export interface MrzLayout {
  format: MrzFormat;
  lineCount: number;
  lineLength: number;
  documentCode: Span;
  issuingState: Span;
  name: Span;
  documentNumber: Span;
  documentNumberCheck: Span;
  nationality: Span;
  birthDate: Span;
  birthDateCheck: Span;
  sex: Span;
  expiryDate: Span;
  expiryDateCheck: Span;
  optionalData: Span[];
  /** TD3 only: the optional (personal number) field has its own check digit. */
  optionalDataCheck?: Span;
  /** Visas have none. */
  composite?: { check: Span; over: Span[] };
  /** TD1 and TD2: a document number over 9 characters continues in the optional data (part 5 §4.2.4, part 6 §4.2.4). */
  longDocumentNumber: boolean;
}

const s = (line: number, start: number, end: number): Span => ({ line, start, end });

const TD3: MrzLayout = {
  format: 'TD3', lineCount: 2, lineLength: 44,
  documentCode: s(0, 0, 2), issuingState: s(0, 2, 5), name: s(0, 5, 44),
  documentNumber: s(1, 0, 9), documentNumberCheck: s(1, 9, 10), nationality: s(1, 10, 13),
  birthDate: s(1, 13, 19), birthDateCheck: s(1, 19, 20), sex: s(1, 20, 21),
  expiryDate: s(1, 21, 27), expiryDateCheck: s(1, 27, 28),
  optionalData: [s(1, 28, 42)], optionalDataCheck: s(1, 42, 43),
  composite: { check: s(1, 43, 44), over: [s(1, 0, 10), s(1, 13, 20), s(1, 21, 43)] },
  longDocumentNumber: false,
};

const MRVA: MrzLayout = {
  ...TD3, format: 'MRVA',
  optionalData: [s(1, 28, 44)], optionalDataCheck: undefined, composite: undefined,
};

const TD2: MrzLayout = {
  format: 'TD2', lineCount: 2, lineLength: 36,
  documentCode: s(0, 0, 2), issuingState: s(0, 2, 5), name: s(0, 5, 36),
  documentNumber: s(1, 0, 9), documentNumberCheck: s(1, 9, 10), nationality: s(1, 10, 13),
  birthDate: s(1, 13, 19), birthDateCheck: s(1, 19, 20), sex: s(1, 20, 21),
  expiryDate: s(1, 21, 27), expiryDateCheck: s(1, 27, 28),
  optionalData: [s(1, 28, 35)],
  composite: { check: s(1, 35, 36), over: [s(1, 0, 10), s(1, 13, 20), s(1, 21, 35)] },
  longDocumentNumber: true,
};

const MRVB: MrzLayout = {
  ...TD2, format: 'MRVB',
  optionalData: [s(1, 28, 36)], composite: undefined, longDocumentNumber: false,
};

const TD1: MrzLayout = {
  format: 'TD1', lineCount: 3, lineLength: 30,
  documentCode: s(0, 0, 2), issuingState: s(0, 2, 5),
  documentNumber: s(0, 5, 14), documentNumberCheck: s(0, 14, 15),
  optionalData: [s(0, 15, 30), s(1, 18, 29)],
  birthDate: s(1, 0, 6), birthDateCheck: s(1, 6, 7), sex: s(1, 7, 8),
  expiryDate: s(1, 8, 14), expiryDateCheck: s(1, 14, 15), nationality: s(1, 15, 18),
  composite: { check: s(1, 29, 30), over: [s(0, 5, 30), s(1, 0, 7), s(1, 8, 15), s(1, 18, 29)] },
  name: s(2, 0, 30),
  longDocumentNumber: true,
};

/** The layout for lines of this length and this document code (visas start with V). */
export function layoutFor(lineLength: number, documentCode: string): MrzLayout | undefined {
  const visa = documentCode.startsWith('V');
  switch (lineLength) {
    case 44: return visa ? MRVA : TD3;
    case 36: return visa ? MRVB : TD2;
    case 30: return TD1;
    default: return undefined;
  }
}

export function slice(lines: readonly string[], span: Span): string {
  return lines[span.line].slice(span.start, span.end);
}
