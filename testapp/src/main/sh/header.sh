#!/bin/sh
# GoPM testapp: a shell header followed by a jar (Java 17+ through JAVA_HOME or PATH).
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xss256k -Xmx64m \
  -XX:MaxDirectMemorySize=8g -cp "$0" io.gopm.testapp.TestApp "$@"
