export { createAdminApp, type AdminOptions } from './admin-app.js';
