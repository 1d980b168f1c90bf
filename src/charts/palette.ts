/**
 * Okabe & Ito's colour-blind-safe palette (black and yellow left out: they vanish on one of the
 * two page backgrounds). Lines also differ by dash where colour alone would carry meaning.
 */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
] as const;

export const seriesColour = (index: number): string => OKABE_ITO[index % OKABE_ITO.length]!;

/** Utilisation bands for the topology: colour and a word, so the colour is never the only cue. */
export function utilisationBand(u: number | null): { colour: string; label: string } {
  if (u === null) return { colour: '#999999', label: 'idle' };
  if (u >= 0.9) return { colour: '#D55E00', label: 'saturated' };
  if (u >= 0.7) return { colour: '#E69F00', label: 'busy' };
  return { colour: '#009E73', label: 'ok' };
}
