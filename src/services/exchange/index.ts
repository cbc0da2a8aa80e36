// Public face of the exchange area: hits, threads and messages, durable
// delivery, rapid alerts, the live event stream and watch.
export { recordHit, listHits, type HitView } from './hits.ts';
export { postToThread, getThread, getMessage, inbox, markRead, acknowledgeMessage, type ThreadView, type InboxItem } from './messages.ts';
export { uploadAttachment, readAttachment } from './attachments.ts';
export { checkAttachment, MAX_ATTACHMENT_BYTES, MAX_MESSAGE_ATTACHMENT_BYTES, ALLOWED_CONTENT_TYPES } from './attachment-check.ts';
export { deliverPending, localTransport, type Transport, type DeliveryRun } from './delivery.ts';
export { sendRapidAlert, getRapidAlert, listRapidAlerts, acknowledgeRapidAlert, type RapidAlertView } from './rapid-alerts.ts';
export { eventsSince, latestEventId, onWake, wakeSubscribers, type ExchangeEvent } from './events.ts';
export { notifyWatchers, sweepWatches, type WatchMatch } from './watch.ts';
export { closeCase } from './cases.ts';
export type { MessageView, AttachmentView } from './views.ts';
export { exchangeJobs } from './jobs.ts';
