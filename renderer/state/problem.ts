// The one dialog that reports a problem the user must read before going on (a file that will not open, a case
// that could not be created). Screens put a problem here; the shell shows it.
import { caseDataStore } from './data.js';

export interface ProblemAction {
  label: string;
  run(): void | Promise<void>;
}

export interface Problem {
  title: string;
  message: string;
  /** What was being worked on, e.g. the file's path. */
  detail?: string;
  /** Offered besides Close, e.g. "Open read-only". */
  action?: ProblemAction;
}

interface ProblemState {
  problem: Problem | null;
  show(problem: Problem): void;
  dismiss(): void;
}

export const useProblem = caseDataStore<ProblemState>()((set) => ({
  problem: null,
  show: (problem) => set({ problem }),
  dismiss: () => set({ problem: null }),
}));

export const showProblem = (problem: Problem) => useProblem.getState().show(problem);
