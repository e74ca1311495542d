// OpsBridge web UI: the bearer token for actions that need a role (e.g. activating a model needs admin).
// Asked for when the server answers 401/403, kept in sessionStorage (this tab only, gone when it closes,
// never in localStorage or a cookie), sent as "Authorization: Bearer ...". Loaded before app.js.
'use strict';

const BearerToken = (() => {
  const KEY = 'opsbridge.token';
  let pending = null;
  let dialog = null;

  function headers() {
    const token = sessionStorage.getItem(KEY);
    return token ? {'Authorization': `Bearer ${token}`} : {};
  }

  function build() {
    dialog = document.createElement('dialog');
    dialog.id = 'token-dialog';
    dialog.setAttribute('aria-labelledby', 'token-heading');
    dialog.innerHTML = '<form method="dialog">'
      + '<h2 id="token-heading">Token needed</h2>'
      + '<p id="token-reason"></p>'
      + '<label for="token-input">Bearer token</label>'
      + '<input id="token-input" type="password" autocomplete="off" spellcheck="false" required>'
      + '<small>Kept for this tab only. An admin\'s first token is in the backend\'s data/admin-token;'
      + ' <code>opsbridge admin tokens create</code> makes more.</small>'
      + '<div class="row"><button id="token-submit" value="ok">Use token</button>'
      + '<button id="token-cancel" type="button">Cancel</button></div></form>';
    document.body.append(dialog);
    dialog.querySelector('#token-cancel').addEventListener('click', () => dialog.close('cancel'));
  }

  /** Shows the prompt (one at a time); true when a token was given, then the caller retries. */
  function ask(reason) {
    if (pending) return pending;
    if (!dialog) build();
    const input = dialog.querySelector('#token-input');
    input.value = '';
    dialog.querySelector('#token-reason').textContent = reason;
    dialog.returnValue = '';
    pending = new Promise((resolve) => {
      dialog.addEventListener('close', () => {
        const token = input.value.trim();
        input.value = '';
        pending = null;
        if (dialog.returnValue === 'ok' && token) {
          sessionStorage.setItem(KEY, token);
          resolve(true);
        } else {
          resolve(false);
        }
      }, {once: true});
    });
    dialog.showModal();
    input.focus();
    return pending;
  }

  return {headers, ask};
})();
