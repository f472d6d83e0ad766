#!/usr/bin/env bash
# Runs the JMH microbenchmarks of the test sources (e.g. ./jmh.sh PrimitivesBenchmark -f 1).
# Builds the test classes first; the arguments go to JMH (pattern, options).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
JAVA="${DELAYNET_JAVA:-$(ls -d /usr/lib/jvm/temurin-2[5-9]*/bin/java 2>/dev/null | head -1)}"
mvn -B -q test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath >&2
exec "$JAVA" --add-modules jdk.incubator.vector -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" \
    org.openjdk.jmh.Main "$@"
