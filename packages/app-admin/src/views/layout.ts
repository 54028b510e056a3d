// Eta templates live in TypeScript modules so the build ships them with the code.
export const layout = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title><%= it.title %></title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0; color: #1f2933; background: #f5f7fa; }
    header { background: #102a43; color: #fff; padding: 0.75rem 1.5rem; }
    main { padding: 1.5rem; max-width: 60rem; }
  </style>
</head>
<body>
  <header><strong>GigGatek</strong> Admin</header>
  <main><%~ it.body %></main>
</body>
</html>`;
