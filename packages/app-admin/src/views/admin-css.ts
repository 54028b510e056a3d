// Served as /admin/assets/admin.css: the admin's CSP allows no inline styles.
export const adminCss = `body { font-family: system-ui, sans-serif; margin: 0; color: #1f2933; background: #f5f7fa; }
header { background: #102a43; color: #fff; padding: 0.75rem 1.5rem; }
main { padding: 1.5rem; max-width: 60rem; }
`;
