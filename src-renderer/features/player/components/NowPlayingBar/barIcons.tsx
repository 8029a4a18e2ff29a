import type { ReactNode } from 'react';

/** The bar's own line icons, drawn like the UI kit's (decorative: every button that shows one is named). */
function Svg({ children }: { children: ReactNode }) {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const BarIcon = {
  Pause: () => (
    <Svg>
      <path d="M8 5v14M16 5v14" strokeWidth={3} />
    </Svg>
  ),
  VolumeOff: () => (
    <Svg>
      <path d="M4 9h4l5-4v14l-5-4H4z" />
      <path d="M17 9.5l5 5M22 9.5l-5 5" />
    </Svg>
  ),
  Queue: () => (
    <Svg>
      <path d="M4 6h16M4 12h10M4 18h10" />
      <path d="M17 14.5v5l4-2.5z" fill="currentColor" />
    </Svg>
  ),
};
