// The passphrases of the key-change tests, shared by the test and the writer process it kills: encrypt makes a plain
// file FIRST's, rekey turns FIRST into SECOND, decrypt turns FIRST back into plain.
export const FIRST_PASSPHRASE = 'first passphrase of the case';
export const SECOND_PASSPHRASE = 'second passphrase of the case';
