// OpsBridge web UI: the log pane of the operation page. It follows the log of the operation shown
// (#detail-id) by cursor, GET /api/v1/operations/{id}/logs?cursor=, once a second while the operation
// runs, twice more when it has ended, and not while the tab is hidden. Its own file, beside app.js:
// it only reads what the page shows (the id, the status badge) and uses app.js's api() for the token.
'use strict';

const LogPane = (() => {
  const EVERY_MS = 1000;
  const MAX_SHOWN = 2000;
  const ENDED = /status-(completed|failed|cancelled)/;
  const pane = {id: null, cursor: 0, timer: null, busy: false, done: false, readsAfterEnd: 0};

  function el(id) {
    return document.getElementById(id);
  }

  function ended() {
    return ENDED.test(el('detail-status').className);
  }

  function reset(id) {
    clearTimeout(pane.timer);
    Object.assign(pane, {id, cursor: 0, busy: false, done: false, readsAfterEnd: 0});
    el('log-lines').replaceChildren();
    el('log-dropped').hidden = true;
    el('log-empty').hidden = false;
    if (id) pull();
  }

  function show(lines, dropped) {
    const box = el('log-lines');
    const atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 4;
    if (dropped > 0) {
      el('log-dropped').hidden = false;
      el('log-dropped').textContent = `${dropped} earlier lines are no longer kept.`;
    }
    for (const line of lines) {
      const row = document.createElement('div');
      row.className = `log-line log-${line.level}`;
      row.dataset.seq = line.seq;
      const at = document.createElement('time');
      at.dateTime = line.at;
      at.textContent = new Date(line.at).toLocaleTimeString([], {hour12: false}) + ' ';
      const level = document.createElement('span');
      level.className = 'log-level';
      level.textContent = line.level.padEnd(5) + ' ';
      row.append(at, level, document.createTextNode(line.message));
      box.append(row);
    }
    while (box.childElementCount > MAX_SHOWN) box.firstElementChild.remove();
    el('log-empty').hidden = box.childElementCount > 0;
    if (atBottom && lines.length) box.scrollTop = box.scrollHeight;
  }

  async function pull() {
    const id = pane.id;
    if (!id || pane.busy || pane.done || document.hidden) return;
    pane.busy = true;
    const wasEnded = ended();
    try {
      // every page after the cursor: a reader that was away catches up at once
      for (let pages = 0; pages < 20; pages++) {
        const answer = await api(`${API}/operations/${encodeURIComponent(id)}/logs?cursor=${pane.cursor}`);
        if (!answer.ok || id !== pane.id) return;
        show(answer.body.lines, answer.body.dropped);
        if (!answer.body.lines.length || answer.body.new_cursor <= pane.cursor) break;
        pane.cursor = answer.body.new_cursor;
      }
      // the status was final before this read, so the log was stored to its end; one more read a tick later
      // takes the line a cancelled job's worker writes when it notices the cancel, then nothing more comes
      pane.readsAfterEnd = wasEnded ? pane.readsAfterEnd + 1 : 0;
      pane.done = pane.readsAfterEnd >= 2;
    } catch (e) {
      // the network is down: app.js says so in the header; try again at the next tick
    } finally {
      if (id === pane.id) {
        pane.busy = false;
        if (!pane.done) pane.timer = setTimeout(pull, EVERY_MS);
      }
    }
  }

  function start() {
    const idEl = el('detail-id');
    if (!idEl || !el('log-lines')) return;
    new MutationObserver(() => reset(idEl.textContent || null)).observe(idEl, {childList: true, characterData: true, subtree: true});
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && pane.id) {
        clearTimeout(pane.timer);
        pull();
      }
    });
    if (idEl.textContent) reset(idEl.textContent);
  }

  document.addEventListener('DOMContentLoaded', start);
  return {reset};
})();
