// The service's API with the signed-in key. Every failure becomes an Error whose message is the problem's
// detail (RFC 9457), so pages show what the service said.

const KEY = 'seqcast.key';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key) => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
};

export const ROLES = ['FORECASTER', 'TRAINER', 'ADMIN'];

export function allows(role, needed) {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export async function api(path, { method = 'GET', body, type = 'application/json' } = {}) {
  const headers = { Authorization: `Bearer ${session.key()}`, Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = type;
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body,
  });
  if (response.status === 204) return null;
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(json && (json.detail || json.title) ? `${json.title}: ${json.detail || ''}` : `HTTP ${response.status}`);
    error.status = response.status;
    error.problem = json;
    throw error;
  }
  return json;
}

/** Follows a training job's server-sent events (fetch, since EventSource cannot send the key). */
export async function follow(path, onJob, signal) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${session.key()}` }, signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5)).join('\n');
      if (data) onJob(JSON.parse(data));
    }
  }
}

/** Numbers from pasted text or a CSV's last column (a header row is skipped; empty cells are missing). */
export function parseValues(text) {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line);
  if (lines.length === 1) {
    return lines[0].split(/[\s,;]+/).filter((c) => c).map(Number);
  }
  const cells = lines.map((line) => line.split(',').map((c) => c.trim().replace(/^"|"$/g, '')));
  const rows = Number.isFinite(Number(cells[0][cells[0].length - 1])) ? cells : cells.slice(1);
  return rows.map((row) => (row[row.length - 1] === '' ? null : Number(row[row.length - 1])));
}

export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== false && value !== undefined && value !== null) node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

export function fixed(value, digits = 3) {
  return value === null || value === undefined ? '' : Number(value).toFixed(digits);
}
