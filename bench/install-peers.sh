#!/usr/bin/env bash
# Installs what the peer baselines of bench/peers need (Debian packages): python3-numpy for the numpy
# peers, with OpenBLAS behind it (Debian's numpy otherwise runs the reference BLAS: the shared-W peer of W2 ran 11×
# slower), and libboost-dev for the Boost.Odeint peers (g++ with OpenMP comes with build-essential). Idempotent: installs only
# what is missing, and only as root. Not part of CI; the compare runner skips a missing peer with a 'missing' row.
set -euo pipefail
missing=()
/usr/bin/python3 -c 'import numpy' 2>/dev/null || missing+=(python3-numpy)
ldconfig -p 2>/dev/null | grep -q 'libopenblas.so.0' || missing+=(libopenblas0-pthread)
[ -f /usr/include/boost/numeric/odeint.hpp ] || missing+=(libboost-dev)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
if [ ${#missing[@]} -eq 0 ]; then
  echo "peers: everything present (python3-numpy, libopenblas0-pthread, libboost-dev, g++)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "peers: missing ${missing[*]}; run as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "peers: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "peers: installed ${missing[*]}"
