// The eval's chart: the learning curve and the reliability diagram side by side, drawn as SVG
// and rasterised to PNG by sharp (librsvg inside its prebuilt libvips).
import sharp from "sharp";
import type { EvalReport } from "./evaluate";

const W = 360;
const H = 260;
const PAD = 40;

const x = (v: number) => PAD + v * (W - 2 * PAD);
const y = (v: number) => H - PAD - v * (H - 2 * PAD);

function frame(title: string, xLabel: string): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => `<text x="${PAD - 6}" y="${y(t) + 4}" text-anchor="end">${Math.round(t * 100)}%</text>`)
    .join("");
  return (
    `<text x="${W / 2}" y="18" text-anchor="middle" font-weight="bold">${title}</text>` +
    `<rect x="${PAD}" y="${PAD}" width="${W - 2 * PAD}" height="${H - 2 * PAD}" fill="none" stroke="#888"/>` +
    `<text x="${W / 2}" y="${H - 8}" text-anchor="middle">${xLabel}</text>${ticks}`
  );
}

export function chartSvg(report: EvalReport): string {
  const curve = report.learningCurve;
  const top1 = curve.map((p) => `${x(p.fraction)},${y(p.top1Accuracy)}`).join(" ");
  const answered = curve
    .filter((p) => p.answeredAccuracy !== null)
    .map((p) => `${x(p.fraction)},${y(p.answeredAccuracy!)}`)
    .join(" ");
  const points = report.reliability
    .filter((r) => r.n > 0)
    .map(
      (r) =>
        `<circle cx="${x(r.meanConfidence!)}" cy="${y(r.accuracy!)}" r="${3 + Math.min(8, Math.sqrt(r.n))}" ` +
        `fill="#378ef0" fill-opacity="0.6"/>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="#fff"/>
<g>${frame("Accuracy as the catalog grows", "share of the library in the catalog")}
<polyline points="${top1}" fill="none" stroke="#378ef0" stroke-width="2"/>
<polyline points="${answered}" fill="none" stroke="#2d9d78" stroke-width="2" stroke-dasharray="4 3"/>
<text x="${PAD + 4}" y="${PAD + 14}" fill="#378ef0">top-1</text>
<text x="${PAD + 4}" y="${PAD + 28}" fill="#2d9d78">when it answers</text></g>
<g transform="translate(${W},0)">${frame("Reliability (fields)", "confidence shown")}
<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#bbb" stroke-dasharray="3 3"/>${points}</g>
</svg>`;
}

export async function writeChartPng(report: EvalReport, file: string): Promise<void> {
  await sharp(Buffer.from(chartSvg(report)))
    .png()
    .toFile(file);
}
