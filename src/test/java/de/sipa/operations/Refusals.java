package de.sipa.operations;

import static org.assertj.core.api.Assertions.assertThat;

import de.sipa.shared.RuleViolationException;

/** The refusal a step meets, to check its message key and the German text the user reads. */
final class Refusals {

    private Refusals() {
    }

    static RuleViolationException catchRefusal(Runnable work) {
        try {
            work.run();
        } catch (RuleViolationException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    static void assertRefused(String key, Runnable work) {
        assertThat(catchRefusal(work).messageKey()).isEqualTo(key);
    }
}
