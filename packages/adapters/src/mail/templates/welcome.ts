import { buttonHtml, greetingHtml, greetingText, signOffHtml, signOffText, STYLE } from './parts.js';
import type { TemplateSource } from './template-source.js';

/**
 * Sent on registration.
 * data: { first_name?: string }
 */
export const welcome: TemplateSource = {
  contract: { required: {}, optional: { first_name: 'text' } },
  subject: 'Welcome to <%= it.shop.name %>',
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">Thank you for joining <%= it.shop.name %>! Your account is ready. Browse refurbished
GPUs, laptops and more, and buy outright or rent-to-own with monthly payments.</p>
${buttonHtml('it.shop.url + "/products"', 'Start shopping')}
${signOffHtml}`,
  text: `${greetingText}

Thank you for joining <%= it.shop.name %>! Your account is ready. Browse refurbished
GPUs, laptops and more, and buy outright or rent-to-own with monthly payments.

Start shopping: <%= it.shop.url %>/products

${signOffText}`,
};
