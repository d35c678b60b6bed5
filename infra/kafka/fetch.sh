#!/usr/bin/env bash
# Copies the broker's jars (the dependencies of pom.xml, from Maven Central) into infra/kafka/.lib.
# A no-op when they are already there for this very pom.xml; Maven caches the downloads in ~/.m2.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lib="${KAFKA_LIB_DIR:-$here/.lib}"
want="$(sha256sum "$here/pom.xml" | cut -d' ' -f1)"
if [[ -f "$lib/.pom-sha256" && "$(cat "$lib/.pom-sha256")" == "$want" ]]; then exit 0; fi
rm -rf "$lib.partial"
mvn -q -B -Dstyle.color=never -f "$here/pom.xml" \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
  -DoutputDirectory="$lib.partial" -DincludeScope=runtime
echo "$want" > "$lib.partial/.pom-sha256"
rm -rf "$lib"
mv "$lib.partial" "$lib"
echo "kafka jars in $lib" >&2
