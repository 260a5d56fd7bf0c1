#!/bin/sh
# GoPM for Java: this file is a shell header followed by a jar. It needs Java 17 or newer: the
# runtime shipped beside it (../runtime, in the tar.gz package), else JAVA_HOME, else PATH.
# Extra JVM options can be given in GOPM_JAVA_OPTS.
self=$(readlink -f -- "$0" 2>/dev/null) || self=$0
bundled="${self%/*}/../runtime/bin/java"
if [ -x "$bundled" ]; then java=$bundled
elif [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
command -v "$java" >/dev/null 2>&1 || { echo "Error: gopm needs Java 17 or newer: install a JRE or set JAVA_HOME" >&2; exit 1; }
if [ "$1" = "--daemon" ]; then
  # A small footprint (docs/adr/0023): a 1 MB young generation to start with (it grows with the
  # heap), and malloc'd memory the JVM freed given back to the system every 2 s (JDK 17.0.9+;
  # an older JVM ignores the flag).
  exec "$java" -XX:+UseSerialGC -Xss512k -Xms8m -XX:NewSize=1m -Xmx128m -XX:MaxMetaspaceSize=64m \
    -XX:ReservedCodeCacheSize=32m -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError \
    -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=2000 \
    -Dgopm.executable="$self" $GOPM_JAVA_OPTS -jar "$self" "$@"
fi
cli="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
# Map the class-data archives where they were dumped instead of relocating every pointer in them
# at each start (JDK 17.0.x defaults to relocating; docs/adr/0021). A diagnostic flag: a JVM that
# no longer knows it ignores it instead of refusing to start.
cli="$cli -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
# The CLI's class-data-sharing archive (docs/adr/0014): used when it is at least as new as this
# file and was recorded for this path (the JVM silently ignores an archive whose jar has moved,
# docs/adr/0021), otherwise recorded in the background for the next runs (once, where the
# directory allows).
cds=
recorded=; [ -r "$self.jsa.path" ] && read -r recorded < "$self.jsa.path"
if [ -r "$self.jsa" ] && [ ! "$self.jsa" -ot "$self" ] && [ "$recorded" = "$self" ]; then
  cds="-XX:SharedArchiveFile=$self.jsa -Xlog:disable"
elif [ -z "$GOPM_NO_CDS" ] && [ -w "${self%/*}" ] && [ ! -e "$self.jsa.lock" ]; then
  ( : > "$self.jsa.lock" && "$java" $cli -Xlog:disable -XX:ArchiveClassesAtExit="$self.jsa.$$" -jar "$self" --cds-training \
      && mv -f "$self.jsa.$$" "$self.jsa" && printf '%s\n' "$self" > "$self.jsa.path"
    rm -f "$self.jsa.$$" "$self.jsa.lock" ) >/dev/null 2>&1 &
fi
tty_out=false; [ -t 1 ] && tty_out=true
tty_err=false; [ -t 2 ] && tty_err=true
exec "$java" $cli -Xshare:auto $cds \
  -Dgopm.executable="$self" -Dgopm.tty.out=$tty_out -Dgopm.tty.err=$tty_err \
  $GOPM_JAVA_OPTS -jar "$self" "$@"
