#!/bin/sh
# Build iipsrv (IIPImage server, 1.3 or later) from a source folder, for bench/tile_bench.py.
#
#   bench/build_iipsrv.sh SOURCE_DIR [PREFIX]
#
# SOURCE_DIR is a checkout or export of the public iipsrv repository (github ruven/iipsrv).
# The binary lands in PREFIX (default var/bench/iipsrv-build/) as iipsrv.fcgi; nothing is installed
# system-wide. Needs Debian's g++, make, autoconf, automake, libtool, pkg-config, libtiff-dev,
# libjpeg-dev, libpng-dev, zlib1g-dev and libfcgi-dev.
set -eu

if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ] || [ $# -lt 1 ]; then
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    [ $# -ge 1 ] && exit 0 || exit 2
fi

source_dir=$(cd "$1" && pwd) || { echo "error: no such folder: $1" >&2; exit 1; }
repo=$(cd "$(dirname "$0")/.." && pwd)
prefix=${2:-"$repo/var/bench/iipsrv-build"}
[ -f "$source_dir/configure.ac" ] || { echo "error: $source_dir holds no configure.ac: not an iipsrv source" >&2; exit 1; }

missing=""
for tool in g++ make autoreconf libtoolize pkg-config; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
for header in tiffio.h jpeglib.h fcgiapp.h zlib.h; do
    [ -f "/usr/include/$header" ] || [ -n "$(find /usr/include -name "$header" -print -quit)" ] || missing="$missing $header"
done
if [ -n "$missing" ]; then
    echo "error: missing build tools or headers:$missing" >&2
    echo "on Debian: apt-get install g++ make autoconf automake libtool pkg-config libtiff-dev libjpeg-dev libpng-dev zlib1g-dev libfcgi-dev" >&2
    exit 1
fi

build="$prefix/src"
rm -rf "$build"
mkdir -p "$build"
cp -R "$source_dir/." "$build/"
cd "$build"
./autogen.sh >/dev/null
# Only what the bench serves: TIFF with JPEG tiles. The optional codecs are left out on purpose.
./configure --disable-openjpeg --disable-libmemcached --disable-webp --disable-avif --disable-png >/dev/null
make -j"$(nproc)" >/dev/null
cp src/iipsrv.fcgi "$prefix/iipsrv.fcgi"
echo "built iipsrv $(sed -n 's/^AC_INIT(\[iipsrv\],\[\([^]]*\)\].*/\1/p' configure.ac): $prefix/iipsrv.fcgi"
