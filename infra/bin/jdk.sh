# Sourced by the scripts: exports JAVA_HOME pointing at a JDK >= 21 (JAVA_HOME if it is one, else the newest
# installed), or stops with a clear message.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "${HOME:-/nonexistent}"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate" 2>/dev/null) || continue
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "Passerelle needs a JDK 21 or newer and none was found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm)." >&2
    echo "Install one (e.g. apt-get install openjdk-21-jdk-headless or Temurin 21+) and set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.9 still uses sun.misc.Unsafe through Guava/Guice: JDK 24+ warns at every start unless allowed
if [ "$(java_major "$JAVA_HOME")" -ge 24 ] && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe* ]]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
