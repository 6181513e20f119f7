// Whether Meta would send each message template in the languages the linked users need:
// what the doctor and the operator page both report, each in its own words.
import type { AccountReader, Read } from './account-reader.ts';
import { templateLanguage } from './template-language.ts';

/** Meta's verdict in four words: only APPROVED templates are sent. */
export type TemplateApproval = 'APPROVED' | 'PENDING' | 'REJECTED' | 'MISSING';

export interface TemplateLanguageStatus {
  /** Meta's language code (en, pt_BR...). */
  language: string;
  approval: TemplateApproval;
  /** Whether a linked user's locale needs this language. */
  needed: boolean;
  /** Meta's own status (PAUSED, IN_APPEAL...); null when Meta has no version in it. */
  metaStatus: string | null;
  /** Meta's reason for a rejection, when it gave one. */
  rejectedReason: string | null;
}

export interface TemplateStatus {
  name: string;
  /**
   * MISSING when Meta has no version of it, or none approved in a language linked users
   * need; PENDING when every version waits for review; REJECTED when none is approved
   * and some will not be without an edit.
   */
  approval: TemplateApproval;
  /** Meta's versions first (by language), then the needed languages Meta lacks. */
  languages: TemplateLanguageStatus[];
  /** Needed languages without an approved version. */
  missing: string[];
}

// Under review: they may still be approved without anyone doing anything.
const WAITING = new Set(['PENDING', 'IN_APPEAL']);

function approvalOf(metaStatus: string): TemplateApproval {
  if (metaStatus === 'APPROVED') return 'APPROVED';
  return WAITING.has(metaStatus) ? 'PENDING' : 'REJECTED';
}

/** Each named template as Meta has it, against the languages of `localesInUse`. */
export async function readTemplateStatus(
  reader: AccountReader,
  businessAccountId: string,
  names: readonly string[],
  localesInUse: readonly string[],
): Promise<Read<TemplateStatus[]>> {
  const needed = [...new Set(localesInUse.map(templateLanguage))].sort();
  const reads = await Promise.all(names.map((name) => reader.templates(businessAccountId, name)));
  const statuses: TemplateStatus[] = [];
  for (const [index, read] of reads.entries()) {
    if (!read.ok) return read;
    const name = names[index] ?? '';
    const versions = read.value
      .filter((t) => t.name === name)
      .sort((a, b) => a.language.localeCompare(b.language));
    const languages: TemplateLanguageStatus[] = versions.map((t) => ({
      language: t.language,
      approval: approvalOf(t.status),
      needed: needed.includes(t.language),
      metaStatus: t.status,
      rejectedReason: t.rejectedReason && t.rejectedReason !== 'NONE' ? t.rejectedReason : null,
    }));
    for (const language of needed) {
      if (versions.some((t) => t.language === language)) continue;
      languages.push({
        language,
        approval: 'MISSING',
        needed: true,
        metaStatus: null,
        rejectedReason: null,
      });
    }
    const approved = languages.filter((l) => l.approval === 'APPROVED').map((l) => l.language);
    const missing = needed.filter((language) => !approved.includes(language));
    let approval: TemplateApproval;
    if (versions.length === 0) approval = 'MISSING';
    else if (approved.length === 0)
      approval = versions.every((t) => WAITING.has(t.status)) ? 'PENDING' : 'REJECTED';
    else approval = missing.length > 0 ? 'MISSING' : 'APPROVED';
    statuses.push({ name, approval, languages, missing });
  }
  return { ok: true, value: statuses };
}
