// The page a sign-in link opens (/auth/complete?token=…). The exchange of the one-time token is a
// POST made by this page's script, never the GET itself: mail scanners that prefetch links (Outlook
// Safe Links and the like) would otherwise consume the link before the person clicks it.
// Then the session token goes to the Office dialog's parent (Office.context.ui.messageParent, with
// targetOrigin when the pane is on another origin: ?parent=, see addin/src/ui/auth/email-link.ts), or
// to the window that opened this one (postMessage, same origin only), or is shown to copy.

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export function completePageHtml(appName: string, nonce: string): string {
  const name = appName.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Signing in – ${name}</title>
<script async src="${OFFICE_JS}"></script>
<style>body{font-family:Segoe UI,Helvetica,Arial,sans-serif;margin:2rem;color:#1f2328}textarea{width:100%;height:5rem}.err{color:#b3261e}</style>
</head><body><main>
<h1 id="title">Signing in to ${name}…</h1>
<p id="status" role="status"></p>
<div id="manual" hidden><p>Copy this session token into the add-in's sign-in box:</p>
<textarea id="token" readonly></textarea><p><button id="copy" type="button">Copy</button></p></div>
</main>
<script nonce="${nonce}">
(function () {
  var params = new URLSearchParams(location.search);
  var token = params.get('token');
  // The task pane's origin when it differs from this page's (the pane's auth-dialog.html forwarded
  // here): messageParent then needs targetOrigin (DialogOrigin 1.1), else Office drops the message.
  var parent = params.get('parent');
  if (parent) {
    try { var u = new URL(parent); if (u.protocol !== 'https:' || u.origin !== parent) parent = null; } catch (e) { parent = null; }
  }
  function toParent(text) {
    if (parent && parent !== location.origin) Office.context.ui.messageParent(text, { targetOrigin: parent });
    else Office.context.ui.messageParent(text);
  }
  // keep the one-time token out of the history and of anything this page loads later
  history.replaceState(null, '', location.pathname);
  var status = document.getElementById('status');
  function say(text, isError) { status.textContent = text; status.className = isError ? 'err' : ''; }
  function officeReady() {
    return new Promise(function (resolve) {
      var waited = 0;
      (function poll() {
        if (window.Office && Office.onReady) {
          Office.onReady(function (info) { resolve(!!(info && info.host) && !!(Office.context && Office.context.ui && Office.context.ui.messageParent)); });
          return;
        }
        if ((waited += 100) >= 4000) return resolve(false);
        setTimeout(poll, 100);
      })();
    });
  }
  if (!token) { say('This link has no sign-in token. Ask for a new link from the add-in.', true); return; }
  say('Checking your link…');
  fetch('/api/v1/auth/exchange', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: token }) })
    .then(function (res) { return res.json().then(function (body) { return { ok: res.ok, body: body }; }); })
    .then(function (r) {
      if (!r.ok) {
        var message = (r.body && r.body.error && r.body.error.message) || 'Sign-in failed.';
        say(message, true);
        return officeReady().then(function (inOffice) { if (inOffice) toParent(JSON.stringify({ type: 'pb-session-error', message: message })); });
      }
      var session = { type: 'pb-session', token: r.body.token, expiresAt: r.body.expiresAt, user: r.body.user };
      document.getElementById('title').textContent = 'Signed in as ' + r.body.user.name;
      return officeReady().then(function (inOffice) {
        if (inOffice) { toParent(JSON.stringify(session)); say('Signed in. You can go back to Excel.'); return; }
        if (window.opener) { window.opener.postMessage(session, location.origin); say('Signed in. You can close this window.'); return; }
        document.getElementById('token').value = r.body.token;
        document.getElementById('manual').hidden = false;
        document.getElementById('copy').onclick = function () { navigator.clipboard.writeText(r.body.token); say('Copied.'); };
        say('Signed in. This session lasts until ' + r.body.expiresAt.slice(0, 10) + '.');
      });
    })
    .catch(function () { say('Could not reach the server. Try the link again.', true); });
})();
</script></body></html>`;
}

/** CSP for the page: its own inline script (nonce), Office.js from Microsoft's CDN, calls to this origin only. */
export function completePageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' https://appsforoffice.microsoft.com`,
    "connect-src 'self'",
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    'frame-src https://appsforoffice.microsoft.com https://*.office.com https://*.officeapps.live.com',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
