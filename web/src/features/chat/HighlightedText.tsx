import { Box } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Span, segments, typeColor } from "./entities";

/** The text with every finding marked; the type is in the title and read out by screen readers. */
export function HighlightedText({ text, entities, label }: { text: string; entities: readonly Span[]; label: string }) {
  const { t } = useTranslation("chat");
  return (
    <Box
      component="div"
      aria-label={label}
      data-testid="live-highlight"
      style={{ whiteSpace: "pre-wrap", wordBreak: "break-word", lineHeight: 1.6 }}
    >
      {segments(text, entities).map((piece, i) =>
        piece.entity ? (
          <mark
            // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their position
            key={i}
            title={t(`types.${piece.entity.type}`)}
            data-type={piece.entity.type}
            style={{ background: typeColor(piece.entity.type), color: "#1a1b1e", borderRadius: 3, padding: "0 2px" }}
          >
            {piece.text}
            <span className="visually-hidden" style={visuallyHidden}>
              {` (${t(`types.${piece.entity.type}`)})`}
            </span>
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their position
          <span key={i}>{piece.text}</span>
        ),
      )}
    </Box>
  );
}

const visuallyHidden: React.CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};
