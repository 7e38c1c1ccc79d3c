package dev.roadie.mobile.screens;

/** Words the shell shows. */
final class ShellText {
    private ShellText() {
    }

    /** Guilds are Discord ids; the bot's label gives no names yet, so the id reads as a server. */
    static String guild(String id) {
        return "Server " + id;
    }
}
