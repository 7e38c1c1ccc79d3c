package dev.roadie.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hub's main packages depend on each other without cycles, so that each layer can be read,
 * tested and reused on its own. Each Java package is one node (the root {@code dev.roadie.hub}
 * included); the graph comes from the compiled classes, method bodies and all.
 *
 * <p>{@link #KNOWN_CYCLES} lists the cycles not yet taken apart. It may only shrink: a new cycle
 * fails the first test, and a listed cycle that no longer exists fails the second, so that the
 * list is kept exact. When it is empty, the package graph is acyclic.
 */
class PackageCyclesTest {
    private static final String ROOT = "dev.roadie.hub";

    /**
     * Cycles still to remove, each as its packages relative to {@code dev.roadie.hub} ("" is the
     * root). Empty: a cycle found later may be listed here only while it is being taken apart.
     */
    private static final Set<Set<String>> KNOWN_CYCLES = Set.of();

    private static Map<String, Set<String>> graph;

    @BeforeAll
    static void importMainClasses() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        graph = packageGraph(classes);
    }

    @Test
    void the_main_packages_form_no_cycle_beyond_the_known_ones() {
        assertThat(graph).as("main classes of %s imported", ROOT).containsKeys("", "api", "socket", "auth");
        List<Set<String>> cycles = cycles(graph);
        assertThat(cycles)
                .as("package cycles in hub-lite (%s); dependencies that close them: %s. Move the type that"
                        + " two packages both need to the lower one, or pass what is needed in",
                        cycles, closingEdges(cycles))
                .allSatisfy(cycle -> assertThat(KNOWN_CYCLES).contains(cycle));
    }

    @Test
    void every_known_cycle_still_exists_so_that_the_list_only_shrinks() {
        assertThat(cycles(graph))
                .as("remove from KNOWN_CYCLES the cycles that are gone")
                .containsAll(KNOWN_CYCLES);
    }

    @Test
    void a_cycle_between_two_packages_is_found() {
        Map<String, Set<String>> sample = new TreeMap<>(Map.of(
                "a", Set.of("b"), "b", Set.of("a", "c"), "c", Set.of(), "d", Set.of("a")));
        assertThat(cycles(sample)).containsExactly(Set.of("a", "b"));
    }

    /** Each main package, relative to the root, and the other main packages it depends on. */
    private static Map<String, Set<String>> packageGraph(JavaClasses classes) {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (JavaClass type : classes) {
            String from = relative(type.getPackageName());
            Set<String> targets = edges.computeIfAbsent(from, p -> new TreeSet<>());
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                if (isHub(target) && !relative(target).equals(from)) {
                    targets.add(relative(target));
                }
            }
        }
        return edges;
    }

    private static boolean isHub(String pkg) {
        return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".");
    }

    private static String relative(String pkg) {
        return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
    }

    /** The strongly connected components of more than one package (Tarjan's algorithm). */
    static List<Set<String>> cycles(Map<String, Set<String>> edges) {
        var tarjan = new Object() {
            final Map<String, Integer> index = new HashMap<>();
            final Map<String, Integer> low = new HashMap<>();
            final Deque<String> stack = new ArrayDeque<>();
            final Set<String> onStack = new TreeSet<>();
            final List<Set<String>> found = new ArrayList<>();

            void visit(String node) {
                index.put(node, index.size());
                low.put(node, index.get(node));
                stack.push(node);
                onStack.add(node);
                for (String next : edges.getOrDefault(node, Set.of())) {
                    if (!index.containsKey(next)) {
                        visit(next);
                        low.put(node, Math.min(low.get(node), low.get(next)));
                    } else if (onStack.contains(next)) {
                        low.put(node, Math.min(low.get(node), index.get(next)));
                    }
                }
                if (low.get(node).equals(index.get(node))) {
                    Set<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    if (component.size() > 1) {
                        found.add(component);
                    }
                }
            }
        };
        for (String node : edges.keySet()) {
            if (!tarjan.index.containsKey(node)) {
                tarjan.visit(node);
            }
        }
        return tarjan.found;
    }

    /** The dependencies that run inside each cycle, so that a failure names what to move. */
    private static List<String> closingEdges(List<Set<String>> cycles) {
        List<String> inside = new ArrayList<>();
        for (Set<String> cycle : cycles) {
            for (String from : cycle) {
                for (String to : graph.getOrDefault(from, Set.of())) {
                    if (cycle.contains(to)) {
                        inside.add(name(from) + " -> " + name(to));
                    }
                }
            }
        }
        return inside;
    }

    private static String name(String relative) {
        return relative.isEmpty() ? ROOT : relative;
    }
}
