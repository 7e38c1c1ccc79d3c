package dev.roadie.hub.pairing;

import io.nayuki.qrcodegen.QrCode;
import java.util.Objects;

/**
 * A text (an invite's link) as a QR code, drawn for a screen: as SVG for the web page, or in
 * Unicode half blocks for a terminal, so that a phone's camera reads it with no typing. The
 * encoding is Project Nayuki's QR Code generator; this class only draws its modules.
 */
public final class QrImage {
    /** The light border a reader needs around the code, in modules (ISO/IEC 18004 asks for 4). */
    static final int QUIET_ZONE = 4;

    /** Which colour the terminal's background is: its blocks are drawn in the other. */
    public enum Background {
        /** Light text on a dark background (most terminals): the light modules are drawn as blocks. */
        DARK,
        /** Dark text on a light background: the dark modules are drawn as blocks. */
        LIGHT
    }

    private final QrCode code;

    private QrImage(QrCode code) {
        this.code = code;
    }

    /**
     * The QR code of {@code text}, at error correction level M (15 % may be lost) or better where
     * that fits in the same size.
     *
     * @throws IllegalArgumentException when the text is too long for any QR code
     */
    public static QrImage of(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return new QrImage(QrCode.encodeText(text, QrCode.Ecc.MEDIUM));
        } catch (io.nayuki.qrcodegen.DataTooLongException e) {
            throw new IllegalArgumentException("the text is too long for a QR code (" + text.length()
                    + " characters)", e);
        }
    }

    /** The code's width and height in modules, without the quiet zone. */
    public int modules() {
        return code.size;
    }

    /**
     * The code as a standalone SVG document: black modules on a white square that includes the
     * quiet zone, one module per user unit, so that it scales to any size without blurring.
     */
    public String svg() {
        int size = code.size + 2 * QUIET_ZONE;
        StringBuilder svg = new StringBuilder(code.size * code.size * 6)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(size).append(' ').append(size)
                .append("\" shape-rendering=\"crispEdges\"><rect width=\"").append(size).append("\" height=\"")
                .append(size).append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    svg.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return svg.append("\"/></svg>").toString();
    }

    /**
     * The code in a terminal: each character is two modules, one above the other, drawn with
     * {@code ▀}, {@code ▄}, {@code █} and spaces, with the quiet zone around it. A line ends
     * with a {@code \n} each.
     */
    public String terminal(Background background) {
        int size = code.size + 2 * QUIET_ZONE;
        StringBuilder out = new StringBuilder((size + 1) * (size / 2 + 1));
        for (int y = 0; y < size; y += 2) {
            for (int x = 0; x < size; x++) {
                boolean top = inked(x, y, background);
                boolean bottom = inked(x, y + 1, background);
                out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Whether the terminal draws a block at module ({@code x}, {@code y}) of the code with its quiet zone.
     * Below the last row (the quiet zone's height is odd with the code's) counts as quiet zone too.
     */
    private boolean inked(int x, int y, Background background) {
        int size = code.size + 2 * QUIET_ZONE;
        boolean dark = y < size && code.getModule(x - QUIET_ZONE, y - QUIET_ZONE);
        return background == Background.LIGHT ? dark : !dark;
    }
}
