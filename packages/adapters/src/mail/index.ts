export { EmailTemplates } from './email-templates.js';
export type { EmailTemplatesOptions, RenderedEmail } from './email-templates.js';
export { FileMailer, fileNameFor } from './file-mailer.js';
export type { FileMailerOptions } from './file-mailer.js';
export { SmtpMailer } from './smtp-mailer.js';
export { TemplateNotifier } from './template-notifier.js';
export type { TemplateNotifierOptions } from './template-notifier.js';
