/** Offers `text` as a download named `fileName` (plain text), as a link click would. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name made of `prefix` and `name`, kept to letters, digits and dashes: `recovery-kit-laptop.txt`. */
export function textFileName(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'credkit'}.txt`;
}
