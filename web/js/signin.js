// The sign-in control of the header: a token (kept on this device) in, "Signed in as …" and Sign out after.
import { describeAccount } from './auth.js';
import { escapeHtml as e } from './format.js';
import { t } from './i18n.js';

export function createSignIn(root, { auth }) {
  const $ = (sel) => root.querySelector(sel);
  const state = $('#account-state');
  const toggle = $('#signin-toggle');
  const form = $('#signin-form');
  const input = $('#signin-token');
  const error = $('#signin-error');
  const signOutBtn = $('#signout');

  function render() {
    const a = auth.account;
    const kept = auth.token() !== null;
    root.dataset.signedIn = String(kept);
    state.textContent = a ? t('ui.signin.as', { account: describeAccount(a) }) : kept ? t('ui.signin.unchecked') : '';
    state.hidden = !kept;
    state.title = auth.note;
    toggle.hidden = kept;
    signOutBtn.hidden = !kept;
    if (kept) close();
  }

  function open() {
    form.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    error.textContent = auth.note;
    input.focus();
  }

  function close() {
    form.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    input.value = '';
    error.textContent = '';
  }

  toggle.addEventListener('click', () => (form.hidden ? open() : close()));
  $('#signin-cancel').addEventListener('click', () => {
    close();
    toggle.focus();
  });
  form.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      close();
      toggle.focus();
    }
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const submit = $('#signin-submit');
    submit.disabled = true;
    error.textContent = t('ui.signin.checking');
    try {
      const r = await auth.signIn(input.value);
      if (r.problem) {
        error.innerHTML = r.status === 401 ? e(t('ui.signin.unknownToken'))
          : e(r.problem?.detail ?? `HTTP ${r.status}`);
        input.setAttribute('aria-invalid', 'true');
        input.select();
        return;
      }
      input.removeAttribute('aria-invalid');
      signOutBtn.focus();
    } finally {
      submit.disabled = false;
    }
  });
  signOutBtn.addEventListener('click', () => {
    auth.signOut();
    toggle.focus();
  });
  auth.subscribe(render);
  render();

  return { open, render };
}
