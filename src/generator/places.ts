// Cities, streets and postcode patterns per country (./data/places.txt),
// for places of birth and addresses.
import { readFileSync } from 'node:fs';

export interface City {
  native: string;
  latin: string;
}

export interface CountryPlaces {
  postcode: string; // D digit, L letter, '-' for none
  streetPattern: string; // {s} street, {n} number
  cities: City[];
  streets: string[];
}

let places: Map<string, CountryPlaces> | undefined;

export interface PlacesParse {
  places: Map<string, CountryPlaces>;
  /** Problems found, each with its line number. */
  errors: string[];
}

/** Parses `CODE | postcode | street pattern | cities | streets` lines. */
export function parsePlaces(text: string): PlacesParse {
  const places = new Map<string, CountryPlaces>();
  const errors: string[] = [];
  String(text).split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split('|').map((x) => x.trim());
    const [code, postcode, streetPattern, cities, streets] = fields;
    if (fields.length !== 5) return errors.push(`line ${i + 1}: expected 5 fields separated by |, got ${fields.length}`);
    if (!/^[A-Z]{3}$/.test(code)) return errors.push(`line ${i + 1}: "${code.slice(0, 10)}" is not a three-letter country code`);
    if (!streetPattern.includes('{s}')) return errors.push(`line ${i + 1}: street pattern lacks {s}`);
    const cityList = cities.split(',').map((c) => c.trim()).filter(Boolean);
    const streetList = streets.split(',').map((s) => s.trim()).filter(Boolean);
    if (cityList.length === 0 || streetList.length === 0) return errors.push(`line ${i + 1}: needs at least one city and one street`);
    places.set(code, {
      postcode,
      streetPattern,
      cities: cityList.map((c) => {
        const [native, latin] = c.split('=').map((x) => x.trim());
        return { native, latin: latin || native };
      }),
      streets: streetList,
    });
  });
  return { places, errors };
}

export function placesOf(country: string): CountryPlaces {
  if (!places) {
    const parsed = parsePlaces(readFileSync(new URL('./data/places.txt', import.meta.url), 'utf8'));
    if (parsed.errors.length > 0) throw new Error(`places.txt: ${parsed.errors.join('; ')}`);
    places = parsed.places;
  }
  const p = places.get(country);
  if (!p) throw new Error(`no places for ${country}`);
  return p;
}
