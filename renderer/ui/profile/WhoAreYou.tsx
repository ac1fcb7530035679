// "Who are you?" on the library screen while no name is set: a card, not a dialog, so that nothing waits for it.
// Saving it writes the profile; every change from then on is written under that name. "Not now" puts it off until
// Parley starts again.
import { useEffect, useId, useRef, useState } from 'react';
import { shouldAskWhoYouAre, useProfile } from '../../state/profile.js';
import { draftOf, ProfileForm, useProfileForm } from './ProfileForm.js';

export function WhoAreYou() {
  const { info, askLater, putOff } = useProfile();
  const [saved, setSaved] = useState<string | null>(null);
  if (saved) return <Saved name={saved} />;
  if (!shouldAskWhoYouAre({ info, askLater })) return null;
  return <Question key="ask" onSaved={setSaved} onPutOff={putOff} />;
}

function Question({ onSaved, onPutOff }: { onSaved(name: string): void; onPutOff(): void }) {
  const info = useProfile((s) => s.info);
  const headingId = useId();
  const form = useProfileForm(draftOf(info), (saved) => onSaved(saved.actor));
  return (
    <section className="panel who-are-you" aria-labelledby={headingId}>
      <h2 id={headingId}>Who are you?</h2>
      <p className="who-are-you__why">
        Parley writes your name on every change you make: in each record&apos;s history and in the case&apos;s audit trail.
        {info?.problem ? ` ${info.problem}` : ''} Until you set it, changes are written as <strong>{info?.fallbackName}</strong>.
      </p>
      <ProfileForm form={form}>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={form.busy}>
            Save my name
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              onPutOff();
              // The card goes: the keyboard goes to the top of the screen rather than nowhere.
              document.querySelector<HTMLElement>('main h1')?.focus();
            }}
          >
            Not now
          </button>
        </div>
      </ProfileForm>
    </section>
  );
}

/** Said once the name is saved, where the question was, so that the keyboard has somewhere to be. */
function Saved({ name }: { name: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} className="notice who-are-you__saved" role="status" tabIndex={-1}>
      Thank you. Your changes are now written as <strong>{name}</strong>. To change it, choose <strong>Your name…</strong> at the foot of the
      sidebar.
    </p>
  );
}
