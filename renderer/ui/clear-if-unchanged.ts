// An add-form empties its field once the core has stored what was submitted. The user may already be typing the next
// entry by then (a note taken during a meeting, a second issue): emptying the field only if it still holds what was
// submitted keeps that new text.

/** For a state setter: `setBody(clearIfUnchanged(submitted))`. */
export function clearIfUnchanged<T extends string>(submitted: T): (current: T) => T | '' {
  return (current) => (current === submitted ? '' : current);
}
