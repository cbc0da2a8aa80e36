// Talks to the node's API. Errors come back as RFC 9457 problems and are
// raised as ApiError so screens can show the detail and the offending fields.
import { session } from './session.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = session.value?.csrfToken;
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError({ type: 'network', title: 'Network error', status: 0 });
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    if (res.status === 401 && session.value) session.value = null;
    throw new ApiError(typeof data === 'object' && data ? (data as Problem) : { type: 'http', title: res.statusText, status: res.status, detail: String(data) });
  }
  return data as T;
}

/** Uploads a file as raw bytes (POST /api/v1/attachments); returns the stored attachment. */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' };
  const csrf = session.value?.csrfToken;
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ type: 'network', title: 'Network error', status: 0 });
  }
  const data = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new ApiError(typeof data === 'object' && data ? (data as Problem) : { type: 'http', title: res.statusText, status: res.status, detail: String(data) });
  return data as T;
}
