// OpsBridge web UI: the compare view (#/compare/{id},{id}…) of 2–5 trainings, with app.js's helpers.
// One chart overlays every training's validation loss and accuracy per epoch; a table puts their parameters
// and results side by side and marks each row whose values differ (with a sign, not by colour alone).
'use strict';

const Compare = (() => {
  /** One colour per training (colour-blind safe, Okabe-Ito), in the order they were picked. */
  const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00'];
  /** The rows of the table: what each training was started with, then what it gave. */
  const ROWS = [
    ['Created', (op) => time(op.created_at)],
    ['Status', (op) => op.status],
    ['Strategy', (op) => param(op, 'strategy')],
    ['Symbols', (op) => ((op.metadata || {}).symbols || []).join(', ')],
    ['Timeframe', (op) => (op.metadata || {}).timeframe],
    ['Runs on', (op) => modeText((op.metadata || {}).mode)],
    ['Epochs', (op) => param(op, 'epochs')],
    ['Batch size', (op) => param(op, 'batch_size')],
    ['Learning rate', (op) => param(op, 'learning_rate')],
    ['Validation split', (op) => param(op, 'validation_split')],
    ['Seed', (op) => param(op, 'seed')],
    ['Epochs completed', (op) => result(op, 'epochs_completed')],
    ['Final val loss', (op) => result(op, 'final_val_loss')],
    ['Final val accuracy', (op) => result(op, 'final_val_accuracy')],
    ['Final train loss', (op) => result(op, 'final_train_loss')],
    ['Final train accuracy', (op) => result(op, 'final_train_accuracy')],
    ['Model version', (op) => { const m = modelOf(op); return m ? `${m.strategy} ${m.version}` : '-'; }],
  ];
  let chart = null;
  let shown = '';

  function param(op, key) {
    const params = (op.metadata || {}).parameters || {};
    return key in params ? resultValue(params[key]) : '-';
  }

  function result(op, key) {
    const summary = op.result_summary || {};
    return key in summary && summary[key] !== null ? resultValue(summary[key]) : '-';
  }

  /** Every metric of an operation, following the cursor to the end. */
  async function allMetrics(id) {
    const metrics = [];
    let cursor = 0;
    for (;;) {
      const answer = await api(`${API}/operations/${encodeURIComponent(id)}/metrics?cursor=${cursor}`);
      if (!answer.ok) return metrics;
      metrics.push(...answer.body.metrics);
      if (answer.body.new_cursor <= cursor || answer.body.metrics.length === 0) return metrics;
      cursor = answer.body.new_cursor;
    }
  }

  /** Shows the comparison of {@code ids} (the route); 2 to 5 trainings. */
  async function show(ids) {
    const section = $('compare');
    section.hidden = false;
    requestAnimationFrame(() => section.scrollIntoView({block: 'start'}));
    const key = ids.join(',');
    if (key === shown) return;
    shown = key;
    const status = $('compare-status');
    if (ids.length < 2 || ids.length > MAX_COMPARE) {
      status.textContent = `Pick 2 to ${MAX_COMPARE} trainings in the list to compare them (this link names ${ids.length}).`;
      render([]);
      return;
    }
    status.textContent = `Loading ${ids.length} trainings…`;
    const runs = [];
    try {
      for (const id of ids) {
        const answer = await api(`${API}/operations/${encodeURIComponent(id)}`);
        if (key !== shown) return;
        if (!answer.ok) {
          status.textContent = problemText(answer, `Operation ${id}`);
          render([]);
          return;
        }
        runs.push({op: answer.body, metrics: await allMetrics(id)});
      }
    } catch (e) {
      networkFailed(e);
      shown = '';
      return;
    }
    if (key !== shown) return;
    const differing = render(runs);
    status.textContent = `${runs.length} trainings; ${differing} of ${ROWS.length} rows differ.`;
  }

  /** Draws the chart and the table; answers how many rows differ. */
  function render(runs) {
    drawChart(runs);
    const table = $('compare-table');
    const head = table.tHead.rows[0];
    head.replaceChildren(Object.assign(document.createElement('th'), {scope: 'col', textContent: 'Run'}),
      ...runs.map((run, i) => {
        const th = Object.assign(document.createElement('th'), {scope: 'col'});
        th.style.borderTop = `4px solid ${COLOURS[i]}`;
        th.append(`#${i + 1} `, routeLink(`#/operations/${encodeURIComponent(run.op.operation_id)}`, run.op.operation_id,
          `Open ${run.op.operation_id}`));
        return th;
      }));
    let differing = 0;
    table.tBodies[0].replaceChildren(...(runs.length ? ROWS : []).map(([name, value]) => {
      const values = runs.map((run) => String(value(run.op) ?? '-'));
      const differs = new Set(values).size > 1;
      if (differs) differing++;
      const row = document.createElement('tr');
      row.classList.toggle('differs', differs);
      const th = Object.assign(document.createElement('th'), {scope: 'row', textContent: name});
      if (differs) {
        th.prepend(Object.assign(document.createElement('span'), {className: 'differs-key', textContent: '≠ ',
          title: 'the values differ'}));
      }
      row.append(th, ...values.map((v) => Object.assign(document.createElement('td'), {textContent: v})));
      return row;
    }));
    return differing;
  }

  function drawChart(runs) {
    if (chart) {
      chart.destroy();
      chart = null;
    }
    const epochs = runs.map((run) => run.metrics.filter((m) => typeof m.epoch === 'number' && 'val_loss' in m));
    const series = [];
    runs.forEach((run, i) => {
      const point = (key) => epochs[i].map((m) => ({x: m.epoch, y: m[key]}));
      // the legend names each training by its number; the table's head gives the number's id and link
      const line = (what, key, axis, dash) => ({label: `#${i + 1} ${what}`, data: point(key), yAxisID: axis,
        borderColor: COLOURS[i], backgroundColor: COLOURS[i], borderDash: dash, pointRadius: 3, tension: 0.2});
      series.push(line('val loss', 'val_loss', 'loss', []), line('val accuracy', 'val_accuracy', 'acc', [6, 4]));
    });
    $('compare-figure').dataset.series = String(series.filter((s) => s.data.length > 0).length);
    $('compare-figure').hidden = series.every((s) => s.data.length === 0);
    if (!window.Chart || $('compare-figure').hidden) return;
    chart = new window.Chart($('compare-chart'), {
      type: 'line',
      data: {datasets: series},
      options: {
        animation: false, maintainAspectRatio: false, parsing: true, interaction: {mode: 'nearest', intersect: false},
        plugins: {legend: {labels: {boxWidth: 18}}},
        scales: {
          x: {type: 'linear', title: {display: true, text: 'epoch'}, ticks: {stepSize: 1}},
          loss: {position: 'left', title: {display: true, text: 'val loss'}},
          acc: {position: 'right', title: {display: true, text: 'val accuracy'}, grid: {drawOnChartArea: false}},
        },
      },
    });
  }

  return {show};
})();
