// Headless Debian Chromium through playwright-core (no browser download).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'conduktor-e2e-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 1000 },
  });
}

/** Records what a page does that a test may want to check for leaks. */
export function recordTraffic(page) {
  const traffic = { requests: [], console: [] };
  page.on('request', request => {
    traffic.requests.push({ url: request.url(), headers: request.headers() });
  });
  page.on('console', message => traffic.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', error => traffic.console.push(`pageerror: ${error.message}`));
  return traffic;
}

/** Signs in as guest (the harness app's sign-in page) when it is shown. */
export async function signInAsGuest(page) {
  const enter = page.getByRole('button', { name: /enter/i });
  await enter.waitFor({ timeout: 60_000 });
  await enter.click();
}
