// The header's sign-in corner: "Logga in" opens a small form (user name and password, or the organisation's
// identity provider when the server offers it); signed in, it shows who and in what role, and "Logga ut".
import { el, replace } from '../dom.ts';
import { ApiError } from '../api/client.ts';
import { onSessionChange, session, signIn, signOut, type Session } from '../auth/session.ts';

const ROLE_LABEL: Record<Session['role'], string> = { läsare: 'läsare', redaktör: 'redaktör', admin: 'administratör' };

function signInForm(oidc: boolean, close: () => void): HTMLElement {
  const user = el('input', { attrs: { id: 'signin-user', name: 'username', autocomplete: 'username', required: true } });
  const password = el('input', { attrs: { id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true } });
  const status = el('p', { class: 'signin-status', attrs: { role: 'status' } });
  const form = el(
    'form',
    {
      class: 'signin-form',
      attrs: { 'aria-label': 'Logga in' },
      on: {
        submit: (event) => {
          event.preventDefault();
          replace(status, 'Loggar in …');
          signIn(user.value, password.value)
            .then(() => close())
            .catch((error: unknown) => {
              const message = error instanceof ApiError && error.status === 401 ? 'Fel användarnamn eller lösenord.'
                : error instanceof ApiError && error.status === 429 ? 'För många försök. Vänta en stund och försök igen.'
                : 'Inloggningen misslyckades.';
              replace(status, message);
            });
        },
      },
    },
    el('div', { class: 'field' }, el('label', { attrs: { for: 'signin-user' } }, 'Användarnamn'), user),
    el('div', { class: 'field' }, el('label', { attrs: { for: 'signin-password' } }, 'Lösenord'), password),
    el('button', { attrs: { type: 'submit' } }, 'Logga in'),
    oidc ? el('a', { class: 'button secondary', attrs: { href: '/api/auth/oidc/start' } }, 'Logga in med organisationens konto') : null,
    status,
  );
  queueMicrotask(() => user.focus());
  return form;
}

export function mountAccountMenu(header: HTMLElement): void {
  const corner = el('div', { class: 'account-menu' });
  header.append(corner);
  let oidc = false;
  void fetch('/api/auth/config').then(async (r) => {
    if (r.ok) oidc = ((await r.json()) as { oidc: boolean }).oidc;
  });

  const render = (signed: Session | null) => {
    if (signed) {
      replace(
        corner,
        el('span', { class: 'account-name' }, `${signed.user} (${ROLE_LABEL[signed.role]})`),
        el('button', { class: 'link-button', attrs: { type: 'button' }, on: { click: () => void signOut() } }, 'Logga ut'),
      );
      return;
    }
    const panel = el('div', { class: 'signin-panel', attrs: { hidden: true } });
    const toggle = el(
      'button',
      {
        class: 'link-button',
        attrs: { type: 'button', 'aria-expanded': 'false' },
        on: {
          click: () => {
            const open = panel.hidden;
            panel.hidden = !open;
            toggle.setAttribute('aria-expanded', String(open));
            if (open) replace(panel, signInForm(oidc, () => undefined));
          },
        },
      },
      'Logga in',
    );
    replace(corner, toggle, panel);
  };
  onSessionChange((signed) => {
    render(signed);
    // What a page shows depends on who reads it (correction controls): show it again for the new reader.
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  void session().then(render);
}
