export {
  AI_ACT_OBLIGATIONS,
  applicableObligations,
  missingObligations,
  type ObligationInfo,
} from "./obligations.js";
