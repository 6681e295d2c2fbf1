import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { listen } from '../../lib/server/listen.ts';
import { mailPage } from './mail-page.ts';

/** Mail to this domain is refused (550), as for a mailbox that does not exist. */
export const UNREACHABLE_DOMAIN = 'unreachable.example';

/** A message as the local mail server received it. */
export interface ReceivedMail {
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The iCalendar invitation it carried (text/calendar), if any. */
  calendar: string | null;
  receivedAt: Date;
}

export interface RunningMailStandIn {
  /** Where to send: an SMTP server on loopback, without TLS or login. */
  smtpUrl: string;
  /** The page that shows what arrived (and `messages.json`). */
  pageUrl: string;
  messages(): readonly ReceivedMail[];
  stop(): Promise<void>;
}

/**
 * The local stand-in for the municipality's mail relay: a real SMTP server (`smtp-server`) that
 * keeps what it receives in memory and shows it on a page, so a person can read a summons as it was
 * sent, and the tests can read its calendar attachment.
 */
export async function startMailStandIn(options: { host?: string; pagePort: number }): Promise<RunningMailStandIn> {
  const host = options.host ?? '127.0.0.1';
  const received: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'sip-graph local mail stand-in',
    // As a relay answers for a mailbox that does not exist: so a failed delivery can be seen, and tried again.
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith(`@${UNREACHABLE_DOMAIN}`))
        callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const calendar = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
          const to = [mail.to ?? []].flat().flatMap((address) => address.value.map((v) => v.address ?? ''));
          received.push({
            messageId: mail.messageId ?? null,
            from: mail.from?.text ?? '',
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            calendar: calendar ? calendar.content.toString('utf8') : null,
            receivedAt: new Date(),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(0, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const app = express();
  app.get('/messages.json', (_req, res) => void res.json(received));
  app.get('/', (_req, res) => void res.type('html').send(mailPage(received)));
  const page = createServer(app);
  const pagePort = await listen(page, {
    port: options.pagePort,
    host,
    portVariable: 'MAIL_PORT',
    service: 'the local mail stand-in',
  });
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    pageUrl: `http://${host}:${pagePort}/`,
    messages: () => received,
    stop: async () => {
      page.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => page.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}
