import { DateInput, DatesProvider } from "@mantine/dates";
import "dayjs/locale/nl";
import "dayjs/locale/en-gb";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { parseTypedDate } from "./typed-date";

/**
 * Dates are typed and shown the way the app's language writes them (`23-11-2026`, `23/11/2026`),
 * not the way the browser's language does, which is what a native `<input type="date">` follows.
 */
const FORMATS = {
  nl: { locale: "nl", date: "DD-MM-YYYY", dateTime: "DD-MM-YYYY HH:mm", placeholder: "dd-mm-jjjj" },
  en: { locale: "en-gb", date: "DD/MM/YYYY", dateTime: "DD/MM/YYYY HH:mm", placeholder: "dd/mm/yyyy" },
} as const;

function useFormats() {
  const { i18n } = useTranslation();
  return FORMATS[i18n.language === "en" ? "en" : "nl"];
}

/** Calendars in the app's language, weeks from Monday. */
export function LocalisedDates({ children }: { children: ReactNode }) {
  const { locale } = useFormats();
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

interface DateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, or with `withTime` `YYYY-MM-DD HH:mm:ss` in local time; "" for none. */
  value: string;
  onChange: (value: string) => void;
  withTime?: boolean;
  required?: boolean;
  error?: ReactNode;
  description?: ReactNode;
  minDate?: string;
  maxDate?: string;
}

/** A date (or date and time) field people can type in or pick from a calendar. */
export function DateField({ label, value, onChange, withTime = false, ...rest }: DateFieldProps) {
  const formats = useFormats();
  return (
    <DateInput
      {...rest}
      label={label}
      value={value || null}
      onChange={(next) => onChange(next ?? "")}
      valueFormat={withTime ? formats.dateTime : formats.date}
      dateParser={(text) => parseTypedDate(text, withTime)}
      withTime={withTime}
      placeholder={withTime ? `${formats.placeholder} 09:00` : formats.placeholder}
      clearable={!rest.required}
      popoverProps={{ withinPortal: true }}
    />
  );
}
