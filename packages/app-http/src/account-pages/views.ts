// Eta templates live in TypeScript modules so the build ships them with the code. Every
// `<%= %>` is HTML-escaped (autoEscape); `<%~ %>` is used only for the rendered body.
import { PASSWORD_RULE } from '@giggatek/domain';

export const layout = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title><%= it.title %> · GigGatek</title>
  <link rel="stylesheet" href="assets/account.css">
</head>
<body>
  <header><strong>GigGatek</strong></header>
  <main>
    <h1><%= it.title %></h1>
<%~ it.body %>
  </main>
</body>
</html>`;

/** it: { error?, fieldErrors: Record<string, string>, showForm, token, csrf, shopUrl } */
export const resetPasswordPage = `<% layout('@layout', { title: 'Choose a new password' }) %>
<% if (it.error) { %><p class="error" role="alert"><%= it.error %></p><% } %>
<% if (it.showForm) { %>
<form method="post">
  <input type="hidden" name="csrf" value="<%= it.csrf %>">
  <input type="hidden" name="token" value="<%= it.token %>">
  <label for="new_password">New password</label>
  <input id="new_password" name="new_password" type="password" autocomplete="new-password" required>
<% if (it.fieldErrors.new_password) { %>  <p class="error"><%= it.fieldErrors.new_password %></p><% } %>
  <label for="confirm_password">The new password again</label>
  <input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password" required>
<% if (it.fieldErrors.confirm_password) { %>  <p class="error"><%= it.fieldErrors.confirm_password %></p><% } %>
  <p class="hint">The password ${PASSWORD_RULE}.</p>
  <button type="submit">Set the new password</button>
</form>
<% } else { %>
<p><a href="<%= it.shopUrl %>">Back to the shop</a></p>
<% } %>`;

/** it: { error?, showForm, token, csrf, shopUrl } */
export const verifyEmailPage = `<% layout('@layout', { title: 'Confirm your email address' }) %>
<% if (it.error) { %><p class="error" role="alert"><%= it.error %></p><% } %>
<% if (it.showForm) { %>
<form method="post">
  <input type="hidden" name="csrf" value="<%= it.csrf %>">
  <input type="hidden" name="token" value="<%= it.token %>">
  <p>Press the button to confirm the email address of your GigGatek account.</p>
  <button type="submit">Confirm my email address</button>
</form>
<% } else { %>
<p><a href="<%= it.shopUrl %>">Back to the shop</a></p>
<% } %>`;

/** it: { title, message, success, shopUrl }: a success, or a problem with the request itself. */
export const messagePage = `<% layout('@layout', { title: it.title }) %>
<p class="<%= it.success ? 'success' : 'error' %>" role="status"><%= it.message %></p>
<p><a href="<%= it.shopUrl %>">Back to the shop</a></p>`;

export const accountCss = `body { font-family: system-ui, sans-serif; margin: 0; color: #1d2330; background: #f5f6f8; }
header { padding: 12px 24px; background: #1d2330; color: #fff; }
main { max-width: 28rem; margin: 32px auto; padding: 24px; background: #fff; border-radius: 8px; }
label { display: block; margin-top: 16px; font-weight: 600; }
input[type=password] { width: 100%; box-sizing: border-box; padding: 8px; margin-top: 4px; font-size: 1rem; }
button { margin-top: 20px; padding: 10px 16px; font-size: 1rem; border: 0; border-radius: 4px; }
button { background: #2457c5; color: #fff; }
.hint { color: #555; font-size: 0.9rem; }
.error { color: #a11b1b; }
.success { color: #17652f; }
`;
