package dev.roadie.audio.plugin;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One plugin's class loader. Parent-first (from the node) for the JDK and for what plugin and node
 * must share to work together: lavaplayer's API ({@code com.sedmelluq}), the Apache HTTP client its
 * API hands out, and SLF4J (so that plugins log into the node's log). Child-first for everything
 * else: a plugin brings its own versions of its libraries, whatever versions the node has.
 */
final class PluginClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    /** Package prefixes always taken from the node. */
    static final List<String> SHARED = List.of("com.sedmelluq.", "org.apache.http.", "org.slf4j.");

    /** The JDK's packages: the boot layer's modules, since the node runs from the class path. */
    private static final Set<String> JDK_PACKAGES = ModuleLayer.boot().modules().stream()
            .flatMap(module -> module.getPackages().stream()).collect(Collectors.toUnmodifiableSet());

    PluginClassLoader(String name, URL[] jars, ClassLoader node) {
        super("plugin-" + name, jars, node);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                if (fromNode(name)) {
                    type = getParent().loadClass(name);
                } else if (findResource(name.replace('.', '/') + ".class") != null) {
                    type = findClass(name);
                } else {
                    type = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    /** The plugin's own copy first, as for classes. */
    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    /** Whether {@code className} is one of {@link #SHARED} or the JDK's. */
    static boolean fromNode(String className) {
        for (String prefix : SHARED) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        int dot = className.lastIndexOf('.');
        return dot > 0 && JDK_PACKAGES.contains(className.substring(0, dot));
    }

    /** Whether the class is in the plugin's own jars (not only in the node's). */
    boolean holds(String className) {
        return findResource(className.replace('.', '/') + ".class") != null;
    }
}
