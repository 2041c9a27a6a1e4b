// How one attempt to deliver a notification went, whatever the channel: the receiver's answer
// (an HTTP status for a webhook, the SMTP reply code for an email) and why it failed.
export interface DeliveryResult {
  ok: boolean;
  /** The receiver's status; null when none came. */
  status: number | null;
  error: string | null;
}
