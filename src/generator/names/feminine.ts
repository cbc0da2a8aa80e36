// Women's family names in languages that inflect them: Kowalski → Kowalska,
// Novák → Nováková, Шевченко stays, Иванов → Иванова, Παπαδόπουλος →
// Παπαδοπούλου. Registries of other countries sometimes keep the man's form,
// which is one more thing matching must see through.
import type { FeminineRule } from '../countries.ts';

const ends = (s: string, suffix: string) => s.endsWith(suffix);

function eastSlavic(w: string): string {
  if (/(ський|цький|зький)$/.test(w)) return w.slice(0, -2) + 'а'; // Ковальський → Ковальська
  if (/(ский|цкий)$/.test(w)) return w.slice(0, -2) + 'ая';
  if (/ий$/.test(w)) return w.slice(0, -2) + 'а'; // Чорний → Чорна
  if (/ой$/.test(w)) return w.slice(0, -2) + 'ая';
  if (/(ов|ев|ёв|ин|ын)$/.test(w)) return w + 'а';
  return w;
}

function belarusian(w: string): string {
  if (/(оў|ёў|еў)$/.test(w)) return w.slice(0, -1) + 'ва'; // Іваноў → Іванова
  if (/(скі|цкі)$/.test(w)) return w.slice(0, -1) + 'ая';
  if (/(ін|ын)$/.test(w)) return w + 'а';
  return w;
}

function polish(w: string): string {
  if (/(ski|cki|dzki)$/.test(w)) return w.slice(0, -1) + 'a';
  return w;
}

function czech(w: string): string {
  if (ends(w, 'ý')) return w.slice(0, -1) + 'á';
  if (ends(w, 'ová') || ends(w, 'á') || ends(w, 'í')) return w;
  if (/[^aeiouyáéíóúůě]ek$/.test(w)) return w.slice(0, -2) + 'ková'; // Sedláček → Sedláčková
  if (/ec$/.test(w)) return w.slice(0, -2) + 'cová'; // Němec → Němcová
  if (/[aeo]$/.test(w)) return w.slice(0, -1) + 'ová'; // Procházka → Procházková
  return w + 'ová';
}

function greek(w: string): string {
  if (/(ίδης|άδης|ιάδης)$/.test(w)) return w.slice(0, -2) + 'ου'; // Γεωργιάδης → Γεωργιάδου
  if (/όπουλος$/.test(w)) return w.slice(0, -7) + 'οπούλου';
  if (/ος$/.test(w)) return w.slice(0, -2) + 'ου';
  if (/(ης|ας)$/.test(w)) return w.slice(0, -1);
  return w;
}

function bulgarian(w: string): string {
  if (/(ов|ев|ин)$/.test(w)) return w + 'а';
  if (/ски$/.test(w)) return w.slice(0, -1) + 'а';
  return w;
}

function lithuanian(w: string): string {
  if (/(as|is|ys)$/.test(w)) return w.slice(0, -2) + 'ienė';
  if (/us$/.test(w)) return w.slice(0, -2) + 'uvienė';
  return w;
}

function latvian(w: string): string {
  if (/ņš$/.test(w)) return w.slice(0, -2) + 'ņa';
  if (/is$/.test(w)) return w.slice(0, -2) + 'e';
  if (/[sš]$/.test(w)) return w.slice(0, -1) + 'a';
  return w;
}

const RULES: Record<FeminineRule, (w: string) => string> = {
  east_slavic: eastSlavic,
  belarusian,
  polish,
  czech,
  greek,
  bulgarian,
  lithuanian,
  latvian,
};

/** The feminine form of a (masculine) family name; each word of a compound is inflected. */
export function feminineFamily(name: string, rule: FeminineRule): string {
  return name
    .split(/(\s+|-)/)
    .map((part) => (/^[\s-]+$/.test(part) || part === '' ? part : RULES[rule](part)))
    .join('');
}

/** A patronymic from the father's given name (Петро → Петрович / Петрівна). */
export function patronymic(father: string, lang: 'uk' | 'ru' | 'be', female: boolean): string {
  if (lang === 'uk') {
    if (/ій$/.test(father)) return father.slice(0, -1) + (female ? 'ївна' : 'йович');
    if (/[оа]$/.test(father)) return father.slice(0, -1) + (father.endsWith('а') ? (female ? 'аївна' : 'айович') : female ? 'івна' : 'ович');
    return father + (female ? 'івна' : 'ович');
  }
  if (lang === 'ru') {
    if (/ий$/.test(father)) return father.slice(0, -2) + (female ? 'ьевна' : 'ьевич');
    if (/[еа]й$/.test(father)) return father.slice(0, -1) + (female ? 'евна' : 'евич');
    if (/[ая]$/.test(father)) return father.slice(0, -1) + (female ? 'ична' : 'ич');
    return father + (female ? 'овна' : 'ович');
  }
  if (/ей$/.test(father)) return father.slice(0, -1) + (female ? 'еўна' : 'еевіч');
  if (/[ыі]$/.test(father)) return father.slice(0, -1) + (female ? 'аўна' : 'авіч');
  return father + (female ? 'аўна' : 'авіч');
}
