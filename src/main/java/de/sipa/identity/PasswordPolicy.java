package de.sipa.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import de.sipa.shared.RuleViolationException;

/**
 * What a new password must be (OWASP ASVS 2.1): at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_LENGTH}, not the user name, and not one of the common passwords shipped in
 * {@code identity/common-passwords.txt} – also not with digits or symbols merely added around it
 * ({@code Password2024!}) or repeated ({@code monkeymonkey}). No online lookup. Checked whenever a password is set
 * or changed.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("identity/common-passwords.txt");
    }

    /** Throws a {@link RuleViolationException} ({@code password.*}) naming what is wrong with the password. */
    void check(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new RuleViolationException("password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new RuleViolationException("password.tooLong", MAX_LENGTH);
        }
        var lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            throw new RuleViolationException("password.containsUsername");
        }
        if (isCommon(lower)) {
            throw new RuleViolationException("password.common");
        }
    }

    boolean isCommon(String lowerCasePassword) {
        if (common.contains(lowerCasePassword)) {
            return true;
        }
        var core = lowerCasePassword.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (core.isEmpty() || common.contains(core)) {
            return true;
        }
        for (int length = 1; length <= core.length() / 2; length++) {
            if (core.length() % length == 0 && core.equals(core.substring(0, length).repeat(core.length() / length))) {
                return length < 4 || common.contains(core.substring(0, length));
            }
        }
        return false;
    }

    private static Set<String> load(String path) {
        var words = new HashSet<String>();
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(path).getInputStream(),
                StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#!comment:") && !line.isBlank())
                    .forEach(line -> words.add(line.strip().toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
