import 'server-only';
// Demo mode's SMTP server: a sink on a loopback port (npm start picks it and points SMTP_URL at
// it) that keeps every mail it is given in the demo inbox of the tenant it names
// (X-Sync-Admin-Tenant) and delivers nothing further. Bounded: 1 MB per mail.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { getDatabase } from '@/db/client';
import { TENANT_HEADER } from '@/lib/alerts/send-email';
import { logger } from '@/lib/logger';
import { recordDemoMessage } from './demo-inbox';

export function startDemoSmtpSink(port: number): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: 1024 * 1024,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const tenantId = String(mail.headers.get(TENANT_HEADER) ?? '');
          if (/^[0-9a-f-]{36}$/i.test(tenantId)) {
            const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).map((address) => address.text).join(', ');
            await recordDemoMessage(getDatabase().db, { tenantId, via: 'email', summary: mail.subject ?? '(no subject)', detail: `To: ${to}\n\n${mail.text ?? ''}`, signatureValid: null });
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  return new Promise((resolve, reject) => {
    server.on('error', (error) => logger().warn({ err: error }, 'the demo SMTP sink failed'));
    server.listen(port, '127.0.0.1', () => resolve(server));
    server.server.once('error', reject);
  });
}
