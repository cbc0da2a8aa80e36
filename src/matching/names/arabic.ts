// Arabic (and Persian-alphabet) → Latin. Short vowels are not written in
// Arabic, so a letter-by-letter rendering yields a consonant skeleton
// (محمد → MHMD); for the names that occur most often, the spellings
// actually used in passports and registers come from a table. The article
// ال gives AL/EL, joined or apart, and assimilates before "sun letters"
// (الرشيد → AR RASHID). Input is foldLatin output: harakat, tatweel and
// direction marks already removed.

// Spellings as found in documents, the most common first; '_' joins a
// spelling written in two words.
const FREQUENT = `
محمد MUHAMMAD MOHAMMED MOHAMED MOHAMMAD MUHAMMED MOHAMAD
احمد AHMED AHMAD ACHMED
محمود MAHMOUD MAHMUD MAHMOOD
مصطفى MUSTAFA MOSTAFA MOUSTAFA MUSTAPHA
علي ALI ALY
عمر OMAR UMAR OMER
عثمان OSMAN OTHMAN UTHMAN
حسن HASSAN HASAN
حسين HUSSEIN HUSSAIN HUSAIN HOSSEIN HUSAYN
خالد KHALED KHALID
يوسف YOUSSEF YUSUF YOUSEF YOUSSOUF
ابراهيم IBRAHIM EBRAHIM IBRAHEEM
اسماعيل ISMAIL ISMAEL ESMAIL
عبدالله ABDULLAH ABDALLAH ABDULLA ABDELLAH ABD_ALLAH
الله ALLAH
فاطمة FATIMA FATMA FATEMA FATIMAH
عائشة AISHA AICHA AYSHA AYESHA
خديجة KHADIJA KHADIJAH KHADIDJA
مريم MARYAM MARIAM MERYEM
زينب ZAINAB ZEINAB ZAYNAB
نور NOUR NUR NOOR
سعيد SAID SAEED SAIED
كريم KARIM KAREEM KERIM
طارق TARIQ TAREK TARIK
سليمان SULEIMAN SULAIMAN SOLIMAN SULEYMAN
صالح SALEH SALIH
جمال JAMAL GAMAL DJAMAL
ناصر NASSER NASIR NASER
رشيد RASHID RACHID RASHEED
يحيى YAHYA YAHIA YEHIA
حمزة HAMZA HAMZAH
عمار AMMAR
بلال BILAL
ياسين YASSIN YASIN YACINE
امين AMIN AMINE AMEEN
حسام HUSAM HOSSAM
وليد WALID WALEED
سامي SAMI SAMY
منصور MANSOUR MANSUR
رحمن RAHMAN
الرحمن RAHMAN
عزيز AZIZ
العزيز AZIZ
ابو ABU ABOU
بن BIN BEN
ابن IBN
بنت BINT
عبد ABD ABDUL
حبيب HABIB
جعفر JAFAR JAAFAR
حيدر HAIDAR HAYDAR HAIDER
ياسر YASSER YASIR
هشام HISHAM HICHAM
عادل ADEL ADIL
فيصل FAISAL FAYSAL
سلمان SALMAN
رامي RAMI
شريف SHARIF CHERIF SHERIF
عيسى ISSA ISA AISSA
موسى MUSA MOUSSA MOUSA
داود DAWOOD DAOUD DAWUD DAVUD
هاشم HASHEM HASHIM
مالك MALIK MALEK
ادريس IDRIS IDRISS
الياس ILYAS ELIAS
نبيل NABIL
مراد MURAD MOURAD
سمير SAMIR
فريد FARID
ليلى LAYLA LEILA LAILA
سارة SARA SARAH
هدى HUDA HODA
امينة AMINA AMINAH
سلمى SALMA
نادية NADIA NADIYA
ياسمين YASMIN YASMINE JASMIN
الدين AD_DIN EDDINE AL_DIN UDDIN
طه TAHA
منى MONA MUNA
هبة HIBA HEBA
رنا RANA
دينا DINA
لينا LINA
ريم REEM RIM
سلوى SALWA
اسماء ASMA ASMAA
رقية RUQAYA ROKAYA
سمية SUMAYA SOUMAYA
حنان HANAN
ايمان IMAN EMAN
عمرو AMR AMRO
انس ANAS
ايمن AYMAN AIMAN
باسل BASIL BASEL
بكر BAKR BAKER
زياد ZIAD ZIYAD
سيف SAIF SAYF SEIF
شادي SHADI CHADI
صلاح SALAH
عماد IMAD EMAD
فارس FARES FARIS
قاسم QASIM KASSEM QASSEM KASIM
ماجد MAJED MAJID
مهدي MAHDI MEHDI
نزار NIZAR NEZAR
هاني HANI HANY
وائل WAEL WAIL
يونس YOUNES YUNUS YOUNIS
رضا REDA RIDA REZA
زكريا ZAKARIA ZAKARIYA
اسامة OSAMA USAMA OUSSAMA
اسد ASAD ASSAD
حافظ HAFEZ HAFIZ
`;

// One spelling of the letters that are written several ways: hamza seats
// on alef, Persian forms. Alef maqsura ى stays (it reads A, not I) and so
// does ta marbuta ة (A); dictionary keys fold those too (dictionaryKey).
function normalizeArabic(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    switch (c) {
      case 'أ': case 'إ': case 'آ': case 'ٱ': out += 'ا'; break;
      case 'ی': case 'ے': out += 'ي'; break;
      case 'ۀ': out += 'ة'; break;
      case 'ک': out += 'ك'; break;
      case 'ھ': out += 'ه'; break;
      default: out += c;
    }
  }
  return out;
}

// Egyptian and other hands write final ى as ي and ة as ه.
function dictionaryKey(norm: string): string {
  return norm.replace(/ى/g, 'ي').replace(/ة/g, 'ه');
}

const DICTIONARY = new Map<string, string[]>();
for (const line of FREQUENT.split('\n')) {
  const [word, ...latin] = line.trim().split(' ');
  if (word && latin.length > 0) {
    DICTIONARY.set(dictionaryKey(normalizeArabic(word)), latin.map((x) => x.replace('_', ' ')));
  }
}

const SUN_LETTERS = new Set(['ت', 'ث', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ل', 'ن']);
const LONG_VOWEL_CARRIERS = new Set(['ا', 'و', 'ي', 'ى']);

interface Skeleton { [letter: string]: string }

const STANDARD: Skeleton = {
  'ب': 'B', 'ت': 'T', 'ث': 'TH', 'ج': 'J', 'ح': 'H', 'خ': 'KH', 'د': 'D', 'ذ': 'DH', 'ر': 'R', 'ز': 'Z', 'س': 'S',
  'ش': 'SH', 'ص': 'S', 'ض': 'D', 'ط': 'T', 'ظ': 'Z', 'غ': 'GH', 'ف': 'F', 'ق': 'Q', 'ك': 'K', 'ل': 'L', 'م': 'M',
  'ن': 'N', 'ه': 'H', 'ء': '', 'ؤ': 'U', 'ئ': 'I', 'پ': 'P', 'چ': 'CH', 'ژ': 'ZH', 'گ': 'G', 'ڤ': 'V',
};
// Maghrebi/French spellings: CH for ش, DJ for ج, OU for و, K for ق.
const MAGHREBI: Skeleton = { ...STANDARD, 'ش': 'CH', 'ج': 'DJ', 'ق': 'K', 'ث': 'T', 'ذ': 'D', 'ظ': 'D' };

// Letters that write a vowel (or hamza) rather than a consonant here.
const NOT_CONSONANT = new Set(['ا', 'و', 'ي', 'ى', 'ة', 'ء', 'ؤ', 'ئ', 'ع']);

function skeleton(w: string, table: Skeleton, ou: string, vowel: string): string {
  let out = '';
  const n = w.length;
  // The short vowel after the first consonant is unwritten. It is guessed
  // (A, the most frequent, then U and I as further spellings) so that the
  // first inner vowel of the key can agree with a vowelled spelling
  // (صدام → SADAM, بشار → BASHAR, منير → MUNIR).
  let guessed = false;
  let seenConsonant = false;
  for (let i = 0; i < n; i++) {
    const c = w[i];
    const first = i === 0;
    const last = i === n - 1;
    const consonant = !NOT_CONSONANT.has(c) && table[c] !== undefined;
    if (!guessed && seenConsonant) {
      if (consonant && !NOT_CONSONANT.has(w[i - 1])) out += vowel;
      guessed = true;
    }
    if (consonant) seenConsonant = true;
    switch (c) {
      case 'ا': out += 'A'; break;
      case 'ع':
        if (first && !LONG_VOWEL_CARRIERS.has(w[i + 1] ?? '')) out += 'A';
        break;
      case 'و':
        if (first || w[i - 1] === 'ا') out += 'W';
        else out += ou;
        break;
      case 'ي':
        if (first || w[i - 1] === 'ا' || (!last && w[i + 1] === 'ا')) out += 'Y';
        else out += 'I';
        break;
      case 'ى': out += 'A'; break;
      case 'ة': out += 'A'; break;
      case 'ه': out += last && i > 0 ? 'A' : 'H'; break;
      default: {
        const t = table[c];
        if (t !== undefined) out += t;
        else if (c.charCodeAt(0) < 0x0600 || c.charCodeAt(0) > 0x06ff) out += c;
      }
    }
  }
  return out;
}

function renderWord(w: string): string[] {
  const norm = normalizeArabic(w);
  const known = DICTIONARY.get(dictionaryKey(norm));
  if (known) return known;
  if (norm.startsWith('عبدال') && norm.length > 5) {
    const rest = renderStem(norm.slice(5));
    const r = rest[0];
    const sun = SUN_LETTERS.has(norm[5]) && norm[5] !== 'ل';
    const out = ['ABDUL' + r, 'ABD AL ' + r, 'ABDEL ' + r, 'ABDUL ' + r, 'ABDEL' + r];
    if (sun) out.push('ABDU' + r[0] + r);
    return out;
  }
  if (norm.startsWith('ال') && norm.length > 3) {
    const rest = renderStem(norm.slice(2));
    const r = rest[0];
    const out = ['AL ' + r, 'AL' + r, 'EL ' + r];
    if (SUN_LETTERS.has(norm[2]) && norm[2] !== 'ل') out.push('A' + r[0] + ' ' + r);
    for (const alt of rest.slice(1)) out.push('AL ' + alt);
    return out;
  }
  return renderStem(norm);
}

function renderStem(norm: string): string[] {
  const known = DICTIONARY.get(dictionaryKey(norm));
  if (known) return known;
  const out: string[] = [];
  for (const form of [
    skeleton(norm, STANDARD, 'U', 'A'),
    skeleton(norm, MAGHREBI, 'OU', 'A'),
    skeleton(norm, STANDARD, 'U', 'U'),
    skeleton(norm, STANDARD, 'U', 'I'),
  ]) if (!out.includes(form)) out.push(form);
  return out;
}

function isArabicLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x0600 && c <= 0x06ff || c >= 0x0750 && c <= 0x077f || c >= 0x08a0 && c <= 0x08ff || c >= 0xfb50 && c <= 0xfdff || c >= 0xfe70 && c <= 0xfeff;
}

/**
 * Latin renderings of the Arabic words in a folded string. Words are
 * rendered one by one; the k-th rendering joins every word's k-th
 * spelling (or its last one), so spellings stay consistent across words
 * and the number of forms stays small.
 */
export function arabicRenderings(s: string, cap: number): string[] {
  // Presentation forms (ﻣﺤﻤﺪ) to the base letters.
  const text = /[\ufb50-\ufdff\ufe70-\ufeff]/.test(s) ? s.normalize('NFKC') : s;
  const words = text.split(' ');
  // عبد الله written in two words is one name.
  const merged: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = normalizeArabic(words[i]);
    if (w === 'عبد' && i + 1 < words.length && normalizeArabic(words[i + 1]).startsWith('ال')) {
      merged.push(w + normalizeArabic(words[i + 1]));
      i++;
    } else merged.push(words[i]);
  }
  const rendered = merged.map((w) => (w.length > 0 && isArabicLetter(w[0]) || /[\u0600-\u06ff]/.test(w) ? renderWord(w) : [w]));
  let width = 0;
  for (const r of rendered) width = Math.max(width, r.length);
  const out: string[] = [];
  for (let k = 0; k < width && out.length < cap; k++) {
    const form = rendered.map((r) => r[Math.min(k, r.length - 1)]).join(' ');
    if (!out.includes(form)) out.push(form);
  }
  return out;
}
