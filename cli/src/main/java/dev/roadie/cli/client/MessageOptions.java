package dev.roadie.cli.client;

import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Where a send, request or gather goes, what about, and its body. */
public final class MessageOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "ADDRESS",
            description = "service:KIND/NAME, kind:KIND, one:KIND, topic:TOPIC, all, or hub (the hub itself, for a"
                    + " request of subject search, resolve or providers).")
    String to;

    @Option(names = "--subject", required = true, paramLabel = "SUBJECT", description = "What it is about.")
    String subject;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BODY",
            description = "A JSON body; - reads it from stdin; none sends no body.")
    String body;

    private InputStream stdin = System.in;

    /** Reads {@code -} bodies from {@code stdin}, for tests. */
    void stdin(InputStream stdin) {
        this.stdin = stdin;
    }

    /** The address; a usage error when it is not one. */
    public Address address() {
        try {
            return Address.parse(to);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The body as JSON, or null; a usage error when it is not JSON. */
    public JsonNode json() {
        if (body == null) {
            return null;
        }
        String text = body;
        if (body.equals("-")) {
            try {
                text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read the body from stdin: " + e.getMessage());
            }
        }
        try {
            return FrameCodec.DEFAULT.mapper().readTree(text);
        } catch (JacksonException e) {
            throw new ParameterException(spec.commandLine(), "the body is not JSON: " + e.getOriginalMessage());
        }
    }
}
