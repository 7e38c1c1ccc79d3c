package dev.roadie.hub.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the relative links of a tree of Markdown files that lead nowhere: to a file that does not
 * exist, or to an {@code #anchor} that no heading of the Markdown file it names gives, by
 * GitHub's rules for heading anchors. Links to other sites are not followed.
 */
final class MarkdownLinks {
    /** {@code [text](target)}, {@code ![alt](target "title")}: the target, with or without angle brackets. */
    private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: target}, a reference definition. */
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules");

    private final Path root;
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    private MarkdownLinks(Path root) {
        this.root = root;
    }

    /** Each broken link under {@code root}, as {@code file:line: target: what is wrong}. */
    static List<String> broken(Path root) {
        MarkdownLinks links = new MarkdownLinks(root);
        List<String> broken = new ArrayList<>();
        for (Path file : markdownFiles(root)) {
            List<String> lines = outsideCode(read(file));
            for (int i = 0; i < lines.size(); i++) {
                for (String target : targets(lines.get(i))) {
                    String problem = links.check(file, target);
                    if (problem != null) {
                        broken.add(root.relativize(file) + ":" + (i + 1) + ": " + target + ": " + problem);
                    }
                }
            }
        }
        return broken;
    }

    /**
     * The anchor GitHub gives a heading: its text as shown (no code quotes, emphasis or link
     * targets), lowercase, punctuation dropped, each space a hyphen.
     */
    static String anchor(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("`", "")
                .replace("*", "")
                .toLowerCase(Locale.ROOT);
        return text.strip().replaceAll("[^\\p{L}\\p{M}\\p{N}_\\- ]", "").replace(' ', '-');
    }

    private String check(Path file, String target) {
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String fragment = hash < 0 ? "" : target.substring(hash + 1);
        Path linked = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        if (!Files.exists(linked)) {
            return "no such file " + root.relativize(linked.toAbsolutePath().normalize());
        }
        if (!fragment.isEmpty() && linked.getFileName().toString().endsWith(".md")
                && !anchorsOf(linked).contains(fragment)) {
            return "no heading of " + root.relativize(linked) + " has the anchor #" + fragment;
        }
        return null;
    }

    private Set<String> anchorsOf(Path file) {
        return anchors.computeIfAbsent(file, f -> {
            Set<String> found = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            for (String line : outsideCode(read(f))) {
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    // GitHub numbers repeated headings: setup, setup-1, setup-2.
                    String anchor = anchor(heading.group(2));
                    int before = seen.merge(anchor, 1, Integer::sum) - 1;
                    found.add(before == 0 ? anchor : anchor + "-" + before);
                }
                Matcher html = HTML_ANCHOR.matcher(line);
                while (html.find()) {
                    found.add(html.group(1));
                }
            }
            return found;
        });
    }

    /** The relative targets of the links in one line, code spans left out. */
    private static List<String> targets(String line) {
        String text = CODE_SPAN.matcher(line).replaceAll("");
        List<String> targets = new ArrayList<>();
        Matcher inline = INLINE.matcher(text);
        while (inline.find()) {
            targets.add(inline.group(1));
        }
        Matcher reference = REFERENCE.matcher(text);
        if (reference.find()) {
            targets.add(reference.group(1));
        }
        return targets.stream()
                .map(target -> target.startsWith("<") ? target.substring(1, target.length() - 1) : target)
                .filter(target -> !SCHEME.matcher(target).find())
                .toList();
    }

    /** The file's lines with those of fenced code blocks blanked, so that line numbers stay right. */
    private static List<String> outsideCode(List<String> lines) {
        List<String> kept = new ArrayList<>(lines.size());
        String fence = null;
        for (String line : lines) {
            Matcher opening = FENCE.matcher(line);
            if (fence == null && opening.find()) {
                fence = opening.group(1);
                kept.add("");
            } else if (fence != null) {
                if (opening.find() && opening.group(1).charAt(0) == fence.charAt(0)
                        && opening.group(1).length() >= fence.length() && line.strip().equals(opening.group(1))) {
                    fence = null;
                }
                kept.add("");
            } else {
                kept.add(line);
            }
        }
        return kept;
    }

    private static List<Path> markdownFiles(Path root) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(root) && (name.startsWith(".") || SKIPPED_FOLDERS.contains(name));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(".md")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Markdown files under " + root, e);
        }
        files.sort(null);
        return files;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
