/** The texts of the recovery code step. */
export interface RecoveryCodeMessages {
  legend: string;
  help: string;
  codeLabel: string;
  copy: string;
  copied: string;
  copyFailed: string;
  download: string;
  downloaded: string;
  /** The downloaded file's text. */
  file: (credentialName: string, code: string) => string;
  saved: string;
  finish: string;
  discard: string;
}

/** The recovery code step's English texts (loaded with the step, not with `<RegisterCredential>`). */
export const englishRecoveryMessages: RecoveryCodeMessages = {
  legend: 'Save your recovery code',
  help: 'It is shown only once and cannot be recovered. Anyone who has it can use this recovery key: keep it offline, somewhere safe.',
  codeLabel: 'Recovery code',
  copy: 'Copy',
  copied: 'Copied to the clipboard.',
  copyFailed: 'Copying is not allowed here: select the code and copy it by hand.',
  download: 'Download .txt',
  downloaded: 'Downloaded.',
  file: (credentialName, code) =>
    `Recovery code for "${credentialName}"\n\n${code}\n\nKeep it offline and private: it opens your recovery key.\n`,
  saved: 'I have saved my recovery code',
  finish: 'Finish registration',
  discard: 'Discard code',
};
