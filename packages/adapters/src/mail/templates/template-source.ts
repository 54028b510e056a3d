/**
 * One email as Eta template strings. Templates are TypeScript modules rather than .eta
 * files so that `tsc` ships them in dist without a copy step.
 *
 * Every template sees `it.data` (the notification's variables, untrusted user data) and
 * `it.publicUrl` (the shop's public base URL, no trailing slash); designed templates also see
 * `it.links.resetPassword` and `it.links.verifyEmail` (RESET_URL / VERIFY_URL filled with
 * `it.data.token`). `html` is the body
 * only: EmailTemplates wraps it in the shared layout.
 */
export interface TemplateSource {
  subject: string;
  html: string;
  text: string;
}
