/** The texts of the recovery code step. */
export interface RecoveryCodeMessages {
  legend: string;
  help: string;
  /** The recovery key's ID's label. */
  idLabel: string;
  codeLabel: string;
  copy: string;
  copied: string;
  copyFailed: string;
  download: string;
  downloaded: string;
  /**
   * The kit's note, in Copy's text and the downloaded file, above its `Label: value` lines (which stay
   * English, so that any page reads the kit back).
   */
  kitNote: string;
  saved: string;
  finish: string;
  discard: string;
}

/** The recovery code step's English texts (loaded with the step, not with `<RegisterCredential>`). */
export const englishRecoveryMessages: RecoveryCodeMessages = {
  legend: 'Save your recovery code',
  help: 'A recovery asks for both the recovery key ID and the code. They are shown only once and cannot be recovered; anyone who has them can use this recovery key: copy or download them, and keep them offline, somewhere safe.',
  idLabel: 'Recovery key ID',
  codeLabel: 'Recovery code',
  copy: 'Copy ID and code',
  copied: 'The recovery key ID and code are copied to the clipboard.',
  copyFailed: 'Copying is not allowed here: select the ID and the code and copy them by hand.',
  download: 'Download .txt',
  downloaded: 'Downloaded.',
  kitNote:
    'To recover your account, open "Lost your passkeys?" and give this file, or the ID and code below. Keep it offline and private: it opens your recovery key.',
  saved: 'I have saved my recovery code',
  finish: 'Finish registration',
  discard: 'Discard code',
};
