// Currencies offered in pickers; the api accepts any ISO-4217 code.
export const CURRENCIES = [
  'INR',
  'BRL',
  'MXN',
  'IDR',
  'USD',
  'EUR',
  'GBP',
  'AED',
  'SGD',
  'AUD',
  'CAD',
  'JPY',
] as const;

type Currency = (typeof CURRENCIES)[number];

// The regions of the languages the dashboard speaks besides English and Hindi. Everyone
// else starts in rupees, the accounts' default, whatever their region.
const BY_REGION: Record<string, Currency> = { BR: 'BRL', MX: 'MXN', ID: 'IDR' };

/** The currency a sign-up starts with: 'pt-BR' BRL, 'es-MX' MXN, 'id-ID' IDR, else INR. */
export function currencyForLocale(tag: string): Currency {
  let region: string | undefined;
  try {
    region = new Intl.Locale(tag).maximize().region;
  } catch {
    region = undefined;
  }
  return (region && BY_REGION[region]) || 'INR';
}
