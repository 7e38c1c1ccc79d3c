package dev.roadie.audio.plugin;

import com.sedmelluq.discord.lavaplayer.source.AudioSourceManager;
import dev.roadie.node.hub.NodeInfo;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source managers the plugins folder gives the node. Each plugin gets its own
 * {@link PluginClassLoader}; its sources are those its {@code META-INF/services} lists for
 * {@link AudioSourceManager}, and those the settings name by class. A plugin that cannot be read, a
 * class that is missing, a constructor that throws: each is logged in words and skipped, and the
 * node starts without it. Keep this open while the node runs: closing it closes the jars.
 */
public final class SourcePlugins implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourcePlugins.class);

    /** The source name that goes before the built-in ones, where Lavalink put its own YouTube source. */
    static final String FIRST = "youtube";

    private final List<Source> sources = new ArrayList<>();
    private final Map<String, NodeInfo.Plugin> plugins = new LinkedHashMap<>();
    private final List<BrokenPlugin> broken = new ArrayList<>();
    private final List<PluginClassLoader> loaders = new ArrayList<>();

    private SourcePlugins() {
    }

    /** A source manager and the plugin it came from (null for one given in code). */
    private record Source(String plugin, String name, AudioSourceManager manager) {
    }

    /** The node's source managers besides the built-in ones, in order, split by where they go. */
    public record Arranged(List<AudioSourceManager> beforeBuiltIns, List<AudioSourceManager> beforeHttp) {
    }

    /** Source managers given in code, as if from plugins: none is listed under {@code plugins}. */
    public static SourcePlugins of(List<AudioSourceManager> managers) {
        SourcePlugins given = new SourcePlugins();
        managers.forEach(manager -> given.sources.add(new Source(null, manager.getSourceName(), manager)));
        return given;
    }

    /** Loads the plugins in {@code settings.folder()}; never throws for a plugin's fault. */
    public static SourcePlugins load(PluginSettings settings) {
        SourcePlugins loaded = new SourcePlugins();
        Path folder = settings.folder();
        Set<String> named = new LinkedHashSet<>(settings.sourceManagers());
        if (settings.youtube().enabled()) {
            named.add(YoutubePlugin.SOURCE_MANAGER);
        }
        if (!Files.isDirectory(folder)) {
            LOG.info("No plugins folder at {}; starting with the built-in sources only", folder.toAbsolutePath());
            named.forEach(type -> loaded.report(type, "there is no plugins folder at " + folder.toAbsolutePath()
                    + ": make it and put the plugin's jars in a sub-folder of it", null));
            return loaded;
        }
        List<PluginFiles> found;
        try {
            found = PluginFiles.in(folder);
        } catch (IOException e) {
            loaded.report(folder.toString(), "the plugins folder cannot be read (" + e + "); starting without plugins", e);
            return loaded;
        }
        List<Plugin> opened = new ArrayList<>();
        for (PluginFiles files : found) {
            Plugin plugin = loaded.open(files);
            if (plugin != null) {
                opened.add(plugin);
                loaded.fromServiceEntries(plugin);
            }
        }
        for (String type : named) {
            loaded.fromClassName(type, opened, settings.youtube());
        }
        for (Plugin plugin : opened) {
            String name = plugin.files().name();
            if (loaded.plugins.containsKey(name)) {
                continue;
            }
            // One that failed has said why already; one that gave nothing is most likely a library in the wrong place.
            boolean failed = loaded.broken.stream().anyMatch(b -> b.name().equals(name) || b.name().startsWith(name + " ("));
            if (!failed) {
                loaded.report(plugin.files().name(), "it gives no source manager: it lists none in META-INF/services/"
                        + AudioSourceManager.class.getName() + " and no setting names a class of it "
                        + "(ROADIE_AUDIO_SOURCE_MANAGERS, plugins.youtube.enabled); if it is a library another plugin "
                        + "needs, put it in that plugin's sub-folder", null);
            }
            loaded.closeUnused(plugin.loader());
        }
        return loaded;
    }

    private record Plugin(PluginFiles files, PluginClassLoader loader) {
    }

    private Plugin open(PluginFiles files) {
        if (files.jars().isEmpty()) {
            report(files.name(), "its folder holds no .jar file", null);
            return null;
        }
        URL[] urls = new URL[files.jars().size()];
        try {
            files.check();
            for (int i = 0; i < urls.length; i++) {
                urls[i] = files.jars().get(i).toUri().toURL();
            }
        } catch (IOException e) {
            report(files.name(), "a file of it cannot be read as a jar (" + e.getMessage() + "): replace it with "
                    + "the jar as downloaded", e);
            return null;
        }
        PluginClassLoader loader = new PluginClassLoader(files.name(), urls, AudioSourceManager.class.getClassLoader());
        loaders.add(loader);
        return new Plugin(files, loader);
    }

    private void fromServiceEntries(Plugin plugin) {
        String name = plugin.files().name();
        try {
            for (ServiceLoader.Provider<AudioSourceManager> candidate
                    : ServiceLoader.load(AudioSourceManager.class, plugin.loader()).stream().toList()) {
                // ServiceLoader also reads the node's own entries through the parent loader; only the plugin's count.
                if (candidate.type().getClassLoader() != plugin.loader()) {
                    continue;
                }
                String where = name + " (" + candidate.type().getName() + ")";
                try {
                    add(plugin, candidate.get());
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    report(where, "it failed to start: " + why(e), e);
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            report(name, "its list of source managers in META-INF/services is broken: " + why(e), e);
        }
    }

    private void fromClassName(String type, List<Plugin> opened, YoutubePlugin youtube) {
        Plugin holder = opened.stream().filter(plugin -> plugin.loader().holds(type)).findFirst().orElse(null);
        if (holder == null) {
            report(type, "no plugin in the plugins folder has this class: put its jar, with the jars it needs, in a "
                    + "sub-folder of the plugins folder", null);
            return;
        }
        if (sources.stream().anyMatch(source -> source.manager().getClass().getName().equals(type)
                && source.manager().getClass().getClassLoader() == holder.loader())) {
            return; // its services entry already made it
        }
        String where = holder.files().name() + " (" + type + ")";
        try {
            Class<?> loaded = Class.forName(type, true, holder.loader());
            if (!AudioSourceManager.class.isAssignableFrom(loaded)) {
                report(where, "it is not a lavaplayer AudioSourceManager", null);
                return;
            }
            Object made = type.equals(YoutubePlugin.SOURCE_MANAGER) && youtube.allowSearch() != null
                    ? loaded.getConstructor(boolean.class).newInstance(youtube.allowSearch())
                    : loaded.getConstructor().newInstance();
            add(holder, (AudioSourceManager) made);
        } catch (NoSuchMethodException e) {
            report(where, "it has no public constructor without arguments to make it with", e);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            report(where, "it failed to start: " + why(e), e);
        }
    }

    private void add(Plugin plugin, AudioSourceManager manager) {
        String name = manager.getSourceName();
        sources.add(new Source(plugin.files().name(), name, manager));
        plugins.computeIfAbsent(plugin.files().name(), key -> new NodeInfo.Plugin(key, versionOf(manager.getClass(), plugin)));
        LOG.info("Loaded source manager '{}' ({}) from plugin {}", name, manager.getClass().getName(), plugin.files().name());
    }

    /** The version of the jar the source manager's class came from. */
    private String versionOf(Class<?> type, Plugin plugin) {
        try {
            return PluginFiles.versionOf(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.warn("The version of plugin {} cannot be read from its jar; it is listed as unknown", plugin.files().name(), e);
            return "unknown";
        }
    }

    /** A failure's own words: a constructor's message rather than the reflection wrapped around it. */
    private static String why(Throwable e) {
        Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof java.lang.reflect.InvocationTargetException target && target.getCause() != null) {
            cause = target.getCause();
        }
        if (cause instanceof NoClassDefFoundError missing) {
            return "a class it needs is missing (" + missing.getMessage() + "): put the jar that has it in the "
                    + "plugin's sub-folder";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private void report(String name, String reason, Throwable cause) {
        broken.add(new BrokenPlugin(name, reason));
        if (cause == null) {
            LOG.warn("Skipping plugin {}: {}", name, reason);
        } else {
            LOG.warn("Skipping plugin {}: {}", name, reason, cause);
        }
    }

    /**
     * Where each source goes, as Lavalink orders them: a {@code youtube} source first, where Lavalink's
     * own stood; the others after the built-in ones and before HTTP, which takes any URL and so comes
     * last. A source whose name {@code lavalink.server.sources} turns off is shut down and left out;
     * not {@code youtube}, which Lavalink's files turn off for its deprecated built-in one while they
     * ask for the plugin's with {@code plugins.youtube.enabled}.
     */
    public Arranged arrange(Set<String> disabledSources) {
        List<AudioSourceManager> first = new ArrayList<>();
        List<AudioSourceManager> rest = new ArrayList<>();
        for (Source source : sources) {
            String name = source.name() == null ? "" : source.name().toLowerCase(Locale.ROOT);
            if (!name.equals(FIRST) && disabledSources.contains(name)) {
                LOG.info("Source manager '{}' of plugin {} is turned off by lavalink.server.sources.{}", source.name(),
                        source.plugin(), name);
                source.manager().shutdown();
            } else {
                (name.equals(FIRST) ? first : rest).add(source.manager());
            }
        }
        return new Arranged(List.copyOf(first), List.copyOf(rest));
    }

    /** The plugins that gave a source manager, with the version of the jar it came from, for {@code /v4/info}. */
    public List<NodeInfo.Plugin> plugins() {
        return List.copyOf(plugins.values());
    }

    /** What could not be loaded, and why. */
    public List<BrokenPlugin> broken() {
        return List.copyOf(broken);
    }

    /** Nothing of this plugin is used: its jars need not stay open. */
    private void closeUnused(PluginClassLoader loader) {
        loaders.remove(loader);
        try {
            loader.close();
        } catch (IOException e) {
            LOG.warn("Could not close the jars of {}", loader.getName(), e);
        }
    }

    /** Closes the plugins' jars; call after the player manager has shut the sources down. */
    @Override
    public void close() {
        for (PluginClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.warn("Could not close the jars of {}", loader.getName(), e);
            }
        }
    }
}
