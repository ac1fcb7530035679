// The schedule dialog for changes made outside the deadlines screen (state/schedule-confirm.ts), mounted once.
import { useScheduleConfirm } from '../../state/schedule-confirm.js';
import { ScheduleChangeDialog } from './ScheduleChangeDialog.js';

export function ScheduleConfirm() {
  const waiting = useScheduleConfirm((s) => s.waiting);
  const close = useScheduleConfirm((s) => s.close);
  if (!waiting) return null;
  return <ScheduleChangeDialog key={JSON.stringify(waiting.request.change)} caseId={waiting.caseId} request={waiting.request} onClose={close} />;
}
