# Finds a Java >= 21 for Roadie's scripts. Sourced, not run.
# Looks at JAVA_HOME, then java on the PATH, then the usual install folders, and sets
# ROADIE_JAVA (the java binary) and ROADIE_JAVA_HOME, or returns 1.

roadie_java_major() {
  # Prints the feature version (17, 21, 25, ...) of the given java binary.
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | sed 's/^1\.//; s/\..*//' | head -n 1
}

roadie_find_java() {
  local candidates=() candidate major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for candidate in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*/bin/java \
      /usr/local/lib/jvm/*/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java \
      /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -x "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate" ] || continue
    major=$(roadie_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      ROADIE_JAVA=$(readlink -f "$candidate")
      ROADIE_JAVA_HOME=$(dirname "$(dirname "$ROADIE_JAVA")")
      return 0
    fi
  done
  return 1
}

roadie_explain_missing_java() {
  cat >&2 <<'MSG'
roadie: no Java 21 or newer found (looked at JAVA_HOME, the PATH and /usr/lib/jvm).
Install one, for example:
  Debian 13 / Ubuntu 24.04:  sudo apt-get install openjdk-21-jdk-headless
  any system:                a Temurin 21+ JDK from your package manager, or SDKMAN (sdk install java 21-tem)
Then run this again; setting JAVA_HOME is not needed when it is installed in a standard place.
MSG
}
