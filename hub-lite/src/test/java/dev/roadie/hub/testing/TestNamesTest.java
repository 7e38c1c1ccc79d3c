package dev.roadie.hub.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;

/**
 * Every test of the hub is named as a sentence in snake case that says the behaviour it checks
 * ({@code a_revoked_token_is_refused}), so that a failure reads as the broken promise.
 */
class TestNamesTest {
    /** Lower-case words of letters and digits, joined by single underscores. */
    static final Pattern SENTENCE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    @Test
    void every_test_method_of_the_hub_is_named_as_a_snake_case_sentence() {
        // The compiled tests' own folder: scanning the whole class path for the package costs seconds.
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPath(testClasses());

        // @Test, @ParameterizedTest, @FuzzTest and the like all carry @Testable.
        methods().that().areMetaAnnotatedWith(Testable.class)
                .should().haveNameMatching(SENTENCE.pattern())
                .because("test names are sentences in snake case that say the behaviour"
                        + " (a_revoked_token_is_refused), not testFoo or shouldFoo: rename the method")
                .check(tests);
    }

    private static Path testClasses() {
        try {
            return Path.of(TestNamesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot find the folder of the compiled tests", e);
        }
    }

    @Test
    void the_naming_rule_takes_sentences_and_refuses_other_styles() {
        assertThat(SENTENCE.matcher("a_revoked_token_is_refused").matches()).isTrue();
        assertThat(SENTENCE.matcher("a_4008_names_the_limit").matches()).isTrue();
        assertThat(SENTENCE.matcher("testRevokedToken").matches()).isFalse();
        assertThat(SENTENCE.matcher("shouldRefuseARevokedToken").matches()).isFalse();
        assertThat(SENTENCE.matcher("a_TLS_port_opens").matches()).isFalse();
        assertThat(SENTENCE.matcher("a__double_gap").matches()).isFalse();
        assertThat(SENTENCE.matcher("_leading").matches()).isFalse();
    }
}
