export { AP_BREACH_NOTIFICATION_URL, DATA_PROTECTION_AUTHORITY_CONTACT } from "./authority.js";
export { type NotificationCountdown, notificationCountdown, notificationDeadline } from "./deadline.js";
