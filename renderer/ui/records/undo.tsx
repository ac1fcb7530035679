// "Deleted … Undo": deletes are soft, so the notice that confirms one offers to bring the record back.
import { useCallback, useState } from 'react';
import { messageOf } from '../../api/client.js';
import './records.css';

interface Offer {
  message: string;
  undo(): Promise<void>;
}

export function useUndo(): { notice: React.ReactNode; offer(message: string, undo: () => Promise<void>): void } {
  const [offerState, setOffer] = useState<Offer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const offer = useCallback((message: string, undo: () => Promise<void>) => {
    setError(null);
    setOffer({ message, undo });
  }, []);
  const notice = offerState || error ? (
    <div className={`undo-notice ${error ? 'undo-notice--error' : ''}`} role="status" aria-live="polite">
      <span>{error ?? offerState?.message}</span>
      {offerState && (
        <button
          type="button"
          className="button button--small"
          onClick={async () => {
            const current = offerState;
            setOffer(null);
            try {
              await current.undo();
            } catch (err) {
              setError(`It could not be brought back: ${messageOf(err)}`);
            }
          }}
        >
          Undo
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => { setOffer(null); setError(null); }}>
        ×
      </button>
    </div>
  ) : null;
  return { notice, offer };
}
