package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import de.sipa.shared.RuleViolationException;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aPasswordNeedsTwelveCharacters() {
        assertThatThrownBy(() -> policy.check("kurz-1234ab", "paula")).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("password.tooShort");
        assertThatCode(() -> policy.check("Straßenbahn um sieben", "paula")).doesNotThrowAnyException();
    }

    @Test
    void commonPasswordsAreRefusedAlsoWithDigitsAddedOrRepeated() {
        for (var common : new String[] {"winniethepooh", "password1234", "Passwort2024!!".replace("Passwort", "Password"),
            "qwertyuiop123", "monkeymonkey", "123456789012", "aaaaaaaaaaaa"}) {
            assertThatThrownBy(() -> policy.check(common, "paula")).as(common)
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("password.common");
        }
    }

    @Test
    void thePasswordMustNotContainTheUserName() {
        assertThatThrownBy(() -> policy.check("Koordination-2026!", "koordination"))
                .hasMessageContaining("password.containsUsername");
    }
}
