import { pxPerMm } from './geometry';

/** The rulers' thickness, px. */
export const RULER_PX = 24;

interface Props {
  /** The page's length along this ruler, mm. */
  lengthMm: number;
  zoom: number;
  orientation: 'top' | 'left';
  /** The selection's span along this ruler (mm), shaded so its position reads off the ruler. */
  mark?: { fromMm: number; toMm: number } | null;
}

/**
 * A millimetre ruler along the page's top or left edge, as on a paper ruler: a tick each
 * millimetre, longer at 5, numbered every 10 (every 20 when zoomed out so numbers do not touch).
 */
export function Ruler({ lengthMm, zoom, orientation, mark }: Props) {
  const ppm = pxPerMm(zoom);
  const len = lengthMm * ppm;
  const labelEvery = ppm * 10 >= 28 ? 10 : 20;
  const ticks = [];
  for (let mm = 0; mm <= Math.floor(lengthMm); mm += 1) {
    const major = mm % 10 === 0;
    const mid = mm % 5 === 0;
    if (!major && !mid && ppm < 2.5) continue;
    const t = major ? 10 : mid ? 7 : 4;
    const p = mm * ppm + 0.5;
    ticks.push(
      orientation === 'top' ? (
        <line key={mm} x1={p} x2={p} y1={RULER_PX} y2={RULER_PX - t} />
      ) : (
        <line key={mm} y1={p} y2={p} x1={RULER_PX} x2={RULER_PX - t} />
      ),
    );
  }
  const labels = [];
  for (let mm = 0; mm <= lengthMm; mm += labelEvery) {
    const p = mm * ppm;
    labels.push(
      orientation === 'top' ? (
        <text key={mm} x={p + 2} y={11}>
          {mm}
        </text>
      ) : (
        <text key={mm} x={11} y={p + 2} transform={`rotate(-90 11 ${p + 2})`} textAnchor="end">
          {mm}
        </text>
      ),
    );
  }
  const w = orientation === 'top' ? len + 1 : RULER_PX;
  const h = orientation === 'top' ? RULER_PX : len + 1;
  return (
    <svg width={w} height={h} aria-label={orientation === 'top' ? '横向标尺（毫米）' : '纵向标尺（毫米）'} role="img" style={{ display: 'block', background: '#f7f7f4' }}>
      {mark &&
        (orientation === 'top' ? (
          <rect x={mark.fromMm * ppm} y={0} width={Math.max(1, (mark.toMm - mark.fromMm) * ppm)} height={RULER_PX} fill="rgba(25,118,210,0.18)" />
        ) : (
          <rect y={mark.fromMm * ppm} x={0} height={Math.max(1, (mark.toMm - mark.fromMm) * ppm)} width={RULER_PX} fill="rgba(25,118,210,0.18)" />
        ))}
      <g stroke="#555" strokeWidth={1}>{ticks}</g>
      <g fill="#333" fontSize={10} fontFamily="system-ui, sans-serif">
        {labels}
      </g>
      {orientation === 'top' ? <line x1={0} x2={w} y1={RULER_PX - 0.5} y2={RULER_PX - 0.5} stroke="#999" /> : <line y1={0} y2={h} x1={RULER_PX - 0.5} x2={RULER_PX - 0.5} stroke="#999" />}
    </svg>
  );
}
