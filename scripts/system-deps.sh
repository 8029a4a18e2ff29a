#!/usr/bin/env bash
# Installs what Glasswing needs from the system when it is missing: ffmpeg/ffprobe (demo library, probing,
# transcoding) and, with --browser, Chromium (end-to-end tests). Debian/Ubuntu as root installs them;
# anywhere else it says what to install and fails.
set -euo pipefail
want=(ffmpeg)
[[ "${1:-}" == "--browser" ]] && want+=(chromium)
missing=()
for pkg in "${want[@]}"; do
  case "$pkg" in
    ffmpeg) command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || missing+=(ffmpeg) ;;
    chromium) [[ -x /usr/bin/chromium ]] || missing+=(chromium) ;;
  esac
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ -f /etc/debian_version && $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} with apt-get (about a minute)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  exit 0
fi
echo "Glasswing needs: ${missing[*]}." >&2
echo "  Debian/Ubuntu: sudo apt-get install -y ${missing[*]}" >&2
echo "  macOS:         brew install ${missing[*]/chromium/--cask chromium}" >&2
echo "  Windows:       winget install Gyan.FFmpeg" >&2
exit 1
