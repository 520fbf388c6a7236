/**
 * The OpenAI Responses API wire shapes, as far as the gateway reads or writes them. Unknown fields
 * are kept (index signatures): new item and event types pass through untouched.
 */

export interface ResponsesContentPart {
  type: string;
  text?: string;
  [key: string]: unknown;
}

export interface ResponsesInputItem {
  type?: string;
  role?: string;
  content?: string | ResponsesContentPart[];
  /** function_call */
  arguments?: string;
  /** function_call_output */
  output?: string | ResponsesContentPart[];
  [key: string]: unknown;
}

export interface ResponsesRequest {
  model: string;
  input?: string | ResponsesInputItem[];
  instructions?: string | null;
  tools?: Array<{ type: string; name?: string; [key: string]: unknown }>;
  stream?: boolean | null;
  store?: boolean | null;
  previous_response_id?: string | null;
  max_output_tokens?: number | null;
  [key: string]: unknown;
}

export interface ResponsesOutputItem {
  type: string;
  id?: string;
  role?: string;
  content?: ResponsesContentPart[];
  arguments?: string;
  [key: string]: unknown;
}

export interface ResponsesUsage {
  input_tokens?: number;
  output_tokens?: number;
  input_tokens_details?: { cached_tokens?: number } | null;
  [key: string]: unknown;
}

export interface ResponsesObject {
  id: string;
  object: "response";
  status?: string;
  output: ResponsesOutputItem[];
  usage?: ResponsesUsage | null;
  [key: string]: unknown;
}

/** One event of a streamed response; `type` is also the SSE event name. */
export interface ResponsesStreamEvent {
  type: string;
  sequence_number?: number;
  [key: string]: unknown;
}
