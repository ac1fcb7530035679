// "Your name": changes the name (and initials) your changes are written under, from the sidebar or the palette.
// The shell mounts it once; the next change is written under the name saved here.
import { useProfile } from '../../state/profile.js';
import { Dialog } from '../Dialog.js';
import { draftOf, ProfileForm, useProfileForm } from './ProfileForm.js';

export function ProfileDialog() {
  const open = useProfile((s) => s.dialogOpen);
  const close = useProfile((s) => s.closeDialog);
  // The form is made afresh at each opening, from the name as it is then.
  return (
    <Dialog open={open} title="Your name" onClose={close} className="profile-dialog" actions={null}>
      {open && <DialogBody onDone={close} />}
    </Dialog>
  );
}

function DialogBody({ onDone }: { onDone(): void }) {
  const info = useProfile((s) => s.info);
  const form = useProfileForm(draftOf(info), onDone);
  return (
    <>
      <p>
        Parley writes this name on every change you make, in each record&apos;s history and the audit trail. A new name is used from your next change
        on; what is written already keeps the name it was written under.
      </p>
      {info?.nameForThisRun && (
        <p className="notice">
          This run of Parley was started with the name <strong>{info.nameForThisRun}</strong>, which it writes until it is started again without it.
        </p>
      )}
      {info?.problem && <p className="notice notice--error">{info.problem}</p>}
      <ProfileForm form={form}>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            Save
          </button>
        </div>
      </ProfileForm>
    </>
  );
}
