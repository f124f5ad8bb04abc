# Sourced by bin/backup and bin/restore: runs a command of SiPa's jar (de.sipa.database.BackupCommand) without
# starting the application. The jar is $SIPA_JAR, else the newest target/sipa-*.jar of this checkout.

sipa_command() {
    local project jar
    project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    jar="${SIPA_JAR:-}"
    if [[ -z "$jar" ]]; then
        jar="$(ls -t "$project"/target/sipa-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1 || true)"
    fi
    if [[ -z "$jar" || ! -f "$jar" ]]; then
        echo "No SiPa jar: set SIPA_JAR=/path/to/sipa.jar, or build one with ./mvnw -B -DskipTests package" >&2
        exit 1
    fi
    # The jar's own launcher, told to run the command's main class instead of the application.
    # shellcheck disable=SC2086  # JAVA_OPTS is a word list
    exec java ${JAVA_OPTS:-} -Dloader.main=de.sipa.database.BackupCommand -cp "$jar" \
        org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}
