#!/bin/sh
# GoPM for Java: this file is a shell header followed by a jar. It needs Java 17 or newer,
# found through JAVA_HOME or PATH. Extra JVM options can be given in GOPM_JAVA_OPTS.
self=$(readlink -f -- "$0" 2>/dev/null) || self=$0
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
command -v "$java" >/dev/null 2>&1 || { echo "Error: gopm needs Java 17 or newer: install a JRE or set JAVA_HOME" >&2; exit 1; }
if [ "$1" = "--daemon" ]; then
  exec "$java" -XX:+UseSerialGC -Xss512k -Xms8m -Xmx128m -XX:MaxMetaspaceSize=64m \
    -XX:ReservedCodeCacheSize=32m -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError \
    -Dgopm.executable="$self" $GOPM_JAVA_OPTS -jar "$self" "$@"
fi
tty_out=false; [ -t 1 ] && tty_out=true
tty_err=false; [ -t 2 ] && tty_err=true
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto \
  -Dgopm.executable="$self" -Dgopm.tty.out=$tty_out -Dgopm.tty.err=$tty_err \
  $GOPM_JAVA_OPTS -jar "$self" "$@"
