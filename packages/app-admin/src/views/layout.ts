// Eta templates live in TypeScript modules so the build ships them with the code.
export const layout = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title><%= it.title %></title>
  <link rel="stylesheet" href="/admin/assets/admin.css">
</head>
<body>
  <header><strong>GigGatek</strong> Admin</header>
  <main><%~ it.body %></main>
</body>
</html>`;
