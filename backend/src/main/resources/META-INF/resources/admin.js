// OpsBridge admin page (admin.html): what `opsbridge admin …` does, in the browser, for a caller
// with the admin role: runtime settings (values, dry-run diff, reload, history), API tokens (create
// with the secret shown once and a copy button, revoke), the audit (filters), replicas and worker
// hosts. Read-only views load at once; the bearer token is asked for (token.js) on the first 401/403.
'use strict';

const $ = (id) => document.getElementById(id);

/** fetch + JSON; a 401/403 asks for a token (token.js) and sends the call again with it. */
async function call(path, options = {}) {
  let answer = await send(path, options);
  while ((answer.status === 401 || answer.status === 403)
      && await BearerToken.ask(`${problemText(answer)}. Enter a token with the admin role.`)) {
    answer = await send(path, options);
  }
  return answer;
}

async function send(path, options) {
  try {
    const response = await fetch(path, {...options, headers: {'Accept': 'application/json, application/problem+json',
      ...BearerToken.headers(), ...(options.headers || {})}});
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
    $('connection').textContent = '';
    return {ok: response.ok, status: response.status, body};
  } catch (e) {
    $('connection').textContent = '⚠ Cannot reach the server';
    return {ok: false, status: 0, body: null};
  }
}

function problemText(answer) {
  const p = answer.body || {};
  if (answer.status === 0) return 'Cannot reach the server';
  return `${answer.status} ${p.title || 'HTTP ' + answer.status}${typeof p.detail === 'string' ? ': ' + p.detail : ''}`;
}

/** Replaces a table's body with one row per item, each cell text (or a node) from {@code cells(item)}. */
function fill(tableId, items, cells) {
  const body = $(tableId).querySelector('tbody');
  body.replaceChildren(...items.map((item) => {
    const row = document.createElement('tr');
    for (const cell of cells(item)) {
      const td = document.createElement('td');
      if (cell instanceof Node) td.append(cell); else td.textContent = cell ?? '-';
      row.append(td);
    }
    return row;
  }));
  return body;
}

const when = (iso) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-');

// ---------- settings ----------

async function loadSettings() {
  const answer = await call('/api/v1/admin/settings');
  if (!answer.ok) { $('settings-summary').textContent = problemText(answer); return; }
  const s = answer.body;
  $('settings-summary').textContent = `Version ${s.version}, applied ${when(s.applied_at)} by ${s.trigger};`
    + ` file ${s.file}${s.sha256 ? ' (sha256 ' + s.sha256.slice(0, 12) + ')' : ' (not read: startup configuration)'}`;
  $('settings-sighup').textContent = s.sighup ? s.sighup.detail : '';
  fill('settings-values', Object.entries(s.values || {}), ([key, value]) => [key, value]);
  await loadHistory();
}

async function loadHistory() {
  const answer = await call('/api/v1/admin/settings/history?limit=20');
  if (!answer.ok) return;
  fill('settings-history', answer.body.events || [], (e) => [when(e.at), e.outcome + (e.dry_run ? ' (dry run)' : ''),
    e.trigger, `${e.from_version} → ${e.to_version}`, describeChanges(e)]);
}

function describeChanges(e) {
  const parts = (e.diff || []).map((c) => `${c.key}: ${c.from ?? '(unset)'} → ${c.to ?? '(unset)'}`);
  return parts.concat(e.errors || []).join('; ') || '-';
}

async function reloadSettings(dryRun) {
  const result = $('settings-result');
  result.textContent = dryRun ? 'Checking the file…' : 'Reloading…';
  const answer = await call(`/api/v1/admin/settings/reload${dryRun ? '?dry_run=true' : ''}`, {method: 'POST'});
  if (!answer.ok) { result.textContent = problemText(answer); result.className = 'error'; return; }
  const e = answer.body;
  result.className = e.outcome === 'rejected' ? 'error' : '';
  const head = document.createElement('p');
  head.id = 'settings-outcome';
  head.textContent = e.outcome === 'rejected' ? `Rejected: the settings in force stay (version ${e.from_version}).`
    : e.outcome === 'unchanged' ? 'Unchanged: the file is the one in force.'
    : dryRun ? `Dry run: a reload would make version ${e.to_version} with these changes (nothing applied).`
    : `Applied: version ${e.to_version}.`;
  const list = document.createElement('ul');
  list.id = 'settings-diff';
  for (const c of e.diff || []) {
    const item = document.createElement('li');
    const from = document.createElement('span'); from.className = 'diff-from'; from.textContent = c.from ?? '(unset)';
    const to = document.createElement('span'); to.className = 'diff-to'; to.textContent = c.to ?? '(unset)';
    item.append(`${c.key}: `, from, ' → ', to);
    list.append(item);
  }
  for (const error of e.errors || []) {
    const item = document.createElement('li'); item.className = 'error'; item.textContent = error; list.append(item);
  }
  result.replaceChildren(head, list);
  if (!dryRun) await loadSettings();
}

// ---------- tokens ----------

async function loadTokens() {
  const answer = await call('/api/v1/admin/tokens');
  if (!answer.ok) { $('tokens-result').textContent = problemText(answer); return; }
  const body = fill('tokens-table', answer.body.tokens || [], (t) => {
    const revoke = document.createElement('button');
    revoke.type = 'button';
    revoke.className = 'danger';
    revoke.textContent = 'Revoke';
    revoke.disabled = Boolean(t.revoked_at);
    revoke.setAttribute('aria-label', `Revoke token ${t.name}`);
    revoke.addEventListener('click', () => revokeToken(t));
    return [t.id, t.name, t.role, when(t.created_at), t.revoked_at ? `revoked ${when(t.revoked_at)}` : 'active', revoke];
  });
  [...body.rows].forEach((row, i) => { row.dataset.token = answer.body.tokens[i].id; });
}

async function createToken(event) {
  event.preventDefault();
  const answer = await call('/api/v1/admin/tokens', {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({name: $('token-name').value.trim(), role: $('token-role').value})});
  if (!answer.ok) { $('tokens-result').textContent = problemText(answer); $('tokens-result').className = 'form-result error'; return; }
  $('tokens-result').className = 'form-result';
  $('tokens-result').textContent = `Created token ${answer.body.token.id} (${answer.body.token.role}).`;
  $('token-secret').textContent = answer.body.secret;
  $('token-copied').textContent = '';
  $('token-created').hidden = false;
  await loadTokens();
}

async function copySecret() {
  const secret = $('token-secret').textContent;
  try {
    await navigator.clipboard.writeText(secret);
    $('token-copied').textContent = 'Copied.';
  } catch (e) {
    const range = document.createRange();
    range.selectNodeContents($('token-secret'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    $('token-copied').textContent = 'Selected: press Ctrl+C to copy.';
  }
}

async function revokeToken(token) {
  if (!confirm(`Revoke token ${token.name} (${token.id})? Calls with it are refused from now on.`)) return;
  const answer = await call(`/api/v1/admin/tokens/${encodeURIComponent(token.id)}`, {method: 'DELETE'});
  $('tokens-result').textContent = answer.ok ? `Revoked token ${token.id}.` : problemText(answer);
  await loadTokens();
}

// ---------- audit ----------

async function loadAudit(event) {
  if (event) event.preventDefault();
  const query = new URLSearchParams({limit: '100'});
  if ($('audit-actor').value.trim()) query.set('actor', $('audit-actor').value.trim());
  if ($('audit-action').value.trim()) query.set('action', $('audit-action').value.trim());
  if ($('audit-since').value) query.set('since', new Date($('audit-since').value + 'Z').toISOString());
  const answer = await call(`/api/v1/admin/audit?${query}`);
  if (!answer.ok) { $('audit-result').textContent = problemText(answer); $('audit-result').className = 'form-result error'; return; }
  const entries = answer.body.entries || [];
  $('audit-result').className = 'form-result';
  $('audit-result').textContent = `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, newest first`;
  fill('audit-table', entries, (e) => [when(e.at), e.actor, e.role, e.action, e.target, `${e.outcome} ${e.status}`]);
}

// ---------- replicas and hosts ----------

const pairs = (object) => Object.entries(object || {}).map(([k, v]) => `${k}=${v}`).join(', ') || '-';

async function loadReplicas() {
  const answer = await call('/api/v1/admin/replicas');
  if (!answer.ok) { $('replicas-summary').textContent = problemText(answer); return; }
  const view = answer.body;
  $('replicas-summary').textContent = `${view.total} replica(s), ${view.live} live, ${view.lagging} lagging; broadcast `
    + `${view.broadcast ? view.broadcast.mode : '-'}; registry active: ${pairs(view.registry_active)}`;
  fill('replicas-table', view.replicas || [], (r) => [r.node_id, r.advertised_url, r.liveness,
    `${r.operations_owned}`, pairs((r.state || {}).models), r.state ? `${r.state.settings_version}` : '-',
    r.state ? r.state.subscriber_state : '-',
    (r.lag_reasons || []).length ? `lagging: ${r.lag_reasons.join('; ')}` : 'ok']);
}

async function loadHosts() {
  const answer = await call('/api/v1/admin/hosts');
  if (!answer.ok) { $('hosts-summary').textContent = problemText(answer); return; }
  const hosts = answer.body.hosts || [];
  $('hosts-summary').textContent = hosts.length
    ? `${answer.body.reachable} of ${hosts.length} reachable (probed ${when(answer.body.checked_at)})`
    : 'No worker hosts configured: every job runs in this backend.';
  fill('hosts-table', hosts, (h) => [h.url, h.kind, h.reachable ? 'yes' : `no: ${h.error}`,
    h.capacity && h.capacity.threads !== undefined
      ? `${h.capacity.running}/${h.capacity.threads} busy, ${h.capacity.queued}/${h.capacity.queue_capacity} queued` : '-',
    h.last_error ? `${h.last_error} (${when(h.last_error_at)})` : '-']);
}

document.addEventListener('DOMContentLoaded', async () => {
  $('settings-dry-run').addEventListener('click', () => reloadSettings(true));
  $('settings-reload').addEventListener('click', () => reloadSettings(false));
  $('token-form').addEventListener('submit', createToken);
  $('token-copy').addEventListener('click', copySecret);
  $('audit-form').addEventListener('submit', loadAudit);
  await loadSettings(); // asks for the token first, if the server wants one
  await Promise.all([loadTokens(), loadAudit(), loadReplicas(), loadHosts()]);
});
