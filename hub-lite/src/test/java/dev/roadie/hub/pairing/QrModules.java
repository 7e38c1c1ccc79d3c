package dev.roadie.hub.pairing;

import io.nayuki.qrcodegen.QrCode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads drawn QR codes back into their modules, and says what they should be: qrcodegen's own
 * module matrix for the same text, with the quiet zone around it. Rows are strings of {@code #}
 * (dark) and {@code .} (light), so that a failing comparison shows the picture.
 */
public final class QrModules {
    private static final Pattern SVG_MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
    private static final Pattern SVG_SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    private QrModules() {
    }

    /** qrcodegen's matrix for {@code text} at level M, with a quiet zone of 4 modules. */
    public static List<String> expected(String text) {
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = code.size + 2 * QrImage.QUIET_ZONE;
        boolean[][] dark = new boolean[size][size];
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                dark[y + QrImage.QUIET_ZONE][x + QrImage.QUIET_ZONE] = code.getModule(x, y);
            }
        }
        return rows(dark);
    }

    /** The modules an SVG drawn by {@link QrImage#svg()} paints black. */
    public static List<String> fromSvg(String svg) {
        Matcher sized = SVG_SIZE.matcher(svg);
        if (!sized.find()) {
            throw new AssertionError("no viewBox in " + svg);
        }
        int size = Integer.parseInt(sized.group(1));
        boolean[][] dark = new boolean[size][size];
        Matcher module = SVG_MODULE.matcher(svg);
        while (module.find()) {
            dark[Integer.parseInt(module.group(2))][Integer.parseInt(module.group(1))] = true;
        }
        return rows(dark);
    }

    /** The modules of a code drawn in a terminal by {@link QrImage#terminal}, two rows per line. */
    public static List<String> fromTerminal(List<String> lines, QrImage.Background background, int size) {
        boolean[][] dark = new boolean[size][size];
        for (int line = 0; line < lines.size(); line++) {
            String text = lines.get(line);
            if (text.length() != size) {
                throw new AssertionError("line " + line + " is " + text.length() + " characters, not " + size);
            }
            for (int x = 0; x < size; x++) {
                char c = text.charAt(x);
                boolean top = c == '█' || c == '▀';
                boolean bottom = c == '█' || c == '▄';
                if (c != ' ' && !top && !bottom) {
                    throw new AssertionError("'" + c + "' is not a half block, in line " + line);
                }
                boolean inkIsDark = background == QrImage.Background.LIGHT;
                dark[2 * line][x] = top == inkIsDark;
                if (2 * line + 1 < size) {
                    dark[2 * line + 1][x] = bottom == inkIsDark;
                } else if (bottom == inkIsDark) {
                    throw new AssertionError("below the last row should be quiet zone, in line " + line);
                }
            }
        }
        return rows(dark);
    }

    private static List<String> rows(boolean[][] dark) {
        return java.util.Arrays.stream(dark).map(row -> {
            StringBuilder text = new StringBuilder();
            for (boolean module : row) {
                text.append(module ? '#' : '.');
            }
            return text.toString();
        }).toList();
    }
}
