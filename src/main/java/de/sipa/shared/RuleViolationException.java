package de.sipa.shared;

import java.util.List;

/**
 * A business rule the user's input broke. Carries message keys (with arguments) so that the web layer
 * can show them in the user's language.
 */
public class RuleViolationException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public RuleViolationException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
