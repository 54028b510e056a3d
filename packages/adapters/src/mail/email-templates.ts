import { Eta } from 'eta';
import type { TemplateFunction } from 'eta';
import type { EmailTemplate } from '@giggatek/domain';
import {
  contractProblems,
  formattersFor,
  layout,
  presentData,
  TEMPLATES,
  TemplateDataError,
} from './templates/index.js';
import type { Formatters, TemplateSource } from './templates/index.js';

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
  /** The shop's name in subjects, bodies and the layout; 'GigGatek' by default. */
  shopName?: string;
  /** Where customers write with questions; 'support@giggatek.com' by default (as on the PDFs). */
  supportEmail?: string;
  /**
   * The IANA time zone instants (paid at, shipped at) are shown in; 'America/Chicago' by
   * default, the shop being in Austin, TX. Calendar dates (due dates) never shift with it.
   */
  timeZone?: string;
}

/** What every template sees as `it` (template-source.ts describes each part). */
export interface TemplateContext {
  data: Readonly<Record<string, unknown>>;
  shop: ShopBranding;
  fmt: Formatters;
  links: { resetPassword: string; verifyEmail: string };
}

export interface ShopBranding {
  name: string;
  supportEmail: string;
  /** The public base URL, no trailing slash. */
  url: string;
}

interface CompiledTemplate {
  subject: TemplateFunction;
  html: TemplateFunction;
  text: TemplateFunction;
}

/**
 * Renders the SPEC §7 emails from Eta templates; HTML is escaped, text is not. Refuses
 * (TemplateDataError) data that breaks a template's contract, so a mail never says
 * "undefined" or shows raw cents.
 */
export class EmailTemplates {
  private readonly shop: ShopBranding;
  private readonly resetUrl: string;
  private readonly verifyUrl: string;
  private readonly fmt: Formatters;
  // HTML output escapes every interpolation: template data comes from users.
  private readonly htmlEta = new Eta({ autoEscape: true });
  // Subject and text are not HTML, so escaping would only garble them; keep newlines exact.
  private readonly textEta = new Eta({ autoEscape: false, autoTrim: false });
  private readonly compiled = new Map<EmailTemplate, CompiledTemplate>();
  private readonly layout: TemplateFunction;

  constructor(options: EmailTemplatesOptions) {
    const url = options.publicUrl.replace(/\/+$/, '');
    this.shop = {
      name: options.shopName ?? 'GigGatek',
      supportEmail: options.supportEmail ?? 'support@giggatek.com',
      url,
    };
    this.resetUrl = options.resetUrl ?? `${url}/account/reset-password?token={token}`;
    this.verifyUrl = options.verifyUrl ?? `${url}/account/verify-email?token={token}`;
    this.fmt = formattersFor(options.timeZone ?? 'America/Chicago');
    this.layout = this.htmlEta.compile(layout);
  }

  render(template: EmailTemplate, data: Record<string, unknown>): RenderedEmail {
    const source = TEMPLATES[template];
    const problems = contractProblems(source.contract, data);
    if (problems.length > 0) throw new TemplateDataError(template, problems);
    const context: TemplateContext = {
      data: presentData(data),
      shop: this.shop,
      fmt: this.fmt,
      links: this.tokenLinks(data.token),
    };
    const compiled = this.compile(template, source);

    // A header is one line: never let data smuggle a newline into the subject.
    const subject = this.textEta.render(compiled.subject, context).replace(/\s+/g, ' ').trim();
    const body = this.htmlEta.render(compiled.html, context);
    const html = this.htmlEta.render(this.layout, { subject, body, shop: this.shop });
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

  private compile(key: EmailTemplate, source: TemplateSource): CompiledTemplate {
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
