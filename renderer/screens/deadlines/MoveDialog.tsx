// The deadlines screen's move dialog: the change waiting in the store, previewed and confirmed (ui/schedule).
import { ScheduleChangeDialog } from '../../ui/schedule/ScheduleChangeDialog.js';
import { useDeadlines, type PendingMove } from '../../state/deadlines.js';

export function MoveDialog({ caseId, move }: { caseId: string; move: PendingMove }) {
  const moveClosed = useDeadlines((s) => s.moveClosed);
  return <ScheduleChangeDialog caseId={caseId} request={move} onClose={(confirmed) => void moveClosed(confirmed)} />;
}
