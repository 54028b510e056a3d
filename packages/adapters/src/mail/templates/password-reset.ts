import { buttonHtml, greetingHtml, greetingText, signOffHtml, signOffText, STYLE } from './parts.js';
import type { TemplateSource } from './template-source.js';

/**
 * Sent on a password reset request for a known email, with a one-time token.
 * data: { token: string, first_name?: string, expires_in_minutes?: integer (60 when absent) }
 */
export const passwordReset: TemplateSource = {
  contract: { required: { token: 'text' }, optional: { first_name: 'text', expires_in_minutes: 'count' } },
  subject: 'Reset your password',
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">Someone asked to reset the password of your <%= it.shop.name %> account. The link
below works once, within <%= it.data.expires_in_minutes ?? 60 %> minutes:</p>
${buttonHtml('it.links.resetPassword', 'Choose a new password')}
<p style="${STYLE.muted}">Or send this token to the API: <code><%= it.data.token %></code></p>
<p style="${STYLE.paragraph}">If you did not ask for this, ignore this email: your password stays as it is.</p>
${signOffHtml}`,
  text: `${greetingText}

Someone asked to reset the password of your <%= it.shop.name %> account. The link
below works once, within <%= it.data.expires_in_minutes ?? 60 %> minutes:

<%= it.links.resetPassword %>

Reset token (for API clients): <%= it.data.token %>

If you did not ask for this, ignore this email: your password stays as it is.

${signOffText}`,
};
