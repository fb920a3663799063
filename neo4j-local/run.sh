#!/usr/bin/env bash
# Starts the embedded Neo4j with the JVM flags the Neo4j server itself passes.
# Build it first with `mvn -q -B package -DskipTests` (the Makefile does). Arguments go to the launcher.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/target/lib" ] || [ ! -d "$here/target/classes" ]; then
  echo "neo4j-local is not built: run 'make neo4j-build' (or 'mvn -B package' in $here)" >&2
  exit 1
fi
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$java_bin" ${JAVA_OPTS:--Xmx1g} -XX:+UseG1GC \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --enable-native-access=ALL-UNNAMED \
  -Dio.netty.tryReflectionSetAccessible=true \
  -cp "$here/target/classes:$here/target/lib/*" \
  dev.peergraph.neo4jlocal.Launcher "$@"
