package dev.roadie.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import dev.roadie.cli.RoadieCommand;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Hello;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What a hostile client sends reaches the log as the hub's real logback configuration (this
 * module's logback.xml, the one {@code roadie serve} runs with) writes it. The test classpath
 * holds other modules' logback-test.xml, so the test loads the shipped file itself.
 */
class LogInjectionTest {
    /** A label that tries to start a line of its own, overwrite the line before and hide its end. */
    static final String FORGED = "desktop 1.0\n12:00:00.000 ERROR Hub - the database is corrupt"
            + "\r\u001b[1A\u2028ERROR twice\u2029\u0085\u202Eevil\t|";

    @TempDir
    Path data;

    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    AppenderBase<ILoggingEvent> capture;

    @BeforeEach
    void writeWhatTheConsoleWouldWrite() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        long configuredFrom = System.currentTimeMillis();
        configurator.doConfigure(shippedConfiguration());
        assertThat(new StatusUtil(context).getHighestLevel(configuredFrom)).as("logback's complaints about logback.xml")
                .isLessThan(Status.WARN);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("console");
        assertThat(console).as("logback.xml's console appender").isNotNull();
        Encoder<ILoggingEvent> encoder = console.getEncoder();
        capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                byte[] line = encoder.encode(event);
                synchronized (written) {
                    written.writeBytes(line);
                }
            }
        };
        capture.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        capture.start();
        root.addAppender(capture);
    }

    @AfterEach
    void stopCapturing() throws JoranException {
        root.detachAppender(capture);
        capture.stop();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    /** cli's own logback.xml, beside the classes of the command. */
    static URL shippedConfiguration() throws Exception {
        URL classes = RoadieCommand.class.getProtectionDomain().getCodeSource().getLocation();
        URL config = classes.toURI().resolve("logback.xml").toURL();
        assertThat(Path.of(config.toURI())).as("cli's logback.xml").exists();
        return config;
    }

    String written() {
        synchronized (written) {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_hello_whose_client_label_holds_a_log_line_leaves_one_line_with_the_label_escaped() {
        try (TestHub hub = TestHub.start(data); WireClient client = WireClient.connect(hub.port())) {
            client.hello(new Hello(hub.token("forger", "desktop", "send:*"), null, null, null, 1, FORGED));

            await().atMost(Duration.ofSeconds(10)).until(() -> written().contains("opened for"));
        }
        String log = written();
        List<String> opened = log.lines().filter(line -> line.contains("opened for")).toList();
        assertThat(opened).singleElement().asString()
                .contains("desktop 1.0\\n12:00:00.000 ERROR Hub - the database is corrupt\\r\\u001B[1A\\u2028ERROR twice"
                        + "\\u2029\\u0085\\u202Eevil\\t|");
        assertThat(log.lines()).noneMatch(line -> line.startsWith("12:00:00.000 ERROR"));
        assertThat(log).doesNotContain("\r", "\u001b", "\u2028", "\u2029", "\u0085", "\u202E");
    }

    @Test
    void an_exception_message_with_a_newline_stays_on_the_line_of_its_exception() {
        LoggerFactory.getLogger(LogInjectionTest.class).warn("refused a frame",
                new IllegalArgumentException("bad name " + FORGED, new IllegalStateException("cause\nERROR forged")));

        String log = written();
        assertThat(log.lines()).noneMatch(line -> line.startsWith("12:00:00.000 ERROR") || line.startsWith("ERROR"));
        assertThat(log).contains("java.lang.IllegalArgumentException: bad name desktop 1.0\\n12:00:00.000 ERROR",
                "Caused by: java.lang.IllegalStateException: cause\\nERROR forged");
        assertThat(log).doesNotContain("\r", "\u001b", "\u2028");
    }
}
