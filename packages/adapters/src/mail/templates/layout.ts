/**
 * The shared HTML frame around every email body: one centred column at most 600px wide
 * that shrinks to the screen on phones, inline styles only. Sees `it.subject`, `it.shop`
 * and `it.body` (already-rendered, already-escaped HTML, hence the raw `<%~`).
 */
export const layout = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title><%= it.subject %></title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;padding:16px 8px;">
<tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"
  style="max-width:600px;background:#ffffff;border-radius:6px;">
<tr><td style="font-size:20px;font-weight:bold;padding:24px 24px 8px 24px;">
<a href="<%= it.shop.url %>" style="color:#1f2933;text-decoration:none;"><%= it.shop.name %></a>
</td></tr>
<tr><td style="font-size:15px;line-height:1.5;padding:8px 24px 24px 24px;">
<%~ it.body %>
</td></tr>
<tr><td style="font-size:12px;line-height:1.5;color:#7b8794;padding:0 24px 24px 24px;">
<%= it.shop.name %> &middot; refurbished hardware, bought outright or rent-to-own &middot;
<a href="<%= it.shop.url %>" style="color:#7b8794;"><%= it.shop.url %></a> &middot;
<a href="mailto:<%= it.shop.supportEmail %>" style="color:#7b8794;"><%= it.shop.supportEmail %></a>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
