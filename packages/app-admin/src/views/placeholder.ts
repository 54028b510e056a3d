export const placeholder = `<% layout('@layout', { title: it.title }) %>
<h1><%= it.title %></h1>
<p>The staff admin is mounted here. Sign-in and the staff pages (dashboard, products, orders,
rentals, customers, reports, settings) arrive with their own issue.</p>
<p>The public JSON API is under <a href="/api/openapi.json">/api</a>. Version <%= it.version %>.</p>`;
