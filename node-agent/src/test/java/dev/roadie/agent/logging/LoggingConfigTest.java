package dev.roadie.agent.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import dev.roadie.agent.AgentCommand;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The agent's shipped logback.xml (the test classpath has another module's logback-test.xml first). */
class LoggingConfigTest {
    @Test
    void the_agents_log_writes_text_from_lavalink_or_the_hub_on_one_line() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(shippedConfiguration());
        try {
            assertThat(new StatusUtil(context).getHighestLevel(0)).as("logback's complaints about logback.xml")
                    .isLessThan(Status.WARN);
            Logger logger = context.getLogger("dev.roadie.agent.NodeAgent");
            @SuppressWarnings("unchecked")
            OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>)
                    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("console");
            LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
                    "{} runs Lavalink {}", new IllegalStateException("bad\nERROR forged"),
                    new Object[] {"audio-node/ams-1", "4.0.8\n12:00:00.000 ERROR NodeAgent - forged\u001b[2K"});

            String written = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);

            assertThat(written).contains("runs Lavalink 4.0.8\\n12:00:00.000 ERROR NodeAgent - forged\\u001B[2K",
                    "java.lang.IllegalStateException: bad\\nERROR forged");
            assertThat(written.lines()).noneMatch(line -> line.startsWith("12:00:00.000") || line.startsWith("ERROR"));
        } finally {
            context.stop();
        }
    }

    static URL shippedConfiguration() throws Exception {
        URL classes = AgentCommand.class.getProtectionDomain().getCodeSource().getLocation();
        URL config = classes.toURI().resolve("logback.xml").toURL();
        assertThat(Path.of(config.toURI())).as("node-agent's logback.xml").exists();
        return config;
    }
}
