import { Eta } from 'eta';
import type { TemplateFunction } from 'eta';
import type { EmailTemplate } from '@giggatek/domain';
import { designedTemplates, generic, layout } from './templates/index.js';
import type { TemplateSource } from './templates/index.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface EmailTemplatesOptions {
  /** The shop's public base URL, used in links (for example http://localhost:5000). */
  publicUrl: string;
  /** The reset link, `{token}` marking where the token goes; the account page under publicUrl by default. */
  resetUrl?: string;
  /** The verification link, likewise. */
  verifyUrl?: string;
}

interface CompiledTemplate {
  subject: TemplateFunction;
  html: TemplateFunction;
  text: TemplateFunction;
}

/** Renders the SPEC §7 emails from Eta templates; HTML is escaped, text is not. */
export class EmailTemplates {
  private readonly publicUrl: string;
  private readonly resetUrl: string;
  private readonly verifyUrl: string;
  // HTML output escapes every interpolation: template data comes from users.
  private readonly htmlEta = new Eta({ autoEscape: true });
  // Subject and text are not HTML, so escaping would only garble them; keep newlines exact.
  private readonly textEta = new Eta({ autoEscape: false, autoTrim: false });
  private readonly compiled = new Map<EmailTemplate | 'generic', CompiledTemplate>();
  private readonly layout: TemplateFunction;

  constructor(options: EmailTemplatesOptions) {
    this.publicUrl = options.publicUrl.replace(/\/+$/, '');
    this.resetUrl = options.resetUrl ?? `${this.publicUrl}/account/reset-password?token={token}`;
    this.verifyUrl = options.verifyUrl ?? `${this.publicUrl}/account/verify-email?token={token}`;
    this.layout = this.htmlEta.compile(layout);
  }

  render(template: EmailTemplate, data: Record<string, unknown>): RenderedEmail {
    const designed = designedTemplates[template];
    const context = designed
      ? { data, publicUrl: this.publicUrl, links: this.tokenLinks(data.token) }
      : { data, publicUrl: this.publicUrl, title: titleOf(template), rows: rowsOf(data) };
    const compiled = this.compile(designed ? template : 'generic', designed ?? generic);

    // A header is one line: never let data smuggle a newline into the subject.
    const subject = this.textEta.render(compiled.subject, context).replace(/\s+/g, ' ').trim();
    const body = this.htmlEta.render(compiled.html, context);
    const html = this.htmlEta.render(this.layout, { subject, body, publicUrl: this.publicUrl });
    const text = this.textEta.render(compiled.text, context);
    return { subject, html, text };
  }

  /** The account links for a mailed token (the token URL-encoded). */
  private tokenLinks(token: unknown): { resetPassword: string; verifyEmail: string } {
    const encoded = encodeURIComponent(typeof token === 'string' ? token : '');
    return {
      resetPassword: this.resetUrl.replaceAll('{token}', encoded),
      verifyEmail: this.verifyUrl.replaceAll('{token}', encoded),
    };
  }

  private compile(key: EmailTemplate | 'generic', source: TemplateSource): CompiledTemplate {
    let compiled = this.compiled.get(key);
    if (!compiled) {
      compiled = {
        subject: this.textEta.compile(source.subject),
        html: this.htmlEta.compile(source.html),
        text: this.textEta.compile(source.text),
      };
      this.compiled.set(key, compiled);
    }
    return compiled;
  }
}

/** 'order_status_update' → 'Order status update'. */
function titleOf(template: string): string {
  const words = template.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Flat label/value rows of the data, for the generic template. */
function rowsOf(data: Record<string, unknown>): [string, string][] {
  return (
    Object.entries(data)
      .filter(([, value]) => value !== undefined && value !== null)
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects take the JSON branch
      .map(([key, value]) => [titleOf(key), typeof value === 'object' ? JSON.stringify(value) : String(value)])
  );
}
