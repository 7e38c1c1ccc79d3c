/**
 * The hub's settings: {@link dev.roadie.hub.config.HubConfig} and the
 * {@link dev.roadie.hub.config.ConfigLoader} that layers built-in defaults, {@code roadie.yml},
 * {@code ROADIE_*} environment variables and command-line overrides. Every setting is described
 * in {@code docs/CONFIGURATION.md}.
 */
package dev.roadie.hub.config;
