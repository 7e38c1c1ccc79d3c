package dev.roadie.model.voice;

import java.util.Objects;

/**
 * A spoken volume change: either a level to set ("volume to 30") or a step to add
 * ("volume up", "turn it down by 20").
 *
 * <p>Levels are the number the speaker said, read as percent of normal loudness. That is
 * also Lavalink's scale (0..1000, 100 = unchanged), so no conversion is needed. Levels are
 * capped at {@value #MAX_LEVEL}: above 100 Lavalink amplifies and the sound starts to clip,
 * most Discord music bots stop at 200 for that reason, and a spoken "volume 900" is far more
 * likely a mishearing than a wish. The bot may apply a lower limit of its own.
 *
 * @param mode  whether {@code value} is a level or a step
 * @param value the level ({@value #MIN_LEVEL}..{@value #MAX_LEVEL}) for {@link Mode#ABSOLUTE},
 *              the signed step (-{@value #MAX_LEVEL}..{@value #MAX_LEVEL}) for
 *              {@link Mode#RELATIVE}
 */
public record VolumeChange(Mode mode, int value) {

    /** The lowest level: silence. */
    public static final int MIN_LEVEL = 0;
    /** The highest level the parser produces; see the type's documentation for why 200. */
    public static final int MAX_LEVEL = 200;
    /** The step for "volume up", "louder" and friends when no amount is spoken. */
    public static final int STEP = 10;

    /** How to read {@link #value()}. */
    public enum Mode {
        /** Set the volume to the value. */
        ABSOLUTE,
        /** Add the value (negative for quieter) to the current volume. */
        RELATIVE
    }

    /**
     * Checks the value against the mode.
     *
     * @throws NullPointerException     if {@code mode} is null
     * @throws IllegalArgumentException if {@code value} is out of range for the mode
     */
    public VolumeChange {
        Objects.requireNonNull(mode, "mode");
        int min = mode == Mode.ABSOLUTE ? MIN_LEVEL : -MAX_LEVEL;
        if (value < min || value > MAX_LEVEL) {
            throw new IllegalArgumentException(
                    "volume " + mode + " " + value + " outside " + min + ".." + MAX_LEVEL);
        }
    }

    /**
     * A level to set, clamped into {@value #MIN_LEVEL}..{@value #MAX_LEVEL}: whatever was
     * heard, the bot gets something usable.
     *
     * @param level the spoken level
     * @return the change
     */
    public static VolumeChange absolute(int level) {
        return new VolumeChange(Mode.ABSOLUTE, clamp(level, MIN_LEVEL));
    }

    /**
     * A step to add, clamped into -{@value #MAX_LEVEL}..{@value #MAX_LEVEL}.
     *
     * @param step the signed step; negative is quieter
     * @return the change
     */
    public static VolumeChange relative(int step) {
        return new VolumeChange(Mode.RELATIVE, clamp(step, -MAX_LEVEL));
    }

    /**
     * The volume after this change, for a bot that knows its current volume.
     *
     * @param current the current level
     * @return the new level, within {@value #MIN_LEVEL}..{@value #MAX_LEVEL}
     */
    public int applyTo(int current) {
        long target = mode == Mode.ABSOLUTE ? value : (long) current + value;
        return (int) Math.max(MIN_LEVEL, Math.min(MAX_LEVEL, target));
    }

    private static int clamp(int value, int min) {
        return Math.max(min, Math.min(MAX_LEVEL, value));
    }
}
