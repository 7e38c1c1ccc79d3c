package dev.roadie.hub.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.roadie.model.wire.Goodbye;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What {@link HubExtension} leaves behind: sample test classes run through the JUnit launcher,
 * and what they saw of their hub is checked after they finished.
 */
class HubExtensionTest {
    /** The samples run only when launched from here, not when a build or an IDE finds them. */
    static volatile boolean launching;

    /** What the last sample saw, in the order it saw it. */
    static volatile int firstPort;
    static volatile int secondPort;
    static volatile WireClient firstClient;
    static volatile Path firstData;

    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();

    static boolean launching() {
        return launching;
    }

    static TestExecutionSummary run(Class<?> sample) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launching = true;
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(sample)).filters(EngineFilter.includeEngines("junit-jupiter")).build(),
                    listener);
        } finally {
            launching = false;
        }
        return listener.getSummary();
    }

    static void assertRefused(int port) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                .as("a connection to the closed hub's port %d", port).isInstanceOf(ConnectException.class);
    }

    static void assertClosed(WireClient client) {
        await().atMost(Duration.ofSeconds(5)).until(client::isClosed);
    }

    @Test
    void a_hub_started_for_a_test_is_closed_after_it_with_its_clients_and_its_data_folder() {
        TestExecutionSummary summary = run(PassingTestWithDefaults.class);

        assertThat(summary.getTestsSucceededCount()).as("%s", summary.getFailures()).isEqualTo(1);
        assertRefused(firstPort);
        assertClosed(firstClient);
        assertThat(firstData).doesNotExist();
    }

    @Test
    void a_hub_that_a_failing_test_started_itself_is_closed_all_the_same() {
        TestExecutionSummary summary = run(FailingTestThatStartsItsHub.class);

        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures().getFirst().getException()).hasMessage("the test fails on purpose");
        assertRefused(firstPort);
        assertClosed(firstClient);
        assertThat(firstData).doesNotExist();
    }

    @Test
    void a_hub_on_a_static_field_serves_every_test_of_the_class_and_closes_each_tests_clients_after_it() {
        TestExecutionSummary summary = run(OneHubForTheClass.class);

        assertThat(summary.getTestsSucceededCount()).as("%s", summary.getFailures()).isEqualTo(2);
        assertThat(secondPort).as("the second test's hub is the first's").isEqualTo(firstPort);
        assertRefused(firstPort);
        assertThat(firstData).doesNotExist();
    }

    @Test
    void a_nested_class_shares_the_hub_of_the_class_around_it() {
        TestExecutionSummary summary = run(OneHubForNestedClasses.class);

        assertThat(summary.getTestsSucceededCount()).as("%s", summary.getFailures()).isEqualTo(2);
        assertThat(secondPort).as("the nested test's hub is the outer one's").isEqualTo(firstPort);
        assertRefused(firstPort);
        assertThat(firstData).doesNotExist();
    }

    @Test
    void a_second_start_while_a_hub_runs_is_refused_with_advice() {
        hub.start();

        assertThatThrownBy(() -> hub.start(Map.of("limits.connectionsPerAddress", "3")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already running").hasMessageContaining("close it first");
    }

    @Test
    void without_a_running_hub_its_methods_say_how_to_start_one() {
        assertThatThrownBy(hub::port).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.start(settings)");
    }

    @Test
    void a_restart_keeps_the_data_folder_and_a_client_kept_across_it_sees_the_goodbye() {
        String admin = hub.start().adminToken();
        WireClient kept = hub.trackAcrossRestarts(WireClient.authenticated(hub.port(), hub.token("eu-1", "music-bot")));

        hub.close();

        assertThat(kept.expect(Goodbye.class)).isNotNull();
        assertThat(hub.start().adminToken()).as("the same data folder, so the same admin token").isEqualTo(admin);
    }

    @EnabledIf("dev.roadie.hub.testing.HubExtensionTest#launching")
    static class PassingTestWithDefaults {
        @RegisterExtension
        final HubExtension hub = HubExtension.withDefaults();

        @Test
        void sees_a_running_hub() {
            firstPort = hub.port();
            firstData = hub.data();
            firstClient = hub.client("eu-1", "music-bot");
            assertThat(firstData).isDirectory();
        }
    }

    @EnabledIf("dev.roadie.hub.testing.HubExtensionTest#launching")
    static class FailingTestThatStartsItsHub {
        @RegisterExtension
        final HubExtension hub = HubExtension.startedByEachTest();

        @Test
        void fails_after_starting_its_hub() {
            hub.start(Map.of("limits.connectionsPerAddress", "3"));
            firstPort = hub.port();
            firstData = hub.data();
            firstClient = hub.client("eu-1", "music-bot");
            throw new AssertionError("the test fails on purpose");
        }
    }

    @EnabledIf("dev.roadie.hub.testing.HubExtensionTest#launching")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class OneHubForTheClass {
        @RegisterExtension
        static final HubExtension hub = HubExtension.withDefaults();

        @Test
        @Order(1)
        void opens_a_client() {
            firstPort = hub.port();
            firstData = hub.data();
            firstClient = hub.client("eu-1", "music-bot");
        }

        @Test
        @Order(2)
        void finds_the_same_hub_and_the_first_tests_client_closed() {
            secondPort = hub.port();
            assertClosed(firstClient);
        }
    }

    @EnabledIf("dev.roadie.hub.testing.HubExtensionTest#launching")
    static class OneHubForNestedClasses {
        @RegisterExtension
        static final HubExtension hub = HubExtension.withDefaults();

        @Test
        void sees_a_running_hub() {
            firstPort = hub.port();
            firstData = hub.data();
        }

        @Nested
        class Inner {
            @Test
            void sees_the_same_hub() {
                secondPort = hub.port();
            }
        }
    }
}
