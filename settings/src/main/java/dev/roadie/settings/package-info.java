/**
 * Reading settings the way the hub and the node agent both take them: a YAML file
 * ({@link dev.roadie.settings.YamlSettings}) whose unknown keys are refused with a suggestion,
 * environment variables named after the keys ({@link dev.roadie.settings.EnvironmentVariables}),
 * and one grammar for durations ({@link dev.roadie.settings.Durations}) and byte sizes
 * ({@link dev.roadie.settings.Sizes}). Each program keeps its own settings, defaults, checks
 * and exception; this package only reads what was written and where. The grammar is described
 * for users in {@code docs/CONFIGURATION.md}.
 */
package dev.roadie.settings;
