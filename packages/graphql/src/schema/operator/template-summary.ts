import type { TemplateStatus } from '@spendline/whatsapp';
import type { TemplateReport } from './template-status.ts';

// The templates' status in a sentence for the operator page; the doctor says what to do.

const list = (items: readonly string[]) =>
  items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

function templateWords(template: TemplateStatus): string {
  const approved = template.languages
    .filter((l) => l.approval === 'APPROVED')
    .map((l) => l.language);
  switch (template.approval) {
    case 'APPROVED':
      return `${template.name} is approved (${list(approved)})`;
    case 'PENDING':
      return `${template.name} waits for Meta's review`;
    case 'REJECTED':
      return `${template.name} is not approved: Meta rejected, paused or disabled it`;
    case 'MISSING':
      return approved.length === 0
        ? `${template.name} does not exist at Meta`
        : `${template.name} is approved in ${list(approved)}, but not in ${list(template.missing)}, which linked users need`;
  }
}

export function templateSummary(report: TemplateReport): string {
  if (report.kind === 'sandbox') {
    return 'Not checked: sandbox. The api runs without a Meta account (no WHATSAPP_ACCESS_TOKEN), so it sends no templates.';
  }
  if (report.kind === 'failed') return `Could not ask Meta: ${report.reason}.`;
  const words = report.templates.map(templateWords).join('; ');
  if (report.templates.every((t) => t.approval === 'APPROVED')) return `All approved: ${words}.`;
  return `Not all approved: ${words}. Until they are, messages outside the 24-hour window fail; npm run admin -- doctor says what to do.`;
}
