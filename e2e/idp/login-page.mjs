// The provider's login page: plain HTML with labelled fields, so Playwright finds
// them by label as a person would.
function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

export function loginPage({ uid, email = '', error = '' }) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in to the harness IdP</title>
<style>body{font-family:sans-serif;max-width:24rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}input{padding:.4rem}.error{color:#b00020}</style>
</head>
<body>
<main>
<h1>Harness IdP</h1>
<p>Sign in to continue to Backstage.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" required autofocus value="${escapeHtml(email)}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" required>
  <button type="submit">Sign in</button>
</form>
<p><a href="/interaction/${escapeHtml(uid)}/abort">Cancel</a></p>
</main>
</body>
</html>
`;
}
