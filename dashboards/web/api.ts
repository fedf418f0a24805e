/** An API answer other than 2xx, with the server's message. */
export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET a JSON answer. A 401 sends the browser to the login page. */
export async function getJson<T>(path: string): Promise<T> {
  return readAnswer<T>(
    await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } }),
  );
}

/** POST, PATCH or DELETE with a JSON body. */
export async function sendJson<T>(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return readAnswer<T>(response, path !== '/api/login');
}

async function readAnswer<T>(response: Response, redirectOn401 = true): Promise<T> {
  if (response.status === 401 && redirectOn401) {
    const next = location.pathname + location.search;
    location.assign(`/login?next=${encodeURIComponent(next)}`);
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok) {
    throw new ApiFailure(response.status, body.error ?? 'error', body.message ?? response.statusText);
  }
  return body as T;
}
