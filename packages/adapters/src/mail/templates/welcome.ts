import type { TemplateSource } from './template-source.js';

/** data: { first_name? } */
export const welcome: TemplateSource = {
  subject: 'Welcome to GigGatek',
  html: `<p>Hi <%= it.data.first_name ?? 'there' %>,</p>
<p>Welcome to GigGatek! Your account is ready. Browse refurbished GPUs, laptops and more,
and buy outright or rent-to-own with monthly payments.</p>
<p><a href="<%= it.publicUrl %>/products">Start shopping</a></p>
<p>Thanks,<br>The GigGatek team</p>`,
  text: `Hi <%= it.data.first_name ?? 'there' %>,

Welcome to GigGatek! Your account is ready. Browse refurbished GPUs, laptops and more,
and buy outright or rent-to-own with monthly payments.

Start shopping: <%= it.publicUrl %>/products

Thanks,
The GigGatek team
`,
};
