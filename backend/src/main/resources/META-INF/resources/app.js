// OpsBridge web UI: plain JS, no build step. Everything it shows comes from pulling /api/v1/operations:
// the list every few seconds while something is active, the selected operation as its Retry-After says,
// metrics by cursor only when metrics_count says there are new ones. Hidden tabs stop pulling.
'use strict';

const API = 'api/v1';
const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const STATUS_SYMBOL = {pending: '…', running: '▶', completed: '✓', failed: '✗', cancelled: '■'};
const LIST_ACTIVE_MS = 2000;
const LIST_IDLE_MS = 5000;
const PAGE_SIZE = 50;
const MAX_COMPARE = 5;
const $ = (id) => document.getElementById(id);

const detail = {op: null, id: null, cursor: 0, version: -1, keys: null, timer: null, abort: null, chart: null, terminal: false};
let listTimer = null;
/** The list's page (offset into the matches), the trainings ticked for comparing, and the answer being awaited. */
const listing = {offset: 0, total: 0, picked: new Set(), request: 0};
/** The model version a #/models/{strategy}/{version} link asked to show, highlighted once the models arrive. */
let modelFocus = null;
/** Trainings the list last saw completed: a new one means the registry has a new model to show. */
let completedTrainings = null;

// ---------- HTTP ----------

/**
 * fetch + JSON; never throws for an HTTP error, only for a network failure. An action refused for its
 * credentials (401/403) asks for a bearer token (token.js) and is sent again with it.
 */
async function api(path, options = {}) {
  let answer = await send(path, options);
  while (needsToken(answer, options)
      && await BearerToken.ask(`${problemText(answer, 'This action')}. Enter a token with the role it needs.`)) {
    answer = await send(path, options);
  }
  return answer;
}

/** Actions (anything but a read) on 401 or 403; reads only on 401, when the server wants a token for them. */
function needsToken(answer, options) {
  const read = !options.method || options.method === 'GET';
  return answer.status === 401 || (answer.status === 403 && !read);
}

async function send(path, options) {
  const response = await fetch(path, {
    ...options,
    headers: {'Accept': 'application/json, application/problem+json', ...BearerToken.headers(),
      ...(options.headers || {})},
  });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
  const retry = Number.parseInt(response.headers.get('Retry-After') || '', 10);
  setConnection(null);
  return {ok: response.ok, status: response.status, body, retryAfterMs: Number.isFinite(retry) ? retry * 1000 : null};
}

/** A problem+json answer as one sentence. */
function problemText(answer, what) {
  const p = answer.body || {};
  let detailText = typeof p.detail === 'string' && !/^HTTP \d{3}/.test(p.detail) ? p.detail : '';
  if (answer.status === 404 && !detailText) {
    return `${what} is not available on this server (404 Not Found).`;
  }
  const title = p.title || `HTTP ${answer.status}`;
  return `${answer.status} ${title}${detailText ? ': ' + detailText : ''}`;
}

function setConnection(problem) {
  $('connection').textContent = problem ? `⚠ ${problem}` : '';
}

function networkFailed(e) {
  setConnection('Cannot reach the server; retrying…');
  console.warn(e);
}

// ---------- formatting ----------

const pct = (v) => `${Math.round((v || 0) * 10) / 10}%`;
/** Local date and time, e.g. "Dec 6, 2026, 09:30:12"; the short form (lists) drops the year and seconds. */
function time(iso, short = false) {
  if (!iso) return '-';
  const d = new Date(iso);
  return d.toLocaleString(undefined, short
    ? {month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit'}
    : {year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit'});
}

/** What people call a parameter or a result, instead of its API key; unknown keys lose their underscores. */
const LABELS = {
  strategy: 'Strategy', epochs: 'Epochs', batch_size: 'Batch size', learning_rate: 'Learning rate',
  validation_split: 'Validation split', seed: 'Seed', auto_activate: 'Activate when done', source: 'Source',
  start_date: 'From', end_date: 'To', symbols: 'Symbols', timeframe: 'Timeframe', mode: 'Runs on',
  model_version: 'Artifact', model_path: 'Artifact folder', registry_version: 'Model version',
  activated: 'Activated', activation_error: 'Activation error', epochs_completed: 'Epochs completed',
  final_train_loss: 'Final train loss', final_val_loss: 'Final val loss', final_train_accuracy: 'Final train accuracy',
  final_val_accuracy: 'Final val accuracy', samples_train: 'Training samples', samples_val: 'Validation samples',
};
function label(key) {
  const text = LABELS[key] || key.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where the work ran, in words. */
function modeText(mode) {
  return {local: 'this backend (local)', host: 'a worker host', kubernetes: 'a Kubernetes Job'}[mode] || mode || '-';
}

/** The model version a completed training registered, as {strategy, version}, or null. */
function modelOf(op) {
  const r = op.result_summary || {};
  return r.registry_version && r.strategy ? {strategy: r.strategy, version: r.registry_version} : null;
}

/** A link inside the page (a route of the hash). */
function routeLink(href, text, ariaLabel) {
  const a = Object.assign(document.createElement('a'), {href, textContent: text});
  if (ariaLabel) a.setAttribute('aria-label', ariaLabel);
  return a;
}

function duration(op) {
  const start = op.started_at || op.created_at;
  if (!start) return '-';
  const end = op.completed_at ? Date.parse(op.completed_at) : Date.now();
  const s = Math.max(0, (end - Date.parse(start)) / 1000);
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m ${String(Math.floor(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h ${m % 60}m`;
}

function num(v) {
  if (typeof v !== 'number') return v == null ? '-' : String(v);
  return Number.isInteger(v) ? String(v) : v.toFixed(4);
}

/** Status as symbol + word (never by colour alone). */
function statusBadge(status, el = document.createElement('span')) {
  el.className = `status status-${status}`;
  el.textContent = `${STATUS_SYMBOL[status] || ''} ${status}`;
  el.removeAttribute('title');
  return el;
}

// ---------- list ----------

/** The list's query: its page and the filters and search the form holds. */
function listQuery() {
  const query = new URLSearchParams({limit: String(PAGE_SIZE), offset: String(listing.offset)});
  if ($('f-status').value) query.set('status', $('f-status').value);
  if ($('f-type').value) query.set('operation_type', $('f-type').value);
  const text = $('f-text').value.trim();
  if (text) query.set($('f-field').value, text);
  return query;
}

async function refreshList() {
  clearTimeout(listTimer);
  let active = false;
  const request = ++listing.request;
  try {
    const answer = await api(`${API}/operations?${listQuery()}`);
    if (request !== listing.request) return; // a newer query (a filter changed) answers instead
    if (answer.ok) {
      renderList(answer.body);
      active = answer.body.active_count > 0;
    } else {
      $('page-info').textContent = problemText(answer, 'The list');
    }
  } catch (e) {
    networkFailed(e);
  }
  if (!document.hidden && request === listing.request) {
    listTimer = setTimeout(refreshList, active ? LIST_ACTIVE_MS : LIST_IDLE_MS);
  }
}

/** A filter or the search changed: back to the first page of the new matches. */
function filtersChanged() {
  listing.offset = 0;
  refreshList();
}

function renderList(list) {
  listing.total = list.total;
  $('list-counts').textContent = `(${list.total} ${filtered() ? 'found' : 'total'}, ${list.active_count} active)`;
  $('list-empty').hidden = list.operations.length > 0;
  $('list-empty').textContent = filtered() ? 'Nothing matches these filters.' : 'No operations yet: start one above.';
  renderStateCounts(list.counts);
  renderPager(list.operations.length);
  const tbody = $('operations').tBodies[0];
  const rows = new Map([...tbody.rows].map((r) => [r.dataset.id, r]));
  list.operations.forEach((op, index) => {
    let row = rows.get(op.operation_id);
    if (!row) {
      row = newListRow(op);
    }
    rows.delete(op.operation_id);
    if (tbody.rows[index] !== row) tbody.insertBefore(row, tbody.rows[index] || null);
    updateListRow(row, op);
  });
  rows.forEach((row) => row.remove());
  const completed = list.operations.filter((op) => op.operation_type === 'training' && op.status === 'completed')
    .map((op) => op.operation_id).join(',');
  if (completedTrainings !== null && completed !== completedTrainings) refreshModels();
  completedTrainings = completed;
}

function filtered() {
  return Boolean($('f-status').value || $('f-type').value || $('f-text').value.trim());
}

/** One button per status with its count among the matches; pressing one shows only that status. */
function renderStateCounts(counts) {
  const box = $('state-counts');
  const current = $('f-status').value;
  box.replaceChildren(...Object.keys(STATUS_SYMBOL).map((status) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `chip status-${status}`;
    button.dataset.status = status;
    button.textContent = `${STATUS_SYMBOL[status]} ${status} ${counts ? counts[status] : 0}`;
    button.setAttribute('aria-pressed', String(current === status));
    button.addEventListener('click', () => {
      $('f-status').value = current === status ? '' : status;
      filtersChanged();
    });
    return button;
  }));
}

function renderPager(shown) {
  const first = listing.total === 0 ? 0 : listing.offset + 1;
  $('page-info').textContent = `${first}–${listing.offset + shown} of ${listing.total}`;
  $('page-newer').disabled = listing.offset === 0;
  $('page-older').disabled = listing.offset + PAGE_SIZE >= listing.total;
}

function turnPage(delta) {
  listing.offset = Math.max(0, listing.offset + delta * PAGE_SIZE);
  refreshList();
}

/** Ticking trainings for a comparison: 2 to 5 of them, remembered across pages and filters. */
function pick(id, on) {
  if (on) listing.picked.add(id); else listing.picked.delete(id);
  const n = listing.picked.size;
  const button = $('compare-button');
  button.disabled = n < 2 || n > MAX_COMPARE;
  button.textContent = n < 2 ? 'Compare ticked trainings' : n > MAX_COMPARE ? `Tick at most ${MAX_COMPARE} to compare`
    : `Compare ${n} trainings`;
}

function newListRow(op) {
  const id = op.operation_id;
  const row = document.createElement('tr');
  row.dataset.id = id;
  row.innerHTML = '<td class="pick"></td><td><a class="link"></a></td><td class="optional"></td><td><span></span></td>'
    + '<td><progress max="100"></progress> <span></span></td><td class="optional"></td><td class="optional"></td>';
  if (op.operation_type === 'training') {
    const box = Object.assign(document.createElement('input'), {type: 'checkbox', checked: listing.picked.has(id)});
    box.setAttribute('aria-label', `Compare ${id}`);
    box.addEventListener('change', () => pick(id, box.checked));
    row.cells[0].append(box);
  }
  const link = row.querySelector('a');
  link.textContent = id;
  link.href = `#/operations/${encodeURIComponent(id)}`;
  link.setAttribute('aria-label', `Show details of ${id}`);
  row.querySelector('progress').setAttribute('aria-label', `Progress of ${id}`);
  return row;
}

function updateListRow(row, op) {
  const cells = row.cells;
  cells[2].textContent = op.operation_type === 'data_loading' ? 'data load' : op.operation_type;
  statusBadge(op.status, cells[3].firstElementChild);
  const problem = trouble(op);
  if (problem) {
    cells[3].firstElementChild.textContent += ' ⚠';
    cells[3].firstElementChild.title = problem;
  }
  cells[4].querySelector('progress').value = op.progress.percentage;
  cells[4].querySelector('span').textContent = pct(op.progress.percentage);
  cells[5].textContent = time(op.created_at, true);
  cells[6].textContent = duration(op);
  const selected = op.operation_id === detail.id;
  row.classList.toggle('selected', selected);
  if (selected) row.setAttribute('aria-current', 'true'); else row.removeAttribute('aria-current');
}

// ---------- detail ----------

/** Shows one operation (the route #/operations/{id}); {@code reveal} scrolls it into view unless it sits beside the list. */
function select(id, reveal = false) {
  $('compare').hidden = true;
  $('detail').hidden = false;
  if (reveal && getComputedStyle($('detail')).position !== 'sticky') {
    requestAnimationFrame(() => $('detail').scrollIntoView({block: 'start'}));
  }
  if (detail.id === id) return;
  stopDetail();
  Object.assign(detail, {id, cursor: 0, version: -1, keys: null, terminal: false});
  $('detail-id').textContent = id;
  clearDetail();
  $('metrics-table').tHead.rows[0].replaceChildren();
  $('metrics-table').tBodies[0].replaceChildren();
  $('metrics-empty').hidden = false;
  resetChart();
  document.querySelectorAll('#operations tbody tr').forEach((r) => {
    r.classList.toggle('selected', r.dataset.id === id);
  });
  refreshDetail();
}

/** Forgets what the previous operation showed, so nothing of it stays next to the new one. */
function clearDetail() {
  const status = $('detail-status');
  status.className = 'status';
  status.textContent = '… loading';
  $('detail-type').textContent = '';
  const progress = $('detail-progress');
  progress.value = 0;
  progress.removeAttribute('aria-valuetext');
  $('detail-percent').textContent = '0%';
  ['detail-step', 'detail-message', 'detail-created', 'detail-started', 'detail-finished', 'detail-duration',
    'detail-symbols', 'detail-mode', 'detail-model']
    .forEach((k) => { $(k).textContent = '-'; });
  $('detail-error').hidden = true;
  $('detail-error').textContent = '';
  $('detail-warnings').hidden = true;
  $('detail-warnings-list').replaceChildren();
  $('detail-host').hidden = true;
  detail.op = null;
  $('detail-result').hidden = true;
  $('detail-result-list').replaceChildren();
  $('detail-parameters').hidden = true;
  $('detail-parameters-list').replaceChildren();
  const cancel = $('cancel-button');
  cancel.disabled = true;
  cancel.textContent = 'Cancel operation';
}

function stopDetail() {
  clearTimeout(detail.timer);
  if (detail.abort) detail.abort.abort();
}

async function refreshDetail() {
  clearTimeout(detail.timer);
  const id = detail.id;
  if (!id) return;
  let waitMs = 1000;
  detail.abort = new AbortController();
  try {
    // wait + since_version: a long-poll where the server offers it; otherwise ignored and answered at once
    // a host's silence moves no version: host operations are re-read every few seconds to show it
    const wait = detail.op && detail.op.metadata && detail.op.metadata.mode === 'host' ? '3s' : '30s';
    const query = detail.version >= 0 ? `?wait=${wait}&since_version=${detail.version}` : '';
    const answer = await api(`${API}/operations/${encodeURIComponent(id)}${query}`, {signal: detail.abort.signal});
    if (id !== detail.id) return;
    if (!answer.ok) {
      clearDetail();
      const status = $('detail-status');
      status.className = 'status status-failed';
      status.textContent = answer.status === 404 ? '✗ not found' : answer.status === 410 ? '✗ gone' : `✗ HTTP ${answer.status}`;
      $('cancel-button').hidden = true;
      showDetailError(problemText(answer, 'This operation'));
      return;
    }
    const op = answer.body;
    await pullMetrics(id, op.metrics_count);
    if (id !== detail.id) return;
    renderDetail(op);
    if (TERMINAL.has(op.status)) return;
    detail.version = op.version;
    waitMs = Math.min(Math.max(answer.retryAfterMs || 1000, 250), 10000);
  } catch (e) {
    if (e.name === 'AbortError') return;
    networkFailed(e);
    waitMs = 3000;
  }
  if (!document.hidden && id === detail.id) detail.timer = setTimeout(refreshDetail, waitMs);
}

/** Reads metrics after the cursor until it reaches what the operation reported; each arrives once. */
async function pullMetrics(id, known) {
  while (detail.cursor < known && id === detail.id) {
    const answer = await api(`${API}/operations/${encodeURIComponent(id)}/metrics?cursor=${detail.cursor}`);
    if (!answer.ok || id !== detail.id) return;
    answer.body.metrics.forEach(addMetric);
    if (answer.body.new_cursor <= detail.cursor) return;
    detail.cursor = answer.body.new_cursor;
  }
  updateChart();
}

/** What a running operation's context says is wrong with it (its host is down, it stalled); '' if nothing. */
function trouble(op) {
  const context = (op.progress && op.progress.context) || {};
  if (TERMINAL.has(op.status)) return '';
  const parts = [];
  if (context.host_reachable === false) {
    parts.push(`host unreachable${context.unreachable_since ? ' since ' + time(context.unreachable_since) : ''}`
      + (context.last_host_error ? `: ${context.last_host_error}` : ''));
  }
  if (context.stalled === true) parts.push('stalled: no progress lately');
  return parts.join(' · ');
}

function renderDetail(op) {
  detail.op = op;
  detail.terminal = TERMINAL.has(op.status);
  const problem = trouble(op);
  $('detail-host').hidden = !problem;
  $('detail-host').textContent = problem ? `⚠ ${problem}` : '';
  statusBadge(op.status, $('detail-status'));
  $('detail-type').textContent = op.operation_type;
  const progress = $('detail-progress');
  progress.value = op.progress.percentage;
  progress.setAttribute('aria-valuetext', `${pct(op.progress.percentage)}, ${op.status}`);
  $('detail-percent').textContent = pct(op.progress.percentage);
  $('detail-step').textContent = op.progress.current_step || '-';
  $('detail-message').textContent = op.progress.message || '-';
  $('detail-created').textContent = time(op.created_at);
  $('detail-started').textContent = time(op.started_at);
  $('detail-finished').textContent = time(op.completed_at);
  $('detail-duration').textContent = duration(op);
  const meta = op.metadata || {};
  $('detail-symbols').textContent = (meta.symbols || []).join(', ') + (meta.timeframe ? ` · ${meta.timeframe}` : '');
  $('detail-mode').textContent = modeText(meta.mode);
  renderParameters(op);
  renderAttempts(op);
  renderModelLink(op);
  if (op.status === 'cancelled') $('detail-message').textContent = 'Cancelled by request';
  else if (op.status === 'failed') $('detail-message').textContent = 'Failed (the reason is shown above)';
  const cancel = $('cancel-button');
  cancel.hidden = false;
  cancel.disabled = detail.terminal;
  cancel.textContent = detail.terminal ? `Operation ${op.status}` : 'Cancel operation';
  const error = $('detail-error');
  error.hidden = !op.error_message;
  error.textContent = op.error_message ? `Error: ${op.error_message}` : '';
  const summary = op.result_summary;
  const warnings = summary && Array.isArray(summary.warnings) ? summary.warnings : [];
  $('detail-warnings').hidden = warnings.length === 0;
  $('detail-warnings-list').replaceChildren(...warnings.map((w) => Object.assign(document.createElement('li'),
    {textContent: String(w)})));
  if (warnings.length > 0 && op.status === 'completed') {
    const status = $('detail-status');
    status.className = 'status status-warn';
    status.textContent = '⚠ completed with warnings';
  }
  const result = $('detail-result');
  result.hidden = !summary;
  if (summary) {
    const items = Object.entries(summary).filter(([k, v]) => k !== 'warnings' && v != null)
      .flatMap(([k, v]) => facts(label(k), resultValue(v)));
    $('detail-result-list').replaceChildren(...items);
  }
}

/** The attempts of an operation that was resumed: when, where, from which epoch, why the one before ended. */
function renderAttempts(op) {
  const attempts = (op.attempts && op.attempts.items) || [];
  $('detail-attempts').hidden = attempts.length < 2;
  $('detail-attempts-list').replaceChildren(...attempts.map((a) => Object.assign(document.createElement('li'), {
    textContent: `attempt ${a.attempt}: ${time(a.started_at)} on ${a.place} ${a.runs_on || ''}`
      + (a.attempt > 1 ? `, from epoch ${a.from_epoch}, after: ${a.previous_ended}` : ''),
  })));
}

/** A dt/dd pair; the value a text or an element. */
function facts(term, value) {
  const dd = document.createElement('dd');
  if (value instanceof Node) dd.append(value); else dd.textContent = value;
  return [Object.assign(document.createElement('dt'), {textContent: term}), dd];
}

/** What the operation was started with beside its symbols and place (shown above): the request's parameters by name. */
function renderParameters(op) {
  const params = {...((op.metadata || {}).parameters || {})};
  if (op.operation_type === 'training' && !('seed' in params)) params.seed = null;
  const items = Object.entries(params).flatMap(([k, v]) => facts(label(k),
    k === 'seed' && v === null ? 'none (not reproducible)' : resultValue(v)));
  $('detail-parameters-list').replaceChildren(...items);
  $('detail-parameters').hidden = items.length === 0;
}

/** The model version the training registered, linked to its row in the models view. */
function renderModelLink(op) {
  const model = modelOf(op);
  const cell = $('detail-model');
  if (!model) {
    cell.textContent = op.operation_type !== 'training' ? '-' : op.status === 'completed' ? 'none registered' : 'none yet';
    return;
  }
  const active = op.result_summary.activated === true ? ' (activated when trained)' : '';
  cell.replaceChildren(routeLink(`#/models/${encodeURIComponent(model.strategy)}/${encodeURIComponent(model.version)}`,
    `${model.strategy} ${model.version}`, `Model version ${model.strategy} ${model.version}`), active);
}

/** A result value as text; nested lists (e.g. a data load's per-symbol outcomes) one line per entry. */
function resultValue(v) {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map(resultValue).join('\n') || '-';
  if (v && typeof v === 'object') {
    return Object.entries(v).filter(([, x]) => x != null && typeof x !== 'object')
      .map(([k, x]) => `${k}=${num(x)}`).join(' · ');
  }
  return num(v);
}

function showDetailError(text) {
  const error = $('detail-error');
  error.hidden = false;
  error.textContent = text;
}

function addMetric(metric) {
  const table = $('metrics-table');
  if (!detail.keys) detail.keys = [];
  // columns are the union of every metric's keys: a later metric may carry fields the first one lacked
  Object.keys(metric).filter((k) => k !== 'timestamp' && !detail.keys.includes(k)).forEach((k) => {
    detail.keys.push(k);
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = k.replaceAll('_', ' ');
    table.tHead.rows[0].append(th);
    [...table.tBodies[0].rows].forEach((r) => { r.insertCell().textContent = '-'; });
  });
  const row = table.tBodies[0].insertRow();
  detail.keys.forEach((k) => { row.insertCell().textContent = resultValue(metric[k]); });
  $('metrics-empty').hidden = true;
  if (typeof metric.epoch === 'number' && 'train_loss' in metric) {
    const data = chart().data;
    data.labels.push(metric.epoch);
    data.datasets[0].data.push(metric.train_loss);
    data.datasets[1].data.push(metric.val_loss);
    data.datasets[2].data.push(metric.train_accuracy);
    data.datasets[3].data.push(metric.val_accuracy);
  }
}

// ---------- chart ----------

function chart() {
  if (detail.chart || !window.Chart) return detail.chart || {data: {labels: [], datasets: [[], [], [], []].map((d) => ({data: d}))}};
  const line = (label, color, axis, dashed, point) => ({label, data: [], borderColor: color, backgroundColor: color,
    yAxisID: axis, borderDash: dashed ? [6, 4] : [], pointStyle: point, pointRadius: 4, tension: 0.2});
  detail.chart = new window.Chart($('metrics-chart'), {
    type: 'line',
    data: {labels: [], datasets: [
      line('train loss', '#0b5cad', 'loss', false, 'circle'),
      line('val loss', '#0b5cad', 'loss', true, 'triangle'),
      line('train accuracy', '#b45309', 'acc', false, 'rect'),
      line('val accuracy', '#b45309', 'acc', true, 'rectRot'),
    ]},
    options: {
      animation: false, maintainAspectRatio: false, interaction: {mode: 'index', intersect: false},
      plugins: {legend: {labels: {usePointStyle: true}}},
      scales: {
        x: {title: {display: true, text: 'epoch'}},
        loss: {position: 'left', title: {display: true, text: 'loss'}},
        acc: {position: 'right', title: {display: true, text: 'accuracy'}, grid: {drawOnChartArea: false}},
      },
    },
  });
  return detail.chart;
}

function updateChart() {
  const c = chart();
  $('chart-figure').dataset.points = String(c.data.labels.length);
  $('chart-figure').hidden = c.data.labels.length === 0;
  if (c.update) c.update();
}

function resetChart() {
  if (detail.chart) {
    detail.chart.destroy();
    detail.chart = null;
  }
  $('chart-figure').dataset.points = '0';
  $('chart-figure').hidden = true;
}

// ---------- actions ----------

async function cancelSelected() {
  const id = detail.id;
  if (!id || !window.confirm(`Cancel ${id}? Its work so far is discarded.`)) return;
  const button = $('cancel-button');
  button.disabled = true;
  try {
    const answer = await api(`${API}/operations/${encodeURIComponent(id)}/cancel`, {method: 'POST'});
    if (!answer.ok) {
      showDetailError(problemText(answer, 'Cancelling'));
      button.disabled = false;
      return;
    }
    if (id === detail.id) renderDetail(answer.body);
    refreshList();
  } catch (e) {
    networkFailed(e);
    button.disabled = false;
  }
}

function formBody(form) {
  const body = {};
  new FormData(form).forEach((value, key) => {
    const text = String(value).trim();
    if (text === '') return;
    if (key === 'symbols') body.symbols = text.split(',').map((s) => s.trim()).filter(Boolean);
    else if (form.elements[key].type === 'number') body[key] = Number(text);
    else body[key] = text;
  });
  return body;
}

async function submitStart(event, path, resultEl, what) {
  event.preventDefault();
  const form = event.target;
  const button = form.querySelector('button[type=submit]');
  const result = $(resultEl);
  button.disabled = true;
  document.querySelectorAll('.forms .form-result').forEach((p) => { p.textContent = ''; });
  result.classList.remove('error');
  result.textContent = `Starting ${what.toLowerCase()}…`;
  try {
    const answer = await api(path, {method: 'POST', body: JSON.stringify(formBody(form)),
      headers: {'Content-Type': 'application/json'}});
    if (answer.ok) {
      result.textContent = `Started ${answer.body.operation_id}`;
      listing.offset = 0;
      location.hash = `#/operations/${encodeURIComponent(answer.body.operation_id)}`;
      refreshList();
    } else {
      result.classList.add('error');
      result.textContent = problemText(answer, what);
    }
  } catch (e) {
    result.classList.add('error');
    result.textContent = 'Cannot reach the server.';
    networkFailed(e);
  } finally {
    button.disabled = false;
  }
}

// ---------- data sources ----------

/** Fills the data form's source choice with what the server offers, its default selected. */
async function loadSources() {
  try {
    const answer = await api(`${API}/data/sources`);
    if (!answer.ok) return;
    const select = $('d-source');
    select.replaceChildren(...answer.body.sources.map((src) => {
      const files = Array.isArray(src.files) ? ` (${src.files.length} files)` : ' (synthetic)';
      return Object.assign(document.createElement('option'), {value: src.name, textContent: src.name + files,
        selected: src.name === answer.body.default});
    }));
    const csv = answer.body.sources.find((src) => src.name === 'csv');
    $('d-source-hint').textContent = csv ? (csv.files.length
      ? `csv has: ${csv.files.slice(0, 8).join(', ')}${csv.files.length > 8 ? ', …' : ''}`
      : `csv: no files yet in ${csv.directory} ({SYMBOL}_{timeframe}.csv)`) : '';
  } catch (e) {
    networkFailed(e);
  }
}

// ---------- models ----------

async function refreshModels() {
  try {
    const answer = await api(`${API}/models`);
    if (answer.ok) renderModels(answer.body.models);
  } catch (e) {
    networkFailed(e);
  }
}

function renderModels(models) {
  $('models-empty').hidden = models.length > 0;
  $('models-counts').textContent = `(${models.length} versions, ${models.filter((m) => m.status === 'active').length} active)`;
  // newest first, grouped by strategy
  const sorted = [...models].sort((a, b) => a.strategy_name.localeCompare(b.strategy_name) || b.id - a.id);
  $('models-table').tBodies[0].replaceChildren(...sorted.map((m) => {
    const row = document.createElement('tr');
    row.dataset.model = `${m.strategy_name}/${m.version}`;
    const metrics = m.performance_metrics || {};
    row.innerHTML = '<td></td><td></td><td><span class="status"></span></td><td class="optional"></td>'
      + '<td class="optional"></td><td></td><td><button type="button"></button></td>';
    row.cells[0].textContent = m.strategy_name;
    row.cells[1].textContent = m.version;
    const badge = row.cells[2].firstElementChild;
    badge.className = `status status-${m.status === 'active' ? 'completed' : m.status === 'failed' ? 'failed' : 'pending'}`;
    badge.textContent = `${m.status === 'active' ? '✓' : m.status === 'failed' ? '✗' : '○'} ${m.status}`;
    if (m.status_message) badge.title = m.status_message;
    row.cells[3].textContent = num(metrics.val_accuracy);
    row.cells[4].textContent = time(m.created_at, true);
    if (m.operation_id) {
      row.cells[5].append(routeLink(`#/operations/${encodeURIComponent(m.operation_id)}`, 'run',
        `The run that trained ${m.strategy_name} ${m.version}`));
    }
    const focused = modelFocus === row.dataset.model;
    row.classList.toggle('selected', focused);
    if (focused) row.setAttribute('aria-current', 'true');
    const button = row.cells[6].firstElementChild;
    button.textContent = m.status === 'active' ? 'Serving' : 'Activate';
    button.disabled = m.status === 'active';
    button.setAttribute('aria-label', `Activate ${m.strategy_name} ${m.version}`);
    button.addEventListener('click', () => activateModel(m.strategy_name, m.version));
    return row;
  }));
}

/** The route #/models/{strategy}/{version}: that version's row, highlighted, in view. */
function showModel(strategy, version) {
  modelFocus = `${strategy}/${version}`;
  document.querySelectorAll('#models-table tbody tr').forEach((r) => {
    r.classList.toggle('selected', r.dataset.model === modelFocus);
    if (r.dataset.model === modelFocus) r.setAttribute('aria-current', 'true'); else r.removeAttribute('aria-current');
  });
  requestAnimationFrame(() => $('models').scrollIntoView({block: 'start'}));
  refreshModels();
}

async function activateModel(strategy, version) {
  if (!window.confirm(`Activate ${strategy} ${version}? Signals for ${strategy} are then served by it.`)) return;
  const result = $('models-result');
  result.classList.remove('error');
  result.textContent = `Activating ${strategy} ${version}…`;
  try {
    const path = `${API}/models/${encodeURIComponent(strategy)}/${encodeURIComponent(version)}/activate`;
    const answer = await api(path, {method: 'POST'});
    if (answer.ok) {
      result.textContent = `Activated ${strategy} ${version}: it serves signals now`;
    } else {
      result.classList.add('error');
      result.textContent = problemText(answer, 'Activation');
    }
  } catch (e) {
    result.classList.add('error');
    result.textContent = 'Cannot reach the server.';
    networkFailed(e);
  }
  refreshModels();
}

// ---------- start ----------

/**
 * The page's routes, kept in the URL's hash so a view can be shared, reloaded and left with the back button:
 * #/operations/{id} (one run), #/compare/{id},{id}… (2–5 trainings), #/models/{strategy}/{version}.
 */
function route() {
  const hash = location.hash;
  let match;
  if ((match = /^#\/operations\/(.+)$/.exec(hash))) {
    select(decodeURIComponent(match[1]), true);
  } else if ((match = /^#\/compare\/(.+)$/.exec(hash))) {
    stopDetail();
    detail.id = null;
    $('detail').hidden = true;
    Compare.show(match[1].split(',').map(decodeURIComponent).filter(Boolean));
  } else if ((match = /^#\/models\/([^/]+)\/([^/]+)$/.exec(hash))) {
    showModel(decodeURIComponent(match[1]), decodeURIComponent(match[2]));
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('training-form').addEventListener('submit', (e) => submitStart(e, `${API}/trainings`, 'training-result', 'Training'));
  $('data-form').addEventListener('submit', (e) => submitStart(e, `${API}/data/loads`, 'data-result', 'Data loading'));
  $('cancel-button').addEventListener('click', cancelSelected);
  // a message belongs to the last submit: editing the form again clears it
  ['training-form', 'data-form'].forEach((f) => $(f).addEventListener('input', (e) => {
    e.currentTarget.querySelector('.form-result').textContent = '';
  }));
  window.addEventListener('hashchange', route);
  ['f-status', 'f-type', 'f-field'].forEach((f) => $(f).addEventListener('change', filtersChanged));
  let typing = null;
  $('f-text').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(filtersChanged, 250);
  });
  $('list-filters').addEventListener('submit', (e) => {
    e.preventDefault();
    filtersChanged();
  });
  $('page-newer').addEventListener('click', () => turnPage(-1));
  $('page-older').addEventListener('click', () => turnPage(1));
  $('compare-button').addEventListener('click', () => {
    location.hash = `#/compare/${[...listing.picked].map(encodeURIComponent).join(',')}`;
  });
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) return;
    refreshList();
    if (detail.id && !detail.terminal) refreshDetail();
  });
  resetChart();
  // the elapsed time keeps running between answers, even when a dead host sends none
  setInterval(() => {
    if (detail.op && !TERMINAL.has(detail.op.status)) $('detail-duration').textContent = duration(detail.op);
  }, 1000);
  route();
  refreshList();
  loadSources();
  refreshModels();
});
