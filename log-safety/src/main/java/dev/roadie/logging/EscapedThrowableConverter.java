package dev.roadie.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %ex} with control characters escaped in the message of every exception in the chain
 * (causes and suppressed ones too): exception messages often quote what a client sent. The stack
 * lines come from the code, not from clients, and keep their layout.
 */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return super.throwableProxyToString(EscapedThrowableProxy.of(throwable));
    }
}
