/**
 * The notification clock of GDPR art. 33: the Autoriteit Persoonsgegevens must be notified within
 * 72 hours (configurable per incident) of becoming aware of a breach.
 */
import type { Bilingual, Incident } from "../model.js";

export interface NotificationCountdown {
  deadline: string;
  /** Whole and fractional hours until the deadline; negative when past it. */
  hoursLeft: number;
  /** The clock still matters: no notification yet and no decision not to notify. */
  running: boolean;
  overdue: boolean;
  label: Bilingual;
}

const HOUR_MS = 3_600_000;

export function notificationDeadline(incident: Incident): Date {
  return new Date(Date.parse(incident.discoveredAt) + incident.notificationDeadlineHours * HOUR_MS);
}

function formatHours(hours: number): { nl: string; en: string } {
  const total = Math.floor(Math.abs(hours));
  const days = Math.floor(total / 24);
  const rest = total % 24;
  if (days === 0) return { nl: `${rest} uur`, en: `${rest} h` };
  return { nl: `${days} d ${rest} uur`, en: `${days} d ${rest} h` };
}

export function notificationCountdown(incident: Incident, now: Date): NotificationCountdown {
  const deadline = notificationDeadline(incident);
  const hoursLeft = (deadline.getTime() - now.getTime()) / HOUR_MS;
  const settled = incident.notifiedAt !== undefined || incident.notifyDecision.decision === "do-not-notify";
  const running = !settled;
  const overdue = running && hoursLeft < 0;
  const span = formatHours(hoursLeft);
  let label: Bilingual;
  if (incident.notifiedAt) {
    const late = Date.parse(incident.notifiedAt) > deadline.getTime();
    label = late
      ? { nl: "Gemeld bij de AP, na de termijn", en: "Notified to the DPA, after the deadline" }
      : { nl: "Gemeld bij de AP, binnen de termijn", en: "Notified to the DPA, within the deadline" };
  } else if (!running) {
    label = { nl: "Besloten niet te melden (met motivering)", en: "Decided not to notify (with reasoning)" };
  } else if (overdue) {
    label = {
      nl: `Meldtermijn ${span.nl} verstreken — meld nu bij de AP of leg het besluit vast`,
      en: `Notification deadline passed ${span.en} ago — notify the DPA now or record the decision`,
    };
  } else {
    label = {
      nl: `Nog ${span.nl} om te melden bij de Autoriteit Persoonsgegevens`,
      en: `${span.en} left to notify the Dutch DPA (Autoriteit Persoonsgegevens)`,
    };
  }
  return { deadline: deadline.toISOString(), hoursLeft, running, overdue, label };
}
