import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Extra header fields (e.g. List-Unsubscribe). */
  headers?: Record<string, string>;
  /** Files sent with the message: content as text (an .ics), with its MIME type. */
  attachments?: { filename: string; contentType: string; content: string }[];
}
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/**
 * Sends e-mail through the configured SMTP server (pooled connections), or, without one, writes each message to the
 * log so a development install still shows the links it would send.
 */
export function createMailer(config: Config['mail'], log: (m: string) => void = (m) => console.log(m)): Mailer {
  if (!config.url) {
    return {
      async send(mail) {
        log(
          `[mail to ${mail.to}] ${mail.subject}\n${mail.text}${(mail.attachments ?? []).map((a) => `\n[attached ${a.filename}]`).join('')}`,
        );
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(config.url, { pool: true } as never);
  return {
    async send(mail) {
      await transport.sendMail({ from: config.from, ...mail });
    },
    close() {
      transport.close();
    },
  };
}
