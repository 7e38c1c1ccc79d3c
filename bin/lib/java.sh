# Finds a Java >= 21 for Roadie's scripts. Sourced, not run.
# Looks at JAVA_HOME, then java on the PATH, then the usual install folders, and sets
# ROADIE_JAVA (the java binary), ROADIE_JAVA_HOME, ROADIE_JAVA_MAJOR (21, 25, ...) and
# ROADIE_JAVA_BUILD (25.0.3+9-LTS), or returns 1.

roadie_java_describe() {
  # Prints the feature version (17, 21, 25, ...) and the build (25.0.3+9-LTS) of the given java binary.
  local settings
  settings=$("$1" -XshowSettings:properties -version 2>&1)
  printf '%s %s\n' \
    "$(printf '%s\n' "$settings" | sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' |
      sed 's/^1\.//; s/\..*//' | head -n 1)" \
    "$(printf '%s\n' "$settings" | sed -n 's/^ *java\.vm\.version = \(.*\)$/\1/p' | head -n 1 |
      tr -c 'A-Za-z0-9.+\n-' '_')"
}

roadie_find_java() {
  local candidates=() candidate major build
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for candidate in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*/bin/java \
      /usr/local/lib/jvm/*/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java \
      /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -x "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate" ] || continue
    read -r major build < <(roadie_java_describe "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      ROADIE_JAVA=$(readlink -f "$candidate")
      ROADIE_JAVA_HOME=$(dirname "$(dirname "$ROADIE_JAVA")")
      ROADIE_JAVA_MAJOR=$major
      ROADIE_JAVA_BUILD=${build:-unknown}
      return 0
    fi
  done
  return 1
}

roadie_start_cache_options() {
  # Prints the JVM options that start the hub from a start-up cache, recording the cache first
  # when there is none for this jar and this JVM; prints nothing when the JVM has no such cache
  # (before JDK 25) or recording it failed. The cache (JDK 25's AOT cache: classes loaded and
  # linked, and method profiles) halves the hub's start-up. It is recorded from a
  # `serve --check` run, once per build and JVM, into cli/target/.
  local jar=$1 cache work
  [ "${ROADIE_JAVA_MAJOR:-0}" -ge 25 ] 2>/dev/null || return 0
  # A cache only works with the JVM that recorded it: one file per JVM build.
  cache="${jar%.jar}-${ROADIE_JAVA_BUILD:-unknown}.aot"
  if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ]; then
    work=$(mktemp -d)
    echo "roadie: recording a start-up cache for this JVM (once per build, a few seconds)..." >&2
    # In a folder of its own, so that a roadie.yml where the command was run plays no part. Without
    # the JIT's adapters: JDK 25 warns on every start that it cannot link cached ones.
    if ! (cd "$work" && "$ROADIE_JAVA" --enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput="$cache" \
        -XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching -jar "$jar" \
        serve --check --host 127.0.0.1 --port 0 --data "$work/data" >"$work/log" 2>&1); then
      echo "roadie: recording the start-up cache failed; starting without it. What it printed:" >&2
      sed 's/^/  /' "$work/log" >&2
      rm -rf "$work" "$cache"
      return 0
    fi
    rm -rf "$work"
  fi
  printf '%s\n' "-XX:AOTCache=$cache"
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
