/** A bar to glance at beside the number it shows (the number stays for screen readers). */
export function SimilarityBar({ value }: { value: number }) {
  const width = `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%`;
  const level = value >= 0.8 ? "high" : value >= 0.5 ? "mid" : "low";
  return (
    <span className={`similarity-bar level-${level}`} aria-hidden="true">
      <span style={{ width }} />
    </span>
  );
}
