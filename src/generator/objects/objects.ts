// Objects registries hold and alerts are issued on: stolen vehicles and
// plates, lost firearms, lost and stolen documents, suspect bank accounts,
// stolen cultural goods. Shapes are those of src/domain/object.ts.
import type { z } from 'zod';
import type { ObjectLine } from '../../domain/import-record.ts';
import { COUNTRIES, country } from '../countries.ts';
import { formatYmd, addDays, type Ymd } from '../dates.ts';
import { documentNumber } from '../documents.ts';
import type { Entity } from '../entity.ts';
import { weightedTable, type Rng } from '../prng.ts';
import { fillTemplate } from '../template.ts';
import { IBAN_COUNTRIES, randomIban } from './iban.ts';
import { modelYearCode, vinCheckDigit } from './vin.ts';

export type ObjectLineData = z.infer<typeof ObjectLine>;

interface Make {
  make: string;
  wmi: string;
  models: string[];
}

const MAKES = weightedTable<Make>([
  [{ make: 'Volkswagen', wmi: 'WVW', models: ['Golf', 'Passat', 'Polo', 'Tiguan', 'Touran'] }, 14],
  [{ make: 'Audi', wmi: 'WAU', models: ['A3', 'A4', 'A6', 'Q5', 'Q7'] }, 6],
  [{ make: 'BMW', wmi: 'WBA', models: ['320d', '520d', 'X3', 'X5', '118i'] }, 8],
  [{ make: 'Mercedes-Benz', wmi: 'WDD', models: ['C 220', 'E 200', 'A 180', 'GLC 300'] }, 7],
  [{ make: 'Mercedes-Benz', wmi: 'WDB', models: ['Sprinter', 'Vito'] }, 3],
  [{ make: 'Opel', wmi: 'W0L', models: ['Astra', 'Corsa', 'Insignia', 'Zafira'] }, 5],
  [{ make: 'Ford', wmi: 'WF0', models: ['Focus', 'Fiesta', 'Transit', 'Kuga'] }, 6],
  [{ make: 'Renault', wmi: 'VF1', models: ['Clio', 'Mégane', 'Kangoo', 'Captur'] }, 7],
  [{ make: 'Peugeot', wmi: 'VF3', models: ['208', '308', '3008', 'Partner'] }, 6],
  [{ make: 'Citroën', wmi: 'VF7', models: ['C3', 'C4', 'Berlingo', 'Jumper'] }, 4],
  [{ make: 'Fiat', wmi: 'ZFA', models: ['Panda', '500', 'Punto', 'Ducato'] }, 5],
  [{ make: 'Škoda', wmi: 'TMB', models: ['Octavia', 'Fabia', 'Superb', 'Kodiaq'] }, 6],
  [{ make: 'SEAT', wmi: 'VSS', models: ['Ibiza', 'Leon', 'Ateca'] }, 3],
  [{ make: 'Toyota', wmi: 'SB1', models: ['Corolla', 'Auris', 'Avensis'] }, 4],
  [{ make: 'Toyota', wmi: 'JTM', models: ['RAV4', 'Land Cruiser'] }, 3],
  [{ make: 'Volvo', wmi: 'YV1', models: ['XC60', 'XC90', 'V70', 'V60'] }, 3],
  [{ make: 'Dacia', wmi: 'UU1', models: ['Logan', 'Duster', 'Sandero'] }, 4],
  [{ make: 'Hyundai', wmi: 'TMA', models: ['i30', 'i20', 'Tucson'] }, 3],
  [{ make: 'Kia', wmi: 'U5Y', models: ['Ceed', 'Sportage'] }, 3],
  [{ make: 'Land Rover', wmi: 'SAL', models: ['Range Rover', 'Range Rover Sport', 'Discovery'] }, 3],
  [{ make: 'Porsche', wmi: 'WP0', models: ['Cayenne', '911', 'Macan'] }, 1],
]);

const COLOURS = weightedTable([['black', 20], ['grey', 18], ['white', 18], ['silver', 14], ['blue', 11], ['red', 8], ['green', 3], ['brown', 3], ['beige', 2], ['yellow', 1], ['orange', 1], ['violet', 1]] as const);

const PLATE_COUNTRIES = weightedTable(COUNTRIES.filter((c) => c.plate).map((c) => [c.code, c.weight * (c.eu ? 1 : 0.4)] as const));

export function vin(rng: Rng, wmi: string, year: number): string {
  const body = wmi + fillTemplate(rng, 'AAAAA') + '0' + modelYearCode(year) + fillTemplate(rng, 'A') + fillTemplate(rng, 'DDDDDD');
  return body.slice(0, 8) + vinCheckDigit(body) + body.slice(9);
}

export function plate(rng: Rng, plateCountry: string): string {
  return fillTemplate(rng, country(plateCountry).plate!);
}

export function vehicle(rng: Rng, today: Ymd, owner?: Entity): ObjectLineData {
  const m = rng.weighted(MAKES);
  const plateCountry = owner && country(owner.residence).plate && rng.chance(0.8) ? owner.residence : rng.weighted(PLATE_COUNTRIES);
  const year = today.y - rng.range(0, 18);
  const o: ObjectLineData = { type: 'object', source: '', ref: '', kind: 'vehicle', make: m.make, model: rng.pick(m.models), colour: rng.weighted(COLOURS) };
  // Stolen-vehicle lists sometimes know only the plate, or only the VIN (plates swapped).
  const r = rng.float();
  if (r < 0.9) o.vin = vin(rng, m.wmi, year);
  if (r > 0.1) {
    o.plate = plate(rng, plateCountry);
    o.plateCountry = plateCountry;
  }
  return o;
}

export function numberPlate(rng: Rng): ObjectLineData {
  const c = rng.weighted(PLATE_COUNTRIES);
  return { type: 'object', source: '', ref: '', kind: 'number_plate', plate: plate(rng, c), plateCountry: c };
}

interface FirearmModel {
  make: string;
  model: string;
  calibre: string;
  serial: string;
}

const FIREARMS = weightedTable<FirearmModel>([
  [{ make: 'Glock', model: '17', calibre: '9×19mm', serial: 'LLLDDD' }, 14],
  [{ make: 'Glock', model: '19', calibre: '9×19mm', serial: 'LLLDDD' }, 8],
  [{ make: 'Beretta', model: '92FS', calibre: '9×19mm', serial: 'LDDDDDZ' }, 7],
  [{ make: 'Česká zbrojovka', model: 'CZ 75 B', calibre: '9×19mm', serial: 'LDDDDDD' }, 7],
  [{ make: 'Walther', model: 'P99', calibre: '9×19mm', serial: 'LLDDDDDD' }, 5],
  [{ make: 'Walther', model: 'PPK', calibre: '7.65mm Browning', serial: 'DDDDDDL' }, 3],
  [{ make: 'SIG Sauer', model: 'P226', calibre: '9×19mm', serial: 'UDDDDDD' }, 4],
  [{ make: 'Heckler & Koch', model: 'USP', calibre: '9×19mm', serial: 'DD-DDDDDD' }, 4],
  [{ make: 'Zastava', model: 'M70AB2', calibre: '7.62×39mm', serial: 'DDDDDD' }, 6],
  [{ make: 'Kalashnikov', model: 'AKM', calibre: '7.62×39mm', serial: 'LLDDDD' }, 5],
  [{ make: 'Izhmekh', model: 'Makarov PM', calibre: '9×18mm', serial: 'LLDDD' }, 4],
  [{ make: 'Tula', model: 'TT-33', calibre: '7.62×25mm Tokarev', serial: 'LLDDDD' }, 3],
  [{ make: 'Smith & Wesson', model: '686', calibre: '.357 Magnum', serial: 'LLLDDDD' }, 2],
  [{ make: 'Colt', model: 'M1911A1', calibre: '.45 ACP', serial: 'DDDDDDD' }, 2],
  [{ make: 'Remington', model: '870', calibre: '12 gauge', serial: 'LDDDDDDDM' }, 4],
  [{ make: 'Browning', model: 'Hi-Power', calibre: '9×19mm', serial: 'DDLLLDDDDD' }, 2],
  [{ make: 'Baikal', model: 'MP-27', calibre: '12 gauge', serial: 'DDDDDDDDD' }, 3],
  [{ make: 'Mauser', model: 'K98k', calibre: '7.92×57mm', serial: 'DDDDL' }, 2],
  [{ make: 'Ekol', model: 'Firat Magnum (converted alarm pistol)', calibre: '9mm P.A.K.', serial: 'DDDDDDD' }, 5],
]);

export function firearm(rng: Rng): ObjectLineData {
  const f = rng.weighted(FIREARMS);
  return { type: 'object', source: '', ref: '', kind: 'firearm', serial: fillTemplate(rng, f.serial), make: f.make, model: f.model, calibre: f.calibre };
}

const DOC_STATES = weightedTable([['lost', 45], ['stolen', 38], ['invalidated', 12], ['blank', 5]] as const);
const ISSUERS = weightedTable(COUNTRIES.map((c) => [c.code, c.weight] as const));

/** A lost or stolen document; when `holder` is given it is one of theirs (an old passport turning up on an impostor). */
export function travelDocument(rng: Rng, today: Ymd, holder?: Entity): ObjectLineData {
  const state = rng.weighted(DOC_STATES);
  const own = holder && holder.documents.length > 0 && state !== 'blank' ? rng.pick(holder.documents) : undefined;
  if (own) {
    return {
      type: 'object', source: '', ref: '', kind: 'document', documentType: own.type, number: rng.chance(0.5) ? own.previousNumber : own.number,
      issuingCountry: own.issuingCountry, state, expiry: formatYmd(own.expiry),
    };
  }
  const issuer = rng.weighted(ISSUERS);
  const documentType = rng.chance(0.6) ? 'passport' : country(issuer).idCard ? 'id_card' : 'passport';
  const o: ObjectLineData = {
    type: 'object', source: '', ref: '', kind: 'document', documentType, number: documentNumber(rng, issuer, documentType), issuingCountry: issuer, state,
  };
  if (state !== 'blank') o.expiry = formatYmd(addDays(today, rng.range(-800, 3600)));
  return o;
}

const IBAN_TABLE = weightedTable(IBAN_COUNTRIES);
const COMPANY_FORMS = ['GmbH', 'B.V.', 'SARL', 'S.L.', 'S.r.l.', 'Sp. z o.o.', 'SRL', 'Ltd', 'BVBA', 'UAB', 'EOOD'];
const COMPANY_WORDS = ['Alpha', 'Euro', 'Nord', 'Trans', 'Global', 'Baltic', 'Adria', 'Delta', 'Nova', 'Union', 'Atlas', 'Orion', 'Meridian', 'Star', 'Sun'];
const COMPANY_TRADES = ['Trading', 'Logistics', 'Invest', 'Consulting', 'Import-Export', 'Auto', 'Food', 'Textiles', 'Energy', 'Holding', 'Cargo'];

export function bankAccount(rng: Rng, holderName?: string): ObjectLineData {
  const c = rng.weighted(IBAN_TABLE);
  const { iban, bic } = randomIban(rng, c);
  const o: ObjectLineData = { type: 'object', source: '', ref: '', kind: 'bank_account', iban };
  if (holderName) o.holder = holderName;
  else if (rng.chance(0.7)) o.holder = `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_TRADES)} ${rng.pick(COMPANY_FORMS)}`;
  if (bic) o.bic = bic;
  return o;
}

const CULTURAL = [
  (rng: Rng) => `Icon, egg tempera on wooden panel, ${rng.pick(['St Nicholas', 'Virgin Hodegetria', 'St George and the dragon', 'Deesis', 'Christ Pantocrator'])}, ${rng.pick(['Russian', 'Greek', 'Bulgarian', 'Ukrainian', 'Cretan'])}, ${rng.pick(['17th', '18th', '19th'])} century, ${rng.range(18, 60)} × ${rng.range(14, 45)} cm`,
  (rng: Rng) => `Oil on canvas, ${rng.pick(['landscape with windmill', 'portrait of a man in black', 'still life with flowers', 'river view with boats', 'winter landscape with skaters'])}, ${rng.pick(['Dutch school', 'Flemish school', 'French school', 'Italian school', 'German school'])}, c. ${rng.range(1600, 1890)}`,
  (rng: Rng) => `${rng.pick(['Bronze statuette', 'Marble head', 'Terracotta figurine', 'Bronze helmet'])} of ${rng.pick(['Hermes', 'Aphrodite', 'a youth', 'a warrior', 'Dionysus'])}, ${rng.pick(['Roman', 'Greek, Hellenistic', 'Etruscan'])}, ${rng.pick(['1st', '2nd', '3rd', '4th'])} century ${rng.pick(['BC', 'AD'])}, h. ${rng.range(8, 60)} cm`,
  (rng: Rng) => `Coin hoard: ${rng.range(12, 400)} ${rng.pick(['silver denarii', 'bronze folles', 'gold solidi', 'silver dirhams', 'silver tetradrachms'])}, found in ${rng.pick(['Bulgaria', 'Romania', 'Italy', 'Syria', 'Iraq', 'Greece'])}`,
  (rng: Rng) => `Illuminated manuscript leaf, ${rng.pick(['Book of Hours', 'Gospel book', 'Psalter', 'Qur’an'])}, ${rng.pick(['French', 'Flemish', 'Armenian', 'Persian', 'Ottoman'])}, ${rng.pick(['14th', '15th', '16th'])} century`,
  (rng: Rng) => `${rng.pick(['Cylinder seal', 'Cuneiform tablet', 'Alabaster vessel'])}, ${rng.pick(['Mesopotamian', 'Assyrian', 'Sumerian', 'Babylonian'])}, ${rng.pick(['3rd', '2nd', '1st'])} millennium BC`,
  (rng: Rng) => `${rng.pick(['Silver chalice', 'Processional cross', 'Reliquary', 'Monstrance'])}, gilt, from the parish church of ${rng.pick(['San Martino', 'St. Jakob', 'Sainte-Marie', 'Sv. Mikuláš', 'Św. Anny'])}, ${rng.pick(['15th', '16th', '17th', '18th'])} century`,
];

export function culturalGood(rng: Rng): ObjectLineData {
  const description = rng.pick(CULTURAL)(rng);
  const images: string[] = [];
  const n = rng.int(4);
  for (let i = 0; i < n; i++) images.push(`sha256:${rng.chars('0123456789abcdef', 64)}`);
  const o: ObjectLineData = { type: 'object', source: '', ref: '', kind: 'cultural_good', description, images };
  if (rng.chance(0.6)) o.inventoryNumber = `${rng.pick(['INV', 'Inv.', 'Nr.', 'N°', 'Kat.'])} ${rng.range(1850, 2020)}/${rng.range(1, 9999)}`;
  return o;
}
