/** ISO 8601 durations as schema.org and YouTube write them: 'PT3M22S' to 202000; undefined for anything else. */
export function isoDurationMs(text) {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text ?? '');
  if (!match) return undefined;
  const [, h = 0, m = 0, s = 0] = match;
  return Math.round(((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000) || undefined;
}
