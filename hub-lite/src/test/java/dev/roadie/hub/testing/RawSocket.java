package dev.roadie.hub.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain TCP socket to the hub for tests that must send HTTP exactly as they mean it: a byte at
 * a time, with any Host or Origin, or nothing at all. Every wait has a deadline.
 */
public final class RawSocket implements AutoCloseable {
    private final Socket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    private RawSocket(Socket socket) {
        this.socket = socket;
    }

    /** Connects to 127.0.0.1:{@code port}. */
    public static RawSocket open(int port) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            return new RawSocket(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("could not connect to the hub on port " + port, e);
        }
    }

    /** Sends {@code text} as it is. */
    public void write(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code text}; false when the hub has closed the socket already. */
    public boolean tryWrite(String text) {
        try {
            write(text);
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Reads until the hub closes the socket (end of stream or reset), for at most {@code within};
     * returns whether it closed in that time. What arrived meanwhile is in {@link #received()}.
     */
    public boolean closedWithin(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) left);
                int n = in.read(buffer);
                if (n < 0) {
                    return true;
                }
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the hub
        }
    }

    /**
     * Reads one response's status line and headers (and a body of the length it gives), for at
     * most {@code within}; returns it as text, or what arrived before the deadline or the close.
     */
    public String readResponse(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                String text = received();
                int end = text.indexOf("\r\n\r\n");
                if (end >= 0) {
                    int length = contentLength(text.substring(0, end));
                    if (text.length() >= end + 4 + length) {
                        return text.substring(0, end + 4 + length);
                    }
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return text;
                }
                socket.setSoTimeout((int) left);
                int b = in.read();
                if (b < 0) {
                    return received();
                }
                received.write(b);
            }
        } catch (SocketTimeoutException e) {
            return received();
        } catch (IOException e) {
            return received();
        }
    }

    /** Everything received so far. */
    public String received() {
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return 0;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
