// Sending e-mail over SMTP (nodemailer) with a bounded retry: a failing server is tried again after a growing
// pause, at most `retries` more times; the outcome (sent or given up, attempts, the last error) is returned, never
// thrown, so the daily job carries on with the next recipient.
import nodemailer from 'nodemailer';

export interface MailSettings {
  /** smtp://user:password@host:port or smtps://… (nodemailer connection URL). */
  smtpUrl: string;
  /** The From address, e.g. `Aanwezig <aanwezig@school.be>`. */
  from: string;
  /** The app's public address, for links in e-mails (no trailing slash). */
  publicUrl: string;
  /** Extra attempts after a failed one. */
  retries: number;
  /** Pause before the first retry; doubled before each next one. */
  retryDelayMs: number;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface SendOutcome {
  sent: boolean;
  attempts: number;
  error: string | null;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): void;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createMailer(settings: MailSettings): Mailer {
  const url = new URL(settings.smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      let error: string | null = null;
      for (let attempt = 1; attempt <= settings.retries + 1; attempt++) {
        try {
          await transport.sendMail({ from: settings.from, textEncoding: 'quoted-printable', ...mail });
          return { sent: true, attempts: attempt, error: null };
        } catch (e) {
          error = (e as Error).message;
          if (attempt <= settings.retries) await pause(settings.retryDelayMs * 2 ** (attempt - 1));
        }
      }
      return { sent: false, attempts: settings.retries + 1, error };
    },
    close() {
      transport.close();
    },
  };
}
