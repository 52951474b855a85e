import type { Logger } from "./log";

export type Mail = { to: string; subject: string; text: string };

export interface Mailer {
  readonly enabled: boolean;
  send(mail: Mail): Promise<void>;
}

/** Sends through SMTP_URL when configured; otherwise mail is not sent and links are shown in the UI. */
export async function createMailer(
  smtpUrl: string | null,
  from: string,
  log: Logger,
): Promise<Mailer> {
  if (!smtpUrl) return { enabled: false, send: async () => {} };
  const { createTransport } = await import("nodemailer");
  const transport = createTransport(smtpUrl);
  return {
    enabled: true,
    async send(mail) {
      try {
        await transport.sendMail({ from, ...mail });
      } catch (error) {
        // a mail failure must not undo the invitation: the coordinator still has the link
        log.warn("mail not sent", { to: mail.to, subject: mail.subject, error });
      }
    },
  };
}
