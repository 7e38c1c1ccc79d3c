package dev.roadie.search.plugin;

import dev.roadie.search.spi.ProviderContext;
import dev.roadie.search.spi.SearchProvider;
import dev.roadie.search.spi.SearchProviderFactory;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
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
     * @param settings per plug-in settings, keyed by the jar's name without {@code .jar}
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
        ProviderContext context = new ProviderContext(settings.getOrDefault(key, Map.of()), timeout);
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
