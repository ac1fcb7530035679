// A rough strength hint for a new passphrase: enough to steer a user from "password1" towards a few words. It is
// advice only; the core enforces the minimum length.
export const MIN_PASSPHRASE_LENGTH = 8;

export interface Strength {
  level: 'too-short' | 'weak' | 'fair' | 'strong';
  text: string;
}

export function passphraseStrength(passphrase: string): Strength {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return { level: 'too-short', text: `Too short: at least ${MIN_PASSPHRASE_LENGTH} characters.` };
  }
  const words = passphrase.trim().split(/\s+/).filter((w) => w.length >= 3).length;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9\s]/].filter((re) => re.test(passphrase)).length;
  if (passphrase.length >= 20 || words >= 4) return { level: 'strong', text: 'Strong.' };
  if (passphrase.length >= 12 && (classes >= 2 || words >= 3)) return { level: 'fair', text: 'Fair: a few more words would make it strong.' };
  return { level: 'weak', text: 'Weak: use four or more unrelated words, or a longer phrase.' };
}
