// Greek → Latin. The first scheme is ELOT 743 (the Greek standard that
// Greek passports and ICAO Doc 9303 follow); the others produce the
// letter-level variants common in foreign registers: Β→B, Η→E, Υ→I,
// ΟΥ→U, ΑΙ→E, ΕΙ→I, Χ→KH/H, ΜΠ→B/MB, ΝΤ→D/ND, Φ→PH, Ξ→KS.
// Input is foldLatin output: upper case without tonos, dialytika kept as
// Ϊ/Ϋ (they block the digraphs).

interface GreekScheme {
  B: string; H: string; Y: string; X: string; F: string; KS: string;
  AI: string; EI: string; OI: string; OU: string;
  /** ΑΥ/ΕΥ/ΗΥ: 'vf' = V or F by the next letter (ELOT), 'u' = AU/EU/IU. */
  AU: 'vf' | 'u';
  MPstart: string; MPmid: string; NTstart: string; NTmid: string; GKstart: string; GKmid: string;
  /** Γ before a front vowel reads Y (ΓΙΑΝΝΗΣ → YIANNIS). */
  gammaY: boolean;
}

const ELOT: GreekScheme = {
  B: 'V', H: 'I', Y: 'Y', X: 'CH', F: 'F', KS: 'X', AI: 'AI', EI: 'EI', OI: 'OI', OU: 'OU', AU: 'vf',
  MPstart: 'B', MPmid: 'MP', NTstart: 'NT', NTmid: 'NT', GKstart: 'GK', GKmid: 'GK', gammaY: false,
};
const PHONETIC: GreekScheme = {
  B: 'V', H: 'I', Y: 'I', X: 'H', F: 'F', KS: 'X', AI: 'E', EI: 'I', OI: 'I', OU: 'OU', AU: 'vf',
  MPstart: 'B', MPmid: 'MB', NTstart: 'D', NTmid: 'ND', GKstart: 'G', GKmid: 'NG', gammaY: true,
};
const CLASSICAL: GreekScheme = {
  B: 'B', H: 'E', Y: 'Y', X: 'CH', F: 'PH', KS: 'X', AI: 'AE', EI: 'EI', OI: 'OE', OU: 'OU', AU: 'u',
  MPstart: 'MP', MPmid: 'MP', NTstart: 'NT', NTmid: 'NT', GKstart: 'GK', GKmid: 'NK', gammaY: false,
};
const SIMPLIFIED: GreekScheme = {
  B: 'V', H: 'I', Y: 'I', X: 'KH', F: 'F', KS: 'KS', AI: 'AI', EI: 'EI', OI: 'OI', OU: 'U', AU: 'vf',
  MPstart: 'B', MPmid: 'MB', NTstart: 'NT', NTmid: 'NT', GKstart: 'G', GKmid: 'NG', gammaY: false,
};

export const GREEK_SCHEMES: readonly GreekScheme[] = [ELOT, PHONETIC, CLASSICAL, SIMPLIFIED];

const SIMPLE: Record<string, string> = {
  'Α': 'A', 'Γ': 'G', 'Δ': 'D', 'Ε': 'E', 'Ζ': 'Z', 'Θ': 'TH', 'Ι': 'I', 'Ϊ': 'I', 'Κ': 'K', 'Λ': 'L', 'Μ': 'M',
  'Ν': 'N', 'Ο': 'O', 'Π': 'P', 'Ρ': 'R', 'Σ': 'S', 'Ϲ': 'S', 'Τ': 'T', 'Ψ': 'PS', 'Ω': 'O', 'Ϋ': 'Y',
};
// ELOT 743: ΑΥ/ΕΥ/ΗΥ read AF/EF/IF before these and at word end.
const VOICELESS = new Set(['Θ', 'Κ', 'Ξ', 'Π', 'Σ', 'Τ', 'Φ', 'Χ', 'Ψ']);
const FRONT = new Set(['Ε', 'Ι', 'Η', 'Υ', 'Ϊ', 'Ϋ']);

function isGreekLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x0370 && c <= 0x03ff;
}

/** Transliterates the Greek letters of a folded string under one scheme. */
export function transliterateGreek(s: string, sc: GreekScheme): string {
  let out = '';
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const ch = s[i];
    if (!isGreekLetter(ch)) {
      out += ch;
      continue;
    }
    const next = i + 1 < n ? s[i + 1] : '';
    const atStart = i === 0 || s[i - 1] === ' ';
    switch (ch) {
      case 'Α': case 'Ε': case 'Η': {
        if (next === 'Υ') {
          const after = s[i + 2];
          const base = ch === 'Α' ? 'A' : ch === 'Ε' ? 'E' : sc.H;
          if (sc.AU === 'u') out += base + 'U';
          else out += base + (after === undefined || after === ' ' || VOICELESS.has(after) ? 'F' : 'V');
          i++;
          continue;
        }
        if (ch === 'Α' && next === 'Ι') { out += sc.AI; i++; continue; }
        if (ch === 'Ε' && next === 'Ι') { out += sc.EI; i++; continue; }
        out += ch === 'Η' ? sc.H : ch === 'Α' ? 'A' : 'E';
        continue;
      }
      case 'Ο':
        if (next === 'Υ') { out += sc.OU; i++; continue; }
        if (next === 'Ι') { out += sc.OI; i++; continue; }
        out += 'O';
        continue;
      case 'Γ':
        if (next === 'Γ') { out += 'NG'; i++; continue; }
        if (next === 'Κ') { out += atStart ? sc.GKstart : sc.GKmid; i++; continue; }
        if (next === 'Ξ') { out += 'N' + sc.KS; i++; continue; }
        if (next === 'Χ') { out += 'N' + sc.X; i++; continue; }
        out += sc.gammaY && (FRONT.has(next) || (next === 'Α' || next === 'Ο') && s[i + 2] === 'Ι') ? 'Y' : 'G';
        continue;
      case 'Μ':
        if (next === 'Π') { out += atStart ? sc.MPstart : sc.MPmid; i++; continue; }
        out += 'M';
        continue;
      case 'Ν':
        if (next === 'Τ') { out += atStart ? sc.NTstart : sc.NTmid; i++; continue; }
        out += 'N';
        continue;
      case 'Β': out += sc.B; continue;
      case 'Υ': out += sc.Y; continue;
      case 'Χ': out += sc.X; continue;
      case 'Φ': out += sc.F; continue;
      case 'Ξ': out += sc.KS; continue;
      default: {
        const t = SIMPLE[ch];
        // Archaic letters and symbols of the block vanish.
        if (t !== undefined) out += t;
      }
    }
  }
  return out;
}

/** Latin renderings of the Greek letters in a folded string, ELOT 743 first. */
export function greekRenderings(s: string, cap: number): string[] {
  const out: string[] = [];
  for (const sc of GREEK_SCHEMES) {
    const r = transliterateGreek(s, sc);
    if (!out.includes(r)) {
      out.push(r);
      if (out.length >= cap) break;
    }
  }
  return out;
}
