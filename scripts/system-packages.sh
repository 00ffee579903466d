#!/usr/bin/env bash
# Make sure the Debian packages a profile needs are present.
#   run:  Traditional Chinese fonts (PDF documents)
#   test: + Chromium (browser tests), LibreOffice Writer (conversion tests), jing (ODF schema), poppler-utils,
#         wrk (the load generator; the benchmark's smoke test runs it), memcached (two servers, one cache)
#   bench: the same as test
# As root on Debian it installs what is missing; otherwise it prints the exact command and fails.
set -euo pipefail
profile="${1:-test}"

need=()
have_font() { fc-list 2>/dev/null | grep -i "$1" >/dev/null; }
have_font "TW-Kai" || need+=(fonts-cns11643-kai)
have_font "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v fc-list >/dev/null || need+=(fontconfig)
if [ "$profile" = "test" ] || [ "$profile" = "bench" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
  command -v jing >/dev/null || need+=(jing)
  command -v pdftoppm >/dev/null || need+=(poppler-utils)
  command -v wrk >/dev/null || need+=(wrk)
  command -v memcached >/dev/null || [ -x /usr/bin/memcached ] || need+=(memcached)
fi

# Official documents name 標楷體; on Debian the 楷書 face is TW-Kai (全字庫正楷體): one fontconfig alias.
kai_conf="$(dirname "$0")/../src/anwei/documents/data/65-anwei-kai.conf"
install_kai_alias() {
  if [ "$(id -u)" = "0" ] && [ -d /etc/fonts/conf.d ] && ! cmp -s "$kai_conf" /etc/fonts/conf.d/65-anwei-kai.conf; then
    cp "$kai_conf" /etc/fonts/conf.d/65-anwei-kai.conf && fc-cache -f >/dev/null 2>&1 || true
  fi
}

if [ ${#need[@]} -eq 0 ]; then
  install_kai_alias
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "安裝系統套件：${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
  install_kai_alias
  exit 0
fi
echo "缺少系統套件：${need[*]}" >&2
echo "請以系統管理者身分執行：sudo apt-get install ${need[*]}" >&2
exit 1
