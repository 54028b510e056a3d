/**
 * The shared HTML frame around every email body. Sees `it.subject`, `it.publicUrl` and
 * `it.body` (already-rendered, already-escaped HTML, hence the raw `<%~`).
 */
export const layout = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.subject %></title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;padding:24px 0;">
<tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0"
  style="background:#ffffff;border-radius:6px;padding:32px;">
<tr><td style="font-size:20px;font-weight:bold;padding-bottom:16px;">GigGatek</td></tr>
<tr><td style="font-size:15px;line-height:1.5;">
<%~ it.body %>
</td></tr>
<tr><td style="font-size:12px;color:#7b8794;padding-top:24px;">
GigGatek &middot; refurbished hardware, bought outright or rent-to-own &middot;
<a href="<%= it.publicUrl %>" style="color:#7b8794;"><%= it.publicUrl %></a>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
