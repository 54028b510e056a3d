export { seedDemo, type SeedDeps, type SeedReport } from './seed-demo.js';
export { DEMO_PRODUCTS, type DemoProduct } from './demo-catalog.js';
export { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './demo-users.js';
