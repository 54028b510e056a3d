// scratch: alternate app and baseline measurements against already running servers
import autocannon from 'autocannon';
const [appUrl, baseUrl, rounds = 3, secs = 5] = process.argv.slice(2);
const path = '/api/products?category=GPUs&page=2';
const run = (url) => new Promise((res) => autocannon({ url: url + path, connections: 32, duration: Number(secs) }, (e, r) => res(r.requests.average)));
await run(appUrl); await run(baseUrl);
const a = [], b = [];
for (let i = 0; i < rounds; i++) { a.push(await run(appUrl)); b.push(await run(baseUrl)); }
const avg = (x) => x.reduce((s, v) => s + v, 0) / x.length;
console.log('app', a.map(Math.round), 'base', b.map(Math.round), 'ratio', (avg(a) / avg(b)).toFixed(3));
