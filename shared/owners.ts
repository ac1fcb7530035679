// Whose an action item is: its owner is typed as free text ("Dana Whitfield"), so the user's own are those whose
// owner is the user's name (the profile's display name, or the name given for this run), spacing and letter case aside.

/** Whether an owner, as typed, names the person called `name`. */
export function isOwnedBy(owner: string | null | undefined, name: string | null | undefined): boolean {
  return !!owner && !!name && nameKey(name) !== '' && nameKey(owner) === nameKey(name);
}

/** A name as compared with another: spacing and letter case aside. */
export function nameKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}
