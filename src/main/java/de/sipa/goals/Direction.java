package de.sipa.goals;

/** Whether a goal wants its indicator to rise to the target or to fall to it. */
public enum Direction {
    UP, DOWN;

    /** Whether {@code value} has reached {@code target} in this direction. */
    boolean reached(double value, double target) {
        return this == UP ? value >= target : value <= target;
    }
}
