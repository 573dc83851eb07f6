/*
 * Shared by the application's own pages (/desk/...): API calls with the browser's sign-in session.
 * State-changing calls carry the CSRF token Spring Security hands out in the RD-XSRF-TOKEN cookie; a call that
 * finds the session gone sends the browser to the sign-in form instead of letting the browser ask for Basic.
 */
window.desk = (() => {
  const SIGN_IN = '/login';
  const SAFE = ['GET', 'HEAD', 'OPTIONS'];

  function cookie(name) {
    const found = document.cookie.split('; ').find(pair => pair.startsWith(name + '='));
    return found ? decodeURIComponent(found.substring(name.length + 1)) : '';
  }

  /** fetch() for /api: same-origin session, CSRF header, JSON by default; resolves to the Response. */
  async function api(path, options = {}) {
    const method = (options.method || 'GET').toUpperCase();
    const headers = new Headers(options.headers || {});
    if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
    if (!SAFE.includes(method)) headers.set('X-RD-XSRF-TOKEN', cookie('RD-XSRF-TOKEN'));
    const response = await fetch(path, { ...options, method, headers, credentials: 'same-origin' });
    if (response.status === 401) {
      // The sign-in sends the browser back to this page.
      window.location.assign(`${SIGN_IN}?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
      throw new Error('signed out');
    }
    return response;
  }

  /** A readable line from an error answer: the problem's detail and each named field. */
  async function problem(response) {
    try {
      const body = await response.json();
      const fields = (body.errors || []).map(error => `${error.field || error.path || ''}: ${error.message || error.detail || ''}`);
      return [body.detail || body.title || `HTTP ${response.status}`, ...fields].join('\n');
    } catch (e) {
      return `HTTP ${response.status}`;
    }
  }

  /** Text into the page, never markup: everything shown comes from users. */
  function text(element, value) {
    element.textContent = value == null ? '' : String(value);
    return element;
  }

  /** The page's notice (#notice): an error unless ok; no message hides it. */
  function say(message, ok) {
    const notice = document.getElementById('notice');
    text(notice, message).className = 'notice ' + (ok ? 'ok' : 'error');
    notice.hidden = !message;
  }

  return { api, problem, text, say, signIn: SIGN_IN };
})();
