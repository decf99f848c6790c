// Colours per absence code, chosen to be told apart and to keep the code letter readable on top.

export interface CodeColour {
  background: string;
  foreground: string;
}

const COLOURS: Record<string, CodeColour> = {
  B: { background: '#b3261e', foreground: '#ffffff' }, // problematic: the one colour that must stand out
  Z: { background: '#1f5fa8', foreground: '#ffffff' },
  D: { background: '#0b3d75', foreground: '#ffffff' },
  R: { background: '#6a3d9a', foreground: '#ffffff' },
  P: { background: '#d97706', foreground: '#1a1a1a' },
  H: { background: '#0f766e', foreground: '#ffffff' },
  M: { background: '#7c4a1e', foreground: '#ffffff' },
  A: { background: '#9ca3af', foreground: '#1a1a1a' },
  T: { background: '#111827', foreground: '#ffffff' },
  U: { background: '#4b1d3f', foreground: '#ffffff' },
  Y: { background: '#9d174d', foreground: '#ffffff' },
  C: { background: '#15803d', foreground: '#ffffff' },
  J: { background: '#db2777', foreground: '#ffffff' },
  L: { background: '#facc15', foreground: '#1a1a1a' },
};

const FALLBACK: CodeColour = { background: '#525252', foreground: '#ffffff' };

export function codeColour(code: string): CodeColour {
  return COLOURS[code.toUpperCase()] ?? FALLBACK;
}
