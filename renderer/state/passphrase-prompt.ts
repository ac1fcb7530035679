// Asking for the passphrase of an encrypted case file: one question at a time, answered in PassphraseDialog. The
// passphrase lives only as long as the call that opens the file; it is never put in a store that outlives it.
import { create } from 'zustand';

export interface PassphraseQuestion {
  fileName: string;
  /** The core's message after a wrong passphrase, shown so the user can try again. */
  error: string | null;
}

/** What the user typed, and whether to remember it on this device. */
export interface PassphraseAnswer {
  passphrase: string;
  remember: boolean;
}

interface PassphrasePromptState {
  question: PassphraseQuestion | null;
  /** Resolves the question: the answer, or null if the user cancelled. */
  answer: ((answer: PassphraseAnswer | null) => void) | null;
}

export const usePassphrasePrompt = create<PassphrasePromptState>()(() => ({ question: null, answer: null }));

/** Asks for a file's passphrase; resolves to the answer, or to null if the user cancels. */
export function askPassphrase(question: PassphraseQuestion): Promise<PassphraseAnswer | null> {
  usePassphrasePrompt.getState().answer?.(null); // a question still open is cancelled by the new one
  return new Promise((resolve) => {
    usePassphrasePrompt.setState({
      question,
      answer: (answer) => {
        usePassphrasePrompt.setState({ question: null, answer: null });
        resolve(answer);
      },
    });
  });
}
