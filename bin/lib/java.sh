# Finds a Java >= 21 for Roadie's scripts. Sourced, not run.
# Looks at JAVA_HOME, then java on the PATH, then the usual install folders, and sets
# ROADIE_JAVA (the java binary), ROADIE_JAVA_HOME, ROADIE_JAVA_MAJOR (21, 25, ...) and
# ROADIE_JAVA_BUILD (25.0.3+9-LTS), or returns 1.

# This file, for the start-up cache's background recording, which runs in a shell of its own.
ROADIE_JAVA_SH=${BASH_SOURCE[0]}

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

roadie_java_release() {
  # Prints the JAVA_VERSION and JAVA_RUNTIME_VERSION that the release file of the JDK at $1 states
  # (17.0.15 17.0.15+6-Debian-1deb12u1), or nothing without one. Read without starting a JVM, in
  # plain bash: starting a JVM to ask costs a few tenths of a second per JDK.
  local line version="" runtime=""
  [ -f "$1/release" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
      JAVA_VERSION=*) version=${line#JAVA_VERSION=} ;;
      JAVA_RUNTIME_VERSION=*) runtime=${line#JAVA_RUNTIME_VERSION=} ;;
    esac
  done <"$1/release"
  version=${version//\"/}
  runtime=${runtime//\"/}
  [ -n "$version" ] && printf '%s %s\n' "$version" "$runtime"
  return 0
}

roadie_find_java() {
  # With a file as $1, remembers what it found there, keyed by JAVA_HOME and the java on the
  # PATH, so that the next call starts no JVM at all (bin/roadie runs this on every command).
  local found=${1:-} key="" on_path=""
  if [ -n "$found" ]; then
    on_path=$(command -v java 2>/dev/null) || on_path=""
    [ -z "$on_path" ] || on_path=$(readlink -f "$on_path")
    key="JAVA_HOME=${JAVA_HOME:-} PATH=${on_path:-}"
    roadie_read_found_java "$found" "$key" && return 0
  fi
  roadie_search_java || return 1
  [ -n "$found" ] && roadie_write_found_java "$found" "$key"
  return 0
}

roadie_search_java() {
  local candidates=() candidate resolved version major build
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for candidate in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*/bin/java \
      /usr/local/lib/jvm/*/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java \
      /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -x "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate" ] || continue
    resolved=$(readlink -f "$candidate")
    # A JDK whose release file says it is too old is passed over without starting it.
    version=""
    read -r version _ < <(roadie_java_release "$(dirname "$(dirname "$resolved")")") || true
    version=${version#1.}
    if [ -n "$version" ] && [ "${version%%[!0-9]*}" -lt 21 ] 2>/dev/null; then
      continue
    fi
    read -r major build < <(roadie_java_describe "$candidate") || true
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      ROADIE_JAVA=$resolved
      ROADIE_JAVA_HOME=$(dirname "$(dirname "$ROADIE_JAVA")")
      ROADIE_JAVA_MAJOR=$major
      ROADIE_JAVA_BUILD=${build:-unknown}
      return 0
    fi
  done
  return 1
}

roadie_read_found_java() {
  # Sets ROADIE_JAVA* from the file $1 when it was written for the key $2 and its JDK is still
  # the same: there, and (when it has a release file) of the same build. A JDK updated in place
  # must be described again, as its start-up cache is another.
  local file=$1 key=$2 saved java major build runtime found_runtime
  [ -f "$file" ] || return 1
  { IFS= read -r saved && IFS= read -r java && IFS= read -r major && IFS= read -r build &&
    IFS= read -r runtime; } <"$file" || return 1
  [ "$saved" = "$key" ] && [ -x "$java" ] || return 1
  found_runtime=""
  read -r _ found_runtime < <(roadie_java_release "${java%/bin/java}") || true
  [ "${found_runtime:-}" = "$runtime" ] || return 1
  ROADIE_JAVA=$java
  ROADIE_JAVA_HOME=${java%/bin/java}
  ROADIE_JAVA_MAJOR=$major
  ROADIE_JAVA_BUILD=$build
}

roadie_write_found_java() {
  local file=$1 key=$2 runtime=""
  read -r _ runtime < <(roadie_java_release "$ROADIE_JAVA_HOME") || true
  # Written whole, then renamed: a command started meanwhile reads the old file or the new one.
  # Silently not at all where the build folder is read-only (a service user's checkout).
  { mkdir -p "$(dirname "$file")" &&
    printf '%s\n' "$key" "$ROADIE_JAVA" "$ROADIE_JAVA_MAJOR" "$ROADIE_JAVA_BUILD" "${runtime:-}" >"$file.$$" &&
    mv -f "$file.$$" "$file" || rm -f "$file.$$"; } 2>/dev/null
  return 0
}

roadie_start_cache_file() {
  # The start-up cache of the jar $1 for this JVM: a cache only works with the JVM that recorded it.
  printf '%s\n' "${1%.jar}-${ROADIE_JAVA_BUILD:-unknown}.aot"
}

roadie_start_cache_options() {
  # Prints the JVM options that start the hub from its start-up cache (JDK 25's AOT cache: classes
  # loaded and linked, and method profiles), which halves the hub's start-up; prints nothing
  # before JDK 25 or while there is no cache for this jar and this JVM. Without one it starts
  # recording one in the background, so that this start is not held up by it and the next one
  # is faster; with --wait it records it first (bin/bench, whose figures must be those of a
  # start from the cache).
  local jar=$1 wait=${2:-} cache
  [ "${ROADIE_JAVA_MAJOR:-0}" -ge 25 ] 2>/dev/null || return 0
  cache=$(roadie_start_cache_file "$jar")
  if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ]; then
    if [ "$wait" = --wait ]; then
      echo "roadie: recording a start-up cache for this JVM (once per build, a few seconds)..." >&2
      if ! roadie_record_start_cache "$jar" "$cache"; then
        echo "roadie: recording the start-up cache failed; starting without it. What it printed:" >&2
        sed 's/^/  /' "$cache.failed" >&2
        return 0
      fi
    else
      roadie_record_start_cache_in_background "$jar"
      return 0
    fi
  fi
  printf '%s\n' "-XX:AOTCache=$cache"
}

roadie_record_start_cache_in_background() {
  # Starts recording the start-up cache of the jar $1 for this JVM, at a low priority and apart
  # from this command: it outlives it, and neither Ctrl+C nor a closed terminal stops it. Does
  # nothing when the cache is there, a recording of it is under way, or it failed for this build.
  local jar=$1 cache recording pid
  [ "${ROADIE_JAVA_MAJOR:-0}" -ge 25 ] 2>/dev/null || return 0
  cache=$(roadie_start_cache_file "$jar")
  [ -f "$cache" ] && [ ! "$jar" -nt "$cache" ] && return 0
  if [ -f "$cache.failed" ] && [ ! "$jar" -nt "$cache.failed" ]; then
    echo "roadie: no start-up cache: recording it failed; see $cache.failed (delete it to try again)" >&2
    return 0
  fi
  recording="$cache.recording"
  if ! mkdir "$recording" 2>/dev/null; then
    # Under way, unless the process that recorded is gone (the machine stopped meanwhile). No pid
    # yet: it is being started this very moment.
    pid=$(cat "$recording/pid" 2>/dev/null) || return 0
    kill -0 "$pid" 2>/dev/null && return 0
    rm -rf "$recording"
    mkdir "$recording" 2>/dev/null || return 0
  fi
  echo "roadie: recording a start-up cache for this JVM in the background (once per build); later starts are faster" >&2
  # Its own output goes to a file: a caller reading this command's output must not wait for it.
  ROADIE_JAVA="$ROADIE_JAVA" nohup bash -c '
      trap "" INT HUP
      . "$1"
      roadie_record_start_cache "$2" "$3" "$4" nice' \
    roadie-start-cache "$ROADIE_JAVA_SH" "$jar" "$cache" "$recording" </dev/null >/dev/null 2>&1 &
  { echo $! >"$recording/pid"; } 2>/dev/null || true
  return 0
}

roadie_record_start_cache() {
  # Records the start-up cache of the jar $1 into $2 from a `serve --check` run, in the folder $3
  # (made here when not given; removed afterwards), with the command $4 in front of java (nice).
  # On failure the run's output is kept in $2.failed and it returns 1.
  local jar=$1 cache=$2 work=${3:-} prefix=${4:-}
  [ -n "$work" ] || work=$(mktemp -d "$cache.recording.XXXXXX") || return 1
  : >"$work/started"
  # In a folder of its own, so that a roadie.yml where the command was run plays no part. Without
  # the JIT's adapters: JDK 25 warns on every start that it cannot link cached ones. Into the work
  # folder first, then renamed: a start meanwhile never sees half a cache.
  if (cd "$work" && $prefix "$ROADIE_JAVA" --enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput="$work/roadie.aot" \
      -XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching -jar "$jar" \
      serve --check --host 127.0.0.1 --port 0 --data "$work/data" >"$work/log" 2>&1) && [ -f "$work/roadie.aot" ]; then
    # A jar rebuilt while it recorded has a cache of its own to come.
    [ "$jar" -nt "$work/started" ] || mv -f "$work/roadie.aot" "$cache"
    rm -f "$cache.failed"
    rm -rf "$work"
    return 0
  fi
  mv -f "$work/log" "$cache.failed"
  rm -rf "$work"
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
