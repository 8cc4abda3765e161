import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on a random local port that keeps what it receives. */
export async function startSmtp() {
  const inbox: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    /** The newest mail to an address, waiting for it to arrive. */
    async mailTo(address: string, timeoutMs = 10_000): Promise<ReceivedMail> {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const m = [...inbox].reverse().find((x) => x.to.includes(address));
        if (m) return m;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no mail to ${address}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The secret at the end of the first link with this path in a mail. */
export function linkToken(mail: ReceivedMail, path: string): string {
  const m = new RegExp(`${path}/([A-Za-z0-9_-]{20,})`).exec(mail.raw);
  if (!m) throw new Error(`no ${path} link in: ${mail.raw}`);
  return m[1]!;
}
