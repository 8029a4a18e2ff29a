import type { ReactNode } from 'react';

/** Small line icons drawn inline: no icon font, no network. All are decorative (aria-hidden). */
function Svg({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const Icon = {
  Home: () => (
    <Svg>
      <path d="M3 11l9-7 9 7" />
      <path d="M5 10v10h5v-6h4v6h5V10" />
    </Svg>
  ),
  Film: () => (
    <Svg>
      <rect x="3" y="3" width="18" height="18" rx="2" />
      <path d="M7 3v18M17 3v18M3 8h4M3 16h4M17 8h4M17 16h4" />
    </Svg>
  ),
  Search: () => (
    <Svg>
      <circle cx="11" cy="11" r="6.5" />
      <path d="M20 20l-4.2-4.2" />
    </Svg>
  ),
  Settings: () => (
    <Svg>
      <path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0" />
      <circle cx="16" cy="6" r="2" />
      <circle cx="10" cy="12" r="2" />
      <circle cx="18" cy="18" r="2" />
    </Svg>
  ),
  Library: () => (
    <Svg>
      <rect x="3" y="4" width="5" height="16" rx="1" />
      <rect x="10" y="4" width="5" height="16" rx="1" />
      <path d="M17.5 5.5l3 14" />
    </Svg>
  ),
  Eye: () => (
    <Svg>
      <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </Svg>
  ),
  Play: () => (
    <Svg>
      <path d="M7 4.5v15l12-7.5z" fill="currentColor" />
    </Svg>
  ),
  Folder: () => (
    <Svg>
      <path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2.5h8.5A1.5 1.5 0 0 1 21 9v9.5a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 18.5z" />
    </Svg>
  ),
  Refresh: () => (
    <Svg>
      <path d="M20 11a8 8 0 0 0-14.5-4.5L4 8" />
      <path d="M4 4v4h4" />
      <path d="M4 13a8 8 0 0 0 14.5 4.5L20 16" />
      <path d="M20 20v-4h-4" />
    </Svg>
  ),
  Trash: () => (
    <Svg>
      <path d="M4 7h16M10 11v6M14 11v6M6 7l1 12.5A1.5 1.5 0 0 0 8.5 21h7a1.5 1.5 0 0 0 1.5-1.5L18 7M9 7V4.5A1.5 1.5 0 0 1 10.5 3h3A1.5 1.5 0 0 1 15 4.5V7" />
    </Svg>
  ),
  Close: () => (
    <Svg>
      <path d="M6 6l12 12M18 6L6 18" />
    </Svg>
  ),
  Copy: () => (
    <Svg>
      <rect x="8" y="8" width="12" height="12" rx="2" />
      <path d="M16 8V5.5A1.5 1.5 0 0 0 14.5 4h-9A1.5 1.5 0 0 0 4 5.5v9A1.5 1.5 0 0 0 5.5 16H8" />
    </Svg>
  ),
  Lock: () => (
    <Svg>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </Svg>
  ),
  Download: () => (
    <Svg>
      <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
    </Svg>
  ),
  Send: () => (
    <Svg>
      <path d="M21 3L10 14M21 3l-7 18-4-7-7-4z" />
    </Svg>
  ),
  Shield: () => (
    <Svg>
      <path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z" />
      <path d="M9 12l2 2 4-4" />
    </Svg>
  ),
  Volume: () => (
    <Svg>
      <path d="M4 9h4l5-4v14l-5-4H4z" />
      <path d="M16.5 8.5a5 5 0 0 1 0 7" />
    </Svg>
  ),
  VolumeOff: () => (
    <Svg>
      <path d="M4 9h4l5-4v14l-5-4H4z" />
      <path d="M17 9.5l5 5M22 9.5l-5 5" />
    </Svg>
  ),
  Pause: () => (
    <Svg>
      <path d="M8 5v14M16 5v14" strokeWidth={3} />
    </Svg>
  ),
  Queue: () => (
    <Svg>
      <path d="M4 6h16M4 12h10M4 18h10" />
      <path d="M17 14.5v5l4-2.5z" fill="currentColor" />
    </Svg>
  ),
  Music: () => (
    <Svg>
      <path d="M9 18V5l11-2v13" />
      <circle cx="6" cy="18" r="3" />
      <circle cx="17" cy="16" r="3" />
    </Svg>
  ),
  Tv: () => (
    <Svg>
      <rect x="3" y="6" width="18" height="12" rx="2" />
      <path d="M8 21h8M9 2l3 4 3-4" />
    </Svg>
  ),
  Previous: () => (
    <Svg>
      <path d="M18 5.5v13L8.5 12z" fill="currentColor" />
      <path d="M6 5v14" />
    </Svg>
  ),
  Next: () => (
    <Svg>
      <path d="M6 5.5v13l9.5-6.5z" fill="currentColor" />
      <path d="M18 5v14" />
    </Svg>
  ),
  Shuffle: () => (
    <Svg>
      <path d="M3 7h3.5c4.5 0 6.5 10 11 10H21M3 17h3.5c1.6 0 2.8-1.3 3.9-3M13.6 10c1.1-1.7 2.3-3 3.9-3H21" />
      <path d="M18.5 4.5L21 7l-2.5 2.5M18.5 14.5L21 17l-2.5 2.5" />
    </Svg>
  ),
  Repeat: () => (
    <Svg>
      <path d="M4 11V9.5A2.5 2.5 0 0 1 6.5 7H19M16.5 4.5L19 7l-2.5 2.5M20 13v1.5a2.5 2.5 0 0 1-2.5 2.5H5M7.5 19.5L5 17l2.5-2.5" />
    </Svg>
  ),
  ArrowUp: () => (
    <Svg>
      <path d="M12 19V5M6 11l6-6 6 6" />
    </Svg>
  ),
  ArrowDown: () => (
    <Svg>
      <path d="M12 5v14M6 13l6 6 6-6" />
    </Svg>
  ),
  Plus: () => (
    <Svg>
      <path d="M12 5v14M5 12h14" />
    </Svg>
  ),
  Check: () => (
    <Svg>
      <path d="M5 12.5l4.5 4.5L19 7.5" />
    </Svg>
  ),
  Menu: () => (
    <Svg size={20}>
      <path d="M4 7h16M4 12h16M4 17h16" />
    </Svg>
  ),
};

/** The Glasswing mark: two clear wings with a dark edge. */
export function Logo({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="logo">
      <path
        d="M16 9c-2-4.5-7-6.5-11-5.5C2 4.2 2 9 4.5 13c1.7 2.6 5.6 3.6 9.5 3.2C10 17.5 6.5 20 7 24c.4 3 4.5 4.2 7.3 1.5 1-1 1.5-2.6 1.7-4.2"
        fill="var(--wing-fill)"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
      <path
        d="M16 9c2-4.5 7-6.5 11-5.5C30 4.2 30 9 27.5 13c-1.7 2.6-5.6 3.6-9.5 3.2 4 1.3 7.5 3.8 7 7.8-.4 3-4.5 4.2-7.3 1.5-1-1-1.5-2.6-1.7-4.2"
        fill="var(--wing-fill)"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
      <path d="M16 8.5v17" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
