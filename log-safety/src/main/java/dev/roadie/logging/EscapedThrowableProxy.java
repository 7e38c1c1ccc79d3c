package dev.roadie.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;

/** A logged exception as logback sees it, with its message escaped; causes are wrapped when asked for. */
record EscapedThrowableProxy(IThrowableProxy original) implements IThrowableProxy {
    static IThrowableProxy of(IThrowableProxy original) {
        return original == null || original instanceof EscapedThrowableProxy ? original
                : new EscapedThrowableProxy(original);
    }

    @Override
    public String getMessage() {
        return LogText.escape(original.getMessage());
    }

    @Override
    public String getClassName() {
        return original.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return original.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return original.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
        return of(original.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        IThrowableProxy[] suppressed = original.getSuppressed();
        return suppressed == null ? null
                : Arrays.stream(suppressed).map(EscapedThrowableProxy::of).toArray(IThrowableProxy[]::new);
    }

    @Override
    public boolean isCyclic() {
        return original.isCyclic();
    }
}
