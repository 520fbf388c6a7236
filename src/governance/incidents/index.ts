export { type NotificationCountdown, notificationCountdown, notificationDeadline } from "./deadline.js";
