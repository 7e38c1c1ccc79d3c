package dev.roadie.hub.web;

import java.nio.file.Path;

/**
 * Where the JavaScript client's package lives, seen from hub-lite (the tests' working folder): the
 * top-level {@code client-js} folder, whose {@code src} the build copies into the web page's
 * {@code js} folder.
 */
final class ClientJsPackage {
    /** The package: package.json, src/, test/, types/. */
    static final Path FOLDER = Path.of("..", "client-js");
    /** The modules as served at {@code /js/}: roadie-client.js and roadie/. */
    static final Path SOURCES = FOLDER.resolve("src");

    private ClientJsPackage() {
    }
}
