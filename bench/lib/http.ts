// JSON calls to the console API for the benchmark scripts' seeding (CSRF header set).

export const CONSOLE_HEADERS = { 'content-type': 'application/json', 'x-meshconsole-csrf': '1' };

/** One console API call; a non-2xx answer throws with its status and the start of its body. */
export async function callJson(url: string, method: string, body?: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method,
    headers: CONSOLE_HEADERS,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} -> ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}
