// Letters that people and OCR read as digits. Identifiers typed from a
// document, a plate or a stamped serial are indexed under a key in which each
// such letter is replaced by its digit, so a search finds the record whichever
// of the two was typed. The key only retrieves candidates; the exact value
// still decides what is shown as a hit.
//
// D→0 is included on purpose: D, O, Q and 0 form one confusable class in
// handwriting, worn stamping and low-quality scans, and issuers that care
// (German identity documents, for example) leave D, O and Q out of their
// number alphabets for that very reason. Folding D therefore costs little
// precision where numbers avoid it, and it finds a record where they do not.
// Each extra candidate is cheap; a missed stolen document is not.
const LETTER_TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  G: '6',
  B: '8',
};

export const CONFUSABLE_LETTERS = Object.keys(LETTER_TO_DIGIT).join('');

/** Maps each letter that is commonly mistaken for a digit to that digit. Input must already be normalised (upper case). */
export function foldConfusables(value: string): string {
  let out = '';
  for (const ch of value) out += LETTER_TO_DIGIT[ch] ?? ch;
  return out;
}
