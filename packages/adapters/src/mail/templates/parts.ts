/**
 * Pieces every email body shares, as Eta source spliced into the templates' strings:
 * inline styles (mail clients drop <style> blocks), the greeting, the sign-off and
 * label/value rows. One place to change how every email looks.
 */
export const STYLE = {
  paragraph: 'margin:0 0 16px 0;',
  heading: 'margin:0 0 16px 0;font-size:18px;line-height:1.3;',
  table: 'width:100%;border-collapse:collapse;margin:0 0 16px 0;',
  headCell: 'padding:6px 8px 6px 0;border-bottom:2px solid #cbd2d9;text-align:left;font-size:13px;color:#52606d;',
  headAmount: 'padding:6px 0;border-bottom:2px solid #cbd2d9;text-align:right;font-size:13px;color:#52606d;',
  cell: 'padding:8px 8px 8px 0;border-bottom:1px solid #e4e7eb;vertical-align:top;',
  amount: 'padding:8px 0;border-bottom:1px solid #e4e7eb;text-align:right;white-space:nowrap;vertical-align:top;',
  strongAmount: 'padding:8px 0;text-align:right;white-space:nowrap;font-weight:bold;',
  strongCell: 'padding:8px 8px 8px 0;font-weight:bold;',
  button:
    'display:inline-block;background:#1f6feb;color:#ffffff;text-decoration:none;font-weight:bold;' +
    'padding:12px 20px;border-radius:4px;',
  notice: 'margin:0 0 16px 0;padding:12px 16px;background:#fff8e1;border-left:4px solid #f0b429;',
  muted: 'margin:0 0 16px 0;color:#7b8794;font-size:13px;',
} as const;

export const greetingHtml = `<p style="${STYLE.paragraph}">Hi <%= it.data.first_name ?? 'there' %>,</p>`;
export const greetingText = `Hi <%= it.data.first_name ?? 'there' %>,`;

export const signOffHtml = `<p style="${STYLE.muted}">Questions? Write to
<a href="mailto:<%= it.shop.supportEmail %>" style="color:#1f6feb;"><%= it.shop.supportEmail %></a>.</p>
<p style="${STYLE.paragraph}">Thanks,<br>The <%= it.shop.name %> team</p>`;
export const signOffText = `Questions? Write to <%= it.shop.supportEmail %>.

Thanks,
The <%= it.shop.name %> team
`;

/** A label/value table row; `value` is an Eta expression (escaped). */
export function rowHtml(label: string, value: string): string {
  return `<tr><td style="${STYLE.cell}">${label}</td><td style="${STYLE.amount}"><%= ${value} %></td></tr>`;
}

/** The bold last row of a summary (a total). */
export function totalRowHtml(label: string, value: string): string {
  return `<tr><td style="${STYLE.strongCell}">${label}</td><td style="${STYLE.strongAmount}"><%= ${value} %></td></tr>`;
}

/** A call-to-action link drawn as a button; `href` is an Eta expression (escaped). */
export function buttonHtml(href: string, label: string): string {
  return `<p style="margin:0 0 24px 0;"><a href="<%= ${href} %>" style="${STYLE.button}">${label}</a></p>`;
}

/** "order #17" or "rental #4", for emails about either (their contract has exactlyOneOf). */
export const ORDER_OR_RENTAL =
  "(it.data.order_id !== undefined ? 'order #' + it.data.order_id : 'rental #' + it.data.rental_id)";
