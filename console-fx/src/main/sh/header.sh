#!/bin/sh
# GoPM console: this file is a shell header followed by a jar (JavaFX included, for the platform
# it was built for). It needs Java 17 or newer, found through JAVA_HOME or PATH, and a desktop
# session. Extra JVM options can be given in GOPM_JAVA_OPTS. On Windows run: java -jar gopm-console.jar
self=$(readlink -f -- "$0" 2>/dev/null) || self=$0
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
command -v "$java" >/dev/null 2>&1 || { echo "Error: gopm-console needs Java 17 or newer: install a JRE or set JAVA_HOME" >&2; exit 1; }
exec "$java" -XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -Xshare:auto \
  $GOPM_JAVA_OPTS -jar "$self" "$@"
