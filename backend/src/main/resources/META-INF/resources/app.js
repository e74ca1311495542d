// OpsBridge web UI: plain JS, no build step. Everything it shows comes from pulling /api/v1/operations:
// the list every few seconds while something is active, the selected operation as its Retry-After says,
// metrics by cursor only when metrics_count says there are new ones. Hidden tabs stop pulling.
'use strict';

const API = 'api/v1';
const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const STATUS_SYMBOL = {pending: '…', running: '▶', completed: '✓', failed: '✗', cancelled: '■'};
const LIST_ACTIVE_MS = 2000;
const LIST_IDLE_MS = 5000;
const $ = (id) => document.getElementById(id);

const detail = {id: null, cursor: 0, version: -1, keys: null, timer: null, abort: null, chart: null, terminal: false};
let listTimer = null;

// ---------- HTTP ----------

/** fetch + JSON; never throws for an HTTP error, only for a network failure. */
async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: {'Accept': 'application/json, application/problem+json', ...(options.headers || {})},
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
/** Local time; the date too unless it is today. */
function time(iso) {
  if (!iso) return '-';
  const d = new Date(iso);
  return d.toDateString() === new Date().toDateString() ? d.toLocaleTimeString() : d.toLocaleString();
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
  return el;
}

// ---------- list ----------

async function refreshList() {
  clearTimeout(listTimer);
  let active = false;
  try {
    const answer = await api(`${API}/operations?limit=50`);
    if (answer.ok) {
      renderList(answer.body);
      active = answer.body.active_count > 0;
    }
  } catch (e) {
    networkFailed(e);
  }
  if (!document.hidden) {
    listTimer = setTimeout(refreshList, active ? LIST_ACTIVE_MS : LIST_IDLE_MS);
  }
}

function renderList(list) {
  $('list-counts').textContent = `(${list.total} total, ${list.active_count} active)`;
  $('list-empty').hidden = list.operations.length > 0;
  const tbody = $('operations').tBodies[0];
  const rows = new Map([...tbody.rows].map((r) => [r.dataset.id, r]));
  list.operations.forEach((op, index) => {
    let row = rows.get(op.operation_id);
    if (!row) {
      row = newListRow(op.operation_id);
    }
    rows.delete(op.operation_id);
    if (tbody.rows[index] !== row) tbody.insertBefore(row, tbody.rows[index] || null);
    updateListRow(row, op);
  });
  rows.forEach((row) => row.remove());
}

function newListRow(id) {
  const row = document.createElement('tr');
  row.dataset.id = id;
  row.innerHTML = '<td><button type="button" class="link"></button></td><td></td><td><span></span></td>'
    + '<td><progress max="100"></progress> <span></span></td><td></td><td></td>';
  const button = row.querySelector('button');
  button.textContent = id;
  button.setAttribute('aria-label', `Show details of ${id}`);
  button.addEventListener('click', () => select(id, true));
  row.querySelector('progress').setAttribute('aria-label', `Progress of ${id}`);
  return row;
}

function updateListRow(row, op) {
  const cells = row.cells;
  cells[1].textContent = op.operation_type;
  statusBadge(op.status, cells[2].firstElementChild);
  cells[3].querySelector('progress').value = op.progress.percentage;
  cells[3].querySelector('span').textContent = pct(op.progress.percentage);
  cells[4].textContent = time(op.started_at);
  cells[5].textContent = duration(op);
  const selected = op.operation_id === detail.id;
  row.classList.toggle('selected', selected);
  if (selected) row.setAttribute('aria-current', 'true'); else row.removeAttribute('aria-current');
}

// ---------- detail ----------

function select(id, reveal = false) {
  if (location.hash !== `#/operations/${id}`) history.replaceState(null, '', `#/operations/${id}`);
  // on narrow screens the detail sits below the list: bring it into view when someone picks a row
  if (reveal && getComputedStyle($('detail')).position !== 'sticky') {
    requestAnimationFrame(() => $('detail').scrollIntoView({block: 'start'}));
  }
  if (detail.id === id) return;
  stopDetail();
  Object.assign(detail, {id, cursor: 0, version: -1, keys: null, terminal: false});
  $('detail').hidden = false;
  $('detail-id').textContent = id;
  $('metrics-table').tHead.rows[0].replaceChildren();
  $('metrics-table').tBodies[0].replaceChildren();
  $('metrics-empty').hidden = false;
  resetChart();
  document.querySelectorAll('#operations tbody tr').forEach((r) => {
    r.classList.toggle('selected', r.dataset.id === id);
  });
  refreshDetail();
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
    const query = detail.version >= 0 ? `?wait=30s&since_version=${detail.version}` : '';
    const answer = await api(`${API}/operations/${encodeURIComponent(id)}${query}`, {signal: detail.abort.signal});
    if (id !== detail.id) return;
    if (!answer.ok) {
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

function renderDetail(op) {
  detail.terminal = TERMINAL.has(op.status);
  statusBadge(op.status, $('detail-status'));
  $('detail-type').textContent = op.operation_type;
  const progress = $('detail-progress');
  progress.value = op.progress.percentage;
  progress.setAttribute('aria-valuetext', `${pct(op.progress.percentage)}, ${op.status}`);
  $('detail-percent').textContent = pct(op.progress.percentage);
  $('detail-step').textContent = op.progress.current_step || '-';
  $('detail-message').textContent = op.progress.message || '-';
  $('detail-started').textContent = time(op.started_at);
  $('detail-duration').textContent = duration(op);
  const meta = op.metadata || {};
  $('detail-symbols').textContent = (meta.symbols || []).join(', ') + (meta.timeframe ? ` · ${meta.timeframe}` : '');
  $('detail-mode').textContent = meta.mode || '-';
  const cancel = $('cancel-button');
  cancel.disabled = detail.terminal;
  cancel.textContent = detail.terminal ? `Operation ${op.status}` : 'Cancel operation';
  const error = $('detail-error');
  error.hidden = !op.error_message;
  error.textContent = op.error_message ? `Error: ${op.error_message}` : '';
  const result = $('detail-result');
  result.hidden = !op.result_summary;
  if (op.result_summary) {
    const items = Object.entries(op.result_summary).filter(([, v]) => typeof v !== 'object')
      .flatMap(([k, v]) => [Object.assign(document.createElement('dt'), {textContent: k}),
        Object.assign(document.createElement('dd'), {textContent: num(v)})]);
    $('detail-result-list').replaceChildren(...items);
  }
}

function showDetailError(text) {
  const error = $('detail-error');
  error.hidden = false;
  error.textContent = text;
}

function addMetric(metric) {
  const table = $('metrics-table');
  if (!detail.keys) {
    detail.keys = Object.keys(metric).filter((k) => k !== 'timestamp');
    table.tHead.rows[0].replaceChildren(...detail.keys.map((k) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = k.replaceAll('_', ' ');
      return th;
    }));
  }
  const row = table.tBodies[0].insertRow();
  detail.keys.forEach((k) => { row.insertCell().textContent = num(metric[k]); });
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
  result.classList.remove('error');
  result.textContent = `Starting ${what.toLowerCase()}…`;
  try {
    const answer = await api(path, {method: 'POST', body: JSON.stringify(formBody(form)),
      headers: {'Content-Type': 'application/json'}});
    if (answer.ok) {
      result.textContent = `Started ${answer.body.operation_id}`;
      select(answer.body.operation_id);
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

// ---------- start ----------

function selectFromHash() {
  const match = /^#\/operations\/(.+)$/.exec(location.hash);
  if (match) select(decodeURIComponent(match[1]));
}

document.addEventListener('DOMContentLoaded', () => {
  $('training-form').addEventListener('submit', (e) => submitStart(e, `${API}/trainings`, 'training-result', 'Training'));
  $('data-form').addEventListener('submit', (e) => submitStart(e, `${API}/data/loads`, 'data-result', 'Data loading'));
  $('cancel-button').addEventListener('click', cancelSelected);
  window.addEventListener('hashchange', selectFromHash);
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) return;
    refreshList();
    if (detail.id && !detail.terminal) refreshDetail();
  });
  resetChart();
  selectFromHash();
  refreshList();
});
