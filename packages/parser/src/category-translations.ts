// Category words of Portuguese, Spanish, Indonesian and Hindi, each pointing to the English
// words a user's categories are named or aliased with: "almoço" finds the category that
// "lunch" or "food" would. The user's own names and aliases always come first; these are
// looked up only for a word none of them matches, so a category named "Mercado" wins.

import { wordMap } from './words.ts';

const FOOD = ['food'];
const LUNCH = ['lunch', 'food'];
const DINNER = ['dinner', 'food'];
const BREAKFAST = ['breakfast', 'food'];
const SNACKS = ['snacks', 'food'];
const COFFEE = ['coffee', 'food'];
const TEA = ['tea', 'chai', 'food'];
const RESTAURANT = ['restaurant', 'food'];
const GROCERIES = ['groceries', 'grocery'];
const VEGETABLES = ['vegetables', 'sabzi', 'groceries', 'grocery'];
const MILK = ['milk', 'groceries', 'grocery'];
const FUEL = ['fuel', 'petrol'];
const PETROL = ['petrol', 'fuel'];
const DIESEL = ['diesel', 'fuel'];
const TRANSPORT = ['transport'];
const TAXI = ['taxi', 'cab', 'transport'];
const BUS = ['bus', 'transport'];
const METRO = ['metro', 'transport'];
const AUTO = ['auto', 'rickshaw', 'transport'];
const PARKING = ['parking', 'transport'];
const TOLL = ['toll', 'transport'];
const BILLS = ['bills'];
const ELECTRICITY = ['electricity', 'bills'];
const WATER = ['water', 'bills'];
const INTERNET = ['internet', 'wifi', 'bills'];
const PHONE = ['phone', 'bills'];
const RECHARGE = ['recharge', 'phone', 'bills'];
const GAS = ['gas', 'bills'];
const RENT = ['rent'];
const HEALTH = ['health'];
const MEDICINE = ['medicine', 'pharmacy', 'health'];
const PHARMACY = ['pharmacy', 'medicine', 'health'];
const DOCTOR = ['doctor', 'health'];
const HOSPITAL = ['hospital', 'health'];
const DENTIST = ['dentist', 'doctor', 'health'];
const MOVIE = ['movie', 'movies', 'entertainment'];
const ENTERTAINMENT = ['entertainment'];
const BOOKS = ['books', 'education'];
const SCHOOL = ['school', 'education'];
const FEES = ['fees', 'education'];
const COURSE = ['course', 'education'];
const EDUCATION = ['education'];
const CLOTHES = ['clothes', 'shopping'];
const SHOES = ['shoes', 'clothes', 'shopping'];
const SHOPPING = ['shopping'];
const HOTEL = ['hotel', 'travel'];
const FLIGHT = ['flight', 'travel'];
const TRAIN = ['train', 'travel'];
const TRIP = ['trip', 'travel'];
const TRAVEL = ['travel'];

// prettier-ignore
const PORTUGUESE: [string, string[]][] = [
  ['almoço', LUNCH], ['almoco', LUNCH], ['jantar', DINNER], ['janta', DINNER],
  ['café da manhã', BREAKFAST], ['cafe da manha', BREAKFAST], ['lanche', SNACKS],
  ['comida', FOOD], ['refeição', FOOD], ['restaurante', RESTAURANT], ['padaria', FOOD],
  ['pizza', FOOD], ['ifood', FOOD], ['café', COFFEE], ['cafe', COFFEE],
  ['mercado', GROCERIES], ['supermercado', GROCERIES], ['feira', VEGETABLES],
  ['hortifruti', VEGETABLES], ['pão', GROCERIES], ['pao', GROCERIES], ['leite', MILK],
  ['gasolina', PETROL], ['alcool', FUEL], ['álcool', FUEL], ['etanol', FUEL],
  ['combustível', FUEL], ['combustivel', FUEL], ['posto', FUEL], ['diesel', DIESEL],
  ['ônibus', BUS], ['onibus', BUS], ['metrô', METRO], ['taxi', TAXI], ['táxi', TAXI],
  ['99', TAXI], ['estacionamento', PARKING], ['pedágio', TOLL], ['pedagio', TOLL],
  ['luz', ELECTRICITY], ['energia', ELECTRICITY], ['água', WATER], ['agua', WATER],
  ['internet', INTERNET], ['celular', PHONE], ['telefone', PHONE], ['recarga', RECHARGE],
  ['conta', BILLS], ['contas', BILLS], ['aluguel', RENT], ['condomínio', RENT],
  ['condominio', RENT], ['farmácia', PHARMACY], ['farmacia', PHARMACY],
  ['drogaria', PHARMACY], ['remédio', MEDICINE], ['remedio', MEDICINE],
  ['remédios', MEDICINE], ['médico', DOCTOR], ['medico', DOCTOR], ['consulta', DOCTOR],
  ['dentista', DENTIST], ['hospital', HOSPITAL], ['saúde', HEALTH], ['cinema', MOVIE],
  ['filme', MOVIE], ['show', ENTERTAINMENT], ['livro', BOOKS], ['livros', BOOKS],
  ['escola', SCHOOL], ['faculdade', FEES], ['mensalidade', FEES], ['curso', COURSE],
  ['roupa', CLOTHES], ['roupas', CLOTHES], ['sapato', SHOES], ['tênis', SHOES],
  ['shopee', SHOPPING], ['mercado livre', SHOPPING], ['compras', SHOPPING],
  ['hotel', HOTEL], ['pousada', HOTEL], ['passagem', FLIGHT], ['avião', FLIGHT],
  ['voo', FLIGHT], ['viagem', TRIP], ['educação', EDUCATION], ['turismo', TRAVEL],
];

// prettier-ignore
const SPANISH: [string, string[]][] = [
  ['comida', FOOD], ['almuerzo', LUNCH], ['cena', DINNER], ['desayuno', BREAKFAST],
  ['tacos', FOOD], ['tortas', FOOD], ['antojitos', SNACKS], ['botana', SNACKS],
  ['restaurante', RESTAURANT], ['café', COFFEE], ['cafe', COFFEE],
  ['súper', GROCERIES], ['super', GROCERIES], ['supermercado', GROCERIES],
  ['mandado', GROCERIES], ['despensa', GROCERIES], ['verdura', VEGETABLES],
  ['verduras', VEGETABLES], ['leche', MILK], ['gasolina', PETROL], ['diésel', DIESEL],
  ['camión', BUS], ['camion', BUS], ['autobús', BUS], ['autobus', BUS], ['metro', METRO],
  ['didi', TAXI], ['taxi', TAXI], ['estacionamiento', PARKING], ['caseta', TOLL],
  ['pasaje', TRANSPORT], ['luz', ELECTRICITY], ['agua', WATER], ['internet', INTERNET],
  ['teléfono', PHONE], ['telefono', PHONE], ['celular', PHONE], ['recarga', RECHARGE],
  ['gas', GAS], ['recibo', BILLS], ['renta', RENT], ['alquiler', RENT], ['arriendo', RENT],
  ['farmacia', PHARMACY], ['medicina', MEDICINE], ['medicinas', MEDICINE],
  ['medicamento', MEDICINE], ['medicamentos', MEDICINE], ['doctor', DOCTOR],
  ['médico', DOCTOR], ['medico', DOCTOR], ['consulta', DOCTOR], ['dentista', DENTIST],
  ['hospital', HOSPITAL], ['cine', MOVIE], ['película', MOVIE], ['libro', BOOKS],
  ['libros', BOOKS], ['escuela', SCHOOL], ['colegiatura', FEES], ['curso', COURSE],
  ['ropa', CLOTHES], ['zapatos', SHOES], ['tenis', SHOES], ['mercado libre', SHOPPING],
  ['hotel', HOTEL], ['vuelo', FLIGHT], ['avión', FLIGHT], ['boleto de avión', FLIGHT],
  ['viaje', TRIP], ['educación', EDUCATION], ['turismo', TRAVEL],
];

// prettier-ignore
const INDONESIAN: [string, string[]][] = [
  ['makan', FOOD], ['makan siang', LUNCH], ['makan malam', DINNER], ['sarapan', BREAKFAST],
  ['jajan', SNACKS], ['kopi', COFFEE], ['ngopi', COFFEE], ['teh', TEA],
  ['nasi goreng', FOOD], ['nasi', FOOD], ['bakso', FOOD], ['gofood', FOOD],
  ['grabfood', FOOD], ['shopeefood', FOOD], ['resto', RESTAURANT], ['warung', FOOD],
  ['belanja', GROCERIES], ['indomaret', GROCERIES], ['alfamart', GROCERIES],
  ['pasar', GROCERIES], ['beras', GROCERIES], ['sayur', VEGETABLES],
  ['sayuran', VEGETABLES], ['susu', MILK], ['bensin', PETROL], ['pertalite', PETROL],
  ['pertamax', PETROL], ['bbm', FUEL], ['solar', DIESEL], ['gojek', TAXI], ['goride', TAXI],
  ['gocar', TAXI], ['grab', TAXI], ['grabcar', TAXI], ['ojek', TAXI], ['ojol', TAXI],
  ['taksi', TAXI], ['busway', BUS], ['transjakarta', BUS], ['bis', BUS], ['krl', METRO],
  ['mrt', METRO], ['parkir', PARKING], ['tol', TOLL], ['pulsa', RECHARGE],
  ['paket data', RECHARGE], ['kuota', RECHARGE], ['listrik', ELECTRICITY],
  ['token listrik', ELECTRICITY], ['air', WATER], ['pdam', WATER], ['wifi', INTERNET],
  ['internet', INTERNET], ['tagihan', BILLS], ['kos', RENT], ['kost', RENT],
  ['sewa', RENT], ['kontrakan', RENT], ['obat', MEDICINE], ['apotek', PHARMACY],
  ['dokter', DOCTOR], ['rumah sakit', HOSPITAL], ['bioskop', MOVIE], ['nonton', MOVIE],
  ['film', MOVIE], ['buku', BOOKS], ['sekolah', SCHOOL], ['spp', FEES],
  ['kursus', COURSE], ['kuliah', FEES], ['baju', CLOTHES], ['pakaian', CLOTHES],
  ['sepatu', SHOES], ['shopee', SHOPPING], ['tokopedia', SHOPPING], ['hotel', HOTEL],
  ['tiket pesawat', FLIGHT], ['pesawat', FLIGHT], ['tiket kereta', TRAIN],
  ['kereta', TRAIN], ['liburan', TRIP], ['jalan jalan', TRIP], ['pendidikan', EDUCATION],
  ['perjalanan', TRAVEL],
];

// prettier-ignore
const HINDI: [string, string[]][] = [
  ['खाना', FOOD], ['खाने', FOOD], ['भोजन', FOOD], ['नाश्ता', BREAKFAST],
  ['दोपहर का खाना', LUNCH], ['रात का खाना', DINNER], ['चाय', TEA], ['कॉफी', COFFEE],
  ['कॉफ़ी', COFFEE], ['समोसा', SNACKS], ['ज़ोमैटो', ['zomato', 'food']],
  ['जोमैटो', ['zomato', 'food']], ['स्विगी', ['swiggy', 'food']],
  ['किराना', ['kirana', 'groceries', 'grocery']], ['किराने', ['kirana', 'groceries']],
  ['राशन', GROCERIES], ['सब्ज़ी', VEGETABLES], ['सब्जी', VEGETABLES],
  ['सब्ज़ियां', VEGETABLES], ['फल', ['fruits', 'groceries', 'grocery']], ['दूध', MILK],
  ['पेट्रोल', PETROL], ['डीजल', DIESEL], ['डीज़ल', DIESEL], ['ऑटो', AUTO], ['रिक्शा', AUTO],
  ['टैक्सी', TAXI], ['कैब', TAXI], ['बस', BUS], ['मेट्रो', METRO], ['उबर', ['uber', 'taxi']],
  ['ओला', ['ola', 'taxi']], ['किराया', RENT], ['भाड़ा', RENT], ['बिजली', ELECTRICITY],
  ['पानी', WATER], ['बिल', BILLS], ['रिचार्ज', RECHARGE], ['मोबाइल', PHONE],
  ['इंटरनेट', INTERNET], ['वाईफाई', INTERNET], ['गैस', GAS], ['सिलेंडर', GAS],
  ['दवाई', MEDICINE], ['दवा', MEDICINE], ['दवाइयां', MEDICINE], ['दवाइयाँ', MEDICINE],
  ['डॉक्टर', DOCTOR], ['अस्पताल', HOSPITAL], ['फिल्म', MOVIE], ['फ़िल्म', MOVIE],
  ['सिनेमा', MOVIE], ['किताब', BOOKS], ['किताबें', BOOKS], ['स्कूल', SCHOOL],
  ['फीस', FEES], ['फ़ीस', FEES], ['कपड़े', CLOTHES], ['कपड़ा', CLOTHES], ['जूते', SHOES],
  ['ट्रेन', TRAIN], ['टिकट', ['ticket', 'travel']], ['होटल', HOTEL], ['यात्रा', TRIP],
  ['khana', FOOD], ['khaana', FOOD], ['khane', FOOD], ['nashta', BREAKFAST],
  ['kiraya', RENT], ['kiraaya', RENT], ['bijli', ELECTRICITY], ['paani', WATER],
  ['pani', WATER], ['dawai', MEDICINE], ['davai', MEDICINE], ['dawa', MEDICINE],
  ['dava', MEDICINE], ['dawaiyan', MEDICINE], ['kapde', CLOTHES], ['kapda', CLOTHES],
  ['joote', SHOES], ['jute', SHOES], ['doodh', MILK], ['dudh', MILK], ['ration', GROCERIES],
  ['kirane', ['kirana', 'groceries']], ['phal', ['fruits', 'groceries']],
  ['sabji', VEGETABLES], ['picture', MOVIE], ['kitaben', BOOKS], ['kitab', BOOKS],
  ['tuition', FEES], ['safar', TRIP], ['padhai', EDUCATION], ['शिक्षा', EDUCATION],
  ['पढ़ाई', EDUCATION], ['yatra', TRAVEL], ['cylinder', GAS], ['dawakhana', PHARMACY],
];

export interface Translations {
  /** Word or phrase -> the English words to look for, best first. */
  readonly words: ReadonlyMap<string, readonly string[]>;
  /** The longest phrase, in words. */
  readonly longest: number;
  /** Single words of four letters or more, by first letter, for typos. */
  readonly byInitial: ReadonlyMap<string, readonly string[]>;
  /** Word -> the keys within typo reach, nearest first, found once per word. */
  readonly near: Map<string, readonly { key: string; distance: number }[]>;
}

const TABLES: Readonly<Record<string, [string, string[]][]>> = {
  pt: PORTUGUESE,
  es: SPANISH,
  id: INDONESIAN,
  hi: HINDI,
};

const cache = new Map<string, Translations>();

function build(table: [string, string[]][]): Translations {
  const words = wordMap<readonly string[]>(table);
  const byInitial = new Map<string, string[]>();
  let longest = 1;
  for (const key of words.keys()) {
    const count = key.split(' ').length;
    if (count > longest) longest = count;
    if (count === 1 && key.length >= 4) {
      const list = byInitial.get(key[0] ?? '') ?? [];
      list.push(key);
      byInitial.set(key[0] ?? '', list);
    }
  }
  return { words, longest, byInitial, near: new Map() };
}

/**
 * The words of the user's own language only: English is understood beside them through
 * the categories' own names and aliases, and other languages' words would clash with it
 * ("air" is water in Indonesian). Hindi is the language of English India too, where it
 * is written in Roman script.
 */
export function translationsFor(language: string, region: string | undefined): Translations {
  const code = language in TABLES ? language : region === 'IN' ? 'hi' : '';
  let found = cache.get(code);
  if (found === undefined) {
    found = build(TABLES[code] ?? []);
    cache.set(code, found);
  }
  return found;
}
