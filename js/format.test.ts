import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  formatRate,
  formatRetention,
  safeHexColour,
} from './format.js';

describe('format', () => {
  it('formats sizes, counts, retention and durations', () => {
    expect(formatBytes(734_003_200)).toBe('700 MiB');
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(null)).toBe('—');
    expect(formatCount(542)).toBe('542');
    expect(formatCount(1_250_000)).toBe('1.3M');
    expect(formatRetention(604_800_000)).toBe('7 d');
    expect(formatRetention(-1)).toBe('unlimited');
    expect(formatDuration(12)).toBe('12 s');
    expect(formatDuration(3_600)).toBe('1 h');
    expect(formatDuration(90)).toBe('1.5 min');
    expect(formatDuration(Number.NaN)).toBe('—');
  });

  it('formats rates and timestamps, and a dash for what is missing or malformed', () => {
    expect(formatRate(120)).toBe('120/s');
    expect(formatRate(0.25)).toBe('0.3/s');
    expect(formatRate(undefined)).toBe('—');
    expect(formatDateTime('2026-11-29T10:00:00Z')).toMatch(/2026/);
    expect(formatDateTime('yesterday')).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });

  it('lets only hex colours through', () => {
    expect(safeHexColour('#E74C3C')).toBe('#E74C3C');
    expect(safeHexColour('#abcd')).toBe('#abcd');
    for (const hostile of [
      'red',
      '#fff;background:url(x)',
      ' #fff',
      '#12345',
      'var(--x)',
      '',
      undefined,
    ]) {
      expect(safeHexColour(hostile)).toBeUndefined();
    }
  });
});
