#!/usr/bin/env bash
# Cross-compile masterplan for Windows (x86_64-pc-windows-gnu, mingw) and try the .exe under
# wine on examples/banggai: check and generate md+pdf with a relative, a backslash and a drive
# letter (Z:\...) path, on LF and CRLF copies of the example, output not a terminal. Each output
# is compared with the Linux binary's, byte for byte.
#
# Needs: rustup target add x86_64-pc-windows-gnu; Debian gcc-mingw-w64-x86-64, wine64, dos2unix.
# Usage: scripts/windows-wine-check.sh [--release]   (exit 0 when everything matches)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=debug
flags=()
if [[ "${1:-}" == "--release" ]]; then
  profile=release
  flags=(--release)
fi
target=x86_64-pc-windows-gnu
cargo build "${flags[@]}" --bin masterplan
cargo build "${flags[@]}" --target "$target" --bin masterplan
wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all
cp "target/$target/$profile/masterplan.exe" "$work/"
linux="$PWD/target/$profile/masterplan"
# Wine 8.0 (Debian 12) lacks bcryptprimitives.dll, which Rust's std (1.78+) imports for
# ProcessPrng and which every Windows 10+ has: a two-line stand-in beside the .exe, for wine only.
cat > "$work/bcp.c" <<'EOF'
#include <windows.h>
#include <ntsecapi.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) { return RtlGenRandom(data, (ULONG)len); }
EOF
printf 'LIBRARY bcryptprimitives\nEXPORTS\nProcessPrng\n' > "$work/bcp.def"
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" "$work/bcp.c" "$work/bcp.def" -ladvapi32
cp -r examples/banggai "$work/banggai"
cp -r examples/banggai "$work/crlf"
find "$work/crlf" -name '*.yaml' -exec unix2dos -q {} \;
cd "$work"
win() { timeout 600 "$wine" masterplan.exe "$@"; }
win --version > /dev/null 2>&1 # the first run creates the wine prefix (and says so on stderr)
win --version
fail=0
same() { if cmp -s "$1" "$2"; then echo "same: $3"; else echo "DIFFERENT: $3"; fail=1; fi; }
"$linux" check banggai >/dev/null 2> linux.err || true
"$linux" generate banggai --format md,pdf --out out-linux 2>/dev/null
for dir in 'banggai' '.\banggai\' "Z:${work//\//\\}\\banggai" 'crlf'; do
  win check "$dir" >/dev/null 2> win.err || true
  tr -d '\r' < win.err | sed 's/crlf/banggai/g' > win.lf.err
  same win.lf.err linux.err "check $dir: diagnostics"
  if grep -q $'\e' win.err; then echo "COLOUR CODES in check $dir (not a terminal)"; fail=1; fi
  if grep -q '\\' <(grep -- '-->' win.err); then echo "BACKSLASH in a diagnostic path"; fail=1; fi
  rm -rf out-win
  win generate "$dir" --format md,pdf --out 'out-win' 2>/dev/null
  same out-win/masterplan.md out-linux/masterplan.md "generate $dir: masterplan.md"
  same out-win/masterplan.pdf out-linux/masterplan.pdf "generate $dir: masterplan.pdf"
done
exit $fail
