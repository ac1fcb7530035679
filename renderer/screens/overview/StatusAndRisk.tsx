// Where the dispute stands (the status lifecycle) and how much is at stake (risk). A choice saves at once.
import { DIRECTIVE_STATUSES, RISK_LEVELS } from '../../../shared/enums.js';
import { useDirective } from '../../state/directive.js';
import { ChoiceGroup } from '../../ui/ChoiceGroup.js';
import { humanize, STATUS_HINTS, type DirectiveStatus, type RiskLevel } from '../../ui/labels.js';
import { SaveState } from '../../ui/SaveState.js';

const STATUS_OPTIONS = DIRECTIVE_STATUSES.map((s) => ({ value: s, label: humanize(s), hint: STATUS_HINTS[s] }));
const NOT_ASSESSED = '' as const;
const RISK_OPTIONS = [{ value: NOT_ASSESSED, label: 'Not assessed' }, ...RISK_LEVELS.map((r) => ({ value: r, label: humanize(r) }))];

export function StatusAndRisk() {
  const record = useDirective((s) => s.record);
  const saves = useDirective((s) => s.saves);
  const drafts = useDirective((s) => s.drafts);
  const commit = useDirective((s) => s.commit);
  if (!record) return null;
  // A choice shows at once, while it saves; a refused one stays chosen beside its reason, as typed text does.
  const status = (drafts.status ?? record.status) as DirectiveStatus;
  const risk = (drafts.risk ?? record.risk ?? NOT_ASSESSED) as RiskLevel | typeof NOT_ASSESSED;
  const saving = (field: 'status' | 'risk') => ({
    name: field,
    onChange: (value: string) => void commit(field, value),
    aside: <SaveState save={saves[field]} pending={false} />,
    error: saves[field]?.state === 'error' ? saves[field].message : null,
  });
  return (
    <section className="panel" aria-labelledby="status-heading">
      <h2 id="status-heading">Status and risk</h2>
      <ChoiceGroup
        legend="Status"
        className="choice-group--lifecycle"
        value={status}
        options={STATUS_OPTIONS}
        {...saving('status')}
      />
      <p className="muted status-hint">{STATUS_HINTS[status]}</p>
      <ChoiceGroup<RiskLevel | typeof NOT_ASSESSED>
        legend="Risk"
        value={risk}
        options={RISK_OPTIONS}
        {...saving('risk')}
      />
    </section>
  );
}
