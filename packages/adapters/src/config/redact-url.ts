/** A URL as it may be shown in an error or a log: the password of `user:password@` masked. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}
