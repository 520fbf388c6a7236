export {
  type CheckResult,
  evaluateRules,
  type Reminder,
  type ReminderTask,
  type RuleResult,
  type RuleStatus,
} from "./evaluate.js";
export { formatCheckReport } from "./report.js";
