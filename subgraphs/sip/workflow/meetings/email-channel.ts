import nodemailer from 'nodemailer';
import type { DeliveryChannel, SummonsDeliveryOptions } from './summons-delivery.ts';

/**
 * Summonses by e-mail over SMTP, the invitation attached as a calendar request (or cancellation),
 * so that the recipient's calendar offers to add, move or remove the meeting.
 */
export function emailChannel({ smtpUrl, from }: Pick<SummonsDeliveryOptions, 'smtpUrl' | 'from'>): DeliveryChannel {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(summons) {
      await transport.sendMail({
        from,
        to: summons.address,
        subject: summons.subject,
        text: summons.body,
        // The same for every try, so a copy sent twice (a sender killed after sending) is one message.
        messageId: `<summons-${summons.summonsId}@sip-graph>`,
        icalEvent: {
          method: summons.kind === 'CANCELLED' ? 'CANCEL' : 'REQUEST',
          filename: 'kallelse.ics',
          content: summons.ics,
        },
      });
    },
    close: () => transport.close(),
  };
}
