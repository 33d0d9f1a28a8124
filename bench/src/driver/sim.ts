/** Talking to a running conduktor-sim: its development IdP and its test-controls request log. */

export interface Traffic {
  requests: number;
  /** Response body bytes as the simulator counted them. */
  bodyBytes: number;
}

/** An admin token (`conduktor-admins` sees every cluster) from the simulator's own IdP. */
export async function adminToken(simUrl: string): Promise<string> {
  const response = await fetch(`${simUrl}/idp/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', groups: ['conduktor-admins'], expiresIn: 3600 }),
  });
  if (!response.ok) throw new Error(`${simUrl}/idp/token answered ${response.status}`);
  const { id_token: token } = (await response.json()) as { id_token: string };
  return token;
}

export async function clearLog(simUrl: string): Promise<void> {
  const response = await fetch(`${simUrl}/sim/requests`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`DELETE /sim/requests answered ${response.status}: start the simulator with --test-controls`);
}

/** API requests since the last clear (CORS preflights and the IdP excluded). */
export async function traffic(simUrl: string): Promise<Traffic> {
  const log = (await (await fetch(`${simUrl}/sim/requests`)).json()) as { method: string; path: string; status: number; responseBytes: number | null }[];
  const api = log.filter(r => r.method !== 'OPTIONS' && r.path.includes('/public/'));
  const failed = api.filter(r => r.status >= 400);
  if (failed.length > 0) throw new Error(`the simulator answered ${failed[0]!.status} to ${failed[0]!.method} ${failed[0]!.path}`);
  return { requests: api.length, bodyBytes: api.reduce((sum, r) => sum + (r.responseBytes ?? 0), 0) };
}
