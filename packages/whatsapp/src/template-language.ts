// Meta's template languages that carry a region; any other locale uses its language alone.
const REGIONAL_LANGUAGES = new Set([
  'en_GB',
  'en_US',
  'es_AR',
  'es_ES',
  'es_MX',
  'pt_BR',
  'pt_PT',
  'zh_CN',
  'zh_HK',
  'zh_TW',
]);
// Languages Meta offers only with a region.
const DEFAULT_REGION: Record<string, string> = { pt: 'pt_BR', zh: 'zh_CN' };

/** The template language code for a BCP-47 locale: "en-IN" -> "en", "pt-PT" -> "pt_PT". */
export function templateLanguage(locale: string): string {
  const [language = 'en', region] = locale.split(/[-_]/);
  const lower = language.toLowerCase();
  const regional = region ? `${lower}_${region.toUpperCase()}` : '';
  if (REGIONAL_LANGUAGES.has(regional)) return regional;
  return DEFAULT_REGION[lower] ?? (/^[a-z]{2,3}$/.test(lower) ? lower : 'en');
}
