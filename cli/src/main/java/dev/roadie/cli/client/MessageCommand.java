package dev.roadie.cli.client;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What send, request and gather share: the hub to reach, and the address, subject and body. */
abstract class MessageCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Mixin
    MessageOptions message;
}
