#!/usr/bin/env bash
# Installs the system packages the tests need when they are missing: Chromium for the browser tests and
# Jupyter (nbclient + nbconvert) for the notebook tests. On Debian it uses apt-get; elsewhere it says what to install.
set -euo pipefail

need_chromium=0
need_jupyter=0
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need_chromium=1
/usr/bin/python3 -c 'import nbclient, nbformat, jupyter_client' >/dev/null 2>&1 || need_jupyter=1

if [ "$need_chromium" = 0 ] && [ "$need_jupyter" = 0 ]; then
  echo "setup: Chromium and Jupyter are present"
  exit 0
fi

packages=()
[ "$need_chromium" = 1 ] && packages+=(chromium)
[ "$need_jupyter" = 1 ] && packages+=(jupyter-nbconvert jupyter-client python3-nbclient python3-nbformat)

if command -v apt-get >/dev/null 2>&1 && [ -r /etc/debian_version ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "setup: installing ${packages[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  echo "setup: installed ${packages[*]}"
else
  cat >&2 <<MSG
setup: missing system packages and this is not Debian, so they cannot be installed automatically.
Install them by hand, then run the tests again:
  - Chromium (set CHROMIUM_PATH if it is not /usr/bin/chromium)
  - Python 3 at /usr/bin/python3 with nbclient, nbformat and jupyter_client (set JUPYTER_PYTHON to use another python)
MSG
  exit 1
fi
