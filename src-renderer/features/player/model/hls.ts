/** An HLS playlist (a remux or transcode session), which hls.js feeds to the element, rather than a file it plays itself. */
export function isHls(mime: string): boolean {
  return /mpegurl/i.test(mime);
}
