#!/usr/bin/env bash
# Builds the fastattractors wheel offline (Debian's python3-setuptools, python3-wheel and python3-pip; no PyPI):
#   python/build_wheel.sh            -> python/dist/fastattractors-<version>-py3-none-linux_<arch>.whl
# It runs `make -C native` (libfastattractors.so and the managed assemblies), copies the package into a staging
# directory together with native/build/libfastattractors.so and native/build/managed/* (as fastattractors/_native),
# and runs `pip wheel` there. Staging keeps the source tree free of bundled copies: python/fastattractors itself
# loads native/build directly, so a stale copy can never shadow a fresh build.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-/usr/bin/python3}

project=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)
package=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' python/fastattractors/_version.py)
if [ "$project" != "$package" ]; then
  echo "error: Directory.Build.props has version '$project' but python/fastattractors/_version.py '$package'" >&2
  exit 1
fi

make -C native

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp python/pyproject.toml python/setup.py python/README.md "$stage"/
mkdir -p "$stage/fastattractors/_native/managed"
cp python/fastattractors/*.py "$stage/fastattractors/"
cp native/build/libfastattractors.so "$stage/fastattractors/_native/"
# The assemblies, deps.json and runtimeconfig.json hostfxr needs, and the .pdb files (line numbers in internal
# errors); the XML API docs are for IDEs only.
find native/build/managed -maxdepth 1 -type f ! -name '*.xml' -exec cp {} "$stage/fastattractors/_native/managed/" \;

mkdir -p python/dist
rm -f python/dist/fastattractors-*.whl
"$PYTHON" -m pip wheel --no-build-isolation --no-deps --no-index --quiet -w python/dist "$stage"
ls python/dist/fastattractors-*.whl
