/** Hands `json` to the browser as a file download named `fileName` (nothing happens where blob URLs are missing, as in jsdom). */
export function downloadJson(json: string, fileName: string): void {
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download asynchronously; revoking at once could cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
