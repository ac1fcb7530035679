// Words the user reads for the domain's closed vocabularies and the directive's fields.
import type { DIRECTIVE_STATUSES, RISK_LEVELS } from '../../shared/enums.js';
import { KINDS, type KindName } from '../../shared/records.js';
import type { DirectiveField } from '../state/directive.js';

export type DirectiveStatus = (typeof DIRECTIVE_STATUSES)[number];
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** "under_review" reads "Under review"; used where no better word is listed. */
export function humanize(value: string): string {
  const words = value.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const STATUS_HINTS: Record<DirectiveStatus, string> = {
  received: 'The order has arrived; nothing decided yet.',
  under_review: 'Counsel is assessing the order and our options.',
  contesting: 'We dispute the order or its legal basis.',
  negotiating: 'We are negotiating terms with the issuing authority.',
  settled: 'Terms were agreed.',
  complied: 'We complied with the order as issued.',
  withdrawn: 'The authority withdrew the order.',
  litigating: 'The dispute is before a court.',
};

export const DIRECTIVE_FIELD_LABELS: Record<DirectiveField, string> = {
  title: 'Title',
  referenceNumber: 'Reference number',
  issuingAuthority: 'Issuing authority',
  legalBasis: 'Legal basis',
  authoritiesCited: 'Authorities cited',
  issuedOn: 'Issued on',
  receivedOn: 'Received on',
  subject: 'Subject (products, models)',
  scope: 'Scope (who is affected)',
  ourOrganization: 'Our organization',
  counterparty: 'Counterparty',
  summary: 'Summary',
  status: 'Status',
  risk: 'Risk',
  holidayCalendarId: 'Holiday calendar',
  closures: 'Closure dates',
};

export const kindLabel = (kind: KindName) => KINDS[kind].label;
