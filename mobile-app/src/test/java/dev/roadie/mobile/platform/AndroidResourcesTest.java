package dev.roadie.mobile.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The Android manifest and resources, checked as Android's build checks them: Debian's
 * {@code aapt} against the platform's {@code framework-res.apk} (both installed by bin/test).
 * A misspelled attribute or a reference to nothing fails, with its line.
 */
class AndroidResourcesTest {
    static final Path ANDROID = Path.of("src", "android");
    /** The Gradle project's namespace, as GluonFX's build would set it for this app. */
    static final String NAMESPACE = "dev.roadie.mobile";
    static final Path FRAMEWORK = Path.of("/usr/share/android-framework-res/framework-res.apk");

    @TempDir
    Path copy;

    record Outcome(int exit, String output) {
    }

    static Outcome aapt(Path manifest, Path res) throws IOException, InterruptedException {
        assertThat(Path.of("/usr/bin/aapt")).as("aapt, to check the Android manifest: apt-get install aapt android-framework-res")
                .exists();
        assertThat(FRAMEWORK).as("Android's framework resources: apt-get install android-framework-res").exists();
        Process aapt = new ProcessBuilder("aapt", "package", "-M", manifest.toString(), "-S", res.toString(),
                "-I", FRAMEWORK.toString()).redirectErrorStream(true).start();
        String output = new String(aapt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(aapt.waitFor(60, TimeUnit.SECONDS)).as("aapt ended").isTrue();
        return new Outcome(aapt.exitValue(), output);
    }

    /**
     * The project's manifest and resources, copied, with {@code from} replaced by {@code to} in
     * {@code file}, and the package aapt needs put in as Android's Gradle plugin puts in the
     * project's namespace.
     */
    Outcome checked(String file, String from, String to) throws Exception {
        Path res = copy.resolve("res");
        for (Path source : Files.walk(ANDROID.resolve("res")).filter(Files::isRegularFile).toList()) {
            Path target = res.resolve(ANDROID.resolve("res").relativize(source).toString());
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
        }
        Path manifest = copy.resolve("AndroidManifest.xml");
        Files.writeString(manifest, Files.readString(ANDROID.resolve("AndroidManifest.xml"))
                .replace("<manifest ", "<manifest package=\"" + NAMESPACE + "\" "));
        Path changed = copy.resolve(file);
        String text = Files.readString(changed);
        assertThat(text).as(file).contains(from);
        Files.writeString(changed, text.replace(from, to));
        return aapt(manifest, res);
    }

    @Test
    void the_manifest_and_resources_pass_aapt() throws Exception {
        Outcome outcome = checked("AndroidManifest.xml", "<manifest ", "<manifest ");

        assertThat(outcome.exit()).as(outcome.output()).isZero();
    }

    @Test
    void the_manifest_leaves_the_package_and_sdk_levels_to_the_gradle_project() throws Exception {
        String manifest = Files.readString(ANDROID.resolve("AndroidManifest.xml"));

        assertThat(manifest).doesNotContain("package=", "<uses-sdk");
    }

    @Test
    void a_misspelled_attribute_fails_with_its_line() throws Exception {
        Outcome outcome = checked("AndroidManifest.xml", "android:exported=", "android:exportd=");

        assertThat(outcome.exit()).isNotZero();
        assertThat(outcome.output()).contains("AndroidManifest.xml:", "No resource identifier found for attribute 'exportd'");
    }

    @Test
    void a_reference_to_a_missing_resource_fails() throws Exception {
        Outcome manifest = checked("AndroidManifest.xml", "@string/share_label", "@string/share_lable");
        assertThat(manifest.exit()).isNotZero();
        assertThat(manifest.output()).contains("No resource found that matches the given name", "share_lable");
    }

    @Test
    void a_broken_reference_inside_the_resources_fails_too() throws Exception {
        Outcome drawable = checked("res/drawable/ic_roadie.xml", "@color/roadie_blue", "@color/roadie_bleu");
        assertThat(drawable.exit()).isNotZero();
        assertThat(drawable.output()).contains("roadie_bleu");
    }

    @Test
    void the_activity_takes_the_voice_search_the_share_and_the_roadie_scheme() throws Exception {
        Document manifest = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(ANDROID.resolve("AndroidManifest.xml").toFile());
        NodeList actions = manifest.getElementsByTagName("action");
        List<String> names = java.util.stream.IntStream.range(0, actions.getLength())
                .mapToObj(i -> actions.item(i).getAttributes().getNamedItem("android:name").getNodeValue()).toList();
        NodeList data = manifest.getElementsByTagName("data");
        List<String> datas = java.util.stream.IntStream.range(0, data.getLength()).mapToObj(i -> {
            var a = data.item(i).getAttributes();
            return a.getNamedItem("android:scheme") != null ? "scheme:" + a.getNamedItem("android:scheme").getNodeValue()
                    : "type:" + a.getNamedItem("android:mimeType").getNodeValue();
        }).toList();

        assertThat(names).contains(dev.roadie.mobile.intents.AndroidIntents.MEDIA_PLAY_FROM_SEARCH,
                dev.roadie.mobile.intents.AndroidIntents.SEND, dev.roadie.mobile.intents.AndroidIntents.VIEW);
        assertThat(datas).containsExactlyInAnyOrder("type:" + dev.roadie.mobile.intents.AndroidIntents.TEXT_PLAIN, "scheme:roadie");
    }

    @Test
    void the_ios_info_plist_registers_the_roadie_url_scheme() throws Exception {
        var factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document plist = factory.newDocumentBuilder().parse(Path.of("src", "ios", "Default-Info.plist").toFile());
        NodeList keys = plist.getElementsByTagName("key");
        String schemes = null;
        for (int i = 0; i < keys.getLength(); i++) {
            if (keys.item(i).getTextContent().equals("CFBundleURLSchemes")) {
                var next = keys.item(i).getNextSibling();
                while (next.getNodeType() != org.w3c.dom.Node.ELEMENT_NODE) {
                    next = next.getNextSibling();
                }
                schemes = next.getTextContent().strip();
            }
        }
        assertThat(schemes).isEqualTo("roadie");
    }
}
