/** Human-readable figures for the card's tables. Pure, tested in format.test.ts. */

/** A figure the card can show: a finite number (absent, null and NaN are not). */
function isFigure(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function formatBytes(bytes: number | null | undefined): string {
  if (!isFigure(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${
    BYTE_UNITS[unit]
  }`;
}

export function formatCount(count: number | null | undefined): string {
  if (!isFigure(count)) return '—';
  return new Intl.NumberFormat('en', {
    notation: count >= 100_000 ? 'compact' : 'standard',
  }).format(count);
}

/** retention.ms: -1 is unlimited. */
export function formatRetention(ms: number | null | undefined): string {
  if (!isFigure(ms)) return '—';
  if (ms < 0) return 'unlimited';
  return formatDuration(ms / 1000);
}

export function formatDuration(seconds: number | null | undefined): string {
  if (!isFigure(seconds) || seconds < 0) return '—';
  const units: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size) {
      const value = seconds / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${name}`;
    }
  }
  return `${Math.round(seconds)} s`;
}

/**
 * A link into Conduktor Console only when it is a plain http(s) URL (the core builds
 * them so; checked again before they reach an `href`). Anything else is no link.
 */
export function safeConsoleLink(
  link: string | null | undefined,
): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

/** Records per second, as Console's produce rate. */
export function formatRate(perSecond: number | null | undefined): string {
  if (!isFigure(perSecond) || perSecond < 0) return '—';
  const value =
    perSecond < 10 && !Number.isInteger(perSecond)
      ? perSecond.toFixed(1)
      : formatCount(Math.round(perSecond));
  return `${value}/s`;
}

/** An ISO timestamp in the reader's locale and time zone; anything unparsable is a dash. */
export function formatDateTime(iso: string | null | undefined): string {
  const time = iso ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(time)) return '—';
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(time);
}

/** The core already drops non-hex colours; checked again before a colour reaches CSS. */
const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

export function safeHexColour(
  color: string | null | undefined,
): string | undefined {
  return color && HEX_COLOUR.test(color) ? color : undefined;
}
