// Every place that may hold typed text not yet saved (a field waiting for a pause in typing, the draft editor, the
// directive and deadline stores) registers how to save it at once. Locking the app saves all of it before the
// core closes the cases, so nothing typed is lost to the lock.
type SaveNow = () => Promise<void>;

const savers = new Set<SaveNow>();

/** Registers `saveNow`; returns the function that unregisters it (for an effect's cleanup). */
export function whileEditing(saveNow: SaveNow): () => void {
  savers.add(saveNow);
  return () => void savers.delete(saveNow);
}

/** Saves whatever is waiting everywhere. A failed save is left where it is (its field shows why); the rest go on. */
export async function saveEverythingWaiting(): Promise<void> {
  await Promise.allSettled([...savers].map((saveNow) => saveNow()));
}
