package dev.roadie.search.plugin;

import dev.roadie.search.spi.ProviderContext;
import dev.roadie.search.spi.SearchProvider;
import dev.roadie.search.spi.SearchProviderFactory;
import java.io.IOException;
import java.io.Reader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the search providers of every jar in the plug-in folder through {@link ServiceLoader}.
 * Each jar gets its own class loader, so one broken jar (a missing class, a constructor that
 * throws) is reported by name and skipped while the others load. Keep this open as long as the
 * providers are used: closing it closes the jars.
 */
public final class PluginFolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginFolder.class);

    private final List<URLClassLoader> loaders = new ArrayList<>();
    private final List<SearchProvider> providers = new ArrayList<>();
    private final List<BrokenPlugin> broken = new ArrayList<>();

    private PluginFolder() {
    }

    /**
     * Loads every {@code *.jar} in the folder, in name order. A missing folder means no plug-ins.
     *
     * @param folder   the plug-in folder
     * @param settings per plug-in settings, keyed by the jar's name without {@code .jar}; a jar not
     *                 listed gets the settings in {@code NAME.properties} beside it, if any
     * @param timeout  the default deadline handed to each plug-in
     */
    public static PluginFolder load(Path folder, Map<String, Map<String, String>> settings, Duration timeout) {
        PluginFolder plugins = new PluginFolder();
        if (!Files.isDirectory(folder)) {
            LOG.debug("No plug-in folder at {}", folder);
            return plugins;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            plugins.broken.add(new BrokenPlugin(folder.toString(), "the plug-in folder cannot be read: " + e));
            LOG.warn("The plug-in folder {} cannot be read; starting without plug-ins", folder, e);
            return plugins;
        }
        for (Path jar : jars) {
            plugins.loadJar(jar, settings, timeout);
        }
        return plugins;
    }

    private void loadJar(Path jar, Map<String, Map<String, String>> settings, Duration timeout) {
        String jarName = jar.getFileName().toString();
        String key = jarName.substring(0, jarName.length() - ".jar".length());
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin-" + key, new URL[] {jar.toUri().toURL()},
                    SearchProviderFactory.class.getClassLoader());
        } catch (MalformedURLException e) {
            report(jarName, "its path is not a valid URL: " + e.getMessage(), e);
            return;
        }
        loaders.add(loader);
        Map<String, String> own = settings.containsKey(key) ? settings.get(key) : propertiesBeside(jar, key);
        if (own == null) {
            return;
        }
        ProviderContext context = new ProviderContext(own, timeout);
        int found = 0;
        try {
            for (ServiceLoader.Provider<SearchProviderFactory> candidate
                    : ServiceLoader.load(SearchProviderFactory.class, loader).stream().toList()) {
                // ServiceLoader also sees the host's own services through the parent loader; only the jar's count.
                if (candidate.type().getClassLoader() != loader) {
                    continue;
                }
                found++;
                String name = jarName + " (" + candidate.type().getName() + ")";
                try {
                    SearchProvider provider = candidate.get().create(context);
                    providers.add(provider);
                    LOG.info("Loaded search provider '{}' from plug-in {}", provider.id(), name);
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    report(name, "it failed to start: " + e, e);
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            report(jarName, "its service list is broken: " + e.getMessage(), e);
            return;
        }
        if (found == 0) {
            report(jarName, "it lists no " + SearchProviderFactory.class.getName()
                    + " in META-INF/services", null);
        }
    }

    /**
     * A plug-in's settings from {@code NAME.properties} beside {@code NAME.jar}: a file, not the
     * hub's configuration, because plug-ins need keys the hub cannot know (and API keys belong in
     * a file only the hub's user reads, not in a process's environment). Null when it cannot be read.
     */
    private Map<String, String> propertiesBeside(Path jar, String key) {
        Path file = jar.resolveSibling(key + ".properties");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            report(jar.getFileName().toString(), "its settings " + file.getFileName() + " cannot be read: " + e, e);
            return null;
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    private void report(String name, String reason, Throwable cause) {
        broken.add(new BrokenPlugin(name, reason));
        LOG.warn("Skipping search plug-in {}: {}", name, reason, cause);
    }

    /** The providers that loaded. */
    public List<SearchProvider> providers() {
        return List.copyOf(providers);
    }

    /** The plug-ins that did not, with why. */
    public List<BrokenPlugin> broken() {
        return List.copyOf(broken);
    }

    /** Closes the jars. */
    @Override
    public void close() {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.warn("Could not close plug-in class loader {}", loader.getName(), e);
            }
        }
    }
}
